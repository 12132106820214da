-- One year's budget at each planning-and-control moment recorded (original budget, spring and
-- autumn amendments, final accounts), for one municipality and all or one instrument, with the
-- year's spend up to the reporting date. A programme without a row at a moment keeps the amount
-- of its latest earlier moment, so every moment sums the same programmes.
-- Parameters: $municipality, $year, $instrument (code or 'all').
-- Returns: moment, step (1 original .. 4 final), budget, spend.
-- example: municipality=GM0518 year=2025 instrument=all
with programmes as (
    select p.code
    from programme as p
    where p.municipality_code = $municipality
        and ($instrument = 'all' or p.instrument_code = $instrument)
),
ranked as (
    select
        b.programme_code,
        b.moment,
        b.amount::double as amount,
        case b.moment when 'original' then 1 when 'spring' then 2 when 'autumn' then 3 else 4 end as step
    from budget as b
    join programmes as p on p.code = b.programme_code
    where b.year = $year
),
moments as (
    select distinct moment, step from ranked
),
carried as (
    select m.moment, m.step, r.programme_code, arg_max(r.amount, r.step) as amount
    from moments as m
    join ranked as r on r.step <= m.step
    group by m.moment, m.step, r.programme_code
),
by_moment as (
    select moment, step, sum(amount) as budget
    from carried
    group by moment, step
),
spent as (
    select coalesce(sum(s.amount), 0)::double as spend
    from spend as s
    join programmes as p on p.code = s.programme_code
    where s.booking_date >= make_date($year, 1, 1)
        and s.booking_date <= least(make_date($year, 12, 31), (select reporting_date from reporting_period))
),
final as (
    select bm.moment, bm.step, bm.budget, sp.spend
    from by_moment as bm
    cross join spent as sp
)
select * from final
order by step
