-- The spend lines of one programme in one year, newest first, at most $max_rows of them, with
-- the number and total of all the year's lines. Filtering on programme and a date range first
-- keeps this fast on a ledger of millions of rows. Negative amounts are corrections.
-- Parameters: $municipality, $programme, $year, $max_rows. Lines run up to the reporting date.
-- Returns: entry_ref, booking_date, description, amount, counterparty_kind, total_lines, total_amount.
-- example: municipality=GM0518 programme=DH-P03 year=2025 max_rows=500
with bounds as (
    select
        make_date($year, 1, 1) as first_day,
        least(make_date($year, 12, 31), reporting_date) as last_day
    from reporting_period
),
chosen as (
    select p.code
    from programme as p
    where p.code = $programme and p.municipality_code = $municipality
),
lines as (
    select s.entry_ref, s.booking_date, s.description, s.amount::double as amount, s.counterparty_kind
    from spend as s
    join chosen as c on c.code = s.programme_code
    cross join bounds as bd
    where s.booking_date >= bd.first_day and s.booking_date <= bd.last_day
),
totals as (
    select count(*) as total_lines, sum(amount) as total_amount from lines
),
shown as (
    select * from lines
    order by booking_date desc, entry_ref desc
    limit $max_rows
),
final as (
    select sh.*, t.total_lines, t.total_amount
    from shown as sh
    cross join totals as t
)
select * from final
order by booking_date desc, entry_ref desc
