package com.example.authserver.admin.keys;

import com.example.authserver.audit.AuditEvent;
import com.example.authserver.audit.AuditEventType;
import com.example.authserver.audit.AuditTrail;
import com.example.authserver.keys.SigningKeyOverview;
import com.example.authserver.keys.SigningKeyOverview.PublishedKey;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The signing keys page: every key the JWKS publishes, with its phase (next, current, retiring) and times, and
 * "rotate now". A rotation publishes a new key at once and lets it sign only after {@code authforge.keys.propagation-time},
 * as the scheduled rotation does (keys/RotationPolicy): a client that cached the JWKS a moment ago must still be able
 * to verify the first token of the new key. So the page offers "rotate now" only while no key is waiting; while one
 * is, it says when that key takes over, as bringing it forward would break exactly those clients.
 */
@Controller
class SigningKeysController {

    static final String PAGE = "/admin/keys";

    static final String VIEW = "admin/keys/keys";

    private final SigningKeyOverview signingKeys;

    private final AuditTrail auditTrail;

    SigningKeysController(SigningKeyOverview signingKeys, AuditTrail auditTrail) {
        this.signingKeys = signingKeys;
        this.auditTrail = auditTrail;
    }

    @GetMapping(PAGE)
    String page(@RequestParam(required = false) String done, Model model) {
        model.addAttribute("keys", signingKeys.publishedKeys());
        model.addAttribute("next", signingKeys.nextKey().orElse(null));
        if ("rotated".equals(done)) {
            model.addAttribute("statusKey", "admin.keys.status.rotated");
        } else if ("waiting".equals(done)) {
            model.addAttribute("statusKey", "admin.keys.status.waiting");
        }
        return VIEW;
    }

    @PostMapping(PAGE + "/rotate")
    String rotate() {
        if (signingKeys.nextKey().isPresent()) {
            return "redirect:" + PAGE + "?done=waiting"; // another administrator (or the schedule) was first
        }
        Optional<PublishedKey> next = signingKeys.rotateNow();
        next.ifPresent(key -> auditTrail.record(AuditEvent.of(AuditEventType.SIGNING_KEY_ROTATED)
                .method("console")
                .detail("key " + key.kid() + " (" + key.algorithm() + ") published, signs from " + key.activatesAt())));
        return "redirect:" + PAGE + "?done=rotated";
    }
}
