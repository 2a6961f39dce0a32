-- Whether student $2 is linked to parent $1.
SELECT 1 FROM parent_links WHERE parent_id = $1 AND student_id = $2
