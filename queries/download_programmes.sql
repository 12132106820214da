-- Open figures: programmes with their instrument, domain, lead and the ambitions they serve.
-- Returns: code, municipality_code, name, instrument_code, instrument_nl, instrument_en, domain_code,
-- lead, partner_name, start_date, end_date, sdgs, ambitions.
-- example:
with served as (
    select programme_code, string_agg(ambition_code, '; ' order by ambition_code) as ambitions
    from programme_ambition
    group by programme_code
)
select
    p.code, p.municipality_code, p.name, p.instrument_code, i.name_nl as instrument_nl,
    i.name_en as instrument_en, i.domain_code, p.lead, p.partner_name, p.start_date, p.end_date,
    p.sdgs, s.ambitions
from programme as p
join instrument as i on i.code = p.instrument_code
left join served as s on s.programme_code = p.code
order by p.municipality_code, p.code
