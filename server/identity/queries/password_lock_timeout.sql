-- How long this transaction waits for a lock ($1, e.g. '3s') before giving
-- up (SET LOCAL lock_timeout): a password change waits at most this for the
-- account's count of wrong passwords, so a burst of changes for one account
-- cannot hold the pool's connections waiting behind each other ('0' once
-- the lock is held: no limit for the rest of the change).
SELECT set_config('lock_timeout', $1, true)
