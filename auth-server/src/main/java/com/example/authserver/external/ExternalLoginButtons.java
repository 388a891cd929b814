package com.example.authserver.external;

import java.util.List;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives the pages the configured providers: one "Sign in with" button each on the sign-in page, none when empty. */
@ControllerAdvice
class ExternalLoginButtons {

    private final ExternalProviders providers;

    ExternalLoginButtons(ExternalProviders providers) {
        this.providers = providers;
    }

    @ModelAttribute("externalProviders")
    List<ExternalProviders.Button> externalProviders() {
        return providers.buttons();
    }
}
