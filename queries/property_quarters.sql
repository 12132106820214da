-- Real estate per quarter for one municipality: impact floor area, occupancy, vacancy and impact tenants.
-- Parameters: $municipality. Returns one row per quarter end up to the reporting date:
-- period_end, year, quarter, impact_floor_m2, occupancy_pct, vacancy_pct, impact_tenants.
-- example: municipality=GM0518
with measures as (
    select mv.metric_code, mv.period_end, mv.value
    from metric_value as mv
    where mv.municipality_code = $municipality
        and mv.metric_code in ('impact_floor_m2', 'occupancy_pct', 'vacancy_pct', 'impact_tenants')
        -- quarter ends only (a stock may also be given on a reporting date mid-quarter)
        and mv.period_end = last_day(make_date(year(mv.period_end), quarter(mv.period_end) * 3, 1))
),
final as (
    select
        period_end,
        year(period_end) as year,
        quarter(period_end) as quarter,
        max(value) filter (where metric_code = 'impact_floor_m2') as impact_floor_m2,
        max(value) filter (where metric_code = 'occupancy_pct') as occupancy_pct,
        max(value) filter (where metric_code = 'vacancy_pct') as vacancy_pct,
        max(value) filter (where metric_code = 'impact_tenants') as impact_tenants
    from measures
    group by period_end
)
select * from final
order by period_end
