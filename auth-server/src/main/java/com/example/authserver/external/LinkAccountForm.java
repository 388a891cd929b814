package com.example.authserver.external;

/** Proving ownership of an existing local account, to link an external login to it: its user name (or email) and password. */
class LinkAccountForm {

    private String username;

    private String password;

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
