-- Every rate of tenant $1, as finance/billing's rate_for reads them.
SELECT student_id, tutor_id, effective_from::text AS effective_from, per_hour_minor, currency
FROM rates
WHERE tenant_id = $1
ORDER BY id
