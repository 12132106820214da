-- 0004: throttling of sign-in attempts per source (client address).
-- Per-account lockout uses app_user.failed_attempts and app_user.locked_until.
create table sign_in_throttle (
    source varchar primary key,
    failures integer not null default 0 check (failures >= 0),
    last_failure timestamp,
    locked_until timestamp
);
