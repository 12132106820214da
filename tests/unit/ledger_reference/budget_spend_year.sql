-- One year's budget (latest planning-and-control moment) against spend up to the reporting date.
-- Parameters: $municipality, $year. Returns one row: budget, spend, spend_until.
-- example: municipality=GM0518 year=2026
with budget as (
    select sum(b.amount) as budget
    from programme_year_budget as b
    join programme as p on p.code = b.programme_code
    where p.municipality_code = $municipality and b.year = $year
),
spent as (
    select sum(s.amount)::double as spend, max(s.booking_date) as spend_until
    from spend as s
    join programme as p on p.code = s.programme_code
    where p.municipality_code = $municipality
        and year(s.booking_date) = $year
        and s.booking_date <= (select reporting_date from reporting_period)
)
select budget.budget, spent.spend, spent.spend_until
from budget, spent
