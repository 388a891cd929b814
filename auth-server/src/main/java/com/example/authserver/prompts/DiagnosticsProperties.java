package com.example.authserver.prompts;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The diagnostics page, under {@code authforge.diagnostics} in application.yml. */
@ConfigurationProperties("authforge.diagnostics")
class DiagnosticsProperties {

    /**
     * Whether the diagnostics page (/diagnostics) answers requests from other machines too; by default only from the
     * loopback address. Never in the prod profile, whatever this says.
     */
    private boolean remote;

    public boolean isRemote() {
        return remote;
    }

    public void setRemote(boolean remote) {
        this.remote = remote;
    }
}
