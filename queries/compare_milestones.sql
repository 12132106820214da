-- Interim milestones of every municipality's ambitions for one measure.
-- Parameters: $metric (measure code). Returns: ambition_code, due_date, value.
-- example: metric=impact_enterprises
with ambitions as (
    select a.code
    from ambition as a
    where a.metric_code = $metric
),

final as (
    select ms.ambition_code, ms.due_date, ms.value
    from milestone as ms
    join ambitions as a on a.code = ms.ambition_code
)

select * from final
order by ambition_code, due_date
