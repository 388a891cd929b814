package com.example.authserver.admin;

import java.io.Console;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * {@code java -jar <jar> admin create --username=<name> --email=<email> [--force] [--link]}: makes an administrator
 * ({@link AdminCreation}) and exits: 0 when it was made, 1 when it could not be (the reason in one line), 2 for a
 * command line it does not understand. The password is typed twice on the console and checked by the password
 * policy; with {@code --link}, or without a console, a one-time link to choose it is printed instead.
 * <p>
 * It runs the server's own context, without taking HTTP requests ({@code server.port=-1}): the administrator is made
 * through administration/UserAdministration, with the stores, rules and audit trail the server has, and on the database
 * the same settings name ({@code --spring.datasource.url=...} on the same command line, as for the server), migrated
 * as the server would at its start.
 */
public final class AdminCommandLine {

    public static final String COMMAND = "admin";

    static final int DONE = 0;

    static final int FAILED = 1;

    static final int USAGE = 2;

    /** Wrong passwords before the command gives up. */
    static final int PASSWORD_ATTEMPTS = 3;

    private static final Logger log = LoggerFactory.getLogger(AdminCommandLine.class);

    /** Reads a password from the person at the console, without echo; null at the end of the input. */
    @FunctionalInterface
    public interface PasswordPrompt {

        char[] read(String prompt);

        /** The system console's, or null when there is none (input or output redirected). */
        static PasswordPrompt system() {
            Console console = System.console();
            return console == null ? null : prompt -> console.readPassword("%s", prompt);
        }
    }

    private AdminCommandLine() {}

    /** True if the arguments ask for an admin command instead of the server. */
    public static boolean isAdmin(String[] args) {
        return args.length > 0 && COMMAND.equals(args[0]);
    }

    /** Runs the command in a context started from {@code application} (the server's class); the exit status. */
    public static int run(
            Class<?> application, String[] args, PrintStream out, PrintStream err, PasswordPrompt prompt) {
        if (args.length < 2 || !"create".equals(args[1])) {
            err.println(CreateOptions.USAGE);
            return USAGE;
        }
        CreateOptions options;
        try {
            options = CreateOptions.parse(Arrays.asList(args).subList(2, args.length));
        } catch (CommandFailure ex) {
            err.println(ex.getMessage());
            err.println(CreateOptions.USAGE);
            return USAGE;
        }
        ConfigurableApplicationContext context;
        String[] linkBase = new String[1];
        try {
            context = new SpringApplicationBuilder(application)
                    .bannerMode(Banner.Mode.OFF)
                    .logStartupInfo(false)
                    .properties(Map.of(
                            "logging.level.root", "warn",
                            "logging.level.org.flywaydb", "error",
                            // a failed start is told in one line below, not as a stack trace
                            "logging.level.org.springframework.boot.SpringApplication", "off",
                            "logging.level.org.springframework.context", "error",
                            // the task scheduler's start-up notes are about the server, not this command
                            "logging.level.com.github.kagkarlsson", "error",
                            "spring.jmx.enabled", "false"))
                    .initializers(starting -> {
                        // the link points at the server as its users reach it: the issuer, else the configured port
                        String issuer = starting.getEnvironment().getProperty("authforge.issuer");
                        linkBase[0] = StringUtils.hasText(issuer)
                                ? issuer
                                : "http://localhost:"
                                        + starting.getEnvironment().getProperty("server.port", "8080");
                        // the server's context, but no port: nobody reaches it while the command runs
                        starting.getEnvironment()
                                .getPropertySources()
                                .addFirst(new MapPropertySource("admin-command", Map.of("server.port", "-1")));
                    })
                    .run(args);
        } catch (RuntimeException ex) {
            err.println("admin create could not run: " + rootMessage(ex));
            return FAILED;
        }
        try (context) {
            return create(context.getBean(AdminCreation.class), options, linkBase[0], out, err, prompt);
        }
    }

    /**
     * Creates the administrator the options describe, in a context that is already running (the command's own, or a
     * test's); the exit status. {@code prompt} null: no console, so a link is printed.
     */
    static int create(
            AdminCreation creation,
            CreateOptions options,
            String linkBase,
            PrintStream out,
            PrintStream err,
            PasswordPrompt prompt) {
        try {
            creation.check(options);
            String password = options.link() || prompt == null ? null : askPassword(creation, prompt, err);
            AdminCreation.Created created = creation.create(options, password, trimmed(linkBase));
            out.println("Created administrator '" + created.user().getUserName() + "' <"
                    + created.user().getEmail() + ">");
            if (created.passwordLink() != null) {
                out.println(
                        "Choose the password within " + created.linkLifetime().toMinutes() + " minutes, once, at:");
                out.println(created.passwordLink());
            }
            return DONE;
        } catch (CommandFailure ex) {
            err.println(ex.getMessage());
            return FAILED;
        } catch (RuntimeException ex) {
            log.debug("admin create failed", ex);
            err.println("admin create failed: " + rootMessage(ex));
            return FAILED;
        }
    }

    /** Asks for the password twice until it passes the policy, at most {@link #PASSWORD_ATTEMPTS} times. */
    private static String askPassword(AdminCreation creation, PasswordPrompt prompt, PrintStream err) {
        for (int attempt = 1; attempt <= PASSWORD_ATTEMPTS; attempt++) {
            char[] typed = prompt.read("Password: ");
            char[] again = typed == null ? null : prompt.read("Password again: ");
            if (typed == null || again == null) {
                throw new CommandFailure("No password given: nothing was created");
            }
            String password = new String(typed);
            Arrays.fill(typed, ' ');
            List<String> problems = creation.passwordProblems(password, new String(again));
            Arrays.fill(again, ' ');
            if (problems.isEmpty()) {
                return password;
            }
            problems.forEach(problem -> err.println("Password: " + problem));
        }
        throw new CommandFailure("The password was refused " + PASSWORD_ATTEMPTS + " times: nothing was created");
    }

    private static String trimmed(String base) {
        return StringUtils.trimTrailingCharacter(base, '/');
    }

    private static String rootMessage(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
