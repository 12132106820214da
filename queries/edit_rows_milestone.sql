-- Edit page: the editable rows of data set 'milestone' for one municipality: the milestones of its ambitions.
-- Returns every column of table milestone (as the write path reads a record), at most 501 rows
-- (the page shows 500 and says when there are more).
-- example: municipality=GM0518
select t.*
from milestone as t
where t.ambition_code in (select a.code from ambition as a where a.municipality_code = $municipality)
order by t.ambition_code, t.due_date
limit 501
