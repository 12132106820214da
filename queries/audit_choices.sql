-- The people and data sets that occur in the audit trail, for the search choices of the audit page.
-- $own limits to one actor's own entries (an editor's view), null for everybody's.
-- Returns: kind ('person' or 'dataset'), value; sorted.
-- example: own=cli
select distinct 'person' as kind, actor as value from audit_log where ($own is null or actor = $own)
union
select distinct 'dataset' as kind, dataset as value from audit_log
where dataset is not null and ($own is null or actor = $own)
order by kind, value
