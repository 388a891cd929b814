-- Rate-limit token buckets (account/ratelimit/DatabaseBuckets.java), shared by every instance, so N instances do
-- not give an attacker N times the attempts. Bucket4j's PostgreSQL module reads and writes them:
-- id: the first 64 bits of the SHA-256 of the limit and its key (client address or account name), so keys of any
--   length take eight bytes.
-- state: Bucket4j's serialized bucket; null for a moment while a new bucket's row is created and locked.
-- expires_at: when the bucket is full again (epoch milliseconds): from then on the row is as good as none, and the
--   clean-up deletes it. H2 projects keep the buckets in memory and have no such table.

create table rate_limit_buckets (
    id         bigint not null,
    state      bytea,
    expires_at bigint,
    constraint pk_rate_limit_buckets primary key (id)
);

create index ix_rate_limit_buckets_expires_at on rate_limit_buckets (expires_at);
