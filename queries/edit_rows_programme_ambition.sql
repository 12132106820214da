-- Edit page: the editable rows of data set 'programme_ambition' for one municipality: links between its programmes and ambitions.
-- Returns every column of table programme_ambition (as the write path reads a record), at most 501 rows
-- (the page shows 500 and says when there are more).
-- example: municipality=GM0518
select t.*
from programme_ambition as t
where t.programme_code in (select p.code from programme as p where p.municipality_code = $municipality)
order by t.programme_code, t.ambition_code
limit 501
