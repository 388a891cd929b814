package com.example.authserver.system;

/**
 * A setting that stops the server from starting with the {@code prod} profile: which setting (with its
 * environment variable) and what is wrong with it.
 */
public record InsecureSetting(String setting, String problem) {}
