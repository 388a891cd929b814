-- Client secret rotation with an overlap (admin/clients, clients/ClientSecretRotation.java): when an administrator
-- rotates a client's secret, the hash of the secret it replaces stays here until expires_at, and the token endpoint
-- accepts either secret until then (security/PreviousSecretAuthentication.java). One row per client at most: a second
-- rotation replaces the row. Deleting the client deletes its row.
create table client_secret_overlap (
    registered_client_id  varchar(100) not null,
    secret_hash           varchar(200) not null,
    expires_at            timestamptz not null,
    constraint pk_client_secret_overlap primary key (registered_client_id),
    constraint fk_client_secret_overlap_client foreign key (registered_client_id)
        references oauth2_registered_client (id) on delete cascade
);
