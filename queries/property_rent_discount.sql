-- Rent discount given to impact entrepreneurs (support in kind, in euros) per complete year.
-- Parameters: $municipality. Returns: year, period_end, rent_discount_eur, properties (properties
-- available at some time in that year).
-- example: municipality=GM0518
with discount as (
    select mv.period_end, mv.value as rent_discount_eur
    from metric_value as mv
    where mv.municipality_code = $municipality and mv.metric_code = 'rent_discount_eur'
),
available as (
    select d.period_end, count(pr.code) as properties
    from discount as d
    join property as pr
        on pr.municipality_code = $municipality
        and pr.available_from <= d.period_end
        and (pr.available_until is null or pr.available_until >= make_date(year(d.period_end), 1, 1))
    group by d.period_end
),
final as (
    select
        year(d.period_end) as year,
        d.period_end,
        d.rent_discount_eur,
        coalesce(a.properties, 0) as properties
    from discount as d
    left join available as a using (period_end)
)
select * from final
order by year
