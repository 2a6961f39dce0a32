-- The change an offline log with client id $1 made, if it was synced before.
SELECT {{> tutoring/_change_columns}}
FROM session_occurrences o
WHERE o.client_id = $1
