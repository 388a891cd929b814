package com.example.authserver.samples.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The sample web application (port 8080, opened as http://127.0.0.1:8080): signs users in with the authorization
 * server's {@code interactive} client ({@link WebSecurity}), shows their ID token's claims and calls the API for them
 * ({@link HomeController}, {@link ApiCalls}).
 */
@SpringBootApplication
public class WebApplication {

    public static void main(String[] args) {
        SpringApplication.run(WebApplication.class, args);
    }
}
