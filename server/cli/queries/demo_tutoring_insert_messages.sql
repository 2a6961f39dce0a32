-- Messages of tenant $1: $2 is a JSON array of {"kind", "sender_id" (null
-- for a system notification), "recipient_id", "body", "created_at",
-- "read_at"}. A broadcast's copies are grouped afterwards
-- (demo_tutoring_group_broadcasts). Answers how many were added.
WITH added AS (
    INSERT INTO messages (tenant_id, kind, sender_id, recipient_id, body, created_at, read_at)
    SELECT $1, m.kind, m.sender_id, m.recipient_id, m.body, m.created_at, m.read_at
    FROM jsonb_to_recordset($2::jsonb)
         AS m (kind text, sender_id bigint, recipient_id bigint, body text, created_at timestamptz,
               read_at timestamptz)
    RETURNING 1
)
SELECT count(*) AS added FROM added
