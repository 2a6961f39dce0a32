-- variants: one statement per role ({{role}}), prepared by
-- prepare_tracker_variants. The most frequent read: a role's view of the
-- assignment list ($1 limit, $2 offset, $3 zone, $4 user, $5 class or NULL,
-- $6 course or NULL).
-- With the role written in, the plan made once (the generic plan) is as good
-- as one made for each call; with the role as a parameter, PostgreSQL found a
-- plan for the call's own role so much cheaper that it planned the statement
-- again on every call (a quarter of the database's CPU under load;
-- docs/BENCHMARKS.md).
-- let zone = $3
-- let user = $4
SELECT {{> tracker/_assignment_columns}},
       count(*) OVER () AS total, now_epoch,
       s.id AS submission_id, s.grade IS NOT NULL AS graded, s.grade, s.late, s.feedback, s.rubric_marks
FROM assignments a
JOIN users u ON u.id = a.teacher_id
CROSS JOIN (SELECT extract(epoch FROM now())::bigint AS now_epoch) clock
LEFT JOIN submissions s ON s.assignment_id = a.id AND s.student_id = $4 AND {{role}} = 'student'
WHERE a.deleted_at IS NULL
  AND {{> tracker/_assignment_visible}}
  AND ($5::bigint IS NULL OR a.class_id = $5)
  AND ($6::bigint IS NULL OR a.course_id = $6)
ORDER BY a.due_at, a.id
LIMIT $1 OFFSET $2
