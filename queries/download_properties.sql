-- Open figures: the property register with each building's latest occupancy.
-- Returns: code, municipality_code, name, address, district, latitude, longitude, gross_floor_m2,
-- impact_floor_m2, rent_regime, rent_discount_eur_year, available_from, available_until,
-- latest_quarter, occupied_m2, tenants, impact_tenants.
-- example:
with latest as (
    select property_code,
        arg_max(year::varchar || '-Q' || quarter::varchar, year * 10 + quarter) as latest_quarter,
        arg_max(occupied_m2, year * 10 + quarter) as occupied_m2,
        arg_max(tenants, year * 10 + quarter) as tenants,
        arg_max(impact_tenants, year * 10 + quarter) as impact_tenants
    from occupancy
    group by property_code
)
select
    p.code, p.municipality_code, p.name, p.address, p.district, p.latitude, p.longitude,
    p.gross_floor_m2, p.impact_floor_m2, p.rent_regime, p.rent_discount_eur_year::double as rent_discount_eur_year,
    p.available_from, p.available_until, l.latest_quarter, l.occupied_m2, l.tenants, l.impact_tenants
from property as p
left join latest as l on l.property_code = p.code
order by p.municipality_code, p.code
