-- Audit trail entries, newest first, filtered by the staff page's search; at most $max_rows.
-- $own limits to one actor's own entries (an editor's view; null for reviewers and admins),
-- $person to one actor, $dataset to one data set, $record to record keys containing the text,
-- $date_from / $date_to to a date range (inclusive). Every filter is null for "any".
-- Returns: id, changed_at, actor, action, dataset, record_key, before_json, after_json, detail.
-- example: own=cli person=cli dataset=app_user record=demo date_from=2000-01-01 date_to=2100-12-31 max_rows=200
select id, changed_at, actor, action, dataset, record_key, before_json, after_json, detail
from audit_log
where ($own is null or actor = $own)
  and ($person is null or actor = $person)
  and ($dataset is null or dataset = $dataset)
  and ($record is null or contains(lower(coalesce(record_key, '')), lower($record)))
  and ($date_from is null or changed_at >= cast($date_from as date))
  and ($date_to is null or changed_at < cast($date_to as date) + interval 1 day)
order by changed_at desc, id desc
limit $max_rows
