-- The courses learner $1 is enrolled in (live ones; an archived course
-- stays theirs), the latest worked in first, then the latest enrolled, each
-- with the learner's certificate in force for it.
SELECT c.id, c.slug, c.title, c.subtitle, u.name AS instructor_name, c.certificate_lessons_percent,
       c.certificate_quiz_percent,
       (SELECT x.id::text FROM certificates x
        WHERE x.course_id = c.id AND x.learner_id = $1 AND x.revoked_at IS NULL) AS certificate_id,
       to_char(s.enrolled_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS enrolled_at,
       to_char(max(p.updated_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS last_active
FROM course_students s
JOIN courses c ON c.id = s.course_id AND c.deleted_at IS NULL AND c.slug IS NOT NULL
JOIN users u ON u.id = c.instructor_id
LEFT JOIN lesson_progress p ON p.course_id = c.id AND p.learner_id = s.student_id
WHERE s.student_id = $1
GROUP BY c.id, c.slug, c.title, c.subtitle, u.name, s.enrolled_at, c.certificate_lessons_percent,
         c.certificate_quiz_percent
ORDER BY max(p.updated_at) DESC NULLS LAST, s.enrolled_at DESC, c.id
