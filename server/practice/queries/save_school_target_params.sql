-- Stores school $1's own BKT parameters $3 (JSON) for target $2, fitted from
-- $4 answers; new answers and task sets use them from then on.
INSERT INTO tenant_target_params (tenant_id, target_id, bkt, answers)
VALUES ($1, $2::bigint, $3::jsonb, $4)
ON CONFLICT (tenant_id, target_id) DO UPDATE
SET bkt = EXCLUDED.bkt, answers = EXCLUDED.answers, fitted_at = now()
