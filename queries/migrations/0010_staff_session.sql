-- 0010: staff sessions that survive a reload and a second tab (issue 12).
--
-- A signed-in browser holds a random token (in an HttpOnly cookie, signed); this table holds
-- only its SHA-256, so a copy of the database gives no one a live session. Every run of the
-- app looks the token up here: a session ends when it is signed out (every tab of it), idle
-- for longer than the configured time, or past its absolute end. The user's roles and
-- disabled flag are read from app_user on every run, never kept here.
create table staff_session (
    id varchar primary key,              -- hex SHA-256 of the token
    username varchar not null,
    created_at timestamp not null,
    last_seen timestamp not null,
    expires_at timestamp not null,       -- the absolute end, however active the session is
    ended_at timestamp,                  -- signed out, idle, or ended by an administrator
    end_reason varchar check (end_reason in ('signed_out', 'idle', 'expired', 'ended'))
);
