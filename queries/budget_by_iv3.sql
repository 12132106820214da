-- One year's budget (latest planning-and-control moment) and spend per Iv3 task field, for one
-- municipality and all or one instrument. A programme-year counts under the task field of its
-- latest budget line; spend without a budget line has no task field (null).
-- Parameters: $municipality, $year, $instrument (code or 'all').
-- Returns: code (task field, or null), budget, spend, programmes (count), programme_codes ('a;b').
-- example: municipality=GM0518 year=2025 instrument=all
with programmes as (
    select p.code
    from programme as p
    where p.municipality_code = $municipality
        and ($instrument = 'all' or p.instrument_code = $instrument)
),
fielded as (
    select
        b.programme_code,
        arg_max(b.iv3_task_field, case b.moment when 'original' then 1 when 'spring' then 2
            when 'autumn' then 3 else 4 end) as code
    from budget as b
    join programmes as p on p.code = b.programme_code
    where b.year = $year
    group by b.programme_code
),
budgeted as (
    select b.programme_code, b.amount::double as budget
    from programme_year_budget as b
    join programmes as p on p.code = b.programme_code
    where b.year = $year
),
spent as (
    select s.programme_code, sum(s.amount)::double as spend
    from spend_month_reported as s
    join programmes as p on p.code = s.programme_code
    where year(s.month) = $year
    group by s.programme_code
),
per_programme as (
    select p.code as programme_code, f.code, bu.budget, sp.spend
    from programmes as p
    left join fielded as f on f.programme_code = p.code
    left join budgeted as bu on bu.programme_code = p.code
    left join spent as sp on sp.programme_code = p.code
    where bu.budget is not null or sp.spend is not null
),
final as (
    select
        code,
        sum(budget) as budget,
        coalesce(sum(spend), 0) as spend,
        count(*) as programmes,
        string_agg(programme_code, ';' order by programme_code) as programme_codes
    from per_programme
    group by code
)
select * from final
order by coalesce(budget, 0) desc, spend desc, code
