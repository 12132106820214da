-- Edit page: the editable rows of data set 'spend' for one municipality: spend lines of its programmes booked in one year ($year).
-- Returns every column of table spend (as the write path reads a record), at most 501 rows
-- (the page shows 500 and says when there are more).
-- example: municipality=GM0518 year=2024
select t.*
from spend as t
where t.programme_code in (select p.code from programme as p where p.municipality_code = $municipality) and year(t.booking_date) = $year
order by t.booking_date, t.entry_ref
limit 501
