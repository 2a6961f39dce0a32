-- One more wrong current password for account $1 (lock_password_tries
-- locked the row); answers the count now.
UPDATE login_throttle SET failures = failures + 1 WHERE key = $1 RETURNING failures
