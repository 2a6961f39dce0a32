-- The change of series $1's occurrence $2 (its local RECURRENCE-ID), locked.
SELECT {{> tutoring/_change_columns}}
FROM session_occurrences o
WHERE o.series_id = $1 AND o.recurrence_id = $2::timestamp
FOR UPDATE
