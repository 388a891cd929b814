package com.example.authserver.identity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A named value a provider keeps for a user, such as an authenticator key ({@code AspNetUserTokens}). */
@Entity
@Table(name = "user_tokens")
@IdClass(UserToken.Key.class)
public class UserToken {

    /** The login provider of the tokens this server keeps for itself (links in emails, authenticator keys). */
    public static final String SERVER_PROVIDER = "[AuthForge]";

    @Id
    private String userId;

    @Id
    private String loginProvider;

    @Id
    private String name;

    private String value;

    protected UserToken() {}

    public UserToken(String userId, String loginProvider, String name, String value) {
        this.userId = userId;
        this.loginProvider = loginProvider;
        this.name = name;
        this.value = value;
    }

    public String getUserId() {
        return userId;
    }

    public String getLoginProvider() {
        return loginProvider;
    }

    public String getName() {
        return name;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    /** Primary key: user, provider and token name. */
    public static class Key implements Serializable {

        private String userId;

        private String loginProvider;

        private String name;

        protected Key() {}

        public Key(String userId, String loginProvider, String name) {
            this.userId = userId;
            this.loginProvider = loginProvider;
            this.name = name;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && Objects.equals(userId, key.userId)
                    && Objects.equals(loginProvider, key.loginProvider)
                    && Objects.equals(name, key.name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, loginProvider, name);
        }
    }
}
