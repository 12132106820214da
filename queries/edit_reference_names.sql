-- Edit page: the readable name of every record a form or grid field can refer to, so that
-- people choose "Impact Hub Den Haag (DH-P-HUB)" and not a bare code (the stored value stays
-- the code). An ambition has no name of its own: its measure's name and its target date.
-- Returns: dataset, code, municipality_code (null for shared lists), name_nl, name_en,
-- target_date (ambitions only).
-- example:
select 'municipality' as dataset, code, null as municipality_code, name as name_nl, name as name_en,
    null::date as target_date
from municipality
union all
select 'domain', code, null, name_nl, name_en, null from domain
union all
select 'instrument', code, null, name_nl, name_en, null from instrument
union all
select 'metric', code, null, name_nl, name_en, null from metric
union all
select 'programme', code, municipality_code, name, name, null from programme
union all
select 'property', code, municipality_code, name, name, null from property
union all
select 'organisation', code, municipality_code, name, name, null from organisation
union all
select 'ambition', a.code, a.municipality_code, m.name_nl, m.name_en, a.target_date
from ambition as a join metric as m on m.code = a.metric_code
order by dataset, code
