-- Turns course $1's leaderboard on or off ($2); answers whether it was on.
UPDATE courses c SET leaderboard = $2
FROM (SELECT leaderboard FROM courses WHERE id = $1 FOR UPDATE) before
WHERE c.id = $1
RETURNING before.leaderboard AS was
