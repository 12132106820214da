-- Reference for the view metric_value: the plain union of migration 0002, with yearly spend
-- (and the two measures derived from it) summed from the ledger lines as before 0008.
with mv_spend_eur as (
    select 'spend_eur' as metric_code, p.municipality_code,
        make_date(year(s.booking_date), 12, 31) as period_end, sum(s.amount)::double as value
    from spend as s
    join programme as p on p.code = s.programme_code
    where make_date(year(s.booking_date), 12, 31) <= (select reporting_date from reporting_period)
    group by p.municipality_code, make_date(year(s.booking_date), 12, 31)
),
mv_budget_execution_pct as (
    select 'budget_execution_pct' as metric_code, b.municipality_code, b.period_end,
        100 * coalesce(s.value, 0) / b.value as value
    from mv_budget_eur as b
    left join mv_spend_eur as s using (municipality_code, period_end)
    where b.value > 0
),
mv_leverage_ratio as (
    select 'leverage_ratio' as metric_code, s.municipality_code, s.period_end,
        coalesce(c.value, 0) / s.value as value
    from mv_spend_eur as s
    left join mv_cofunding_eur as c using (municipality_code, period_end)
    where s.value > 0
)
select metric_code, municipality_code, observed_on as period_end, value
from observation
where observed_on <= (select reporting_date from reporting_period)
union all from mv_spend_eur
union all from mv_budget_eur
union all from mv_budget_execution_pct
union all from mv_cofunding_eur
union all from mv_leverage_ratio
union all from mv_impact_floor_m2
union all from mv_occupancy_pct
union all from mv_vacancy_pct
union all from mv_impact_tenants
union all from mv_rent_discount_eur
union all from mv_connections_made
union all from mv_connections_programme_pct
union all from mv_network_size
union all from mv_partner_led_pct
