-- 0011: content in English beside the Dutch (issue 13, item 1).
--
-- The interface has spoken both languages from the start; the texts staff write did not.
-- Each text a visitor reads gets an optional English column beside the Dutch one: a note's
-- text, a programme's description, the name of the council document that set an ambition.
-- A property had no description at all, so it gets one in Dutch and one in English. English
-- pages show the English text where it is filled in, else the Dutch text marked lang="nl".
-- Only columns are added (empty: no figure changes), so an older publication upgraded by
-- publish/serving.py serves exactly what it did, with no English texts. "if not exists": the
-- tests make an older snapshot by removing what later migrations added, and DuckDB cannot drop
-- a column of a table that others refer to (programme, ambition, property); only note's goes.
alter table note add column if not exists body_en varchar;
alter table programme add column if not exists description_en varchar;
alter table ambition add column if not exists document_en varchar;
alter table property add column if not exists description varchar;
alter table property add column if not exists description_en varchar;
