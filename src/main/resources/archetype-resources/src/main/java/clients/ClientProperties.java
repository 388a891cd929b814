package ${package}.clients;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Client settings from application.yml, under {@code authforge.clients}. */
@ConfigurationProperties("authforge.clients")
public class ClientProperties {

    private final Interactive interactive = new Interactive();

    public Interactive getInteractive() {
        return interactive;
    }

    /** The {@code interactive} development client. */
    public static class Interactive {

        /** Redirect URIs allowed in addition to http://127.0.0.1:8080/login/oauth2/code/interactive. */
        private List<String> redirectUris = new ArrayList<>();

        public List<String> getRedirectUris() {
            return redirectUris;
        }

        public void setRedirectUris(List<String> redirectUris) {
            this.redirectUris = redirectUris;
        }
    }
}
