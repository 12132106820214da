-- Edit page: who last changed one record, when and how (an open form says "deleted by A on …").
-- $record_key is the key as audit_log stores it (a JSON array for the data sets; a user's name for app_user).
-- Returns at most one row: actor, action, changed_at.
-- example: dataset=app_user record_key=editor.demo
select actor, action, changed_at
from audit_log
where dataset = $dataset and record_key = $record_key
order by changed_at desc, id desc
limit 1
