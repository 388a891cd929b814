package com.example.authserver.system;

import com.example.authserver.system.ProductionReadiness.InsecureSettingsException;
import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused production start into Spring Boot's short "APPLICATION FAILED TO START" report. */
class InsecureSettingsFailureAnalyzer extends AbstractFailureAnalyzer<InsecureSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InsecureSettingsException cause) {
        String description = "The prod profile refuses to start while these settings are missing or insecure:\n"
                + cause.problems().stream()
                        .map(problem -> "  - " + problem.setting() + ": " + problem.problem())
                        .collect(Collectors.joining("\n"));
        return new FailureAnalysis(
                description,
                "Set the settings above (each can be given as an environment " + "variable), then start again.",
                cause);
    }
}
