-- Student $1's exam goal, if they have one.
SELECT to_char(exam_day, 'YYYY-MM-DD') AS exam_day, minutes_per_day
FROM study_goals WHERE student_id = $1
