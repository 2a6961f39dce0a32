-- One more wrong current password for account $1 (lock_password_tries locked the row).
UPDATE login_throttle SET failures = failures + 1 WHERE key = $1
