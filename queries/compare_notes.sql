-- Public notes that explain one measure: on the measure, on an ambition for it, and on the
-- buildings (property measures) or programmes (money measures) behind it. Never internal notes.
-- Parameters: $metric (measure code). Returns: municipality_code, subject_kind, period_start,
-- period_end, body, body_en (the English text, empty: Dutch only).
-- example: metric=impact_floor_m2
with measure as (
    select m.code, m.domain_code
    from metric as m
    where m.code = $metric
),

public_notes as (
    select n.*
    from note as n
    where n.visibility = 'public'
),

relevant as (
    select n.municipality_code, n.subject_kind, n.period_start, n.period_end, n.body, n.body_en
    from public_notes as n, measure as m
    where (n.subject_kind = 'metric' and n.subject_code = m.code)
        or (n.subject_kind = 'ambition'
            and n.subject_code in (select a.code from ambition as a where a.metric_code = m.code))
        or (n.subject_kind = 'property' and m.domain_code = 'property')
        or (n.subject_kind = 'programme' and m.code in (
            'spend_eur', 'budget_eur', 'budget_execution_pct', 'cofunding_eur', 'leverage_ratio',
            'partner_led_pct'))
),

final as (
    select municipality_code, subject_kind, period_start, period_end, body, body_en
    from relevant
    where municipality_code is not null
)

select * from final
order by municipality_code, period_start, subject_kind
