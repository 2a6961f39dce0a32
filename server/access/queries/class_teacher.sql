-- The teacher of a live class ($1) of the tenant; no row when there is none.
SELECT teacher_id FROM classes WHERE id = $1 AND deleted_at IS NULL
