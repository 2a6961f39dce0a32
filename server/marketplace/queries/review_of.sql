-- Learner $2's review of course $1, locked until the transaction ends (an
-- edit and a reply at the same moment apply in turn); none when not written.
SELECT stars, body, reply, hidden
FROM course_reviews
WHERE course_id = $1 AND learner_id = $2
FOR UPDATE
