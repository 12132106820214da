-- Edit page: the editable rows of data set 'municipality' for one municipality: the municipality itself.
-- Returns every column of table municipality (as the write path reads a record), at most 501 rows
-- (the page shows 500 and says when there are more).
-- example: municipality=GM0518
select t.*
from municipality as t
where t.code = $municipality
order by t.code
limit 501
