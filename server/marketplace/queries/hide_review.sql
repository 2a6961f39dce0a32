-- Hides ($3 true) learner $2's review of course $1 from the catalog, or shows it again.
UPDATE course_reviews SET hidden = $3 WHERE course_id = $1 AND learner_id = $2
