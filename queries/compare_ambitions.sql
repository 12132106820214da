-- The ambitions every municipality set for one measure, with what the ambition maths needs of it.
-- Parameters: $metric (measure code). Returns the columns of the ambitions query, one row per ambition.
-- example: metric=impact_enterprises
with ambitions as (
    select a.*
    from ambition as a
    where a.metric_code = $metric
),

final as (
    select
        a.code, a.metric_code, a.municipality_code,
        a.baseline_date, a.baseline_value, a.target_date, a.target_value, a.cumulative,
        a.document, a.document_url,
        m.name_nl, m.name_en, m.unit, m.direction, m.aggregation, m.period, m.headline, m.sort
    from ambitions as a
    join metric as m on m.code = a.metric_code
)

select * from final
order by municipality_code, target_date
