-- Every publication request, newest first, with its decision and withdrawal (staff only).
-- example:
select
    id,
    label,
    request_note,
    requested_by,
    requested_at,
    status,
    decided_by,
    decided_at,
    decision_note,
    withdrawn_by,
    withdrawn_at,
    snapshot_file
from publication
order by id desc
