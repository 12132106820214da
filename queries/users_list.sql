-- Staff accounts for the users page: public fields and roles, never the password hash.
-- Returns: username, display_name, email, roles (comma-separated, sorted), disabled, locked_until.
-- $username limits to one account (null for all).
-- example: username=admin.demo
select u.username, u.display_name, u.email,
       coalesce(string_agg(r.role, ',' order by r.role), '') as roles,
       u.disabled, u.locked_until
from app_user u
left join user_role r on r.username = u.username
where $username is null or u.username = $username
group by u.username, u.display_name, u.email, u.disabled, u.locked_until
order by u.username
