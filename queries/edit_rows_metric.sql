-- Edit page: the editable rows of data set 'metric' for one municipality: the measure catalogue (shared by all municipalities).
-- Returns every column of table metric (as the write path reads a record), at most 501 rows
-- (the page shows 500 and says when there are more).
-- example: 
select t.*
from metric as t
order by t.code
limit 501
