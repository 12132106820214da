-- Interim milestones of the ambitions of one municipality.
-- Parameters: $municipality. Returns: ambition_code, due_date, value.
-- example: municipality=GM0518
select ms.ambition_code, ms.due_date, ms.value
from milestone as ms
join ambition as a on a.code = ms.ambition_code
where a.municipality_code = $municipality
order by ms.ambition_code, ms.due_date
