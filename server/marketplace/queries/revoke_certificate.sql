-- Revokes certificate $1 by user $2 for reason $3; no row when it was
-- revoked already (by another request a moment ago, too).
UPDATE certificates SET revoked_at = now(), revoked_by = $2, revoked_reason = $3
WHERE id = $1::uuid AND revoked_at IS NULL
RETURNING id
