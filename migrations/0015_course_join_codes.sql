-- A course's join code (shared-domain academy/join_code): eight characters of
-- an alphabet without 0, O, 1, I and L, which students of the academy type to
-- enrol themselves. Null while joining by code is off (the default: an
-- instructor makes one). Kept as it is, not hashed: the instructor reads it
-- out again and again, and it gives no more than a seat in one course.
-- One live code per academy names one course.
ALTER TABLE courses ADD COLUMN join_code text CHECK (join_code ~ '^[2-9A-HJKMNP-Z]{8}$');
CREATE UNIQUE INDEX courses_join_code_idx ON courses (tenant_id, join_code) WHERE join_code IS NOT NULL;
