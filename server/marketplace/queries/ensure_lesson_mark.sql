-- Learner $3's mark of lesson $2 (course $4) in tenant $1, made empty when
-- it is their first; then lock_lesson_mark takes it.
INSERT INTO lesson_progress (tenant_id, lesson_id, learner_id, course_id) VALUES ($1, $2, $3, $4)
ON CONFLICT (lesson_id, learner_id) DO NOTHING
