-- 0001: the core tables of the impact pillar.
--
-- Natural keys (short codes civil servants already use) are the primary keys of the
-- reference tables, so a re-imported spreadsheet upserts on them. Every rule that a
-- single row can check lives here as a constraint as well as in impactdash/edits.py;
-- rules across tables (occupied m² within the property's floor area, a milestone
-- between its ambition's baseline and target) live in code and in the data tests,
-- because DuckDB has no triggers.

-- One row: bumped by every write so cached reads can be keyed on it.
create table data_version (
    id integer primary key default 1 check (id = 1),
    version bigint not null default 0
);
insert into data_version values (1, 0);

-- Settings that describe the data set as a whole (e.g. whether it is the demo).
create table app_setting (
    key varchar primary key,
    value varchar not null
);

create table municipality (
    code varchar primary key check (regexp_full_match(code, 'GM[0-9]{4}')),  -- CBS code
    name varchar not null unique check (length(trim(name)) > 0),
    province varchar,
    pillar_start date,  -- when impact entrepreneurship became a policy pillar
    -- true for the demo's illustrative cities: pages say so while they are loaded
    is_demo boolean not null default false
);

create table population (
    municipality_code varchar not null references municipality (code),
    year integer not null check (year between 1900 and 2100),
    inhabitants integer not null check (inhabitants > 0),
    primary key (municipality_code, year)
);

-- The ecosystem domains a city works on; fixed list, filled by this migration.
create table domain (
    code varchar primary key,
    name_nl varchar not null,
    name_en varchar not null,
    sort integer not null
);
insert into domain values
    ('networks',  'Netwerken en zichtbaarheid',      'Networks and visibility',           1),
    ('finance',   'Toegang tot financiering',        'Access to finance',                 2),
    ('property',  'Vastgoed en infrastructuur',      'Real estate and infrastructure',    3),
    ('talent',    'Talent',                          'Talent',                            4),
    ('market',    'Markt en inkoop',                 'Market and procurement',            5),
    ('support',   'Ondernemersondersteuning',        'Business support',                  6),
    ('knowledge', 'Kennis en experimenteren',        'Knowledge and experimentation',     7);

create table instrument (
    code varchar primary key,
    domain_code varchar not null references domain (code),
    name_nl varchar not null check (length(trim(name_nl)) > 0),
    name_en varchar not null check (length(trim(name_en)) > 0),
    description_nl varchar,
    description_en varchar
);

-- The measure catalogue. kind 'observed' measures get rows in observation;
-- 'derived' ones are computed by the views of migration 0002.
create table metric (
    code varchar primary key,
    name_nl varchar not null,
    name_en varchar not null,
    unit varchar not null check (unit in ('eur', 'm2', 'count', 'fte', 'ratio', 'percent')),
    direction varchar not null check (direction in ('higher', 'lower')),
    -- how values combine over time: 'sum' for flows per period, 'last' for stocks
    -- (a level at a date), 'mean' for rates
    aggregation varchar not null check (aggregation in ('sum', 'last', 'mean')),
    period varchar not null check (period in ('year', 'quarter')),
    kind varchar not null check (kind in ('observed', 'derived')),
    domain_code varchar references domain (code),
    headline boolean not null default false,
    sort integer not null default 100,
    definition_nl varchar not null,
    definition_en varchar not null,
    source_nl varchar not null,
    source_en varchar not null
);

create table programme (
    code varchar primary key,
    municipality_code varchar not null references municipality (code),
    instrument_code varchar not null references instrument (code),
    name varchar not null check (length(trim(name)) > 0),
    lead varchar not null check (lead in ('municipality', 'partner')),
    partner_name varchar,
    start_date date not null,
    end_date date,
    sdgs varchar check (sdgs is null or regexp_full_match(sdgs, '([1-9]|1[0-7])(;([1-9]|1[0-7]))*')),
    description varchar,
    check (end_date is null or end_date >= start_date),
    check (lead = 'municipality' or partner_name is not null)
);

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
    check (target_date > baseline_date),
    unique (metric_code, municipality_code, target_date)
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

-- Budget per programme, year and planning-and-control moment.
create table budget (
    programme_code varchar not null references programme (code),
    year integer not null check (year between 2000 and 2100),
    moment varchar not null check (moment in ('original', 'spring', 'autumn', 'final')),
    amount decimal(18, 2) not null check (amount >= 0),
    iv3_task_field varchar check (iv3_task_field is null or regexp_full_match(iv3_task_field, '[0-9]\.[0-9]{1,2}')),
    primary key (programme_code, year, moment)
);

-- The spend ledger; entry_ref is the booking number from the financial system.
-- Negative amounts are corrections (credit notes), so only zero is refused.
create table spend (
    entry_ref varchar primary key,
    programme_code varchar not null references programme (code),
    booking_date date not null,
    amount decimal(18, 2) not null check (amount <> 0),
    description varchar,
    counterparty_kind varchar not null check (counterparty_kind in (
        'impact_enterprise', 'supplier', 'partner', 'knowledge_institution',
        'government', 'foundation', 'other'))
);

-- External co-funding mobilised per programme and year.
create table cofunding (
    programme_code varchar not null references programme (code),
    year integer not null check (year between 2000 and 2100),
    funder varchar not null check (length(trim(funder)) > 0),
    funder_kind varchar not null check (funder_kind in (
        'private', 'financier', 'foundation', 'province', 'national', 'eu', 'other')),
    amount decimal(18, 2) not null check (amount >= 0),
    primary key (programme_code, year, funder)
);

create table property (
    code varchar primary key,
    municipality_code varchar not null references municipality (code),
    programme_code varchar references programme (code),
    name varchar not null check (length(trim(name)) > 0),
    address varchar not null,
    district varchar not null,
    latitude double check (latitude between -90 and 90),
    longitude double check (longitude between -180 and 180),
    gross_floor_m2 double not null check (gross_floor_m2 > 0),
    impact_floor_m2 double not null check (impact_floor_m2 >= 0),
    rent_regime varchar not null check (rent_regime in ('market', 'reduced', 'social', 'free')),
    rent_discount_eur_year decimal(18, 2) not null default 0 check (rent_discount_eur_year >= 0),
    available_from date not null,
    available_until date,
    check (impact_floor_m2 <= gross_floor_m2),
    check (available_until is null or available_until >= available_from)
);

-- Occupancy of the impact floor area per quarter.
create table occupancy (
    property_code varchar not null references property (code),
    year integer not null check (year between 2000 and 2100),
    quarter integer not null check (quarter between 1 and 4),
    occupied_m2 double not null check (occupied_m2 >= 0),
    tenants integer not null check (tenants >= 0),
    impact_tenants integer not null check (impact_tenants >= 0),
    check (impact_tenants <= tenants),
    primary key (property_code, year, quarter)
);

create table observation (
    metric_code varchar not null references metric (code),
    municipality_code varchar not null references municipality (code),
    observed_on date not null,
    value double not null,
    source varchar,
    primary key (metric_code, municipality_code, observed_on)
);

create table organisation (
    code varchar primary key,
    municipality_code varchar not null references municipality (code),
    name varchar not null check (length(trim(name)) > 0),
    kind varchar not null check (kind in (
        'impact_enterprise', 'financier', 'supplier', 'knowledge_institution',
        'government', 'foundation_ngo', 'corporate')),
    joined_date date not null,
    left_date date,
    check (left_date is null or left_date >= joined_date)
);

create sequence connection_id_seq start 1;
create table connection (
    id bigint primary key default nextval('connection_id_seq'),
    from_org varchar not null references organisation (code),
    to_org varchar not null references organisation (code),
    kind varchar not null check (kind in (
        'introduction', 'customer', 'investment', 'partnership', 'mentoring', 'knowledge')),
    connected_on date not null,
    programme_code varchar references programme (code),
    check (from_org <> to_org),
    unique (from_org, to_org, kind, connected_on)
);

create sequence note_id_seq start 1;
create table note (
    id bigint primary key default nextval('note_id_seq'),
    subject_kind varchar not null check (subject_kind in ('metric', 'programme', 'property', 'ambition')),
    subject_code varchar not null,
    municipality_code varchar references municipality (code),
    period_start date not null,
    period_end date not null,
    body varchar not null check (length(trim(body)) > 0),
    visibility varchar not null check (visibility in ('public', 'internal')),
    author varchar not null,
    created_at timestamp not null default current_timestamp,
    check (period_end >= period_start)
);

create table app_user (
    username varchar primary key check (regexp_full_match(username, '[a-z0-9._-]{2,40}')),
    display_name varchar not null,
    email varchar unique,
    password_hash varchar,
    disabled boolean not null default false,
    failed_attempts integer not null default 0,
    locked_until timestamp,
    created_at timestamp not null default current_timestamp
);

create table user_role (
    username varchar not null references app_user (username),
    role varchar not null check (role in ('editor', 'reviewer', 'admin')),
    primary key (username, role)
);

create sequence audit_id_seq start 1;
create table audit_log (
    id bigint primary key default nextval('audit_id_seq'),
    changed_at timestamp not null default current_timestamp,
    actor varchar not null,
    action varchar not null,
    dataset varchar,
    record_key varchar,
    before_json varchar,  -- JSON text of the row before the change
    after_json varchar,
    detail varchar
);

create sequence publication_id_seq start 1;
create table publication (
    id bigint primary key default nextval('publication_id_seq'),
    label varchar not null check (length(trim(label)) > 0),
    request_note varchar,
    requested_by varchar not null,
    requested_at timestamp not null default current_timestamp,
    status varchar not null default 'requested'
        check (status in ('requested', 'approved', 'rejected', 'withdrawn')),
    decided_by varchar,
    decided_at timestamp,
    snapshot_file varchar,
    check (decided_by is null or decided_by <> requested_by)
);
