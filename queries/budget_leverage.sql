-- Leverage of the whole impact pillar per year: external co-funding per municipal euro spent,
-- read through metric_value. Parameters: $municipality. Returns: year, spend, cofunding, leverage.
-- Computed as the year's cofunding_eur over its spend_eur, which is the definition of the
-- leverage_ratio measure (view mv_leverage_ratio); summing the values first keeps the result
-- right even when a derived view returns a year in more than one row (see docs/decisions.md).
-- example: municipality=GM0518
with measures as (
    select mv.metric_code, mv.period_end, mv.value
    from metric_value as mv
    where mv.municipality_code = $municipality
        and mv.metric_code in ('spend_eur', 'cofunding_eur')
        and month(mv.period_end) = 12 and day(mv.period_end) = 31
),
by_year as (
    select
        year(period_end) as year,
        sum(value) filter (where metric_code = 'spend_eur') as spend,
        coalesce(sum(value) filter (where metric_code = 'cofunding_eur'), 0) as cofunding
    from measures
    group by year(period_end)
),
final as (
    select year, spend, cofunding, cofunding / spend as leverage
    from by_year
    where spend > 0
)
select * from final
order by year
