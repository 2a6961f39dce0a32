-- authenticate_session for a read (GET): the same caller, and the rest of
-- the transaction is read-only (a handler that tried to write would fail
-- loudly). A read then needs no COMMIT, so losing the connection after the
-- answer was read loses nothing. One round trip, like the plain lookup.
SELECT {{> identity/_caller_columns}},
       set_config('transaction_read_only', 'on', true) AS read_only
FROM authenticate_session(decode($1, 'hex'))
