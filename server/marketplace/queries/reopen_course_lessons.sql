-- Learner $2's completed lessons of course $1 made not done again (the time
-- spent and where they were left are kept): after their certificate was
-- revoked, they earn it again by completing them. The lessons reopened.
UPDATE lesson_progress SET completed_at = NULL, updated_at = now()
WHERE course_id = $1 AND learner_id = $2 AND completed_at IS NOT NULL
RETURNING lesson_id
