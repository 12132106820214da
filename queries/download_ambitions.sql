-- Open figures: every ambition with its milestones as a list, and the document that set it.
-- Returns: code, municipality_code, metric_code, baseline_date, baseline_value, target_date,
-- target_value, cumulative, milestones, document, document_url.
-- example:
with milestones as (
    select ambition_code, string_agg(strftime(due_date, '%Y-%m-%d') || '=' || value::varchar, '; '
        order by due_date) as milestones
    from milestone
    group by ambition_code
)
select
    a.code, a.municipality_code, a.metric_code, a.baseline_date, a.baseline_value,
    a.target_date, a.target_value, a.cumulative, ms.milestones, a.document, a.document_url
from ambition as a
left join milestones as ms on ms.ambition_code = a.code
order by a.municipality_code, a.code
