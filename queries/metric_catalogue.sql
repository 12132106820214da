-- The measure catalogue with its domain, in display order.
-- Returns: code, name_nl, name_en, unit, direction, aggregation, period, kind, domain_code,
-- domain_nl, domain_en, headline, definition_nl, definition_en, source_nl, source_en.
-- example:
select
    m.code, m.name_nl, m.name_en, m.unit, m.direction, m.aggregation, m.period, m.kind,
    m.domain_code, d.name_nl as domain_nl, d.name_en as domain_en, m.headline,
    m.definition_nl, m.definition_en, m.source_nl, m.source_en
from metric as m
left join domain as d on d.code = m.domain_code
order by m.sort, m.code
