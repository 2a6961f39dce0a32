-- A live series ($1).
SELECT {{> tutoring/_series_columns}}
FROM session_series s
WHERE s.id = $1 AND s.deleted_at IS NULL
