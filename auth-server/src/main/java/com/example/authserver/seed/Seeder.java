package com.example.authserver.seed;

import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Puts seed data (clients, development users) into the database while the server starts, after the migrations and
 * before the web server takes its first request: a client that sees the discovery document can use the clients.
 * Seeding again changes nothing once the data is there.
 */
public interface Seeder extends SmartInitializingSingleton {

    void seed();

    @Override
    default void afterSingletonsInstantiated() {
        seed();
    }
}
