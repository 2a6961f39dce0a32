-- Every answered and graded quiz question of student $1 (practice answers
-- as given, exam answers once handed in), with the skill and category of the
-- version asked and the tutor's hints taken: the evidence for the student's
-- skill estimates and points (shared-domain academy/study, academy/progress).
SELECT b.code, b.skill, b.category, aq.score, aq.hints_used,
       floor(extract(epoch FROM aq.answered_at))::bigint AS answered_unix
FROM quiz_attempts a
JOIN quiz_attempt_questions aq ON aq.attempt_id = a.id
JOIN bank_questions b ON b.id = aq.question_id
WHERE a.student_id = $1 AND aq.answered_at IS NOT NULL AND aq.score IS NOT NULL
ORDER BY aq.answered_at, a.id, aq.position
