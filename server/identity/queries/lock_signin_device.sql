-- The known device whose token has SHA-256 $1 (hex), if it belongs to user $2
-- and was used within 90 days: its id, its failures in a row and the seconds
-- its backoff has left, locked until the transaction ends (so parallel
-- guesses from one device are counted one after another). No row: not a
-- known device of that user.
SELECT id, failures, greatest(0, ceil(extract(epoch FROM coalesce(blocked_until, now()) - now())))::int AS wait
FROM signin_devices
WHERE token_hash = decode($1, 'hex') AND user_id = $2 AND last_used_at > now() - interval '90 days'
FOR UPDATE
