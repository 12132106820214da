-- Public notes of one municipality on its ecosystem measures (or their ambitions) and on its programmes.
-- Never returns an internal note. Parameters: $municipality.
-- Returns: metric_code (null for a programme note), programme_code, programme_name, period_start,
-- period_end, body, body_en (the English text, empty: Dutch only).
-- example: municipality=GM0518
with public_notes as (
    select n.subject_kind, n.subject_code, n.municipality_code, n.period_start, n.period_end, n.body, n.body_en
    from note as n
    where n.visibility = 'public'
        and (n.municipality_code = $municipality or n.municipality_code is null)
),

ecosystem_metrics as (
    select m.code
    from metric as m
    where m.code in (
        'impact_enterprises', 'impact_jobs_fte', 'investment_raised_eur', 'network_size',
        'connections_made', 'connections_programme_pct', 'partner_led_pct', 'events_held',
        'event_participants'
    )
),

on_metrics as (
    select
        coalesce(a.metric_code, n.subject_code) as metric_code,
        null::varchar as programme_code,
        null::varchar as programme_name,
        n.period_start,
        n.period_end,
        n.body,
        n.body_en
    from public_notes as n
    left join ambition as a
        on n.subject_kind = 'ambition'
        and a.code = n.subject_code
        and a.municipality_code = $municipality
    where n.subject_kind = 'metric' or (n.subject_kind = 'ambition' and a.code is not null)
),

on_programmes as (
    select
        null::varchar as metric_code,
        p.code as programme_code,
        p.name as programme_name,
        n.period_start,
        n.period_end,
        n.body,
        n.body_en
    from public_notes as n
    join programme as p on p.code = n.subject_code
    where n.subject_kind = 'programme' and p.municipality_code = $municipality
),

final as (
    select * from on_metrics where metric_code in (select code from ecosystem_metrics)
    union all
    select * from on_programmes
)

select * from final
order by period_start, metric_code nulls last, programme_code
