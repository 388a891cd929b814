package com.example.authserver.support;

import com.example.authserver.identity.TestPasswordHashing;
import com.example.authserver.identity.UserManager;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What the tests add to the server's context, imported by {@link ServerTest} and {@link RestartableServer}: the
 * movable clock, the server as its clients see it, unique test users, the pausable token lookups, and passwords
 * hashed at a test cost ({@link TestPasswordHashing}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class ServerTestBeans {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }

    @Bean
    @Primary
    PasswordEncoder testPasswordEncoder() {
        return TestPasswordHashing.encoder();
    }

    @Bean
    TestServer testServer(Environment environment) {
        return new TestServer(environment);
    }

    @Bean
    TestUsers testUsers(UserManager userManager) {
        return new TestUsers(userManager);
    }

    // static: a BeanPostProcessor is made before the configuration's other beans
    @Bean
    static PausedLookups pausedLookups() {
        return new PausedLookups();
    }
}
