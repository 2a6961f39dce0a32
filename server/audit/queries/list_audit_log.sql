-- One page of the tenant's audit log, newest first ($1 limit, $2 offset),
-- optionally filtered by action ($3), entity ($4) and entity id ($5).
SELECT id, actor, action, entity, entity_id, before::text AS before, after::text AS after,
       to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at,
       encode(hash, 'hex') AS hash,
       count(*) OVER () AS total
FROM audit_log
WHERE ($3::text IS NULL OR action = $3)
  AND ($4::text IS NULL OR entity = $4)
  AND ($5::text IS NULL OR entity_id = $5)
ORDER BY id DESC
LIMIT $1 OFFSET $2
