-- 0011: the exam bank (shared-domain academy/gift): the platform's shared
-- questions (tenant_id NULL), which every academy reads and no tenant
-- writes, and each academy's own. A question is known in its bank by its
-- code (a GIFT file's [id:...]); a change to its content is a new version
-- and the old one is kept, superseded, because attempts keep the version
-- they answered (a regrade re-scores them with the fixed key). The current
-- version of a code is the one not superseded.
SET LOCAL ROLE learnloop_owner;

CREATE TABLE bank_questions (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id     bigint REFERENCES tenants (id),
    code          text NOT NULL CHECK (length(code) BETWEEN 1 AND 100),
    version       integer NOT NULL CHECK (version >= 1),
    kind          text NOT NULL CHECK (kind IN ('single_choice', 'multiple_select', 'numeric', 'short_text',
                                                'true_false', 'quant_comparison')),
    category      text NOT NULL DEFAULT '',       -- "exam-bank/quant/arithmetic/percent"
    skill         text NOT NULL DEFAULT '',       -- the skill-x tag without "skill-"
    difficulty    integer NOT NULL CHECK (difficulty BETWEEN 1 AND 5),
    body          text NOT NULL,                  -- the question as GIFT (write_gift), read back by parse_gift
    search_text   text NOT NULL DEFAULT '',       -- its text and answers as people read them, for searching
    content_hash  text NOT NULL,
    created_by    text NOT NULL,                  -- "cli" or "user:42"
    created_at    timestamptz NOT NULL DEFAULT now(),
    superseded_at timestamptz,                    -- a later version replaced it
    UNIQUE NULLS NOT DISTINCT (tenant_id, code, version)
);
-- One current version per code and bank.
CREATE UNIQUE INDEX bank_questions_current_idx ON bank_questions (tenant_id, code) NULLS NOT DISTINCT
    WHERE superseded_at IS NULL;
-- Draws and searches: a bank's current questions by skill and difficulty.
CREATE INDEX bank_questions_draw_idx ON bank_questions (tenant_id, skill, difficulty) WHERE superseded_at IS NULL;

-- Shared rows are readable by every academy (not by schools or tutoring
-- businesses: the questions carry their keys) and writable by no tenant
-- (the operator's CLI writes them as the owner): an update finds no shared
-- row to change, an insert of one is refused. An academy's rows are its own.
ALTER TABLE bank_questions ENABLE ROW LEVEL SECURITY;
ALTER TABLE bank_questions FORCE ROW LEVEL SECURITY;
CREATE POLICY bank_questions_read ON bank_questions FOR SELECT TO learnloop_app
    USING (tenant_id IS NULL
           AND EXISTS (SELECT 1 FROM tenants WHERE id = (SELECT app_tenant_id()) AND kind = 'academy'));
CREATE POLICY bank_questions_isolation ON bank_questions TO learnloop_app
    USING (tenant_id = (SELECT app_tenant_id()))
    WITH CHECK (tenant_id = (SELECT app_tenant_id()));
CREATE POLICY bank_questions_owner ON bank_questions TO learnloop_owner USING (true) WITH CHECK (true);

GRANT SELECT, INSERT, UPDATE ON bank_questions TO learnloop_app;
