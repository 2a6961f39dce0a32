-- Tenant $1's tutoring settings, locked until the transaction ends: invoices
-- take their numbers from next_invoice_number under this lock, so the
-- numbers run without gaps.
SELECT currency, tax_basis_points, invoice_prefix, next_invoice_number,
       attendance_statuses::text AS attendance_statuses
FROM tutoring_settings
WHERE tenant_id = $1
FOR UPDATE
