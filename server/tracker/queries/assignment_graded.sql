-- Whether any submission to assignment $1 has a grade (its points and rubric
-- are then fixed: a grade given with them would no longer add up).
SELECT EXISTS (SELECT 1 FROM submissions WHERE assignment_id = $1 AND grade IS NOT NULL) AS graded
