-- One programme's budget at each planning-and-control moment recorded, every year (a moment
-- without a row is not invented here: the page shows what was recorded).
-- Parameters: $municipality, $programme. Returns: year, moment, step (1 original .. 4 final), budget.
-- example: municipality=GM0518 programme=DH-P03
with chosen as (
    select p.code
    from programme as p
    where p.code = $programme and p.municipality_code = $municipality
),
final as (
    select
        b.year,
        b.moment,
        case b.moment when 'original' then 1 when 'spring' then 2 when 'autumn' then 3 else 4 end as step,
        b.amount::double as budget
    from budget as b
    join chosen as c on c.code = b.programme_code
)
select * from final
order by year, step
