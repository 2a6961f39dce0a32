-- One student's ($3) submission to assignment $1, local times in the zone $2.
-- let zone = $2
SELECT {{> tracker/_submission_columns}}
FROM submissions s
JOIN users u ON u.id = s.student_id
WHERE s.assignment_id = $1 AND s.student_id = $3
