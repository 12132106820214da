-- Programmes running in each complete year, counted by who leads them (partner or municipality).
-- Parameters: $municipality. Returns: year, partner_led, municipality_led, programmes, partner_pct (0-100).
-- example: municipality=GM0518
with years as (
    select pe.period_end
    from period_end as pe
    where pe.period = 'year'
),

-- The same rule as the measure partner_led_pct: a programme runs in a year if it started
-- by its end and had not ended before its start.
running as (
    select year(y.period_end) as year, p.lead
    from programme as p
    join years as y
        on p.start_date <= y.period_end
        and (p.end_date is null or p.end_date >= make_date(year(y.period_end), 1, 1))
    where p.municipality_code = $municipality
),

per_year as (
    select
        year,
        count(*) filter (where lead = 'partner') as partner_led,
        count(*) filter (where lead = 'municipality') as municipality_led,
        count(*) as programmes
    from running
    group by year
),

final as (
    select year, partner_led, municipality_led, programmes, 100.0 * partner_led / programmes as partner_pct
    from per_year
)

select * from final
order by year
