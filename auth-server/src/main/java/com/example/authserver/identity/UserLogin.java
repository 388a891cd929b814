package com.example.authserver.identity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A link between a local user and an account at an external provider ({@code AspNetUserLogins}). */
@Entity
@Table(name = "user_logins")
@IdClass(UserLogin.Key.class)
public class UserLogin {

    @Id
    private String loginProvider;

    @Id
    private String providerKey;

    private String providerDisplayName;

    private String userId;

    protected UserLogin() {}

    public UserLogin(String loginProvider, String providerKey, String providerDisplayName, String userId) {
        this.loginProvider = loginProvider;
        this.providerKey = providerKey;
        this.providerDisplayName = providerDisplayName;
        this.userId = userId;
    }

    public String getLoginProvider() {
        return loginProvider;
    }

    public String getProviderKey() {
        return providerKey;
    }

    public String getProviderDisplayName() {
        return providerDisplayName;
    }

    public String getUserId() {
        return userId;
    }

    /** Primary key: the provider and the user's key at that provider. */
    public static class Key implements Serializable {

        private String loginProvider;

        private String providerKey;

        protected Key() {}

        public Key(String loginProvider, String providerKey) {
            this.loginProvider = loginProvider;
            this.providerKey = providerKey;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && Objects.equals(loginProvider, key.loginProvider)
                    && Objects.equals(providerKey, key.providerKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(loginProvider, providerKey);
        }
    }
}
