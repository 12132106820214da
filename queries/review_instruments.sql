-- The instruments of the programmes that serve each ambition, for the progress review's scorecard.
-- Returns one row per (ambition, instrument), every municipality: ambition_code, municipality_code,
-- instrument_code, instrument_nl, instrument_en, programmes (how many of the ambition's programmes
-- use that instrument). An ambition that no programme serves has no rows.
-- example:
with served as (
    select pa.ambition_code, a.municipality_code, p.instrument_code
    from programme_ambition as pa
    join ambition as a on a.code = pa.ambition_code
    join programme as p on p.code = pa.programme_code
),

final as (
    select
        s.ambition_code,
        s.municipality_code,
        s.instrument_code,
        i.name_nl as instrument_nl,
        i.name_en as instrument_en,
        count(*) as programmes
    from served as s
    join instrument as i on i.code = s.instrument_code
    group by all
)

select * from final
order by ambition_code, programmes desc, instrument_code
