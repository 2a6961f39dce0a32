-- One page ($1 limit, $2 offset) of the submissions to assignment $3 by
-- student name, local times in the zone $4.
-- let zone = $4
SELECT {{> tracker/_submission_columns}}, count(*) OVER () AS total
FROM submissions s
JOIN users u ON u.id = s.student_id
WHERE s.assignment_id = $3
ORDER BY u.name, s.id
LIMIT $1 OFFSET $2
