package com.example.authserver.imports.identityserver;

import com.example.authserver.imports.ImportedRows.Decision;
import java.util.Map;

/** Why a row of IdentityServer's that an earlier run imported is skipped this time, as the report says it. */
final class SkipReasons {

    private static final Map<Decision, String> REASONS = Map.of(
            Decision.UNCHANGED, "unchanged since the last import",
            Decision.CHANGED_HERE, "changed here since it was imported, so left as it is",
            Decision.DELETED_HERE, "deleted here since it was imported, so not imported again");

    private SkipReasons() {}

    static String of(Decision decision) {
        return REASONS.get(decision);
    }
}
