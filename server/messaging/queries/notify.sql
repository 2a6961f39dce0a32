-- A notice of tenant $1 with text $2 for each of the people $3 (an array of
-- user ids): system messages have no sender.
INSERT INTO messages (tenant_id, kind, recipient_id, body)
SELECT $1, 'system', r, $2
FROM unnest($3::bigint[]) AS r
