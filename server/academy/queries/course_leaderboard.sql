-- Course $1's leaderboard in one read: whether it is on, the clock, and each
-- enrolled student still active (none: one row without a student) with their graded answers and handed-in attempts in the
-- course's quizzes (as academy/skill_answers and academy/handed_in_attempts
-- read them for one student), as JSON arrays for shared-domain
-- earned_xp: answers [code, score, hints, answered_unix], attempts
-- [quiz_id, share, submitted_unix].
SELECT c.leaderboard, floor(extract(epoch FROM now()))::bigint AS now_unix, u.id AS student_id, u.name,
       coalesce((SELECT json_agg(json_build_array(b.code, aq.score, aq.hints_used,
                                                  floor(extract(epoch FROM aq.answered_at))::bigint))
                 FROM quiz_attempts a
                 JOIN quizzes z ON z.id = a.quiz_id AND z.course_id = c.id
                 JOIN quiz_attempt_questions aq ON aq.attempt_id = a.id
                 JOIN bank_questions b ON b.id = aq.question_id
                 WHERE a.student_id = u.id AND aq.answered_at IS NOT NULL AND aq.score IS NOT NULL), '[]') AS answers,
       coalesce((SELECT json_agg(json_build_array(a.quiz_id,
                                                  CASE WHEN z.question_count > 0 THEN a.score / z.question_count
                                                       ELSE 0 END,
                                                  floor(extract(epoch FROM a.submitted_at))::bigint))
                 FROM quiz_attempts a
                 JOIN quizzes z ON z.id = a.quiz_id AND z.course_id = c.id
                 WHERE a.student_id = u.id AND a.submitted_at IS NOT NULL), '[]') AS attempts
FROM courses c
LEFT JOIN (course_students s JOIN users u ON u.id = s.student_id AND u.deleted_at IS NULL) ON s.course_id = c.id
WHERE c.id = $1
ORDER BY u.name, u.id
