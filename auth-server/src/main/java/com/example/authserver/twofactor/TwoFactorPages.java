package com.example.authserver.twofactor;

import com.example.authserver.security.ApplicationChainContribution;
import com.example.authserver.security.RecentSignIn.Guarded;
import java.util.List;
import org.springframework.stereotype.Component;

/** The two-factor settings pages, and the changes among them that need a recent sign-in. */
@Component
public class TwoFactorPages implements ApplicationChainContribution {

    public static final String TWO_FACTOR = "/account/two-factor";

    public static final String ENABLE = "/account/two-factor/enable";

    @Override
    public List<Guarded> recentSignInRequired() {
        return List.of(
                Guarded.page(ENABLE, ENABLE),
                Guarded.page(TWO_FACTOR + "/disable", TWO_FACTOR),
                Guarded.page(TWO_FACTOR + "/reset", TWO_FACTOR),
                Guarded.page(TWO_FACTOR + "/recovery-codes", TWO_FACTOR));
    }
}
