-- Learner $2 no longer has course $1 (its order refunded in full); their
-- progress stays, should they buy it again.
DELETE FROM course_students WHERE course_id = $1 AND student_id = $2
