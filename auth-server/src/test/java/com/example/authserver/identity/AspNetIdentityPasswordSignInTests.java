package com.example.authserver.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.support.Browser.Page;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Users imported from ASP.NET Core Identity sign in on the login page with their old passwords: the first success
 * replaces the {@code {aspnet}} hash with Argon2id, and wrong passwords count towards lockout as for anyone.
 */
@ServerTest
class AspNetIdentityPasswordSignInTests {

    @Autowired
    TestServer server;

    @Autowired
    TestUsers testUsers;

    @Autowired
    UserManager userManager;

    @Autowired
    IdentityProperties properties;

    @Test
    void anImportedUserSignsInWithTheOldPasswordWhichIsThenRehashedWithArgon2id() {
        ApplicationUser user = imported(DotNetPasswordHashes.V3_SHA512_100000ITER_128SALT_256SUBKEY);

        assertSignedIn(server.browser().signIn(user.getUserName(), DotNetPasswordHashes.PASSWORD));

        String upgraded = stored(user).getPasswordHash();
        assertThat(upgraded).startsWith("{argon2}");
        assertSignedIn(server.browser().signIn(user.getUserName(), DotNetPasswordHashes.PASSWORD));
        assertThat(stored(user).getPasswordHash()).as("upgraded once").isEqualTo(upgraded);
    }

    @Test
    void aVersion2HashFromAspNetIdentity2IsRehashedToo() {
        ApplicationUser user = imported(DotNetPasswordHashes.V2_SHA1_1000ITER_128SALT_256SUBKEY);

        assertSignedIn(server.browser().signIn(user.getUserName(), DotNetPasswordHashes.PASSWORD));

        assertThat(stored(user).getPasswordHash()).startsWith("{argon2}");
    }

    @Test
    void wrongPasswordsAgainstAnImportedHashCountTowardsLockoutAndLeaveTheHash() {
        String hash = "{aspnet}" + DotNetPasswordHashes.V3_SHA1_250ITER_128SALT_128SUBKEY;
        ApplicationUser user = imported(DotNetPasswordHashes.V3_SHA1_250ITER_128SALT_128SUBKEY);
        int allowed = properties.getLockout().getMaxFailedAttempts();

        assertRefused(server.browser().signIn(user.getUserName(), "not my password"));
        assertThat(stored(user).getAccessFailedCount()).isEqualTo(1);
        for (int attempt = 2; attempt <= allowed; attempt++) {
            assertRefused(server.browser().signIn(user.getUserName(), "not my password"));
        }

        assertThat(stored(user).getLockoutEnd()).as("locked out").isNotNull();
        assertRefused(server.browser().signIn(user.getUserName(), DotNetPasswordHashes.PASSWORD));
        assertThat(stored(user).getPasswordHash())
                .as("a locked-out sign-in checks no password")
                .isEqualTo(hash);
    }

    private ApplicationUser imported(String dotNetHash) {
        ApplicationUser user = testUsers.create("imported");
        user.setPasswordHash("{aspnet}" + dotNetHash);
        return userManager.update(user);
    }

    private ApplicationUser stored(ApplicationUser user) {
        return userManager.findById(user.getId()).orElseThrow();
    }

    private static void assertSignedIn(Page page) {
        assertThat(page.uri().getPath()).as(page.body()).isEqualTo("/");
        assertThat(page.document().text()).contains("Signed in as imported-");
    }

    private static void assertRefused(Page page) {
        assertThat(page.uri().toString()).endsWith("/login?error");
    }
}
