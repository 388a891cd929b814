package com.example.authserver.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.authserver.audit.AuditEvent;
import com.example.authserver.audit.AuditEventType;
import com.example.authserver.audit.AuditTrail;
import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.support.OidcClient;
import com.example.authserver.support.ServerTest;
import com.example.authserver.support.SignInFlow;
import com.example.authserver.support.TestServer;
import com.example.authserver.support.TestUsers;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A client's revocation of a user's token is in the user's audit trail; someone else's revocation attempt is not. */
@ServerTest
class RevocationAuditTests {

    @Autowired
    TestServer server;

    @Autowired
    TestUsers users;

    @Autowired
    AuditTrail audit;

    @Test
    void aRevokedRefreshTokenIsRecordedForItsUserAndClientOnlyWhenItsOwnClientRevokesIt() throws Exception {
        ApplicationUser user = users.create("revoke-audit");
        OidcClient client = server.interactiveClient();
        RefreshToken refresh = SignInFlow.signIn(
                        server.browser(), client, "openid", user.getUserName(), TestUsers.PASSWORD)
                .getTokens()
                .getRefreshToken();

        assertThat(server.m2mClient().revoke(refresh).getStatusCode())
                .as("not its token")
                .isEqualTo(400);
        assertThat(audit.recentFor(user.getId(), 1).get(0).type()).isNotEqualTo(AuditEventType.TOKENS_REVOKED);

        assertThat(client.revoke(refresh).getStatusCode()).isEqualTo(200);
        AuditEvent revoked = audit.recentFor(user.getId(), 1).get(0);
        assertThat(revoked.type()).isEqualTo(AuditEventType.TOKENS_REVOKED);
        assertThat(revoked.clientId()).isEqualTo(revoked.actor()).isNotNull();
        assertThat(revoked.detail()).isEqualTo("authorization_code");
    }
}
