-- Every value of one measure for every municipality, to compare them side by side.
-- Parameters: $metric (measure code). Returns: municipality_code, period_end, value.
-- example: metric=impact_enterprises
with metric_values as (
    select v.municipality_code, v.period_end, v.value
    from metric_value as v
    where v.metric_code = $metric
),

final as (
    select mv.municipality_code, mv.period_end, mv.value
    from metric_values as mv
    join municipality as m on m.code = mv.municipality_code
)

select * from final
order by municipality_code, period_end
