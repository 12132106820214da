-- Edit page: the editable rows of data set 'population' for one municipality: inhabitants per year.
-- Returns every column of table population (as the write path reads a record), at most 501 rows
-- (the page shows 500 and says when there are more).
-- example: municipality=GM0518
select t.*
from population as t
where t.municipality_code = $municipality
order by t.year
limit 501
