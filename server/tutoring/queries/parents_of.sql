-- The parents linked to student $1.
SELECT parent_id FROM parent_links WHERE student_id = $1 ORDER BY parent_id
