package com.example.authserver.imports.aspnet;

import com.example.authserver.imports.ImportCommandLine;
import com.example.authserver.imports.Importer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import org.springframework.core.env.Environment;

/**
 * {@code import aspnet-identity ...} run in the test's JVM, with what it printed: either the importer bean of the
 * shared server context ({@link ImportCommandLine#run(Importer, List, PrintStream, PrintStream)}, what the command
 * does once its context is up), or the whole command with its own context ({@link #command}), against the test
 * server's database and key-encryption key (the {@code test} profile).
 */
record ImportRun(int exitCode, String out, String err) {

    /** The importer of the server's context, reading {@code source}. */
    static ImportRun of(Importer importer, AspNetIdentitySource source, String... options) {
        return capture((out, err) -> ImportCommandLine.run(importer, sourceOptions(source, options), out, err));
    }

    /** The importer of the server's context with exactly these options. */
    static ImportRun raw(Importer importer, String... options) {
        return capture((out, err) -> ImportCommandLine.run(importer, Arrays.asList(options), out, err));
    }

    /** The whole command, {@code import aspnet-identity ...} with a context of its own, as the packaged jar runs it. */
    static ImportRun command(Environment server, AspNetIdentitySource source, String... options) {
        List<String> args = new ArrayList<>(List.of("import", AspNetIdentityImporter.KIND));
        args.addAll(sourceOptions(source, options));
        args.add("--spring.datasource.url=" + server.getProperty("spring.datasource.url"));
        args.add("--spring.datasource.username=" + server.getProperty("spring.datasource.username"));
        args.add("--spring.datasource.password=" + server.getProperty("spring.datasource.password", ""));
        args.add("--spring.profiles.active=test");
        return capture((out, err) -> ImportCommandLine.run(args.toArray(String[]::new), out, err));
    }

    private static List<String> sourceOptions(AspNetIdentitySource source, String... options) {
        List<String> args = new ArrayList<>(List.of("--source-url=" + source.url));
        if (source.username != null) {
            args.add("--source-username=" + source.username);
        }
        if (source.password != null && !source.password.isEmpty()) {
            args.add("--source-password=" + source.password);
        }
        args.addAll(Arrays.asList(options));
        return args;
    }

    private static ImportRun capture(BiFunction<PrintStream, PrintStream, Integer> run) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = run.apply(
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new ImportRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The last line of the output: the summary. */
    String summary() {
        List<String> lines = out.lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
