-- 0007: what publishing needs beyond 0001's publication table.
-- The snapshot is written when a publication is requested, so the reviewer approves a
-- fixed set of figures; its checksum proves on approval that the file is the one
-- requested. A withdrawal is recorded apart from the decision, which stays as it was.
alter table publication add column snapshot_checksum varchar;
alter table publication add column decision_note varchar;
alter table publication add column withdrawn_by varchar;
alter table publication add column withdrawn_at timestamp;
