-- Edit page: the editable rows of data set 'occupancy' for one municipality: occupancy of its properties.
-- Returns every column of table occupancy (as the write path reads a record), at most 501 rows
-- (the page shows 500 and says when there are more).
-- example: municipality=GM0518
select t.*
from occupancy as t
where t.property_code in (select pr.code from property as pr where pr.municipality_code = $municipality)
order by t.year desc, t.quarter desc, t.property_code
limit 501
