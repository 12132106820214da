-- The connections between the organisations drawn in the network graph, one row per pair, strongest
-- first, at most $max_edges pairs; the members and the cap on nodes are those of ecosystem_network_nodes.
-- Parameters: $municipality, $max_nodes, $max_edges.
-- Returns: source, target, connections, through_programme, total_pairs (pairs among the drawn nodes).
-- example: municipality=GM0518 max_nodes=300 max_edges=1000
with reporting as (
    select rp.reporting_date
    from reporting_period as rp
),

members as (
    select o.code
    from organisation as o, reporting as r
    where o.municipality_code = $municipality
        and o.joined_date <= r.reporting_date
        and (o.left_date is null or o.left_date > r.reporting_date)
),

links as (
    select c.from_org, c.to_org, c.programme_code
    from connection as c, reporting as r
    where c.connected_on <= r.reporting_date
        and c.from_org in (select code from members)
        and c.to_org in (select code from members)
),

ends as (
    select from_org as code from links
    union all
    select to_org as code from links
),

degrees as (
    select code, count(*) as degree
    from ends
    group by code
),

drawn as (
    select m.code
    from members as m
    left join degrees as d on d.code = m.code
    order by coalesce(d.degree, 0) desc, m.code
    limit $max_nodes
),

pairs as (
    select
        least(l.from_org, l.to_org) as source,
        greatest(l.from_org, l.to_org) as target,
        count(*) as connections,
        count(l.programme_code) as through_programme
    from links as l
    where l.from_org in (select code from drawn) and l.to_org in (select code from drawn)
    group by least(l.from_org, l.to_org), greatest(l.from_org, l.to_org)
),

ranked as (
    select
        source,
        target,
        connections,
        through_programme,
        count(*) over () as total_pairs,
        row_number() over (order by connections desc, source, target) as rank
    from pairs
),

final as (
    select source, target, connections, through_programme, total_pairs
    from ranked
    where rank <= $max_edges
    order by rank
)

select * from final
