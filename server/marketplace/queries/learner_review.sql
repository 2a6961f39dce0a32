-- Learner $2's own review of course $1, if written (hidden or not).
SELECT stars, body, reply FROM course_reviews WHERE course_id = $1 AND learner_id = $2
