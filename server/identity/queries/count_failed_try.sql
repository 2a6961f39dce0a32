-- One more failed try on the count $1 (lock_tries locked the row); answers
-- the count now.
UPDATE login_throttle SET failures = failures + 1 WHERE key = $1 RETURNING failures
