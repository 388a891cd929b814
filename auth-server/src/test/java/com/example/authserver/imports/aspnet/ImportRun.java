package com.example.authserver.imports.aspnet;

import com.example.authserver.imports.ImportCommandLine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.core.env.Environment;

/**
 * {@code import aspnet-identity ...} run in the test's JVM as the packaged command runs it
 * ({@link ImportCommandLine#run}), against the test server's database and key-encryption key (the {@code test}
 * profile), with what it printed.
 */
record ImportRun(int exitCode, String out, String err) {

    static ImportRun of(Environment server, AspNetIdentitySource source, String... options) {
        List<String> args = new ArrayList<>(List.of("import", "aspnet-identity", "--source-url=" + source.url));
        if (source.username != null) {
            args.add("--source-username=" + source.username);
        }
        if (source.password != null && !source.password.isEmpty()) {
            args.add("--source-password=" + source.password);
        }
        args.addAll(Arrays.asList(options));
        return raw(server, args.toArray(String[]::new));
    }

    /** The command with exactly these arguments, plus the test server's database settings. */
    static ImportRun raw(Environment server, String... arguments) {
        List<String> args = new ArrayList<>(Arrays.asList(arguments));
        args.add("--spring.datasource.url=" + server.getProperty("spring.datasource.url"));
        args.add("--spring.datasource.username=" + server.getProperty("spring.datasource.username"));
        args.add("--spring.datasource.password=" + server.getProperty("spring.datasource.password", ""));
        args.add("--spring.profiles.active=test");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ImportCommandLine.run(
                args.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
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
