package com.example.authserver.clients;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The API resources this server issues tokens for: looked up by audience URI or by name. */
public interface ApiResources {

    List<ApiResource> all();

    Optional<ApiResource> findByUri(String uri);

    Optional<ApiResource> findByName(String name);

    /** The resources that own any of {@code scopes}: the audience of a token asked for by scope alone. */
    default List<ApiResource> owningAny(Set<String> scopes) {
        return all().stream()
                .filter(r -> r.scopes().stream().anyMatch(scopes::contains))
                .toList();
    }

    /** Every scope a dynamically registered client may be given. */
    default Set<String> registrationScopes() {
        return all().stream().flatMap(r -> r.registrationScopes().stream()).collect(Collectors.toUnmodifiableSet());
    }
}
