-- An academy student's exam goal: the day of the exam they study for and the
-- minutes a day they can give. The study plan and the parent's summary are
-- made from it and the student's quiz answers on every read
-- (shared-domain academy/study), so only the goal is stored.
CREATE TABLE study_goals (
    tenant_id       bigint NOT NULL,
    student_id      bigint NOT NULL,
    exam_day        date NOT NULL,
    minutes_per_day integer NOT NULL CHECK (minutes_per_day BETWEEN 10 AND 300),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    updated_by      bigint NOT NULL,
    PRIMARY KEY (tenant_id, student_id),
    FOREIGN KEY (tenant_id, student_id) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, updated_by) REFERENCES users (tenant_id, id)
);

SELECT enable_tenant_isolation('study_goals');
GRANT SELECT, INSERT, UPDATE ON study_goals TO learnloop_app;
