-- Course $1's rating now (course_reviews' trigger keeps it).
SELECT rating_count, rating_sum FROM courses WHERE id = $1
