package com.example.authserver.pages;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** What the pages show, under {@code authforge} in application.yml. */
@ConfigurationProperties("authforge")
class PageProperties {

    /**
     * The name in every page's header and title. Unset, the display form of spring.application.name (the project's
     * artifactId): auth-server is shown as "Auth Server".
     */
    private String productName;

    /**
     * Whether the error page of an authorization request that cannot go back to the client (unknown client_id, a
     * redirect_uri the client did not register, ...) shows the OAuth error code and description, the client_id and
     * the redirect_uri. On in application.yml for development, off in application-prod.yml: in production the page
     * says "Bad request" only.
     */
    private boolean errorDescriptions;

    public String getProductName() {
        return productName;
    }

    public void setProductName(String productName) {
        this.productName = productName;
    }

    public boolean isErrorDescriptions() {
        return errorDescriptions;
    }

    public void setErrorDescriptions(boolean errorDescriptions) {
        this.errorDescriptions = errorDescriptions;
    }
}
