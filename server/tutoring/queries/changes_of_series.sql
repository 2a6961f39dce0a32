-- The changed occurrences of the series listed in $1 ('{1,2,3}').
SELECT {{> tutoring/_change_columns}}
FROM session_occurrences o
WHERE o.series_id = ANY ($1::bigint[])
ORDER BY o.series_id, o.recurrence_id
