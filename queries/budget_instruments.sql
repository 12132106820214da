-- The instruments one municipality runs programmes under, for the page's instrument filter.
-- Parameters: $municipality. Returns: code, name_nl, name_en, domain_nl, domain_en, programmes.
-- example: municipality=GM0518
with programmes as (
    select p.instrument_code, count(*) as programmes
    from programme as p
    where p.municipality_code = $municipality
    group by p.instrument_code
),
final as (
    select
        i.code, i.name_nl, i.name_en, d.name_nl as domain_nl, d.name_en as domain_en,
        pr.programmes, d.sort as domain_sort
    from programmes as pr
    join instrument as i on i.code = pr.instrument_code
    join domain as d on d.code = i.domain_code
)
select code, name_nl, name_en, domain_nl, domain_en, programmes
from final
order by domain_sort, name_nl
