-- One programme's external co-funding, per year and funder.
-- Parameters: $municipality, $programme. Returns: year, funder, funder_kind, amount.
-- example: municipality=GM0518 programme=DH-P03
with chosen as (
    select p.code
    from programme as p
    where p.code = $programme and p.municipality_code = $municipality
),
final as (
    select co.year, co.funder, co.funder_kind, co.amount::double as amount
    from cofunding as co
    join chosen as c on c.code = co.programme_code
)
select * from final
order by year desc, amount desc, funder
