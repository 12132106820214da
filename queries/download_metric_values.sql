-- Open figures: every value of every measure for every municipality, with the measure's name and unit.
-- Returns: municipality_code, municipality, metric_code, metric_nl, metric_en, unit, period_end, value.
-- example:
select
    v.municipality_code, g.name as municipality, v.metric_code,
    m.name_nl as metric_nl, m.name_en as metric_en, m.unit, v.period_end, v.value
from metric_value as v
join metric as m on m.code = v.metric_code
join municipality as g on g.code = v.municipality_code
order by v.municipality_code, m.sort, v.period_end
