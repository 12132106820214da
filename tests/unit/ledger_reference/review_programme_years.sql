-- Budget and spend per year of each programme that serves one ambition, for the progress review.
-- Parameters: $ambition. Budget is the latest planning-and-control moment (view
-- programme_year_budget); spend runs up to the reporting date. Returns one row per (programme,
-- year) up to the reporting year: programme_code, programme_name, year, budget, spend,
-- is_complete (the year has ended on the reporting date).
-- example: ambition=DH-A-FLOOR
with reporting as (
    select reporting_date from reporting_period
),

programmes as (
    select p.code, p.name
    from programme_ambition as pa
    join programme as p on p.code = pa.programme_code
    where pa.ambition_code = $ambition
),

budgeted as (
    select b.programme_code, b.year, b.amount as budget
    from programme_year_budget as b
    where b.programme_code in (select code from programmes)
),

spent as (
    select s.programme_code, year(s.booking_date) as year, sum(s.amount)::double as spend
    from spend as s
    where s.programme_code in (select code from programmes)
        and s.booking_date <= (select reporting_date from reporting)
    group by all
),

years as (
    select programme_code, year from budgeted
    union
    select programme_code, year from spent
),

final as (
    select
        p.code as programme_code,
        p.name as programme_name,
        y.year,
        b.budget,
        coalesce(s.spend, 0) as spend,
        make_date(y.year, 12, 31) <= r.reporting_date as is_complete
    from years as y
    join programmes as p on p.code = y.programme_code
    cross join reporting as r
    left join budgeted as b on b.programme_code = y.programme_code and b.year = y.year
    left join spent as s on s.programme_code = y.programme_code and s.year = y.year
    where y.year <= year(r.reporting_date)
)

select * from final
order by year, programme_name
