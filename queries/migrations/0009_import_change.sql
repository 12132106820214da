-- 0009: the before and after values of every record an import (or the revert of one) changed.
--
-- An import's audit entry (audit_log, action 'import') holds the file name and the counts;
-- the values are here, one row per record it inserted or updated, keyed by the entry's id,
-- so the import can be shown field by field and reverted as one unit (issue 11).
-- Compact: an update keeps only the fields it changed, a new record its fields but the key
-- (which record_key holds), each as one JSON object of texts ({"amount": "9400.00"}:
-- cast(value as varchar), so they compare exactly with the table). JSON text, not a MAP:
-- DuckDB writes and commits it in about half the time (docs/performance.md). No index: rows
-- are appended in one insert per import and read by audit id, which DuckDB's zone maps find
-- without one (an index would slow every import down).
-- Written only by impactdash/write/import_changes.py, inside the import's transaction.
create table import_change (
    audit_id bigint not null,           -- audit_log.id of the import or the revert
    row_no bigint,                      -- the spreadsheet row (null for a revert)
    record_key varchar not null,        -- the key's parts as text, joined by chr(31)
    op varchar not null check (op in ('insert', 'update', 'delete')),
    before varchar,                     -- JSON: the fields' values before (null for an insert)
    after varchar                       -- JSON: the fields' values after (null for a delete)
);
