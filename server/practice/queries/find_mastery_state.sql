-- Student $1's mastery of target $2; no row before their first answer.
SELECT known, attempts
FROM mastery_states
WHERE student_id = $1 AND target_id = $2
