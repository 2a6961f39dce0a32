-- Whether any learning target the school can see (shared or its own, live or
-- retired) already has code $1.
SELECT EXISTS (SELECT 1 FROM learning_targets WHERE code = $1) AS taken
