-- Open figures: per programme and year, the budget at each planning-and-control moment, spend and co-funding.
-- Returns: municipality_code, programme_code, programme, instrument_code, lead, year, budget_original,
-- budget_spring, budget_autumn, budget_final, spend, cofunding.
-- example:
with budget as (
    select
        programme_code, year,
        sum(amount) filter (where moment = 'original')::double as budget_original,
        sum(amount) filter (where moment = 'spring')::double as budget_spring,
        sum(amount) filter (where moment = 'autumn')::double as budget_autumn,
        sum(amount) filter (where moment = 'final')::double as budget_final
    from budget
    group by all
),
spent as (
    select programme_code, year(month) as year, sum(amount)::double as spend
    from spend_month_reported
    group by all
),
cofunded as (
    select programme_code, year, sum(amount)::double as cofunding
    from cofunding
    group by all
),
years as (
    select programme_code, year from budget
    union
    select programme_code, year from spent
    union
    select programme_code, year from cofunded
),
final as (
    select
        p.municipality_code, p.code as programme_code, p.name as programme, p.instrument_code, p.lead,
        y.year, b.budget_original, b.budget_spring, b.budget_autumn, b.budget_final,
        coalesce(s.spend, 0) as spend, coalesce(c.cofunding, 0) as cofunding
    from years as y
    join programme as p on p.code = y.programme_code
    left join budget as b using (programme_code, year)
    left join spent as s using (programme_code, year)
    left join cofunded as c using (programme_code, year)
)
select * from final
order by municipality_code, programme_code, year
