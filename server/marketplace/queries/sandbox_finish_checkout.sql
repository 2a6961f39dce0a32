-- An open sandbox checkout ($1) paid, cancelled or expired ($2), once: a
-- second click finds it finished and changes nothing. $3 is the payment's
-- id (paid only).
UPDATE sandbox_checkouts
SET status = $2, payment_id = $3, completed_at = now()
WHERE id = $1 AND status = 'open' AND ($2 <> 'paid' OR expires_at > now())
RETURNING id
