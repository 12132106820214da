-- Municipalities in the database, the one with the longest-running pillar first.
-- Returns: code, name, province, pillar_start, is_demo, latest_population.
-- example:
with latest_population as (
    select municipality_code, arg_max(inhabitants, year) as inhabitants
    from population
    group by municipality_code
),
final as (
    select m.code, m.name, m.province, m.pillar_start, m.is_demo, lp.inhabitants as latest_population
    from municipality as m
    left join latest_population as lp on lp.municipality_code = m.code
)
select * from final
order by pillar_start nulls last, name
