-- Edit page: the editable rows of data set 'programme' for one municipality: its programmes.
-- Returns every column of table programme (as the write path reads a record), at most 501 rows
-- (the page shows 500 and says when there are more).
-- example: municipality=GM0518
select t.*
from programme as t
where t.municipality_code = $municipality
order by t.code
limit 501
