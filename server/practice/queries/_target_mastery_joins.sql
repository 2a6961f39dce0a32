-- The school's refit parameters `p` of a target `t` and the mastery `m` of
-- it by the student the including file names (its `-- let student` line),
-- for the columns of the fragment _target_mastery.
LEFT JOIN tenant_target_params p ON p.target_id = t.id
LEFT JOIN mastery_states m ON m.student_id = {{student}} AND m.target_id = t.id
