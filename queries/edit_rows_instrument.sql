-- Edit page: the editable rows of data set 'instrument' for one municipality: every instrument (shared by all municipalities).
-- Returns every column of table instrument (as the write path reads a record), at most 501 rows
-- (the page shows 500 and says when there are more).
-- example: 
select t.*
from instrument as t
order by t.code
limit 501
