-- Edit page: the editable rows of data set 'observation' for one municipality: its observed metric values.
-- Returns every column of table observation (as the write path reads a record), at most 501 rows
-- (the page shows 500 and says when there are more).
-- example: municipality=GM0518
select t.*
from observation as t
where t.municipality_code = $municipality
order by t.metric_code, t.observed_on
limit 501
