-- An assignment ($2) of the tenant whoever owns it, so that a teacher asking
-- for another teacher's assignment hears 403, not 404; local times in $1.
-- let zone = $1
SELECT {{> tracker/_assignment_columns}}
FROM assignments a
JOIN users u ON u.id = a.teacher_id
WHERE a.id = $2 AND a.deleted_at IS NULL
