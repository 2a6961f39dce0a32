-- The demo marketplace's settings ($1 tenant): pounds, the default fees,
-- ratings and enrolments shown. Kept as they are when already made.
INSERT INTO marketplace_settings (tenant_id, currency) VALUES ($1, 'GBP')
ON CONFLICT (tenant_id) DO NOTHING
