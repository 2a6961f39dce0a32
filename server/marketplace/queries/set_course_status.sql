-- Course $1 moves to status $2; published for the first time, it is dated.
UPDATE courses
SET status = $2, published_at = CASE WHEN $2 = 'published' THEN coalesce(published_at, now()) ELSE published_at END
WHERE id = $1
