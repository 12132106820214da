-- The organisations in one municipality's ecosystem network on the reporting date, most connected first,
-- at most $max_nodes of them (the graph stays readable and light at any data size).
-- Parameters: $municipality, $max_nodes. Returns: code, name, kind, degree (connections with other
-- members), total_organisations, total_connections, kind_total and kind_connections (per kind, before the cap).
-- example: municipality=GM0518 max_nodes=300
with reporting as (
    select rp.reporting_date
    from reporting_period as rp
),

members as (
    select o.code, o.name, o.kind
    from organisation as o, reporting as r
    where o.municipality_code = $municipality
        and o.joined_date <= r.reporting_date
        and (o.left_date is null or o.left_date > r.reporting_date)
),

links as (
    select c.from_org, c.to_org
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

ranked as (
    select
        m.code,
        m.name,
        m.kind,
        coalesce(d.degree, 0) as degree,
        count(*) over () as total_organisations,
        (select count(*) from links) as total_connections,
        count(*) over (partition by m.kind) as kind_total,
        sum(coalesce(d.degree, 0)) over (partition by m.kind) as kind_connections,
        row_number() over (order by coalesce(d.degree, 0) desc, m.code) as rank
    from members as m
    left join degrees as d on d.code = m.code
),

final as (
    select code, name, kind, degree, total_organisations, total_connections, kind_total, kind_connections
    from ranked
    where rank <= $max_nodes
    order by rank
)

select * from final
