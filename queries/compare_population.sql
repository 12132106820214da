-- Inhabitants per municipality and year, the denominator of the per-10,000-inhabitants comparison.
-- Returns: municipality_code, year, inhabitants.
-- example:
with population as (
    select p.municipality_code, p.year, p.inhabitants
    from population as p
),

final as (
    select municipality_code, year, inhabitants::double as inhabitants
    from population
)

select * from final
order by municipality_code, year
