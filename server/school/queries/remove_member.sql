-- Takes student $2 out of class $1; no row when they were not a member.
DELETE FROM class_members WHERE class_id = $1 AND student_id = $2
RETURNING student_id
