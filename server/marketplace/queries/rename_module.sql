-- Module $1 is titled $2.
UPDATE course_modules SET title = $2 WHERE id = $1
