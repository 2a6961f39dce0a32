-- A demo payout: tenant $1, instructor $2, month $3, $5 minor units of $4,
-- made by $6 at $7 (UTC); sent at $8 with reference $9 (NULL: still due).
INSERT INTO instructor_payouts (tenant_id, instructor_id, month, currency, amount_minor, status, reference, created_by,
                                created_at, paid_by, paid_at)
VALUES ($1, $2, $3, $4, $5, CASE WHEN $8::timestamptz IS NULL THEN 'due' ELSE 'paid' END, coalesce($9, ''), $6,
        $7::timestamptz, CASE WHEN $8::timestamptz IS NULL THEN NULL ELSE $6::bigint END, $8::timestamptz)
ON CONFLICT DO NOTHING
