-- The answers to earlier versions of the code of bank question $1 (the
-- version being regraded to) within the caller's reach ($2 scope, $3 user:
-- every course for the tenant's scope, else the courses one teaches), with
-- what rebuilds their tasks: the attempt's seed, the place, the version
-- asked.
SELECT aq.attempt_id, aq.position, aq.answer, aq.score, aq.hints_used, a.seed, a.number, a.submitted_at IS NOT NULL AS submitted,
       b.code, b.version, b.body, u.name AS student_name, z.title AS quiz_title
FROM bank_questions cur
JOIN bank_questions b ON b.code = cur.code AND b.tenant_id IS NOT DISTINCT FROM cur.tenant_id AND b.id <> cur.id
JOIN quiz_attempt_questions aq ON aq.question_id = b.id AND aq.answer IS NOT NULL
JOIN quiz_attempts a ON a.id = aq.attempt_id
JOIN quizzes z ON z.id = a.quiz_id
JOIN courses c ON c.id = z.course_id
JOIN users u ON u.id = a.student_id
WHERE cur.id = $1
  AND ($2 = 'tenant' OR c.instructor_id = $3)
ORDER BY aq.attempt_id, aq.position
