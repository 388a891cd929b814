package com.example.authserver.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.support.Browser;
import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.OidcClient;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.SignInFlow;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The sessions page: the user's sessions with their browser and applications, signing out one of them or every other
 * one (which revokes what the applications got there), and nobody signing out someone else's session.
 */
@ServerTest
class SessionsPageTests {

    private static final String FIREFOX_ON_LINUX =
            "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    @Autowired
    TestServer server;

    @Autowired
    TestUsers users;

    @Test
    void theManagePageLinksToTheSessionsPageWhichListsEachSessionWithItsBrowserAndApplications() throws Exception {
        ApplicationUser user = users.create("sessions-list");
        Browser laptop = server.browser().withHeader("User-Agent", FIREFOX_ON_LINUX);
        SignInFlow.signIn(laptop, server.interactiveClient(), "openid", user.getUserName(), TestUsers.PASSWORD);
        Browser phone = server.browser();
        phone.signIn(user.getUserName(), TestUsers.PASSWORD);

        assertThat(phone.navigate("/account").document().select("a[href=/account/sessions]"))
                .isNotEmpty();
        Page page = phone.navigate("/account/sessions");

        List<Element> rows = page.document().select("table.sessions tbody tr");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).text()).contains("This session");
        assertThat(rows.get(1).text()).contains("Firefox on Linux", "127.0.0.1", "Interactive client");
    }

    @Test
    void signingOutAnotherSessionEndsItAndRevokesItsGrants() throws Exception {
        ApplicationUser user = users.create("sessions-end");
        OidcClient client = server.interactiveClient();
        Browser laptop = server.browser();
        RefreshToken laptopRefresh = SignInFlow.signIn(laptop, client, "openid", user.getUserName(), TestUsers.PASSWORD)
                .getTokens()
                .getRefreshToken();
        Browser phone = server.browser();
        phone.signIn(user.getUserName(), TestUsers.PASSWORD);

        Page ended = phone.follow(
                phone.submit(phone.navigate("/account/sessions").form("form[action$=/account/sessions/end]")));

        assertThat(ended.document().select("table.sessions tbody tr")).hasSize(1);
        assertThat(laptop.navigate("/account").uri().getPath()).isEqualTo("/login");
        assertThat(client.refresh(laptopRefresh).indicatesSuccess())
                .as("the grant issued in that session is revoked")
                .isFalse();
        assertThat(phone.navigate("/account").uri().getPath()).isEqualTo("/account");
    }

    @Test
    void signingOutEverywhereElseKeepsOnlyThisSession() {
        ApplicationUser user = users.create("sessions-others");
        Browser first = server.browser();
        first.signIn(user.getUserName(), TestUsers.PASSWORD);
        Browser second = server.browser();
        second.signIn(user.getUserName(), TestUsers.PASSWORD);
        Browser third = server.browser();
        third.signIn(user.getUserName(), TestUsers.PASSWORD);

        third.follow(
                third.submit(third.navigate("/account/sessions").form("form[action$=/account/sessions/end-others]")));

        assertThat(first.navigate("/account").uri().getPath()).isEqualTo("/login");
        assertThat(second.navigate("/account").uri().getPath()).isEqualTo("/login");
        assertThat(third.navigate("/account/sessions").document().select("table.sessions tbody tr"))
                .hasSize(1);
    }

    @Test
    void someoneElsesSessionIsNotFoundAndGoesOn() {
        ApplicationUser victim = users.create("sessions-victim");
        Browser victimLaptop = server.browser();
        victimLaptop.signIn(victim.getUserName(), TestUsers.PASSWORD);
        Browser victimPhone = server.browser();
        victimPhone.signIn(victim.getUserName(), TestUsers.PASSWORD);
        String victimLaptopRef = victimPhone
                .navigate("/account/sessions")
                .form("form[action$=/account/sessions/end]")
                .selectFirst("input[name=session]")
                .val();
        ApplicationUser attacker = users.create("sessions-attacker");
        Browser attackerBrowser = server.browser();
        attackerBrowser.signIn(attacker.getUserName(), TestUsers.PASSWORD);
        String csrf = attackerBrowser
                .navigate("/logout")
                .document()
                .selectFirst("input[name=_csrf]")
                .val();

        Page answer = attackerBrowser.post(
                "/account/sessions/end", List.of(Map.entry("_csrf", csrf), Map.entry("session", victimLaptopRef)));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(victimLaptop.navigate("/account").uri().getPath()).isEqualTo("/account");
    }
}
