-- Whether the demo history was seeded into tenant $1: its audit row is the
-- record (the audit log is append-only, so the mark cannot be lost).
SELECT EXISTS (SELECT 1 FROM audit_log WHERE tenant_id = $1 AND action = 'demo.history') AS seeded
