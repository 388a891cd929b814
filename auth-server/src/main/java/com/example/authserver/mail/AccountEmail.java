package com.example.authserver.mail;

import java.util.Locale;
import java.util.Map;

/**
 * One email to send: the recipient, the message key of its subject (given the application's name as
 * argument), the name of its templates ({@code templates/email/<template>.html} and {@code .txt}) and
 * their variables.
 */
public record AccountEmail(
        String to, String subjectKey, String template, Map<String, Object> variables, Locale locale) {}
