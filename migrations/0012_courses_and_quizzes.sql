-- 0012: an academy's courses and quizzes (shared-domain academy/quiz).
-- A course has one instructor and its enrolled students; a quiz belongs to
-- a course and is a plan (fixed bank questions and draws by skill and
-- difficulty), a mode (practice: each answer graded at once, the key in the
-- browser; exam: graded when submitted, no key before), a time limit and a
-- number of attempts. An attempt keeps the bank question versions it asked
-- (so a fixed key can re-score it) and the seed that shuffled them; each
-- answer is kept with the server's score. Courses and quizzes are deleted
-- softly: the rows stay (attempts and the audit trail point at them) and an
-- administrator can restore them.
SET LOCAL ROLE learnloop_owner;

CREATE TABLE courses (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id     bigint NOT NULL,
    title         text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description   text NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
    instructor_id bigint NOT NULL,
    status        text NOT NULL DEFAULT 'active' CHECK (status IN ('draft', 'active', 'archived')),
    created_at    timestamptz NOT NULL DEFAULT now(),
    deleted_at    timestamptz,
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, instructor_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX courses_instructor_idx ON courses (tenant_id, instructor_id) WHERE deleted_at IS NULL;

CREATE TABLE course_students (
    tenant_id   bigint NOT NULL,
    course_id   bigint NOT NULL,
    student_id  bigint NOT NULL,
    enrolled_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (course_id, student_id),
    FOREIGN KEY (tenant_id, course_id) REFERENCES courses (tenant_id, id),
    FOREIGN KEY (tenant_id, student_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX course_students_student_idx ON course_students (tenant_id, student_id);

CREATE TABLE quizzes (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id          bigint NOT NULL,
    course_id          bigint NOT NULL,
    title              text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    mode               text NOT NULL CHECK (mode IN ('practice', 'exam')),
    plan               jsonb NOT NULL,          -- quiz_plan_to_json: {"fixed": [...], "draws": [...], "shuffle": true}
    question_count     integer NOT NULL CHECK (question_count BETWEEN 1 AND 200),
    time_limit_minutes integer NOT NULL DEFAULT 0 CHECK (time_limit_minutes BETWEEN 0 AND 600),   -- 0: none
    attempts_allowed   integer NOT NULL DEFAULT 0 CHECK (attempts_allowed BETWEEN 0 AND 100),     -- 0: any number
    tutor              boolean NOT NULL DEFAULT false,   -- practice only: the Socratic tutor gives hints, never the answer
    created_by         bigint NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    deleted_at         timestamptz,
    UNIQUE (tenant_id, id),
    CHECK (NOT tutor OR mode = 'practice'),
    FOREIGN KEY (tenant_id, course_id) REFERENCES courses (tenant_id, id),
    FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id)
);
CREATE INDEX quizzes_course_idx ON quizzes (tenant_id, course_id) WHERE deleted_at IS NULL;

CREATE TABLE quiz_attempts (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id     bigint NOT NULL,
    quiz_id       bigint NOT NULL,
    student_id    bigint NOT NULL,
    number        integer NOT NULL CHECK (number >= 1),   -- the student's 1st, 2nd, ... attempt at the quiz
    seed          bigint NOT NULL,
    started_at    timestamptz NOT NULL DEFAULT now(),
    submitted_at  timestamptz,
    score         double precision,                       -- set when submitted: the sum of the questions' scores
    UNIQUE (tenant_id, id),
    UNIQUE (quiz_id, student_id, number),
    FOREIGN KEY (tenant_id, quiz_id) REFERENCES quizzes (tenant_id, id),
    FOREIGN KEY (tenant_id, student_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX quiz_attempts_student_idx ON quiz_attempts (tenant_id, student_id, quiz_id);

-- The questions of an attempt in the order asked, the bank version each
-- asked (after a regrade, the fixed version it was re-scored with), and its
-- answer once given (the server's grade).
CREATE TABLE quiz_attempt_questions (
    tenant_id      bigint NOT NULL,
    attempt_id     bigint NOT NULL,
    position       integer NOT NULL CHECK (position >= 0),
    question_id    bigint NOT NULL REFERENCES bank_questions (id),
    answer         jsonb,
    score          double precision CHECK (score BETWEEN 0 AND 1),
    verdict        text CHECK (verdict IN ('correct', 'partial', 'incorrect')),
    client_verdict text CHECK (client_verdict IN ('correct', 'partial', 'incorrect')),
    hints_used     integer NOT NULL DEFAULT 0 CHECK (hints_used BETWEEN 0 AND 10),   -- the tutor's hints before answering
    answered_at    timestamptz,
    PRIMARY KEY (attempt_id, position),
    FOREIGN KEY (tenant_id, attempt_id) REFERENCES quiz_attempts (tenant_id, id)
);
CREATE INDEX quiz_attempt_questions_question_idx ON quiz_attempt_questions (question_id);

SELECT enable_tenant_isolation('courses');
SELECT enable_tenant_isolation('course_students');
SELECT enable_tenant_isolation('quizzes');
SELECT enable_tenant_isolation('quiz_attempts');
SELECT enable_tenant_isolation('quiz_attempt_questions');
GRANT SELECT, INSERT, UPDATE ON courses, quizzes, quiz_attempts TO learnloop_app;
GRANT SELECT, INSERT, DELETE ON course_students TO learnloop_app;
-- A regrade moves an answered question to the fixed version (question_id)
-- with the answer carried over to it.
GRANT SELECT, INSERT, UPDATE (question_id, answer, score, verdict, client_verdict, answered_at, hints_used)
    ON quiz_attempt_questions TO learnloop_app;
