package com.example.authserver.support;

import com.example.authserver.identity.ApplicationUser;
import com.example.authserver.identity.UserManager;
import java.util.UUID;

/** Creates users with unique names, so tests never share or disturb each other's users. */
public class TestUsers {

    public static final String PASSWORD = "Correct-Horse-9";

    private final UserManager userManager;

    TestUsers(UserManager userManager) {
        this.userManager = userManager;
    }

    public ApplicationUser create(String prefix) {
        ApplicationUser user = new ApplicationUser();
        user.setUserName(prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
        user.setEmail(user.getUserName() + "@example.com");
        user.setEmailConfirmed(true);
        user.setGivenName("Test");
        user.setFamilyName("User");
        return userManager.create(user, PASSWORD);
    }
}
