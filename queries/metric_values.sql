-- Every value of every measure, observed or derived, for one municipality.
-- Parameters: $municipality. Returns: metric_code, period_end, value.
-- example: municipality=GM0518
select metric_code, period_end, value
from metric_value
where municipality_code = $municipality
order by metric_code, period_end
