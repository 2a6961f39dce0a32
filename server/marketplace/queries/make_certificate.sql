-- Certificate $1 (a UUID) of learner $4 for course $3 (tenant $2), signed
-- with key $5: its names as issued ($6, $7), the credential ($8) and when
-- ($9, UTC text). No row when one is in force already (a concurrent mark).
INSERT INTO certificates (id, tenant_id, course_id, learner_id, key_id, learner_name, course_title, credential, issued_at)
VALUES ($1::uuid, $2, $3, $4, $5, $6, $7, $8, $9::timestamptz)
ON CONFLICT (tenant_id, course_id, learner_id) WHERE revoked_at IS NULL DO NOTHING
RETURNING id::text
