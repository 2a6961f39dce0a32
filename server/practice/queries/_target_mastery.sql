-- A target `t`'s BKT parameters in force (the school's refit ones `p`, else
-- the curriculum's) and a student's mastery of it `m` (the prior and no
-- attempts before their first answer); the fragment _target_mastery_joins
-- joins p and m.
coalesce(p.bkt, t.bkt)::text AS bkt,
coalesce(m.known, (coalesce(p.bkt, t.bkt)->>'prior')::float8) AS known,
coalesce(m.attempts, 0) AS attempts
