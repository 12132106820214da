-- Edit page: the editable rows of data set 'connection' for one municipality: connections made by its organisations.
-- Returns every column of table connection (as the write path reads a record), at most 501 rows
-- (the page shows 500 and says when there are more).
-- example: municipality=GM0518
select t.*
from connection as t
where t.from_org in (select o.code from organisation as o where o.municipality_code = $municipality)
order by t.connected_on desc, t.from_org, t.to_org
limit 501
