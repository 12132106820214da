-- One year's spend per month, cumulative, against an even-spend line (the year's budget times the
-- share of the year elapsed), for one municipality and all or one instrument. Months run up to the
-- reporting date; the last point of the current year is the reporting date itself.
-- Parameters: $municipality, $year, $instrument (code or 'all').
-- Returns: month, period_end, spend, cumulative_spend, budget, even_spend.
-- example: municipality=GM0518 year=2026 instrument=all
with bounds as (
    select
        reporting_date,
        make_date($year, 1, 1) as year_start,
        make_date($year, 12, 31) as year_end
    from reporting_period
),
programmes as (
    select p.code
    from programme as p
    where p.municipality_code = $municipality
        and ($instrument = 'all' or p.instrument_code = $instrument)
),
budgeted as (
    select sum(b.amount)::double as budget
    from programme_year_budget as b
    join programmes as p on p.code = b.programme_code
    where b.year = $year
),
months as (
    select
        r.m::integer as month,
        least(last_day(make_date($year, r.m::integer, 1)), bd.reporting_date) as period_end
    from bounds as bd, range(1, 13) as r(m)
    where make_date($year, r.m::integer, 1) <= bd.reporting_date
),
monthly as (
    select month(s.booking_date) as month, sum(s.amount)::double as spend
    from spend as s
    join programmes as p on p.code = s.programme_code
    cross join bounds as bd
    where s.booking_date >= bd.year_start
        and s.booking_date <= least(bd.year_end, bd.reporting_date)
    group by month(s.booking_date)
),
final as (
    select
        mo.month,
        mo.period_end,
        coalesce(ml.spend, 0) as spend,
        sum(coalesce(ml.spend, 0)) over (order by mo.month) as cumulative_spend,
        bu.budget,
        bu.budget * (mo.period_end - bd.year_start + 1) / (bd.year_end - bd.year_start + 1) as even_spend
    from months as mo
    cross join bounds as bd
    cross join budgeted as bu
    left join monthly as ml on ml.month = mo.month
)
select * from final
order by month
