package com.example.authserver.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.support.Browser;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** A form opened for the first time shows no error, neither the summary nor a field's. */
@ServerTest
class FreshFormsTests {

    @Autowired
    TestServer server;

    @Autowired
    TestUsers testUsers;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/account/register",
                "/account/forgot-password",
                "/account/resend-confirmation",
                "/account/change-password",
                "/account/profile",
                "/account/two-factor/enable"
            })
    void aNewFormShowsNoError(String path) {
        Browser browser = server.browser();
        browser.signIn(testUsers.create("fresh").getUserName(), TestUsers.PASSWORD);

        Browser.Page form = browser.navigate(path);

        assertThat(form.status()).isEqualTo(200);
        assertThat(form.document().select("form")).isNotEmpty();
        assertThat(form.document().select(".alert-error, .field-error, [aria-invalid=true]"))
                .as(path)
                .isEmpty();
    }
}
