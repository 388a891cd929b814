package com.example.authserver.audit;

import java.util.List;

/** One page of events, newest first; {@code page} counts from 0. */
public record AuditPage(List<AuditEvent> events, int page, int size, boolean hasNext) {}
