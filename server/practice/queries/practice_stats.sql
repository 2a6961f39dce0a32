-- The school's answers, how many the browser and the server graded
-- differently, and how many students answered.
SELECT count(*) AS answers,
       count(*) FILTER (WHERE disagreement) AS disagreements,
       count(DISTINCT student_id) AS students
FROM task_responses
