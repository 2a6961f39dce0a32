-- A direct message of tenant $1 from $2 to $3 with text $4.
INSERT INTO messages (tenant_id, kind, sender_id, recipient_id, body)
VALUES ($1, 'direct', $2, $3, $4)
RETURNING id
