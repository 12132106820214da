-- One building's occupancy per quarter with its impact floor area, rent regime, yearly rent
-- discount and the programme it belongs to.
-- Parameters: $municipality, $property. Returns one row per recorded quarter: year, quarter,
-- occupied_m2, occupancy_pct, tenants, impact_tenants, impact_floor_m2, rent_regime,
-- rent_discount_eur_year, programme_code, programme_name.
-- example: municipality=GM0518 property=DH-V01
with chosen as (
    select pr.*
    from property as pr
    where pr.code = $property and pr.municipality_code = $municipality
),
final as (
    select
        o.year,
        o.quarter,
        o.occupied_m2,
        case when c.impact_floor_m2 > 0 then 100 * o.occupied_m2 / c.impact_floor_m2 end as occupancy_pct,
        o.tenants,
        o.impact_tenants,
        c.impact_floor_m2,
        c.rent_regime,
        c.rent_discount_eur_year::double as rent_discount_eur_year,
        c.programme_code,
        p.name as programme_name
    from chosen as c
    join occupancy as o on o.property_code = c.code
    left join programme as p on p.code = c.programme_code
)
select * from final
order by year desc, quarter desc
