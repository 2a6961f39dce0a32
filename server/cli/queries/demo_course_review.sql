-- A demo learner's review: $1 tenant, $2 course, $3 learner, $4 stars, $5
-- words, $6 when written (UTC), $7 the instructor's reply and $8 when (or null).
INSERT INTO course_reviews (tenant_id, course_id, learner_id, stars, body, created_at, updated_at, reply, replied_at)
VALUES ($1, $2, $3, $4, $5, $6::timestamptz, $6::timestamptz, $7::text, $8::timestamptz)
ON CONFLICT DO NOTHING
