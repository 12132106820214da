-- The ambitions of one municipality with what the pages need of their measure.
-- Parameters: $municipality (CBS code). Returns one row per ambition, headline measures first;
-- document_en is the document's English title (empty: Dutch only).
-- example: municipality=GM0518
select
    a.code, a.metric_code, a.municipality_code,
    a.baseline_date, a.baseline_value, a.target_date, a.target_value, a.cumulative,
    a.document, a.document_url, a.document_en,
    m.name_nl, m.name_en, m.unit, m.direction, m.aggregation, m.period, m.headline, m.sort
from ambition as a
join metric as m on m.code = a.metric_code
where a.municipality_code = $municipality
order by m.headline desc, m.sort, a.target_date
