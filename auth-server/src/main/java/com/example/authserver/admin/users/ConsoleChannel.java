package com.example.authserver.admin.users;

import com.example.authserver.audit.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Marks every request of the Users pages as the console's: audit events recorded deep in the stores during it (a
 * passkey removed, a grant revoked, a session ended) name the method {@code console}, as those of administration/ do.
 */
@ControllerAdvice(basePackageClasses = ConsoleChannel.class)
class ConsoleChannel {

    @ModelAttribute
    void markConsoleRequest(HttpServletRequest request) {
        request.setAttribute(AuditTrail.CHANNEL_ATTRIBUTE, UserPages.CHANNEL);
    }
}
