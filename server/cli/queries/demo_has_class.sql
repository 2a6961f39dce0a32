-- Whether the demo tenant ($1) has a class yet (the demo is seeded once).
SELECT EXISTS (SELECT 1 FROM classes WHERE tenant_id = $1) AS seeded
