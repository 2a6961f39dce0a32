-- Forgets the failed sign-ins counted against key $1 (after a success).
DELETE FROM login_throttle WHERE key = $1
