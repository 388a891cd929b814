package com.example.authserver.account.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.account.RestrictedAccountSettings;
import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.TestServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@RestrictedAccountSettings
class RegistrationDisabledTests {

    @Autowired
    TestServer server;

    @Test
    void theRegistrationPageDoesNotExist() {
        Page page = server.browser().get("/account/register");

        assertThat(page.status()).isEqualTo(404);
    }

    @Test
    void theSignInPageOffersNoRegistrationButAResendLink() {
        Page login = server.browser().navigate("/login");

        assertThat(login.document().select("a[href=/account/register]")).isEmpty();
        assertThat(login.document().select("a[href=/account/forgot-password]")).hasSize(1);
        assertThat(login.document()
                        .select("a[href=/account/resend-confirmation]")
                        .text())
                .isEqualTo("Did not get the confirmation email? Send it again");
    }
}
