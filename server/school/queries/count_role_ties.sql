-- How many ties that belong to a role user $1 has: class memberships, live
-- classes they teach, and parent links on either side.
SELECT (SELECT count(*) FROM class_members WHERE student_id = $1)
     + (SELECT count(*) FROM classes WHERE teacher_id = $1 AND deleted_at IS NULL)
     + (SELECT count(*) FROM parent_links WHERE parent_id = $1 OR student_id = $1) AS ties
