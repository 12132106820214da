-- One year's budget (latest planning-and-control moment) and spend per SDG, for one municipality
-- and all or one instrument. A programme tagged with several SDGs counts in full under each, so
-- the SDGs together add up to more than the total; a programme without SDGs has code null.
-- Parameters: $municipality, $year, $instrument (code or 'all').
-- Returns: code (SDG number 1..17, or null), budget, spend, programmes (count), programme_codes ('a;b').
-- example: municipality=GM0518 year=2025 instrument=all
with programmes as (
    select p.code, p.sdgs
    from programme as p
    where p.municipality_code = $municipality
        and ($instrument = 'all' or p.instrument_code = $instrument)
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
    select p.code as programme_code, p.sdgs, bu.budget, sp.spend
    from programmes as p
    left join budgeted as bu on bu.programme_code = p.code
    left join spent as sp on sp.programme_code = p.code
    where bu.budget is not null or sp.spend is not null
),
tagged as (
    select pp.programme_code, cast(tag.code as integer) as code, pp.budget, pp.spend
    from per_programme as pp
    cross join unnest(string_split(coalesce(pp.sdgs, ''), ';')) as tag (code)
    where tag.code <> ''
    union all
    select pp.programme_code, null as code, pp.budget, pp.spend
    from per_programme as pp
    where pp.sdgs is null or pp.sdgs = ''
),
final as (
    select
        code,
        sum(budget) as budget,
        coalesce(sum(spend), 0) as spend,
        count(*) as programmes,
        string_agg(programme_code, ';' order by programme_code) as programme_codes
    from tagged
    group by code
)
select * from final
order by code nulls last
