-- The tenant's tutoring settings written whole (tenant $1): currency $2, tax
-- $3 basis points, invoice prefix $4, attendance statuses $5 (JSON), clash
-- policy $6 (JSON), week start $7. The invoice counter is never touched here.
INSERT INTO tutoring_settings (tenant_id, currency, tax_basis_points, invoice_prefix, attendance_statuses,
                               conflict_policy, week_start, updated_at)
VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, now())
ON CONFLICT (tenant_id) DO UPDATE
SET currency = EXCLUDED.currency, tax_basis_points = EXCLUDED.tax_basis_points,
    invoice_prefix = EXCLUDED.invoice_prefix, attendance_statuses = EXCLUDED.attendance_statuses,
    conflict_policy = EXCLUDED.conflict_policy, week_start = EXCLUDED.week_start, updated_at = now()
