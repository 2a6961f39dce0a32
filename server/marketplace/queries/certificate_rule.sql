-- Course $1's certificate rule and what its certificates say, for learner
-- $2, with the certificate in force they hold already (if any).
SELECT c.title, c.subtitle, c.achievement_id::text AS achievement_id, c.certificate_lessons_percent,
       c.certificate_quiz_percent, t.name AS issuer_name, u.name AS learner_name,
       (SELECT x.id::text FROM certificates x
        WHERE x.course_id = c.id AND x.learner_id = $2 AND x.revoked_at IS NULL) AS held
FROM courses c
JOIN tenants t ON t.id = c.tenant_id
JOIN users u ON u.id = $2
WHERE c.id = $1 AND c.deleted_at IS NULL
