package com.example.authserver.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.support.Browser;
import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.TestUsers;
import java.util.Map;

/** The person at the phone: signs in on /activate, types the code, answers the consent page. */
final class DeviceUser {

    private final Browser browser;

    private final String userName;

    private final String userId;

    private final String password;

    DeviceUser(Browser browser, String userName) {
        this(browser, userName, null);
    }

    DeviceUser(Browser browser, String userName, String userId) {
        this(browser, userName, userId, TestUsers.PASSWORD);
    }

    DeviceUser(Browser browser, String userName, String userId, String password) {
        this.browser = browser;
        this.userName = userName;
        this.userId = userId;
        this.password = password;
    }

    Browser browser() {
        return browser;
    }

    String userName() {
        return userName;
    }

    String userId() {
        return userId;
    }

    /** Opens the address (the verification URI, with or without the code), signs in when asked; the page after. */
    Page open(String address) {
        Page page = browser.navigate(address);
        if (page.uri().getPath().equals("/login")) {
            page = browser.signIn(page, userName, password);
        }
        assertThat(page.uri().getPath())
                .as("back on the activation page: %s", page.body())
                .isEqualTo("/activate");
        return page;
    }

    /** Types the code on the activation page and submits it; the page that follows (consent, or the form again). */
    Page enter(String typed) {
        Page form = open("/activate");
        return browser.follow(browser.submit(form, "form[action$=/activate]", Map.of("user_code", typed)));
    }

    /** Types the code and allows the device on the consent page; the page the user ends on. */
    Page approve(String typed) {
        Page consent = enter(typed);
        assertThat(consent.uri().getPath())
                .as("consent page: %s", consent.body())
                .isEqualTo("/oauth2/consent");
        return browser.follow(browser.submit(consent, "#consent-allow", Map.of()));
    }

    Page deny(String typed) {
        Page consent = enter(typed);
        assertThat(consent.uri().getPath())
                .as("consent page: %s", consent.body())
                .isEqualTo("/oauth2/consent");
        return browser.follow(browser.submit(consent, "#consent-deny", Map.of()));
    }
}
