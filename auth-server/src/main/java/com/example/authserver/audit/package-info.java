/**
 * The audit trail: one row per security event (sign-ins, credential changes, consents, sessions, and every change an
 * administrator makes), kept for a configurable time, also published as Spring application events and logged as
 * structured lines for a SIEM.
 */
package com.example.authserver.audit;
