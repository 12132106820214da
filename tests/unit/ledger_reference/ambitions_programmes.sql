-- The programmes that serve each ambition of one municipality, with their budget and spend.
-- Parameters: $municipality. Returns one row per (ambition, programme): ambition_code,
-- programme_code, programme_name, instrument_nl, instrument_en, lead, partner_name, start_date,
-- end_date, last_year (the latest complete year), budget_total (all years up to the reporting
-- year, latest planning-and-control moment), spend_total (bookings up to the reporting date),
-- budget_last_year, spend_last_year.
-- example: municipality=GM0518
with reporting as (
    select
        reporting_date,
        year(reporting_date) as reporting_year,
        -- a year is complete once the reporting date reaches its last day
        year(reporting_date) - case when reporting_date = make_date(year(reporting_date), 12, 31)
            then 0 else 1 end as last_year
    from reporting_period
),

served as (
    select pa.ambition_code, pa.programme_code
    from programme_ambition as pa
    join ambition as a on a.code = pa.ambition_code
    where a.municipality_code = $municipality
),

budget_per_programme as (
    select
        b.programme_code,
        sum(b.amount) as budget_total,
        sum(case when b.year = r.last_year then b.amount end) as budget_last_year
    from programme_year_budget as b
    cross join reporting as r
    where b.year <= r.reporting_year
        and b.programme_code in (select programme_code from served)
    group by b.programme_code
),

spend_per_programme as (
    select
        s.programme_code,
        sum(s.amount)::double as spend_total,
        sum(case when year(s.booking_date) = r.last_year then s.amount end)::double as spend_last_year
    from spend as s
    cross join reporting as r
    where s.booking_date <= r.reporting_date
        and s.programme_code in (select programme_code from served)
    group by s.programme_code
),

final as (
    select
        sv.ambition_code,
        p.code as programme_code,
        p.name as programme_name,
        p.description,
        p.description_en,
        i.name_nl as instrument_nl,
        i.name_en as instrument_en,
        p.lead,
        p.partner_name,
        p.start_date,
        p.end_date,
        r.last_year,
        coalesce(bp.budget_total, 0) as budget_total,
        coalesce(sp.spend_total, 0) as spend_total,
        coalesce(bp.budget_last_year, 0) as budget_last_year,
        coalesce(sp.spend_last_year, 0) as spend_last_year
    from served as sv
    join programme as p on p.code = sv.programme_code
    join instrument as i on i.code = p.instrument_code
    cross join reporting as r
    left join budget_per_programme as bp on bp.programme_code = p.code
    left join spend_per_programme as sp on sp.programme_code = p.code
)

select * from final
order by ambition_code, budget_total desc, programme_code
