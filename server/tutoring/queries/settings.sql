-- The tenant's tutoring settings; no row until an administrator changes
-- one, and then the migration's defaults are the domain's (schedule_repository).
SELECT currency, tax_basis_points, invoice_prefix, attendance_statuses::text AS attendance_statuses,
       conflict_policy::text AS conflict_policy, week_start
FROM tutoring_settings
