-- Device authorization grant (RFC 8628 §3.5): when a device last polled the token endpoint with its device code and
-- the interval it must keep (device/DevicePolls.java). Keyed by the SHA-256 (64 hex characters) of the device code,
-- never the code itself. A row outlives no device code for long: device/DevicePollsCleanup deletes old ones.
create table device_poll (
    device_code_hash  char(64) not null,
    last_polled_at    timestamp(6) with time zone not null,
    interval_seconds  int not null,
    constraint pk_device_poll primary key (device_code_hash)
);

create index ix_device_poll_last_polled_at on device_poll (last_polled_at);
