-- The demo's one revoked certificate (tenant $1, by administrator $2, for
-- reason $3): the earliest issued to a learner other than the demo's login,
-- whose lessons of that course are then not done again, as a revocation
-- through the API leaves them.
WITH x AS (
    UPDATE certificates SET revoked_at = least(issued_at + interval '9 days', now()), revoked_by = $2, revoked_reason = $3
    WHERE id = (SELECT c.id FROM certificates c JOIN users u ON u.id = c.learner_id
                WHERE c.tenant_id = $1 AND c.revoked_at IS NULL AND u.email NOT LIKE 'student@%'
                ORDER BY c.issued_at LIMIT 1)
    RETURNING course_id, learner_id
)
UPDATE lesson_progress p SET completed_at = NULL
FROM x WHERE p.course_id = x.course_id AND p.learner_id = x.learner_id
