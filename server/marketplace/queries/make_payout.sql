-- A payout due to instructor $2 (tenant $1) for month $3: $5 minor units of
-- $4, made by $6, returned as a payout with its instructor's name. No row
-- when one was made already.
WITH made AS (
    INSERT INTO instructor_payouts (tenant_id, instructor_id, month, currency, amount_minor, created_by)
    VALUES ($1, $2, $3, $4, $5, $6)
    ON CONFLICT (tenant_id, instructor_id, currency, month) DO NOTHING
    RETURNING id, instructor_id, month, currency, amount_minor, status, reference, paid_at
)
SELECT m.id, m.instructor_id, u.name AS instructor_name, m.month, m.currency, m.amount_minor, m.status, m.reference,
       to_char(m.paid_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS paid_at
FROM made m
JOIN users u ON u.id = m.instructor_id
