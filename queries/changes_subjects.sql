-- The names of programmes and properties, by code, to name the subjects of changed figures.
-- example:
select code, name from programme
union all
select code, name from property
