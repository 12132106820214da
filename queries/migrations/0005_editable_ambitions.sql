-- 0005: make ambitions editable.
--
-- DuckDB (2.0) refuses every UPDATE of an ambition that a milestone or programme link
-- refers to: the UNIQUE (metric_code, municipality_code, target_date) index together with
-- the two-column CHECK (target_date > baseline_date) turns each update into a delete plus
-- insert of an indexed row, which the foreign keys forbid ("still referenced by a foreign
-- key"). Editors must be able to correct a target or a document, so the UNIQUE index goes;
-- the rule itself (one ambition per measure, municipality and target date) is checked by
-- the write path (impactdash/datasets.py, Dataset.unique) with a message naming the row.
--
-- DuckDB cannot drop a constraint, so the three tables are rebuilt inside this
-- migration's transaction with every row kept; their columns, keys and other constraints
-- are exactly those of migration 0001.

create temp table ambition_0005 as select * from ambition;
create temp table milestone_0005 as select * from milestone;
create temp table programme_ambition_0005 as select * from programme_ambition;
drop table milestone;
drop table programme_ambition;
drop table ambition;

create table ambition (
    code varchar primary key,
    metric_code varchar not null references metric (code),
    municipality_code varchar not null references municipality (code),
    baseline_date date not null,
    baseline_value double not null,
    target_date date not null,
    target_value double not null,
    -- true: per-period values are summed from the baseline onward
    cumulative boolean not null default false,
    document varchar not null check (length(trim(document)) > 0),
    document_url varchar,
    check (target_date > baseline_date)
);

create table milestone (
    ambition_code varchar not null references ambition (code),
    due_date date not null,
    value double not null,
    primary key (ambition_code, due_date)
);

-- Which ambitions a programme serves (many to many).
create table programme_ambition (
    programme_code varchar not null references programme (code),
    ambition_code varchar not null references ambition (code),
    primary key (programme_code, ambition_code)
);

insert into ambition select * from ambition_0005;
insert into milestone select * from milestone_0005;
insert into programme_ambition select * from programme_ambition_0005;
drop table ambition_0005;
drop table milestone_0005;
drop table programme_ambition_0005;
