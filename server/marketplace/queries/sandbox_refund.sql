-- $2 minor units of $3 given back of sandbox payment $1, never more than was
-- paid in all.
UPDATE sandbox_checkouts
SET refunded_minor = refunded_minor + $2
WHERE payment_id = $1 AND status = 'paid' AND currency = $3 AND refunded_minor + $2 <= amount_minor
RETURNING id
