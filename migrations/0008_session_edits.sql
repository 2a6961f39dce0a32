-- 0008: an edit of a whole series may drop the moved or cancelled sessions
-- that no longer fall on it, once the user confirms; sessions with
-- attendance logged or on an invoice are never dropped (the statement that
-- deletes checks both).
SET LOCAL ROLE learnloop_owner;

GRANT DELETE ON session_occurrences TO learnloop_app;
