-- The properties of one municipality with their state on the reporting date and latest occupancy.
-- Parameters: $municipality. Returns one row per property: code, name, address, district, latitude,
-- longitude, gross_floor_m2, impact_floor_m2, rent_regime, rent_discount_eur_year, available_from,
-- available_until, description, description_en (empty: Dutch only), state ('active', 'ended' or 'planned' on the reporting date), latest_year,
-- latest_quarter, occupied_m2, occupancy_pct, tenants, impact_tenants.
-- example: municipality=GM0518
with reporting as (
    select reporting_date from reporting_period
),
properties as (
    select pr.*
    from property as pr
    where pr.municipality_code = $municipality
),
latest as (
    -- the last quarter with occupancy figures that has ended by the reporting date
    select
        o.property_code,
        max(o.year * 10 + o.quarter) as year_quarter,
        arg_max(o.occupied_m2, o.year * 10 + o.quarter) as occupied_m2,
        arg_max(o.tenants, o.year * 10 + o.quarter) as tenants,
        arg_max(o.impact_tenants, o.year * 10 + o.quarter) as impact_tenants
    from occupancy as o
    join properties as p on p.code = o.property_code
    where last_day(make_date(o.year, o.quarter * 3, 1)) <= (select reporting_date from reporting)
    group by o.property_code
),
final as (
    select
        p.code, p.name, p.address, p.district, p.latitude, p.longitude,
        p.gross_floor_m2, p.impact_floor_m2, p.rent_regime,
        p.rent_discount_eur_year::double as rent_discount_eur_year,
        p.available_from, p.available_until, p.description, p.description_en,
        case
            when p.available_from > r.reporting_date then 'planned'
            when p.available_until < r.reporting_date then 'ended'
            else 'active'
        end as state,
        l.year_quarter // 10 as latest_year,
        l.year_quarter % 10 as latest_quarter,
        l.occupied_m2,
        case when p.impact_floor_m2 > 0 then 100 * l.occupied_m2 / p.impact_floor_m2 end as occupancy_pct,
        l.tenants,
        l.impact_tenants
    from properties as p
    cross join reporting as r
    left join latest as l on l.property_code = p.code
)
select * from final
order by case state when 'active' then 1 when 'planned' then 2 else 3 end, available_from, name
