-- How many audit trail entries match the staff page's search (same filters as audit_entries).
-- $own limits to one actor's own entries (null for everybody's), $person, $dataset, $record
-- (contains), $date_from and $date_to filter as in audit_entries; null means "any". Returns: n.
-- example: own=cli person=cli dataset=app_user record=demo date_from=2000-01-01 date_to=2100-12-31
select count(*) as n
from audit_log
where ($own is null or actor = $own)
  and ($person is null or actor = $person)
  and ($dataset is null or dataset = $dataset)
  and ($record is null or contains(lower(coalesce(record_key, '')), lower($record)))
  and ($date_from is null or changed_at >= cast($date_from as date))
  and ($date_to is null or changed_at < cast($date_to as date) + interval 1 day)
