-- The demo academy's submissions for tenant $1: $2 is a JSON array of
-- {"assignment_id", "student_id", "content", "submitted_at", "grade",
-- "feedback", "graded_at", "graded_by", "rubric_marks"} (the grade fields
-- null when not marked). Late as the app flags it; each grade is kept in the
-- grade history with its marks, as grading in the app does.
WITH s AS (
    INSERT INTO submissions (tenant_id, assignment_id, student_id, content, submitted_at, late, grade, feedback,
                             graded_at, graded_by, rubric_marks)
    SELECT $1, r.assignment_id, r.student_id, r.content, r.submitted_at, r.submitted_at > a.due_at, r.grade,
           r.feedback, r.graded_at, r.graded_by, r.rubric_marks
    FROM jsonb_to_recordset($2::jsonb)
         AS r (assignment_id bigint, student_id bigint, content text, submitted_at timestamptz, grade numeric,
               feedback text, graded_at timestamptz, graded_by bigint, rubric_marks jsonb)
    JOIN assignments a ON a.id = r.assignment_id
    RETURNING id, grade, feedback, graded_by, graded_at, rubric_marks
), history AS (
    INSERT INTO grade_history (tenant_id, submission_id, grade, feedback, graded_by, graded_at, rubric_marks)
    SELECT $1, id, grade, feedback, graded_by, graded_at, rubric_marks FROM s WHERE grade IS NOT NULL
)
SELECT count(*) AS submissions, count(grade) AS marked FROM s
