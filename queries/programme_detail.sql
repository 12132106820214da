-- Every programme of one municipality with what a programme page says about it: instrument,
-- lead, dates, SDG numbers, description and the Iv3 task fields its budget lines are booked on.
-- Parameters: $municipality. Returns: programme_code, name, instrument_code, instrument_nl,
-- instrument_en, lead, partner_name, start_date, end_date, sdgs ('8;17' or null), description,
-- iv3_task_fields ('3.1;3.4' or null, in order).
-- example: municipality=GM0518
with programmes as (
    select p.*
    from programme as p
    where p.municipality_code = $municipality
),
fields as (
    select b.programme_code, string_agg(distinct b.iv3_task_field, ';' order by b.iv3_task_field) as iv3_task_fields
    from budget as b
    join programmes as p on p.code = b.programme_code
    where b.iv3_task_field is not null
    group by b.programme_code
),
final as (
    select
        p.code as programme_code, p.name, p.instrument_code, i.name_nl as instrument_nl,
        i.name_en as instrument_en, p.lead, p.partner_name, p.start_date, p.end_date, p.sdgs,
        p.description, f.iv3_task_fields
    from programmes as p
    join instrument as i on i.code = p.instrument_code
    left join fields as f on f.programme_code = p.code
)
select * from final
order by name, programme_code
