-- Connections made per complete year, split into those made through a municipal programme and the rest.
-- Parameters: $municipality. Returns: year, made, through_programme, other, programme_pct (0-100).
-- example: municipality=GM0518
with per_year as (
    select
        year(cy.period_end) as year,
        cy.made::bigint as made,
        cy.through_programme::bigint as through_programme
    from connection_year as cy
    where cy.municipality_code = $municipality and cy.made > 0
),

final as (
    select
        year,
        made,
        through_programme,
        made - through_programme as other,
        100.0 * through_programme / made as programme_pct
    from per_year
)

select * from final
order by year
