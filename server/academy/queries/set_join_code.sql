-- Sets course $1's join code to $2 (null: joining by code is off).
UPDATE courses SET join_code = $2 WHERE id = $1
