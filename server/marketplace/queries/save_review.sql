-- Learner $3's review of course $2 in tenant $1: $4 stars, $5 words; an
-- edit keeps the reply and when it was first written.
INSERT INTO course_reviews (tenant_id, course_id, learner_id, stars, body) VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (tenant_id, course_id, learner_id) DO UPDATE SET stars = EXCLUDED.stars, body = EXCLUDED.body,
    updated_at = now()
