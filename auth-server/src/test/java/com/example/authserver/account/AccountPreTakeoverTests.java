package com.example.authserver.account;

import static com.example.authserver.account.AccountPageChecks.NEW_PASSWORD;
import static com.example.authserver.account.AccountPageChecks.h1;
import static com.example.authserver.account.AccountPageChecks.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.account.password.PasswordResetTests;
import com.example.authserver.account.registration.RegistrationTests;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.UserLogins;
import com.example.authserver.identity.UserManager;
import com.example.authserver.identity.UserToken;
import com.example.authserver.identity.UserTokenRepository;
import com.example.authserver.passkeys.Passkeys;
import com.example.authserver.support.Browser;
import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestMailServer;
import com.example.authserver.support.TestServer;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

/**
 * Account pre-takeover: someone registers the address of a person who has no account yet, hoping to keep a way in
 * once she takes the account over (a passkey, an external login, an authenticator). The account cannot be signed in
 * to before its address is confirmed, and proving the address (her reset link, her confirmation link) removes every
 * credential added meanwhile and ends the account's other sessions. (Adding those credentials needs a sign-in the
 * default settings refuse, so they are put in place directly; ExternalLoginTests plays the provider variant over HTTP.)
 */
@ServerTest
class AccountPreTakeoverTests {

    static final String ATTACKER_PASSWORD = "Attacker-Knows-7";

    @Autowired
    TestServer server;

    @Autowired
    UserManager userManager;

    @Autowired
    UserLogins userLogins;

    @Autowired
    UserTokenRepository userTokens;

    @Autowired
    Passkeys passkeys;

    @Autowired
    PublicKeyCredentialUserEntityRepository passkeyUsers;

    @Autowired
    UserCredentialRepository passkeyCredentials;

    String victimEmail;

    Browser attacker;

    @BeforeEach
    void attackerRegistersTheVictimsAddress() {
        victimEmail = unique("victim") + "@example.org";
        attacker = server.browser();
        Page sent = attacker.follow(attacker.submit(
                attacker.navigate("/account/register"),
                RegistrationTests.FORM,
                RegistrationTests.fields(unique("squatter"), victimEmail, ATTACKER_PASSWORD)));
        assertThat(h1(sent)).isEqualTo("Check your email");
    }

    @Test
    void anAccountCannotBeSignedIntoBeforeItsAddressIsConfirmed() {
        Page page = attacker.signIn(victimEmail, ATTACKER_PASSWORD);

        assertThat(page.uri().getPath()).isEqualTo("/login");
        assertThat(page.uri().getQuery()).isEqualTo("error");
        assertThat(attacker.navigate("/account").uri().getPath()).isEqualTo("/login");
    }

    @Test
    void herPasswordResetRemovesEveryCredentialAddedBeforeItAndTheAttackersPasswordDies() {
        ApplicationUser squatted = userManager.findByEmail(victimEmail).orElseThrow();
        plantCredentials(squatted);

        Browser victim = server.browser();
        victim.submit(
                victim.navigate("/account/register"),
                RegistrationTests.FORM,
                RegistrationTests.fields(unique("victim"), victimEmail, NEW_PASSWORD));
        assertThat(TestMailServer.awaitMailAbout(victimEmail, "Someone tried to create an account"))
                .isNotNull();
        victim.submit(
                victim.navigate("/account/forgot-password"),
                PasswordResetTests.FORGOT_FORM,
                Map.of("email", victimEmail));
        String link = TestMailServer.awaitMailAbout(victimEmail, "Choose a new password")
                .link("/account/reset-password");
        Page done = victim.follow(victim.submit(
                victim.get(link),
                PasswordResetTests.RESET_FORM,
                Map.of("password", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD)));
        assertThat(h1(done)).isEqualTo("Password changed");

        assertNothingPlantedIsLeft(squatted);
        assertThat(server.browser().signIn(victimEmail, ATTACKER_PASSWORD).uri().getQuery())
                .isEqualTo("error");
        Page home = server.browser().signIn(victimEmail, NEW_PASSWORD);
        assertThat(home.uri().getPath())
                .as("no second step the attacker set up")
                .isEqualTo("/");
    }

    @Test
    void theLinkAloneDoesNotConfirmAndConfirmingRemovesEveryCredentialAddedBeforeIt() {
        ApplicationUser squatted = userManager.findByEmail(victimEmail).orElseThrow();
        plantCredentials(squatted);
        String link = TestMailServer.awaitMailAbout(victimEmail, "Confirm your email address")
                .link("/account/confirm-email");

        Browser victim = server.browser();
        Page asked = victim.submit(victim.get(link), "form[action$=/account/confirm-email]", Map.of("password", ""));
        assertThat(asked.document().select("[role=alert]").text()).isEqualTo("That password is not correct.");
        assertThat(userManager.findById(squatted.getId()).orElseThrow().isEmailConfirmed())
                .as("clicking a link she did not expect confirms nothing for whoever made the account")
                .isFalse();

        attacker.follow(attacker.submit(
                attacker.get(link), "form[action$=/account/confirm-email]", Map.of("password", ATTACKER_PASSWORD)));
        assertThat(userManager.findById(squatted.getId()).orElseThrow().isEmailConfirmed())
                .isTrue();
        assertNothingPlantedIsLeft(squatted);
    }

    /** What the attacker could have added had the account been usable: an external login, an authenticator, a passkey. */
    private void plantCredentials(ApplicationUser user) {
        userLogins.addLogin(user, "upstream", "attacker-subject-" + user.getId(), "Upstream Corp");
        userTokens.save(new UserToken(user.getId(), UserToken.SERVER_PROVIDER, "RecoveryCodes", "planted"));
        userManager.updateSecurity(user.getId(), current -> current.setTwoFactorEnabled(true));
        Bytes entityId = Bytes.random();
        passkeyUsers.save(ImmutablePublicKeyCredentialUserEntity.builder()
                .id(entityId)
                .name(user.getId())
                .displayName(user.getUserName())
                .build());
        passkeyCredentials.save(ImmutableCredentialRecord.builder()
                .credentialId(Bytes.random())
                .userEntityUserId(entityId)
                .publicKey(new ImmutablePublicKeyCose(new byte[] {1, 2, 3}))
                .credentialType(PublicKeyCredentialType.PUBLIC_KEY)
                .signatureCount(0)
                .uvInitialized(true)
                .backupEligible(false)
                .backupState(false)
                .created(Instant.now())
                .lastUsed(Instant.now())
                .label("attacker's key")
                .build());
        assertThat(passkeys.has(user.getId())).isTrue();
    }

    private void assertNothingPlantedIsLeft(ApplicationUser user) {
        ApplicationUser now = userManager.findById(user.getId()).orElseThrow();
        assertThat(passkeys.has(user.getId())).as("passkeys").isFalse();
        assertThat(userLogins.getLogins(now)).as("external logins").isEmpty();
        assertThat(userTokens.findByUserId(user.getId()))
                .extracting(UserToken::getName)
                .as("authenticator")
                .doesNotContain("RecoveryCodes", "AuthenticatorKey");
        assertThat(now.isTwoFactorEnabled()).isFalse();
        assertThat(now.getSecurityStamp()).as("other sessions end").isNotEqualTo(user.getSecurityStamp());
    }
}
