package com.example.authserver.samples.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The sample API (port 8081): a resource server that accepts the authorization server's access tokens. Its two
 * endpoints are in {@link IdentityController}, the token checks in {@link ApiSecurity}.
 */
@SpringBootApplication
public class ApiApplication {

    public static void main(String[] args) {
        SpringApplication.run(ApiApplication.class, args);
    }
}
