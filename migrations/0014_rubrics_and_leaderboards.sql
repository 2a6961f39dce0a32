-- An academy's assignments (the tracker's, extended): set for one course,
-- out of a number of points, and marked with a rubric (shared-domain
-- academy/rubric). The rubric is stored as rubric_json writes it; a grade
-- given with it keeps the marks (the level picked per criterion and any
-- adjustment with its reason) beside the grade, in the submission and in its
-- history. Who sees a course's assignment: its instructor, the office, the
-- course's students and their linked parents (tracker/_assignment_visible).
ALTER TABLE assignments
    ADD COLUMN course_id bigint,
    ADD COLUMN max_points integer CHECK (max_points BETWEEN 1 AND 1000),
    ADD COLUMN rubric jsonb,
    ADD CONSTRAINT assignments_rubric_needs_points CHECK (rubric IS NULL OR max_points IS NOT NULL),
    ADD CONSTRAINT assignments_class_or_course CHECK (class_id IS NULL OR course_id IS NULL),
    ADD CONSTRAINT assignments_course_fk FOREIGN KEY (tenant_id, course_id) REFERENCES courses (tenant_id, id);
CREATE INDEX assignments_course_idx ON assignments (tenant_id, course_id) WHERE course_id IS NOT NULL;

ALTER TABLE submissions ADD COLUMN rubric_marks jsonb;
ALTER TABLE grade_history ADD COLUMN rubric_marks jsonb;

-- A course's leaderboard (shared-domain academy/progress rank_leaderboard):
-- on unless its instructor turns it off; students then see none.
ALTER TABLE courses ADD COLUMN leaderboard boolean NOT NULL DEFAULT true;
