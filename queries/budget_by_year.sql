-- Budget, spend, co-funding and leverage per year for one municipality, all or one instrument,
-- all or one programme (the programme page).
-- Parameters: $municipality, $instrument (an instrument code, or 'all' for every instrument),
-- $programme (optional: a programme code, or 'all', the default, for every programme).
-- Budget is the latest planning-and-control moment (view programme_year_budget); spend runs up
-- to the reporting date (view spend_month_reported; negative lines are corrections and are netted). Leverage is co-funding
-- per euro spent, only for years complete on the reporting date (as in mv_leverage_ratio).
-- Returns: year, budget, spend, cofunding, leverage, figures_until (year end or reporting date),
-- is_complete.
-- example: municipality=GM0518 instrument=all programme=all
-- default: programme=all
with bounds as (
    select reporting_date from reporting_period
),
programmes as (
    select p.code
    from programme as p
    where p.municipality_code = $municipality
        and ($instrument = 'all' or p.instrument_code = $instrument)
        and ($programme = 'all' or p.code = $programme)
),
budgeted as (
    select b.year, sum(b.amount)::double as budget
    from programme_year_budget as b
    join programmes as p on p.code = b.programme_code
    group by b.year
),
spent as (
    select year(s.month) as year, sum(s.amount)::double as spend
    from spend_month_reported as s
    join programmes as p on p.code = s.programme_code
    group by year(s.month)
),
cofunded as (
    select c.year, sum(c.amount)::double as cofunding
    from cofunding as c
    join programmes as p on p.code = c.programme_code
    group by c.year
),
years as (
    select year from budgeted
    union
    select year from spent
    union
    select year from cofunded
),
final as (
    select
        y.year,
        bu.budget,
        coalesce(sp.spend, 0) as spend,
        coalesce(co.cofunding, 0) as cofunding,
        case
            when make_date(y.year, 12, 31) <= bd.reporting_date and sp.spend > 0
                then coalesce(co.cofunding, 0) / sp.spend
        end as leverage,
        least(make_date(y.year, 12, 31), bd.reporting_date) as figures_until,
        make_date(y.year, 12, 31) <= bd.reporting_date as is_complete
    from years as y
    cross join bounds as bd
    left join budgeted as bu on bu.year = y.year
    left join spent as sp on sp.year = y.year
    left join cofunded as co on co.year = y.year
    where y.year <= year(bd.reporting_date)
)
select * from final
order by year
