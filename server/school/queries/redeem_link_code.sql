-- Marks the unused, unexpired link code whose SHA-256 is $1 (hex) redeemed by
-- parent $2; answers the code's id and its student, no row when there is none.
UPDATE parent_link_codes SET redeemed_at = now(), redeemed_by = $2
WHERE code_hash = decode($1, 'hex') AND redeemed_at IS NULL AND expires_at > now()
RETURNING id, student_id
