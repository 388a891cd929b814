package com.example.authserver.imports;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar <jar> import <kind> --option=value ...}: starts the import's context ({@link ImportApplication}),
 * runs the {@link Importer} of that kind and exits: 0 when the import ran to its end (failed rows included, each
 * reported), 1 when it could not run, 2 for a command line it does not understand. Spring settings on the same
 * command line ({@code --spring.datasource.url=...}) choose the target database as they do for the server.
 */
public final class ImportCommandLine {

    public static final String COMMAND = "import";

    private static final Logger log = LoggerFactory.getLogger(ImportCommandLine.class);

    static final int RAN = 0;

    static final int COULD_NOT_RUN = 1;

    static final int USAGE = 2;

    private ImportCommandLine() {}

    /** True if the arguments ask for an import instead of the server. */
    public static boolean isImport(String[] args) {
        return args.length > 0 && COMMAND.equals(args[0]);
    }

    /** Runs the import the arguments name; the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 2 || args[1].startsWith("--")) {
            err.println("Usage: import <kind> --option=value ...  (kinds: aspnet-identity, identityserver)");
            return USAGE;
        }
        String kind = args[1];
        List<String> options = Arrays.asList(args).subList(2, args.length);
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(ImportApplication.class)
                    .web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF)
                    .logStartupInfo(false)
                    .properties(Map.of(
                            "logging.level.root", "warn",
                            "logging.level.org.flywaydb", "error",
                            // a failed start is told in one line below, not as a stack trace
                            "logging.level.org.springframework.boot.SpringApplication", "off",
                            "logging.level.org.springframework.context", "error",
                            "spring.jmx.enabled", "false"))
                    .run(args);
        } catch (RuntimeException ex) {
            // the reason may quote the source (a driver's message): printed like the report's lines
            err.println(ImportReport.printable("Import could not run: " + reason(ex)));
            return COULD_NOT_RUN;
        }
        try (context) {
            Map<String, Importer> importers = context.getBeansOfType(Importer.class).values().stream()
                    .collect(Collectors.toMap(Importer::kind, importer -> importer));
            Importer importer = importers.get(kind);
            if (importer == null) {
                err.println("Unknown import '" + kind + "': one of " + importers.keySet());
                return USAGE;
            }
            return run(importer, options, out, err);
        }
    }

    /**
     * Runs one importer with the options after {@code import <kind>}, in a context that is already running (the
     * command's own, or a test's: the importers are beans of the server's context too); the exit status.
     */
    public static int run(Importer importer, List<String> options, PrintStream out, PrintStream err) {
        ImportOptions parsed;
        try {
            parsed = ImportOptions.parse(options, knownOptions(importer));
        } catch (ImportFailure ex) {
            err.println(ex.getMessage());
            err.println("Usage: import " + importer.kind() + " " + importer.usage());
            return USAGE;
        }
        ImportReport report = new ImportReport(out, parsed.dryRun());
        try {
            importer.run(parsed, report);
        } catch (RuntimeException ex) {
            // the reason may quote the source (a driver's message): printed like the report's lines
            err.println(ImportReport.printable("Import could not run: " + reason(ex)));
            if (!(ex instanceof ImportFailure)) {
                // an unexpected error: its trace for whoever reports it, one line for everyone else
                log.debug("Import failed", ex);
                err.println("(--logging.level." + ImportCommandLine.class.getPackageName()
                        + "=debug shows where it failed)");
            }
            report.printSummary();
            return COULD_NOT_RUN;
        }
        report.printSummary();
        return RAN;
    }

    /** The option names in the importer's usage text ({@code --name} or {@code --name=...}). */
    private static Set<String> knownOptions(Importer importer) {
        Set<String> names = new HashSet<>();
        for (String word : importer.usage().split("[\\s\\[\\]|]+")) {
            if (word.startsWith("--")) {
                int end = word.indexOf('=');
                names.add(end < 0 ? word.substring(2) : word.substring(2, end));
            }
        }
        return names;
    }

    /** The message of the innermost ImportFailure, else of the root cause: what the user can act on. */
    private static String reason(Throwable ex) {
        Throwable root = ex;
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof ImportFailure) {
                return cause.getMessage();
            }
            root = cause;
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
