-- For each audit row: does its prev_hash equal the previous row's hash in the
-- same chain, and does its hash equal the recomputed digest? Run once by
-- `learnloop audit verify`.
SELECT id, coalesce(tenant_id::text, 'platform') AS chain,
       prev_hash IS NOT DISTINCT FROM lag(hash) OVER chain AS linked,
       hash = audit_row_digest(prev_hash, tenant_id, actor, action, entity, entity_id, before, after, created_at) AS intact
FROM audit_log
WINDOW chain AS (PARTITION BY tenant_id ORDER BY id)
ORDER BY id
