-- Edit page: the editable rows of data set 'property' for one municipality: its properties.
-- Returns every column of table property (as the write path reads a record), at most 501 rows
-- (the page shows 500 and says when there are more).
-- example: municipality=GM0518
select t.*
from property as t
where t.municipality_code = $municipality
order by t.code
limit 501
