-- The copies of each broadcast of tenant $1 not yet grouped (same sender,
-- time and text) share the id of their first copy as broadcast_id.
UPDATE messages m SET broadcast_id = g.first_id
FROM (SELECT id, min(id) OVER (PARTITION BY sender_id, created_at, body) AS first_id
      FROM messages
      WHERE tenant_id = $1 AND kind = 'broadcast' AND broadcast_id IS NULL) g
WHERE m.id = g.id
