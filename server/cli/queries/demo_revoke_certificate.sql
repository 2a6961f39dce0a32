-- The demo's one revoked certificate (tenant $1, by administrator $2, for
-- reason $3): the earliest issued to a learner other than the demo's login.
UPDATE certificates SET revoked_at = least(issued_at + interval '9 days', now()), revoked_by = $2, revoked_reason = $3
WHERE id = (SELECT x.id FROM certificates x JOIN users u ON u.id = x.learner_id
            WHERE x.tenant_id = $1 AND x.revoked_at IS NULL AND u.email NOT LIKE 'student@%'
            ORDER BY x.issued_at LIMIT 1)
