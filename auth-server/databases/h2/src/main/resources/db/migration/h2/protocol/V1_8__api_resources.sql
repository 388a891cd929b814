-- API resources (clients/ApiResource.java): the APIs this server issues access tokens for. The URI is the audience of
-- their tokens, exactly as written (RFC 8707 resource); the name is what the API introspects with, its secret stored
-- hashed like client secrets. Scopes are space-separated; a scope belongs to at most one resource (checked on save).
-- URI and name compare exactly (case-sensitive) on every vendor. Upserted by URI at start-up (clients/ClientSeeder),
-- read through clients/JdbcApiResources.
create table api_resources (
    id                    varchar(100) not null,
    uri                   varchar(500) not null,
    name                  varchar(100) not null,
    display_name          varchar(200) not null,
    scopes                varchar(1000) not null,
    registration_scopes   varchar(1000) not null,
    introspection_secret  varchar(500),
    access_token_format   varchar(50) not null,
    constraint pk_api_resources primary key (id),
    constraint uk_api_resources_uri unique (uri),
    constraint uk_api_resources_name unique (name)
);
