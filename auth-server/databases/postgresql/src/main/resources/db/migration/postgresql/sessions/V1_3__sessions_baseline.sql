-- Baseline of the sessions store (PostgreSQL), Flyway version 1.3: short-lived state the server keeps.
-- How the versions go: the three folders (identity, authorization, sessions) share one Flyway schema history, so
-- a version is used once across them. The schema a new project starts with is version 1, one script per store:
-- 1.1 identity, 1.2 authorization, 1.3 sessions. Flyway compares versions number by number (1.3 comes before 2),
-- so your own migrations follow from V2 on, in the folder of the store they change: for example
-- identity/V2__identity_add_user_department.sql, then V3__..., whatever the folder.
-- Once a database has run this script, leave the script as it is (Flyway checks its checksum at every start-up)
-- and change the schema with a new migration.
--
-- The HTTP sessions and the rate-limit buckets (why the buckets are here: see their table below).

-- HTTP sessions (Spring Session JDBC): a restart or a second instance keeps users signed in.
-- The schema Spring Session ships for this database; table names as Spring Session expects them.

CREATE TABLE SPRING_SESSION (
	PRIMARY_ID CHAR(36) NOT NULL,
	SESSION_ID CHAR(36) NOT NULL,
	CREATION_TIME BIGINT NOT NULL,
	LAST_ACCESS_TIME BIGINT NOT NULL,
	MAX_INACTIVE_INTERVAL INT NOT NULL,
	EXPIRY_TIME BIGINT NOT NULL,
	PRINCIPAL_NAME VARCHAR(100),
	CONSTRAINT SPRING_SESSION_PK PRIMARY KEY (PRIMARY_ID)
);

CREATE UNIQUE INDEX SPRING_SESSION_IX1 ON SPRING_SESSION (SESSION_ID);
CREATE INDEX SPRING_SESSION_IX2 ON SPRING_SESSION (EXPIRY_TIME);
CREATE INDEX SPRING_SESSION_IX3 ON SPRING_SESSION (PRINCIPAL_NAME);

CREATE TABLE SPRING_SESSION_ATTRIBUTES (
	SESSION_PRIMARY_ID CHAR(36) NOT NULL,
	ATTRIBUTE_NAME VARCHAR(200) NOT NULL,
	ATTRIBUTE_BYTES BYTEA NOT NULL,
	CONSTRAINT SPRING_SESSION_ATTRIBUTES_PK PRIMARY KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME),
	CONSTRAINT SPRING_SESSION_ATTRIBUTES_FK FOREIGN KEY (SESSION_PRIMARY_ID) REFERENCES SPRING_SESSION(PRIMARY_ID) ON DELETE CASCADE
);

-- Rate-limit token buckets (ratelimit/DatabaseBuckets.java), shared by every instance, so N instances do
-- not give an attacker N times the attempts. They are in the sessions store, not the identity one: like the
-- sessions they are short-lived state every instance shares, that expires by itself and is deleted by a
-- clean-up job, whose loss costs little (emptying the table resets the attempt counts, as emptying
-- SPRING_SESSION signs users out), and that refers to no user (a bucket's key is a client address or the
-- name typed, which need not exist). Bucket4j's PostgreSQL module reads and writes them:
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
