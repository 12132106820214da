-- Public notes that explain the ambitions of one municipality: notes on the ambition itself,
-- on its measure (for this municipality or for all) and on the programmes that serve it.
-- Parameters: $municipality. Returns: ambition_code, subject_kind, subject_code, period_start,
-- period_end, body, body_en (the English text, empty: Dutch only). Internal notes are never returned.
-- example: municipality=GM0518
with ambitions as (
    select code, metric_code
    from ambition
    where municipality_code = $municipality
),

public_notes as (
    select subject_kind, subject_code, municipality_code, period_start, period_end, body, body_en
    from note
    where visibility = 'public'
),

on_ambition as (
    select a.code as ambition_code, n.subject_kind, n.subject_code, n.period_start, n.period_end, n.body, n.body_en
    from ambitions as a
    join public_notes as n on n.subject_kind = 'ambition' and n.subject_code = a.code
),

on_measure as (
    select a.code as ambition_code, n.subject_kind, n.subject_code, n.period_start, n.period_end, n.body, n.body_en
    from ambitions as a
    join public_notes as n
        on n.subject_kind = 'metric'
        and n.subject_code = a.metric_code
        and (n.municipality_code is null or n.municipality_code = $municipality)
),

on_programme as (
    select pa.ambition_code, n.subject_kind, n.subject_code, n.period_start, n.period_end, n.body, n.body_en
    from ambitions as a
    join programme_ambition as pa on pa.ambition_code = a.code
    join public_notes as n on n.subject_kind = 'programme' and n.subject_code = pa.programme_code
),

final as (
    select * from on_ambition
    union all
    select * from on_measure
    union all
    select * from on_programme
)

select * from final
order by ambition_code, period_start, subject_kind, subject_code
