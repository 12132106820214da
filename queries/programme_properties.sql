-- The buildings a programme uses (property.programme_code), with their state on the reporting date.
-- Parameters: $municipality, $programme. Returns one row per building: code, name, district,
-- impact_floor_m2, state ('active', 'ended' or 'planned' on the reporting date).
-- example: municipality=GM0518 programme=DH-P03
with reporting as (
    select reporting_date from reporting_period
),
buildings as (
    select pr.*
    from property as pr
    where pr.municipality_code = $municipality and pr.programme_code = $programme
),
final as (
    select
        b.code,
        b.name,
        b.district,
        b.impact_floor_m2,
        case
            when b.available_from > r.reporting_date then 'planned'
            when b.available_until < r.reporting_date then 'ended'
            else 'active'
        end as state
    from buildings as b
    cross join reporting as r
)
select * from final
order by case state when 'active' then 1 when 'planned' then 2 else 3 end, name
