-- Public notes that explain budget, spend or co-funding figures of one municipality: notes on its
-- programmes and on the money measures. Internal notes are never returned.
-- Parameters: $municipality. Returns: subject_kind, subject_code, programme_name, period_start,
-- period_end, body, body_en (the English text, empty: Dutch only).
-- example: municipality=GM0518
with public_notes as (
    select n.subject_kind, n.subject_code, n.period_start, n.period_end, n.body, n.body_en, n.id
    from note as n
    where n.visibility = 'public'
        and n.municipality_code = $municipality
        and (
            n.subject_kind = 'programme'
            or (n.subject_kind = 'metric' and n.subject_code in (
                'spend_eur', 'budget_eur', 'budget_execution_pct', 'cofunding_eur', 'leverage_ratio'))
        )
),
final as (
    select
        pn.subject_kind, pn.subject_code, p.name as programme_name, pn.period_start, pn.period_end,
        pn.body, pn.body_en, pn.id
    from public_notes as pn
    left join programme as p on pn.subject_kind = 'programme' and p.code = pn.subject_code
    where pn.subject_kind = 'metric' or p.municipality_code = $municipality
)
select subject_kind, subject_code, programme_name, period_start, period_end, body, body_en
from final
order by period_start, id
