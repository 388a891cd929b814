package com.example.authserver.registration;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Issues an initial access token from the command line, for an administrator without the admin API at hand:
 *
 * <pre>
 * java -jar target/*.jar --server.port=0 \
 *     --authforge.registration.issue-initial-token="Partner app" [--scopes="scope1 scope2"]
 * </pre>
 *
 * With the same database settings as the server; the server starts on a free port ({@code server.port=0}, beside a
 * running one), prints the token on standard output (never in the log) and exits; uses and lifetime are {@code authforge.registration.initial-token-uses} and
 * {@code initial-token-lifetime}, which the same command line can set.
 */
@Component
class InitialTokenCommand implements ApplicationRunner {

    static final String OPTION = "authforge.registration.issue-initial-token";

    private final InitialAccessTokens initialTokens;

    private final RegistrationProperties properties;

    private final ApplicationContext context;

    InitialTokenCommand(
            InitialAccessTokens initialTokens, RegistrationProperties properties, ApplicationContext context) {
        this.initialTokens = initialTokens;
        this.properties = properties;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (!arguments.containsOption(OPTION)) {
            return;
        }
        try {
            issue(arguments, System.out);
        } catch (IllegalArgumentException refused) {
            System.err.println("No initial access token: " + refused.getMessage());
            System.exit(SpringApplication.exit(context, () -> 1));
            return;
        }
        System.exit(SpringApplication.exit(context, () -> 0));
    }

    /** Issues the token the arguments ask for, and prints it. */
    InitialAccessTokens.Issued issue(ApplicationArguments arguments, PrintStream out) {
        List<String> description = arguments.getOptionValues(OPTION);
        List<String> scopes = arguments.getOptionValues("scopes");
        InitialAccessTokens.Issued issued = initialTokens.issue(
                description == null || description.isEmpty() ? "" : description.get(0),
                properties.getInitialTokenUses(),
                properties.getInitialTokenLifetime(),
                scopes == null || scopes.isEmpty() || scopes.get(0).isBlank()
                        ? Set.of()
                        : Set.of(scopes.get(0).strip().split("\\s+")));
        out.println("Initial access token (shown once; valid until " + issued.expiresAt() + ", for " + issued.uses()
                + " registration(s)):");
        out.println(issued.value());
        return issued;
    }
}
