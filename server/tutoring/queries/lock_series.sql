-- A live series ($1), locked for a change: edits of one series queue.
SELECT {{> tutoring/_series_columns}}
FROM session_series s
WHERE s.id = $1 AND s.deleted_at IS NULL
FOR UPDATE
