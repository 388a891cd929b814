-- The properties of ApplicationUser (identity/ApplicationUser.java). Add your own the same way:
-- a new migration with the next version number, one column per property.

alter table users add column given_name varchar(256);
alter table users add column family_name varchar(256);
alter table users add column enabled boolean default true not null;
