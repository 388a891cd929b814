package ${package}.authorization;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a user allowed applications to do: their remembered consents, and the authorizations (codes, tokens)
 * issued to each application. Revoking an application deletes both, so its refresh tokens stop working and
 * introspection answers "inactive" for its access tokens (a JWT access token that an API checks by itself stays
 * valid until it expires: keep them short-lived). Deleting an account removes all of a user's.
 */
@Component
public class UserGrants {

    /** One application the user consented to, and the scopes they allowed. */
    public record Grant(String registeredClientId, String clientId, String clientName, List<String> scopes) {
    }

    private final JdbcOperations jdbc;

    private final RegisteredClientRepository clients;

    UserGrants(JdbcOperations jdbc, RegisteredClientRepository clients) {
        this.jdbc = jdbc;
        this.clients = clients;
    }

    @Transactional(readOnly = true)
    public List<Grant> grantsOf(String userId) {
        List<Grant> grants = new ArrayList<>();
        jdbc.query("select registered_client_id, authorities from oauth2_authorization_consent "
                + "where principal_name = ? order by registered_client_id", row -> {
                    RegisteredClient client = clients.findById(row.getString(1));
                    if (client != null) {
                        grants.add(new Grant(client.getId(), client.getClientId(), client.getClientName(),
                                scopes(row.getString(2))));
                    }
                }, userId);
        return grants;
    }

    /** Withdraws the consent to one application and ends every authorization it holds for the user. */
    @Transactional
    public boolean revoke(String userId, String registeredClientId) {
        int consents = jdbc.update("delete from oauth2_authorization_consent where registered_client_id = ? "
                + "and principal_name = ?", registeredClientId, userId);
        int authorizations = jdbc.update("delete from oauth2_authorization where registered_client_id = ? "
                + "and principal_name = ?", registeredClientId, userId);
        return consents + authorizations > 0;
    }

    /** Removes every consent and authorization of the user (one indexed delete per registered client). */
    @Transactional
    public void revokeAll(String userId) {
        for (String registeredClientId : jdbc.queryForList("select id from oauth2_registered_client", String.class)) {
            revoke(userId, registeredClientId);
        }
    }

    private static List<String> scopes(String authorities) {
        return Arrays.stream(authorities == null ? new String[0] : authorities.split(","))
                .map(String::strip).filter(authority -> authority.startsWith("SCOPE_"))
                .map(authority -> authority.substring("SCOPE_".length())).toList();
    }
}
