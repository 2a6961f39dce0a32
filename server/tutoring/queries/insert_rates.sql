-- Rates for tenant $1: $2 is a JSON array of {"student_id", "tutor_id",
-- "effective_from", "per_hour_minor", "currency"} (the ids null for the
-- default); a rate already there for the same people and date is left.
-- Answers how many were added.
WITH added AS (
    INSERT INTO rates (tenant_id, student_id, tutor_id, effective_from, per_hour_minor, currency)
    SELECT $1, r.student_id, r.tutor_id, r.effective_from, r.per_hour_minor, r.currency
    FROM jsonb_to_recordset($2::jsonb)
         AS r (student_id bigint, tutor_id bigint, effective_from date, per_hour_minor bigint, currency text)
    ON CONFLICT DO NOTHING
    RETURNING 1
)
SELECT count(*) AS added FROM added
