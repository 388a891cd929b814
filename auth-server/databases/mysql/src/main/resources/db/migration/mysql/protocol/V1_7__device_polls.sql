-- Device authorization grant (RFC 8628 §3.5): when a device last polled the token endpoint with its device code and
-- the interval it must keep (device/DevicePolls.java). Keyed by the SHA-256 (64 hex characters) of the device code,
-- never the code itself. A row outlives no device code for long: device/DevicePollsCleanup deletes old ones.
create table device_poll (
    device_code_hash  char(64) character set ascii collate ascii_bin not null,
    last_polled_at    datetime(6) not null,
    interval_seconds  int not null,
    constraint pk_device_poll primary key (device_code_hash)
);

create index ix_device_poll_last_polled_at on device_poll (last_polled_at);
