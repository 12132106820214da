-- 0008: the spend ledger summed per programme and month, and the views that read it.
--
-- Every figure but the list of lines needs the ledger only per month or per year, yet each
-- read grouped the ten million lines of a large ledger again (issue 2, docs/performance.md).
-- spend_month holds one row per programme and calendar month with at least one line. It is
-- derived data: every transaction that changes spend refreshes the touched programmes
-- (impactdash/spend_month.py is the one place for that rule); nothing else writes it.
-- Keyed by programme, not municipality, so moving a programme to another municipality needs
-- no refresh. Amounts are decimal(38, 2), the type sum() of the ledger's amounts gives, so
-- a sum of month sums is exactly the sum of the lines.
create table spend_month (
    programme_code varchar not null,
    month date not null,               -- the first day of the month
    amount decimal(38, 2) not null,    -- sum of the lines (corrections netted)
    lines bigint not null,             -- number of lines
    first_booking date not null,
    last_booking date not null,
    primary key (programme_code, month)
);

insert into spend_month
select
    programme_code,
    date_trunc('month', booking_date)::date as month,
    sum(amount) as amount,
    count(*) as lines,
    min(booking_date) as first_booking,
    max(booking_date) as last_booking
from spend
group by programme_code, date_trunc('month', booking_date)::date
order by month, programme_code;

-- Spend per programme and month up to the reporting date: the months that have ended on
-- it from spend_month, the month of a reporting date in mid-month from the ledger lines up
-- to that date (a date filter that reads only that month's row groups of a date-ordered
-- ledger). The same columns as spend_month.
create view spend_month_reported as
with bounds as (
    select reporting_date, date_trunc('month', reporting_date + 1)::date as whole_until
    from reporting_period
),
whole as (
    select m.programme_code, m.month, m.amount, m.lines, m.first_booking, m.last_booking
    from spend_month as m
    where m.month < (select whole_until from bounds)
),
partial as (
    select
        s.programme_code,
        date_trunc('month', s.booking_date)::date as month,
        sum(s.amount) as amount,
        count(*) as lines,
        min(s.booking_date) as first_booking,
        max(s.booking_date) as last_booking
    from spend as s
    where s.booking_date >= (select whole_until from bounds)
        and s.booking_date <= (select reporting_date from bounds)
    group by s.programme_code, date_trunc('month', s.booking_date)::date
)
select * from whole
union all
select * from partial;

-- Yearly spend counts only years complete on the reporting date, so whole months suffice.
create or replace view mv_spend_eur as
with booked as (
    select p.municipality_code, make_date(year(m.month), 12, 31) as period_end, m.amount
    from spend_month as m
    join programme as p on p.code = m.programme_code
)
select 'spend_eur' as metric_code, municipality_code, period_end, sum(amount)::double as value
from booked
where period_end <= (select reporting_date from reporting_period)
group by municipality_code, period_end;

-- metric_value as in 0006, with the occupancy per municipality and quarter shared too:
-- occupancy_pct, vacancy_pct and impact_tenants each expanded occupancy_quarter (a join
-- of every property with every quarter end) again, most of what was left of the cost of
-- reading every measure of every municipality once yearly spend came from spend_month.
-- Same expressions and groups as mv_occupancy_pct, mv_vacancy_pct and mv_impact_tenants,
-- which stay as they are.
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
occupancy as materialized (
    select
        municipality_code,
        period_end,
        sum(occupied_m2) as occupied_m2,
        sum(impact_floor_m2) as impact_floor_m2,
        sum(impact_tenants)::double as impact_tenants
    from occupancy_quarter
    group by municipality_code, period_end
),
occupancy_pct as (
    select
        'occupancy_pct' as metric_code,
        municipality_code,
        period_end,
        100 * occupied_m2 / impact_floor_m2 as value
    from occupancy
    where impact_floor_m2 > 0
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
union all from occupancy_pct
union all select 'vacancy_pct', municipality_code, period_end, 100 - value from occupancy_pct
union all select 'impact_tenants', municipality_code, period_end, impact_tenants from occupancy
union all from mv_rent_discount_eur
union all from mv_connections_made
union all from mv_connections_programme_pct
union all from mv_network_size
union all from mv_partner_led_pct;
