package com.example.authserver.pages;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What every page's header shows (templates/fragments/layout.html, model attribute {@code pageHeader}): the product
 * name and, for a signed-in user, the user name (looked up when a page shows it, at most once per request).
 */
public final class PageHeader {

    private final String productName;

    private final Supplier<String> userNameLookup;

    private String userName;

    private boolean looked;

    PageHeader(String productName, Supplier<String> userNameLookup) {
        this.productName = productName;
        this.userNameLookup = userNameLookup;
    }

    public String getProductName() {
        return productName;
    }

    /** The signed-in user's user name, or null for a visitor. */
    public String getUserName() {
        if (!looked) {
            userName = userNameLookup.get();
            looked = true;
        }
        return userName;
    }

    /**
     * The display form of an application name (spring.application.name, the artifactId): words split at '-', '_',
     * '.' and spaces, each starting with a capital: {@code auth-server} is "Auth Server", {@code idp2-server} is
     * "Idp2 Server".
     */
    static String displayForm(String applicationName) {
        return Arrays.stream(applicationName.trim().split("[-_.\\s]+"))
                .filter(word -> !word.isEmpty())
                .map(word -> word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1))
                .collect(Collectors.joining(" "));
    }
}
