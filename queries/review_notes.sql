-- Every note that explains an ambition, internal ones included, for the progress review: notes on
-- the ambition itself, on its measure (for its municipality or for all), on the programmes that
-- serve it and on the properties of those programmes. Returns one row per (ambition, note):
-- ambition_code, municipality_code, note_id, subject_kind, subject_code, subject_name (the
-- programme's or property's name, else null), period_start, period_end, body, visibility, author,
-- created_at. A publication holds public notes only, without author.
-- example:
with ambitions as (
    select code, metric_code, municipality_code
    from ambition
),

served as (
    select pa.ambition_code, p.code as programme_code, p.name as programme_name
    from programme_ambition as pa
    join programme as p on p.code = pa.programme_code
),

on_ambition as (
    select a.code as ambition_code, n.id, null as subject_name
    from ambitions as a
    join note as n on n.subject_kind = 'ambition' and n.subject_code = a.code
),

on_measure as (
    select a.code as ambition_code, n.id, null as subject_name
    from ambitions as a
    join note as n
        on n.subject_kind = 'metric'
        and n.subject_code = a.metric_code
        and (n.municipality_code is null or n.municipality_code = a.municipality_code)
),

on_programme as (
    select s.ambition_code, n.id, s.programme_name as subject_name
    from served as s
    join note as n on n.subject_kind = 'programme' and n.subject_code = s.programme_code
),

on_property as (
    select s.ambition_code, n.id, pr.name as subject_name
    from served as s
    join property as pr on pr.programme_code = s.programme_code
    join note as n on n.subject_kind = 'property' and n.subject_code = pr.code
),

linked as (
    select * from on_ambition
    union
    select * from on_measure
    union
    select * from on_programme
    union
    select * from on_property
),

final as (
    select
        l.ambition_code,
        a.municipality_code,
        n.id as note_id,
        n.subject_kind,
        n.subject_code,
        l.subject_name,
        n.period_start,
        n.period_end,
        n.body,
        n.visibility,
        n.author,
        n.created_at
    from linked as l
    join note as n on n.id = l.id
    join ambitions as a on a.code = l.ambition_code
)

select * from final
order by ambition_code, period_start, note_id
