-- What the data covers per municipality: first and last year of spend, row counts of the main sets.
-- Returns: code, name, pillar_start, programmes, spend_lines, first_spend, last_spend, properties,
-- organisations, connections, observations, ambitions.
-- example:
with programmes as (
    select municipality_code, count(*) as programmes from programme group by all
),
spend_lines as (
    select p.municipality_code, count(*) as spend_lines,
        min(s.booking_date) as first_spend, max(s.booking_date) as last_spend
    from spend as s
    join programme as p on p.code = s.programme_code
    group by all
),
properties as (
    select municipality_code, count(*) as properties from property group by all
),
organisations as (
    select municipality_code, count(*) as organisations from organisation group by all
),
connections as (
    select o.municipality_code, count(*) as connections
    from connection as c
    join organisation as o on o.code = c.from_org
    group by all
),
observations as (
    select municipality_code, count(*) as observations from observation group by all
),
ambitions as (
    select municipality_code, count(*) as ambitions from ambition group by all
),
final as (
    select
        m.code, m.name, m.pillar_start,
        coalesce(p.programmes, 0) as programmes,
        coalesce(s.spend_lines, 0) as spend_lines, s.first_spend, s.last_spend,
        coalesce(pr.properties, 0) as properties,
        coalesce(o.organisations, 0) as organisations,
        coalesce(c.connections, 0) as connections,
        coalesce(ob.observations, 0) as observations,
        coalesce(a.ambitions, 0) as ambitions
    from municipality as m
    left join programmes as p on p.municipality_code = m.code
    left join spend_lines as s on s.municipality_code = m.code
    left join properties as pr on pr.municipality_code = m.code
    left join organisations as o on o.municipality_code = m.code
    left join connections as c on c.municipality_code = m.code
    left join observations as ob on ob.municipality_code = m.code
    left join ambitions as a on a.municipality_code = m.code
)
select * from final
order by pillar_start nulls last, name
