-- The properties behind one ambition: those deployed by a programme that serves it (property's
-- programme_code), for the progress review. Parameters: $ambition. Returns one row per property:
-- property_code, programme_code, programme_name. Join with property_register for their state.
-- example: ambition=DH-A-FLOOR
select pr.code as property_code, p.code as programme_code, p.name as programme_name
from programme_ambition as pa
join programme as p on p.code = pa.programme_code
join property as pr on pr.programme_code = p.code
where pa.ambition_code = $ambition
order by pr.code
