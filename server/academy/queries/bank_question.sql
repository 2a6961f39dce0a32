-- One bank question by id, any version, if the caller's tenant can see it
-- (its own, or for an academy the shared bank's: row-level security), with
-- how many versions its code has.
SELECT q.id, q.tenant_id IS NULL AS shared, q.code, q.version, q.kind, q.category, q.skill, q.difficulty, q.body,
       q.superseded_at IS NULL AS current,
       (SELECT count(*) FROM bank_questions v
        WHERE v.tenant_id IS NOT DISTINCT FROM q.tenant_id AND v.code = q.code) AS versions
FROM bank_questions q
WHERE q.id = $1
