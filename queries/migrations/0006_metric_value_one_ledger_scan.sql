-- 0006: metric_value reads the spend ledger once instead of three times.
--
-- Spend, budget execution and leverage all derive from yearly spend; as separate views
-- inside one union, DuckDB expanded mv_spend_eur three times, each a full scan of the
-- ledger (about 1 s at ten million lines). Here yearly spend is a materialised CTE that
-- the three measures share. The individual mv_* views stay as they are.
create or replace view metric_value as
with spend_year as materialized (
    select * from mv_spend_eur
),
budget_year as materialized (
    select * from mv_budget_eur
),
cofunding_year as materialized (
    select * from mv_cofunding_eur
),
execution as (
    select
        'budget_execution_pct' as metric_code,
        b.municipality_code,
        b.period_end,
        100 * coalesce(s.value, 0) / b.value as value
    from budget_year as b
    left join spend_year as s using (municipality_code, period_end)
    where b.value > 0
),
leverage as (
    select
        'leverage_ratio' as metric_code,
        s.municipality_code,
        s.period_end,
        coalesce(c.value, 0) / s.value as value
    from spend_year as s
    left join cofunding_year as c using (municipality_code, period_end)
    where s.value > 0
)
select metric_code, municipality_code, observed_on as period_end, value
from observation
where observed_on <= (select reporting_date from reporting_period)
union all from spend_year
union all from budget_year
union all from execution
union all from cofunding_year
union all from leverage
union all from mv_impact_floor_m2
union all from mv_occupancy_pct
union all from mv_vacancy_pct
union all from mv_impact_tenants
union all from mv_rent_discount_eur
union all from mv_connections_made
union all from mv_connections_programme_pct
union all from mv_network_size
union all from mv_partner_led_pct;
