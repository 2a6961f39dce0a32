-- 0003: curriculum (learning targets and task templates), assigned targets,
-- generated task sets, answers, and mastery per (student, target).
SET LOCAL ROLE learnloop_owner;

-- [curriculum] Shared curriculum has tenant_id NULL and is readable by every
-- tenant; a school's own targets and templates carry its tenant_id.
CREATE TABLE learning_targets (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id    bigint REFERENCES tenants (id),
    code         text NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9._-]{1,99}$'),
    subject      text NOT NULL,
    strand       text NOT NULL,
    title        text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description  text NOT NULL DEFAULT '',
    bkt          jsonb NOT NULL,             -- {prior, learn, guess, slip}
    content_hash text NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    retired_at   timestamptz,                -- gone from the curriculum files; history kept
    UNIQUE NULLS NOT DISTINCT (tenant_id, code)
);
CREATE INDEX learning_targets_tenant_idx ON learning_targets (tenant_id);

CREATE TABLE task_templates (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id    bigint REFERENCES tenants (id),
    code         text NOT NULL,
    target_id    bigint NOT NULL REFERENCES learning_targets (id),
    kind         text NOT NULL,
    difficulty   integer NOT NULL CHECK (difficulty BETWEEN 1 AND 5),
    body         jsonb NOT NULL,             -- the template, decoded by shared-domain
    content_hash text NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    retired_at   timestamptz,
    UNIQUE NULLS NOT DISTINCT (tenant_id, code)
);
CREATE INDEX task_templates_target_idx ON task_templates (target_id);

-- [practice] Targets a teacher assigned to a student (from a submission, or
-- to a whole class, which assigns each member).
CREATE TABLE target_assignments (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id     bigint NOT NULL,
    student_id    bigint NOT NULL,
    target_id     bigint NOT NULL REFERENCES learning_targets (id),
    assigned_by   bigint NOT NULL,
    submission_id bigint,
    created_at    timestamptz NOT NULL DEFAULT now(),
    removed_at    timestamptz,
    FOREIGN KEY (tenant_id, student_id) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, assigned_by) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, submission_id) REFERENCES submissions (tenant_id, id)
);
CREATE UNIQUE INDEX target_assignments_live ON target_assignments (student_id, target_id) WHERE removed_at IS NULL;
CREATE INDEX target_assignments_tenant_idx ON target_assignments (tenant_id, student_id);

-- A generated set of micro-tasks; each task is (template, seed).
CREATE TABLE task_sets (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   bigint NOT NULL,
    student_id  bigint NOT NULL,
    seed        bigint NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, student_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX task_sets_student_idx ON task_sets (tenant_id, student_id, id);

CREATE TABLE tasks (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id    bigint NOT NULL,
    set_id       bigint NOT NULL,
    position     integer NOT NULL,
    template_id  bigint NOT NULL REFERENCES task_templates (id),
    template_body jsonb NOT NULL,            -- the template as it was when the task was made
    seed         bigint NOT NULL,
    UNIQUE (tenant_id, id),
    UNIQUE (set_id, position),
    FOREIGN KEY (tenant_id, set_id) REFERENCES task_sets (tenant_id, id)
);

-- Answers, re-graded by the server. client_id makes offline sync idempotent.
CREATE TABLE task_responses (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id       bigint NOT NULL,
    task_id         bigint NOT NULL,
    student_id      bigint NOT NULL,
    client_id       text NOT NULL CHECK (length(client_id) BETWEEN 8 AND 64),
    answer          jsonb NOT NULL,
    verdict         text NOT NULL,
    score           double precision NOT NULL,
    client_verdict  text,
    disagreement    boolean NOT NULL DEFAULT false,
    known_after     double precision NOT NULL,   -- mastery of the task's target after this answer
    answered_at     timestamptz NOT NULL,        -- when the student answered (may be offline)
    received_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, client_id),
    UNIQUE (task_id),                            -- each task of a set is answered once
    FOREIGN KEY (tenant_id, task_id) REFERENCES tasks (tenant_id, id),
    FOREIGN KEY (tenant_id, student_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX task_responses_student_idx ON task_responses (tenant_id, student_id, answered_at);

CREATE TABLE mastery_states (
    tenant_id   bigint NOT NULL,
    student_id  bigint NOT NULL,
    target_id   bigint NOT NULL REFERENCES learning_targets (id),
    known       double precision NOT NULL CHECK (known >= 0 AND known <= 1),
    attempts    integer NOT NULL DEFAULT 0,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (student_id, target_id),
    FOREIGN KEY (tenant_id, student_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX mastery_states_tenant_idx ON mastery_states (tenant_id, target_id);

-- A school's own fitted parameters for a target (learnloop kt refit).
CREATE TABLE tenant_target_params (
    tenant_id   bigint NOT NULL REFERENCES tenants (id),
    target_id   bigint NOT NULL REFERENCES learning_targets (id),
    bkt         jsonb NOT NULL,
    fitted_at   timestamptz NOT NULL DEFAULT now(),
    answers     integer NOT NULL,
    PRIMARY KEY (tenant_id, target_id)
);

-- [row-level security]
DO $$
DECLARE
    t text;
BEGIN
    -- Curriculum: shared rows are readable by everyone, writable by no tenant.
    FOREACH t IN ARRAY ARRAY['learning_targets', 'task_templates']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I TO learnloop_app USING (tenant_id IS NULL OR tenant_id = (SELECT app_tenant_id())) '
                       'WITH CHECK (tenant_id = (SELECT app_tenant_id()))', t || '_isolation', t);
        EXECUTE format('CREATE POLICY %I ON %I TO learnloop_owner USING (true) WITH CHECK (true)', t || '_owner', t);
    END LOOP;
    FOREACH t IN ARRAY ARRAY['target_assignments', 'task_sets', 'tasks', 'task_responses', 'mastery_states',
                             'tenant_target_params']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I TO learnloop_app USING (tenant_id = (SELECT app_tenant_id())) '
                       'WITH CHECK (tenant_id = (SELECT app_tenant_id()))', t || '_isolation', t);
        EXECUTE format('CREATE POLICY %I ON %I TO learnloop_owner USING (true) WITH CHECK (true)', t || '_owner', t);
    END LOOP;
END
$$;

GRANT SELECT, INSERT, UPDATE ON learning_targets, task_templates, target_assignments, mastery_states,
    tenant_target_params TO learnloop_app;
GRANT SELECT, INSERT ON task_sets, tasks, task_responses TO learnloop_app;
