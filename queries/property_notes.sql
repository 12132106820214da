-- Public notes of one municipality on its properties and on the real-estate measures and ambitions.
-- Never returns internal notes. Parameters: $municipality. Returns: subject_kind, subject_code,
-- property_name (for a note on a property), metric_code (for a note on a measure or its ambition),
-- period_start, period_end, body, body_en (the English text, empty: Dutch only).
-- example: municipality=GM0518
with public_notes as (
    select n.subject_kind, n.subject_code, n.period_start, n.period_end, n.body, n.body_en
    from note as n
    where n.visibility = 'public' and n.municipality_code = $municipality
),
property_subjects as (
    select 'property' as subject_kind, pr.code as subject_code, pr.name as property_name,
        null::varchar as metric_code
    from property as pr
    where pr.municipality_code = $municipality
),
metric_subjects as (
    select 'metric' as subject_kind, m.code as subject_code, null::varchar as property_name,
        m.code as metric_code
    from metric as m
    where m.domain_code = 'property'
),
ambition_subjects as (
    select 'ambition' as subject_kind, a.code as subject_code, null::varchar as property_name,
        a.metric_code
    from ambition as a
    join metric as m on m.code = a.metric_code
    where a.municipality_code = $municipality and m.domain_code = 'property'
),
subjects as (
    select * from property_subjects
    union all
    select * from metric_subjects
    union all
    select * from ambition_subjects
),
final as (
    select
        n.subject_kind, n.subject_code, s.property_name, s.metric_code,
        n.period_start, n.period_end, n.body, n.body_en
    from public_notes as n
    join subjects as s using (subject_kind, subject_code)
)
select * from final
order by period_end, subject_code
