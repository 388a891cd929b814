package com.example.authserver.clients;

import java.util.List;
import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/** The development API resources of {@link Clients}, outside the {@code prod} profile; none in it. */
@Component
class InMemoryApiResources implements ApiResources {

    private final List<ApiResource> resources;

    InMemoryApiResources(ClientSecretHashing hashing, Environment environment) {
        this.resources =
                environment.acceptsProfiles(Profiles.of("prod")) ? List.of() : Clients.developmentResources(hashing);
    }

    @Override
    public List<ApiResource> all() {
        return resources;
    }

    @Override
    public Optional<ApiResource> findByUri(String uri) {
        return resources.stream().filter(r -> r.uri().equals(uri)).findFirst();
    }

    @Override
    public Optional<ApiResource> findByName(String name) {
        return resources.stream().filter(r -> r.name().equals(name)).findFirst();
    }
}
