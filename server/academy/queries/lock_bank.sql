-- Holds the bank of tenant $1 (NULL: the shared bank) for one import until
-- its transaction ends: a second import of the same bank waits, then finds
-- the versions the first one wrote.
SELECT pg_advisory_xact_lock(hashtext('learnloop.bank'), coalesce($1::bigint, 0)::int)
