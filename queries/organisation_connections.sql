-- One organisation's connections in the ecosystem, either direction, newest first, with the
-- organisation on the other side and the programme a connection came through.
-- Parameters: $municipality, $organisation. Returns: connected_on, kind, other_name, other_kind,
-- programme_code, programme_name.
-- example: municipality=GM0518 organisation=DH-O001
with chosen as (
    select o.code
    from organisation as o
    where o.code = $organisation and o.municipality_code = $municipality
),
linked as (
    select c.connected_on, c.kind, c.to_org as other, c.programme_code
    from connection as c
    join chosen as ch on ch.code = c.from_org
    union all
    select c.connected_on, c.kind, c.from_org as other, c.programme_code
    from connection as c
    join chosen as ch on ch.code = c.to_org
),
final as (
    select
        l.connected_on, l.kind, o.name as other_name, o.kind as other_kind,
        l.programme_code, p.name as programme_name
    from linked as l
    join organisation as o on o.code = l.other
    left join programme as p on p.code = l.programme_code
)
select * from final
order by connected_on desc, other_name
