package com.example.authserver.system;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * With the {@code prod} profile, runs every {@link ProductionCheck} and refuses to start while any
 * setting is missing or insecure; {@link InsecureSettingsFailureAnalyzer} prints the list.
 */
@Component
@Profile("prod")
class ProductionReadiness implements SmartInitializingSingleton {

    private final ObjectProvider<ProductionCheck> checks;

    ProductionReadiness(ObjectProvider<ProductionCheck> checks) {
        this.checks = checks;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<InsecureSetting> problems = checks.orderedStream()
                .flatMap(check -> check.problems().stream())
                .toList();
        if (!problems.isEmpty()) {
            throw new InsecureSettingsException(problems);
        }
    }

    /** Start-up stopped: the {@code prod} profile found these settings missing or insecure. */
    static class InsecureSettingsException extends IllegalStateException {

        private final List<InsecureSetting> problems;

        InsecureSettingsException(List<InsecureSetting> problems) {
            super("The prod profile refuses to start: "
                    + problems.stream()
                            .map(problem -> problem.setting() + ": " + problem.problem())
                            .toList());
            this.problems = problems;
        }

        List<InsecureSetting> problems() {
            return problems;
        }
    }
}
