-- Edit page: the editable rows of data set 'budget' for one municipality: budget lines of its programmes.
-- Returns every column of table budget (as the write path reads a record), at most 501 rows
-- (the page shows 500 and says when there are more).
-- example: municipality=GM0518
select t.*
from budget as t
where t.programme_code in (select p.code from programme as p where p.municipality_code = $municipality)
order by t.year desc, t.programme_code, t.moment
limit 501
