package com.example.authserver.system;

import java.util.List;

/**
 * One check of what production needs. Every check is run with the {@code prod} profile, and start-up
 * stops with one message listing every problem found (see {@link ProductionReadiness}).
 */
public interface ProductionCheck {

    List<InsecureSetting> problems();
}
