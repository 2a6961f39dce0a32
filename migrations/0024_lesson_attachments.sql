-- 0024: files a lesson offers its learners to download (shared-domain
-- marketplace/attachments: a worksheet, slides, a data set), kept in the
-- database beside the lesson so a backup, a standby and tenant isolation
-- cover them as they cover the rest: at most 8 MiB each and ten a lesson
-- (the studio's rule), of a kind known by its name and first bytes. They
-- go with their lesson when it is deleted (only lessons no learner opened).
SET LOCAL ROLE learnloop_owner;

CREATE TABLE lesson_attachments (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   bigint NOT NULL,
    course_id   bigint NOT NULL,
    lesson_id   bigint NOT NULL,
    file_name   text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 120),
    media_type  text NOT NULL CHECK (length(media_type) BETWEEN 1 AND 100),
    size_bytes  integer NOT NULL CHECK (size_bytes BETWEEN 1 AND 8388608),
    content     bytea NOT NULL CHECK (octet_length(content) = size_bytes),
    created_by  bigint NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, course_id, lesson_id) REFERENCES course_lessons (tenant_id, course_id, id)
        ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id)
);
CREATE INDEX lesson_attachments_lesson_idx ON lesson_attachments (tenant_id, lesson_id, id);
CREATE INDEX lesson_attachments_course_idx ON lesson_attachments (tenant_id, course_id);

SELECT enable_tenant_isolation('lesson_attachments');
GRANT SELECT, INSERT, DELETE ON lesson_attachments TO learnloop_app;
