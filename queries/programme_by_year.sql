-- Budget, spend, co-funding and leverage per year of one programme (the columns of budget_by_year).
-- Parameters: $municipality, $programme. Budget is the latest planning-and-control moment; spend
-- runs up to the reporting date; leverage only for completed years.
-- Returns: year, budget, spend, cofunding, leverage, figures_until, is_complete.
-- example: municipality=GM0518 programme=DH-P03
with bounds as (
    select reporting_date from reporting_period
),
chosen as (
    select p.code
    from programme as p
    where p.code = $programme and p.municipality_code = $municipality
),
budgeted as (
    select b.year, sum(b.amount)::double as budget
    from programme_year_budget as b
    join chosen as c on c.code = b.programme_code
    group by b.year
),
spent as (
    select year(s.month) as year, sum(s.amount)::double as spend
    from spend_month_reported as s
    join chosen as c on c.code = s.programme_code
    group by year(s.month)
),
cofunded as (
    select co.year, sum(co.amount)::double as cofunding
    from cofunding as co
    join chosen as c on c.code = co.programme_code
    group by co.year
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
