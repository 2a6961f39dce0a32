-- Holds, until the transaction ends, the lock on student $1's mastery of
-- target $2, so answers to it (from two devices syncing at once) are applied
-- one at a time.
SELECT pg_advisory_xact_lock(hashtextextended('learnloop.mastery.' || $1 || '.' || $2, 0)) AS locked
