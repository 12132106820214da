-- Edit page: the editable rows of data set 'note' for one municipality: its notes and the notes for every municipality.
-- Returns every column of table note (as the write path reads a record), at most 501 rows
-- (the page shows 500 and says when there are more).
-- example: municipality=GM0518
select t.*
from note as t
where t.municipality_code = $municipality or t.municipality_code is null
order by t.id
limit 501
