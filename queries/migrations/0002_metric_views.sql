-- 0002: derived measures as views, and metric_value, the one place every measure is read.
--
-- Every derived view returns (metric_code, municipality_code, period_end, value), the same
-- shape as observation, so pages never care whether a measure is observed or derived.
-- Only complete periods up to the reporting date are returned: a flow for a year that has
-- not ended yet would look like a shortfall. The reporting date is the setting
-- 'reporting_date' (the date up to which the figures are complete), else today.

create view reporting_period as
select coalesce(
    (select try_cast(value as date) from app_setting where key = 'reporting_date'),
    current_date
) as reporting_date;

-- Year ends and quarter ends from 2010 up to the reporting date, plus the reporting
-- date itself for stocks (a level "as of now" is meaningful, a partial flow is not).
create view period_end as
with bounds as (
    select reporting_date, year(reporting_date) as last_year from reporting_period
),
quarters as (
    select last_day(make_date(y::integer, q::integer * 3, 1)) as period_end, 'quarter' as period
    from bounds,
        range(2010, bounds.last_year + 1) as ys(y),
        range(1, 5) as qs(q)
),
final as (
    select period_end, period from quarters
    union all
    select period_end, 'year' from quarters where month(period_end) = 12
)
select final.period_end, final.period
from final, bounds
where final.period_end <= bounds.reporting_date;

create view mv_spend_eur as
with booked as (
    select p.municipality_code, make_date(year(s.booking_date), 12, 31) as period_end, s.amount
    from spend as s
    join programme as p on p.code = s.programme_code
)
select 'spend_eur' as metric_code, municipality_code, period_end, sum(amount)::double as value
from booked
where period_end <= (select reporting_date from reporting_period)
group by municipality_code, period_end;

-- The budget of a programme-year is the one of the latest planning-and-control moment.
create view programme_year_budget as
select programme_code, year, arg_max(amount, case moment
    when 'original' then 1 when 'spring' then 2 when 'autumn' then 3 else 4 end)::double as amount
from budget
group by programme_code, year;

create view mv_budget_eur as
with budgeted as (
    select p.municipality_code, make_date(b.year, 12, 31) as period_end, b.amount
    from programme_year_budget as b
    join programme as p on p.code = b.programme_code
)
select 'budget_eur' as metric_code, municipality_code, period_end, sum(amount) as value
from budgeted
where period_end <= (select reporting_date from reporting_period)
group by municipality_code, period_end;

create view mv_budget_execution_pct as
select
    'budget_execution_pct' as metric_code,
    b.municipality_code,
    b.period_end,
    100 * coalesce(s.value, 0) / b.value as value
from mv_budget_eur as b
left join mv_spend_eur as s using (municipality_code, period_end)
where b.value > 0;

create view mv_cofunding_eur as
with funded as (
    select p.municipality_code, make_date(c.year, 12, 31) as period_end, c.amount
    from cofunding as c
    join programme as p on p.code = c.programme_code
)
select 'cofunding_eur' as metric_code, municipality_code, period_end, sum(amount)::double as value
from funded
where period_end <= (select reporting_date from reporting_period)
group by municipality_code, period_end;

-- Leverage: external euros mobilised per municipal euro spent, per year.
create view mv_leverage_ratio as
select
    'leverage_ratio' as metric_code,
    s.municipality_code,
    s.period_end,
    coalesce(c.value, 0) / s.value as value
from mv_spend_eur as s
left join mv_cofunding_eur as c using (municipality_code, period_end)
where s.value > 0;

-- Properties deployed for impact entrepreneurs on each quarter end.
create view property_quarter as
select
    pr.code as property_code,
    pr.municipality_code,
    pe.period_end,
    pr.impact_floor_m2
from property as pr
join period_end as pe
    on pe.period = 'quarter'
    and pr.available_from <= pe.period_end
    and (pr.available_until is null or pr.available_until >= pe.period_end);

create view mv_impact_floor_m2 as
select
    'impact_floor_m2' as metric_code,
    municipality_code,
    period_end,
    sum(impact_floor_m2) as value
from property_quarter
group by all;

-- Occupancy joined to the property's floor area for the same quarter.
create view occupancy_quarter as
select
    pq.municipality_code,
    pq.period_end,
    pq.property_code,
    pq.impact_floor_m2,
    o.occupied_m2,
    o.tenants,
    o.impact_tenants
from property_quarter as pq
join occupancy as o
    on o.property_code = pq.property_code
    and last_day(make_date(o.year, o.quarter * 3, 1)) = pq.period_end;

create view mv_occupancy_pct as
select
    'occupancy_pct' as metric_code,
    municipality_code,
    period_end,
    100 * sum(occupied_m2) / sum(impact_floor_m2) as value
from occupancy_quarter
group by all
having sum(impact_floor_m2) > 0;

create view mv_vacancy_pct as
select 'vacancy_pct' as metric_code, municipality_code, period_end, 100 - value as value
from mv_occupancy_pct;

create view mv_impact_tenants as
select
    'impact_tenants' as metric_code,
    municipality_code,
    period_end,
    sum(impact_tenants)::double as value
from occupancy_quarter
group by all;

-- Rent discount: the yearly discount pro rata the days the property was available.
create view mv_rent_discount_eur as
with years as (
    select period_end, make_date(year(period_end), 1, 1) as period_start
    from period_end
    where period = 'year'
),
overlap as (
    select
        pr.municipality_code,
        y.period_end,
        pr.rent_discount_eur_year::double
            * (least(coalesce(pr.available_until, y.period_end), y.period_end)
               - greatest(pr.available_from, y.period_start) + 1)
            / (y.period_end - y.period_start + 1) as discount
    from property as pr
    join years as y
        on pr.available_from <= y.period_end
        and (pr.available_until is null or pr.available_until >= y.period_start)
)
select 'rent_discount_eur' as metric_code, municipality_code, period_end, sum(discount) as value
from overlap
group by all;

-- The municipality of a connection is the one of the organisation that initiated it.
create view connection_year as
with made as (
    select o.municipality_code, make_date(year(c.connected_on), 12, 31) as period_end, c.programme_code
    from connection as c
    join organisation as o on o.code = c.from_org
)
select
    municipality_code,
    period_end,
    count(*)::double as made,
    count(programme_code)::double as through_programme
from made
where period_end <= (select reporting_date from reporting_period)
group by municipality_code, period_end;

create view mv_connections_made as
select 'connections_made' as metric_code, municipality_code, period_end, made as value
from connection_year;

create view mv_connections_programme_pct as
select
    'connections_programme_pct' as metric_code,
    municipality_code,
    period_end,
    100 * through_programme / made as value
from connection_year;

-- Network size: organisations in the ecosystem network at each year end and on the
-- reporting date.
create view mv_network_size as
with dates as (
    select period_end from period_end where period = 'year'
    union
    select reporting_date from reporting_period
)
select
    'network_size' as metric_code,
    o.municipality_code,
    d.period_end,
    count(*)::double as value
from organisation as o
join dates as d
    on o.joined_date <= d.period_end
    and (o.left_date is null or o.left_date > d.period_end)
group by all;

-- Facilitating, not steering: the share of programmes active in a year led by a partner.
create view mv_partner_led_pct as
select
    'partner_led_pct' as metric_code,
    p.municipality_code,
    pe.period_end,
    100 * avg(case when p.lead = 'partner' then 1 else 0 end) as value
from programme as p
join period_end as pe
    on pe.period = 'year'
    and p.start_date <= pe.period_end
    and (p.end_date is null or p.end_date >= make_date(year(pe.period_end), 1, 1))
group by all;

create view metric_value as
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
union all from mv_partner_led_pct;
