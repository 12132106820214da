-- One year's budget (latest planning-and-control moment) and spend per instrument of one municipality.
-- Parameters: $municipality, $year. Spend runs up to the reporting date.
-- Returns: instrument_code, name_nl, name_en, domain_nl, domain_en, programmes, budget, spend.
-- example: municipality=GM0518 year=2025
with programmes as (
    select p.code, p.instrument_code
    from programme as p
    where p.municipality_code = $municipality
),
budgeted as (
    select p.instrument_code, sum(b.amount)::double as budget, count(*) as programmes
    from programme_year_budget as b
    join programmes as p on p.code = b.programme_code
    where b.year = $year
    group by p.instrument_code
),
spent as (
    select p.instrument_code, sum(s.amount)::double as spend
    from spend as s
    join programmes as p on p.code = s.programme_code
    where s.booking_date >= make_date($year, 1, 1)
        and s.booking_date <= least(make_date($year, 12, 31), (select reporting_date from reporting_period))
    group by p.instrument_code
),
instruments as (
    select instrument_code from budgeted
    union
    select instrument_code from spent
),
final as (
    select
        i.code as instrument_code, i.name_nl, i.name_en, d.name_nl as domain_nl, d.name_en as domain_en,
        coalesce(bu.programmes, 0) as programmes, bu.budget, coalesce(sp.spend, 0) as spend
    from instruments as ins
    join instrument as i on i.code = ins.instrument_code
    join domain as d on d.code = i.domain_code
    left join budgeted as bu on bu.instrument_code = ins.instrument_code
    left join spent as sp on sp.instrument_code = ins.instrument_code
)
select * from final
order by coalesce(budget, 0) desc, spend desc, instrument_code
