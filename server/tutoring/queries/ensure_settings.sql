-- Tenant $1's settings row, made with the defaults if the business has not
-- saved any yet (its invoice counter lives there).
INSERT INTO tutoring_settings (tenant_id) VALUES ($1) ON CONFLICT (tenant_id) DO NOTHING
