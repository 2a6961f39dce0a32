-- 0017: a learner's progress through a marketplace course's lessons
-- (shared-domain marketplace/progress): each lesson opened is a row with
-- the time spent in it, where a video or reading was left, and when it was
-- completed. A course's completion and "continue where you left off" are
-- worked out from these rows and the course's lessons in order.
SET LOCAL ROLE learnloop_owner;

CREATE TABLE lesson_progress (
    tenant_id        bigint NOT NULL,
    lesson_id        bigint NOT NULL,
    learner_id       bigint NOT NULL,
    course_id        bigint NOT NULL,
    seconds_spent    integer NOT NULL DEFAULT 0 CHECK (seconds_spent BETWEEN 0 AND 360000),
    position_seconds integer NOT NULL DEFAULT 0 CHECK (position_seconds BETWEEN 0 AND 360000),
    completed_at     timestamptz,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (lesson_id, learner_id),
    FOREIGN KEY (tenant_id, course_id, lesson_id) REFERENCES course_lessons (tenant_id, course_id, id),
    FOREIGN KEY (tenant_id, learner_id) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, course_id) REFERENCES courses (tenant_id, id)
);
CREATE INDEX lesson_progress_learner_idx ON lesson_progress (tenant_id, learner_id, course_id);

SELECT enable_tenant_isolation('lesson_progress');
GRANT SELECT, INSERT, UPDATE ON lesson_progress TO learnloop_app;
