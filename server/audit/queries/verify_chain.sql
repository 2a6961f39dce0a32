-- For each audit row, in id order: its chain, does its prev_hash equal the
-- previous row's hash in the same chain, does its hash equal the recomputed
-- digest, and its hash. Run once by `learnloop audit verify` and
-- `learnloop audit checkpoint`, which fold the rows into chain heads.
SELECT id, tenant_id,
       prev_hash IS NOT DISTINCT FROM lag(hash) OVER chain AS linked,
       hash = audit_row_digest(prev_hash, tenant_id, actor, action, entity, entity_id, before, after, created_at) AS intact,
       encode(hash, 'hex') AS hash
FROM audit_log
WINDOW chain AS (PARTITION BY tenant_id ORDER BY id)
ORDER BY id
