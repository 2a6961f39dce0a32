-- (The live marketplace courses reader $3 reaches by scope $2.)
SELECT id FROM courses
    WHERE deleted_at IS NULL AND slug IS NOT NULL AND marketplace_in_reach($2, $3, instructor_id, NULL)
