-- One year's budget (latest planning-and-control moment), spend and co-funding per programme of
-- one municipality, for all or one instrument; only programmes with a figure in that year.
-- Parameters: $municipality, $year, $instrument (code or 'all'). Spend runs up to the reporting date.
-- Returns: programme_code, name, instrument_code, instrument_nl, instrument_en, lead, partner_name,
-- budget, spend, cofunding, lines (number of spend lines).
-- example: municipality=GM0518 year=2025 instrument=all
with programmes as (
    select p.code, p.name, p.instrument_code, p.lead, p.partner_name
    from programme as p
    where p.municipality_code = $municipality
        and ($instrument = 'all' or p.instrument_code = $instrument)
),
budgeted as (
    select b.programme_code, b.amount as budget
    from programme_year_budget as b
    join programmes as p on p.code = b.programme_code
    where b.year = $year
),
spent as (
    select s.programme_code, sum(s.amount)::double as spend, count(*) as lines
    from spend as s
    join programmes as p on p.code = s.programme_code
    where s.booking_date >= make_date($year, 1, 1)
        and s.booking_date <= least(make_date($year, 12, 31), (select reporting_date from reporting_period))
    group by s.programme_code
),
cofunded as (
    select c.programme_code, sum(c.amount)::double as cofunding
    from cofunding as c
    join programmes as p on p.code = c.programme_code
    where c.year = $year
    group by c.programme_code
),
final as (
    select
        p.code as programme_code, p.name, p.instrument_code, i.name_nl as instrument_nl,
        i.name_en as instrument_en, p.lead, p.partner_name, bu.budget,
        coalesce(sp.spend, 0) as spend, coalesce(co.cofunding, 0) as cofunding,
        coalesce(sp.lines, 0) as lines
    from programmes as p
    join instrument as i on i.code = p.instrument_code
    left join budgeted as bu on bu.programme_code = p.code
    left join spent as sp on sp.programme_code = p.code
    left join cofunded as co on co.programme_code = p.code
    where bu.budget is not null or sp.spend is not null or co.cofunding is not null
)
select * from final
order by coalesce(budget, 0) desc, spend desc, programme_code
