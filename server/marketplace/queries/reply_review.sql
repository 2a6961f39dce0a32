-- The instructor's reply ($3) to learner $2's review of course $1.
UPDATE course_reviews SET reply = $3, replied_at = now() WHERE course_id = $1 AND learner_id = $2
