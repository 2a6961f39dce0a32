-- Whether any live shared learning target exists (else the demo seeds the curriculum first).
SELECT EXISTS (SELECT 1 FROM learning_targets WHERE tenant_id IS NULL AND retired_at IS NULL) AS seeded
