-- Known device $1 signed in: its failures are forgotten and it stays known for
-- another 90 days.
UPDATE signin_devices SET failures = 0, blocked_until = NULL, last_used_at = now() WHERE id = $1
