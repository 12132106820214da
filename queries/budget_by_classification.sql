-- One year's budget (latest planning-and-control moment) and spend per Iv3 task field and per SDG,
-- for one municipality and all or one instrument: both classifications from one count per programme.
-- Iv3: a programme-year counts under the task field of its latest budget line; spend without a
-- budget line has no task field (null). SDG: a programme tagged with several SDGs counts in full
-- under each, so the SDGs together add up to more than the total; a programme without SDGs has
-- code null.
-- Parameters: $municipality, $year, $instrument (code or 'all').
-- Returns: dimension ('iv3' or 'sdg'), code (task field or SDG number as text, or null), budget,
-- spend, programmes (count), programme_codes ('a;b'). Per dimension: Iv3 by budget, then spend,
-- largest first; SDGs by number, none last.
-- example: municipality=GM0518 year=2025 instrument=all
with programmes as (
    select p.code, p.sdgs
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
    select p.code as programme_code, f.code as iv3, p.sdgs, bu.budget, sp.spend
    from programmes as p
    left join fielded as f on f.programme_code = p.code
    left join budgeted as bu on bu.programme_code = p.code
    left join spent as sp on sp.programme_code = p.code
    where bu.budget is not null or sp.spend is not null
),
classified as (
    select 'iv3' as dimension, pp.programme_code, pp.iv3 as code, pp.budget, pp.spend
    from per_programme as pp
    union all
    select
        'sdg' as dimension,
        pp.programme_code,
        cast(cast(tag.code as integer) as varchar) as code,
        pp.budget,
        pp.spend
    from per_programme as pp
    cross join unnest(string_split(coalesce(pp.sdgs, ''), ';')) as tag (code)
    where tag.code <> ''
    union all
    select 'sdg' as dimension, pp.programme_code, null as code, pp.budget, pp.spend
    from per_programme as pp
    where pp.sdgs is null or pp.sdgs = ''
),
final as (
    select
        dimension,
        code,
        sum(budget) as budget,
        coalesce(sum(spend), 0) as spend,
        count(*) as programmes,
        string_agg(programme_code, ';' order by programme_code) as programme_codes
    from classified
    group by dimension, code
)
select * from final
order by
    dimension,
    case when dimension = 'sdg' then cast(code as integer) end nulls last,
    coalesce(budget, 0) desc,
    spend desc,
    code
