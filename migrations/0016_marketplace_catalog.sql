-- 0016: the marketplace's catalog (shared-domain marketplace/catalog, pricing).
-- A marketplace is a tenant kind of its own. Its courses are the academy's
-- courses table with a catalog face: an address (slug), a subtitle, a
-- category from the tenant's hierarchy, tags, a level, a language, what a
-- learner needs first, a price, and a status that moves draft -> published
-- -> archived. Content is modules of ordered lessons. Reviews (one per
-- learner per course) feed the catalog's rating. Search reads one weighted
-- document per course (title A, subtitle B, tags B, description C) kept by a
-- trigger in the course's own language's text configuration.
SET LOCAL ROLE learnloop_owner;

ALTER TABLE tenants DROP CONSTRAINT tenants_kind_check;
ALTER TABLE tenants ADD CONSTRAINT tenants_kind_check CHECK (kind IN ('school', 'academy', 'tutoring', 'marketplace'));

-- The tenant's money terms and what the catalog shows (marketplace/orders FeeTerms).
CREATE TABLE marketplace_settings (
    tenant_id              bigint PRIMARY KEY REFERENCES tenants (id),
    currency               text NOT NULL DEFAULT 'GBP' CHECK (currency ~ '^[A-Z]{3}$'),
    platform_fee_bp        integer NOT NULL DEFAULT 3000 CHECK (platform_fee_bp BETWEEN 0 AND 10000),
    processing_bp          integer NOT NULL DEFAULT 140 CHECK (processing_bp BETWEEN 0 AND 10000),
    processing_fixed_minor bigint NOT NULL DEFAULT 20 CHECK (processing_fixed_minor BETWEEN 0 AND 1000000),
    show_ratings           boolean NOT NULL DEFAULT true,
    show_enrollments       boolean NOT NULL DEFAULT true
);

-- An instructor's face in the marketplace (a short biography) and, when
-- negotiated, their own platform fee (else the tenant's).
CREATE TABLE marketplace_instructors (
    tenant_id       bigint NOT NULL,
    instructor_id   bigint NOT NULL,
    bio             text NOT NULL DEFAULT '' CHECK (length(bio) <= 1000),
    platform_fee_bp integer CHECK (platform_fee_bp BETWEEN 0 AND 10000),
    PRIMARY KEY (tenant_id, instructor_id),
    FOREIGN KEY (tenant_id, instructor_id) REFERENCES users (tenant_id, id)
);

CREATE TABLE catalog_categories (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   bigint NOT NULL REFERENCES tenants (id),
    parent_id   bigint,
    slug        text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) BETWEEN 2 AND 60),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    position    integer NOT NULL DEFAULT 0,
    UNIQUE (tenant_id, id),
    UNIQUE (tenant_id, slug),
    FOREIGN KEY (tenant_id, parent_id) REFERENCES catalog_categories (tenant_id, id)
);

ALTER TABLE courses DROP CONSTRAINT courses_status_check;
ALTER TABLE courses ADD CONSTRAINT courses_status_check CHECK (status IN ('draft', 'active', 'published', 'archived'));
ALTER TABLE courses
    ADD COLUMN slug           text CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) BETWEEN 2 AND 60),
    ADD COLUMN subtitle       text NOT NULL DEFAULT '' CHECK (length(subtitle) <= 160),
    ADD COLUMN category_id    bigint,
    ADD COLUMN tags           text[] NOT NULL DEFAULT '{}' CHECK (cardinality(tags) <= 10),
    ADD COLUMN level          text CHECK (level IN ('beginner', 'intermediate', 'advanced')),
    ADD COLUMN language       text NOT NULL DEFAULT 'en' CHECK (language ~ '^[a-z]{2}$'),
    ADD COLUMN prerequisites  text NOT NULL DEFAULT '' CHECK (length(prerequisites) <= 500),
    ADD COLUMN price_kind     text NOT NULL DEFAULT 'free' CHECK (price_kind IN ('free', 'one_time', 'subscription')),
    ADD COLUMN price_minor    bigint NOT NULL DEFAULT 0 CHECK (price_minor >= 0),
    ADD COLUMN currency       text CHECK (currency ~ '^[A-Z]{3}$'),
    ADD COLUMN billing_period text CHECK (billing_period IN ('monthly', 'yearly')),
    -- shared-domain price_band_of, written with the price: the catalog's price facet
    ADD COLUMN price_band     text NOT NULL DEFAULT 'free' CHECK (price_band IN ('free', 'under_20', '20_50', '50_100', '100_up')),
    -- kept by course_reviews' trigger: the catalog's rating facet and sort
    ADD COLUMN rating_count   integer NOT NULL DEFAULT 0 CHECK (rating_count >= 0),
    ADD COLUMN rating_sum     integer NOT NULL DEFAULT 0 CHECK (rating_sum >= 0),
    ADD COLUMN published_at   timestamptz,
    ADD COLUMN search_document tsvector,
    ADD CONSTRAINT courses_category_fk FOREIGN KEY (tenant_id, category_id) REFERENCES catalog_categories (tenant_id, id),
    ADD CONSTRAINT courses_price_check CHECK (
        (price_kind = 'free' AND price_minor = 0 AND billing_period IS NULL)
        OR (price_kind = 'one_time' AND price_minor > 0 AND currency IS NOT NULL AND billing_period IS NULL)
        OR (price_kind = 'subscription' AND price_minor > 0 AND currency IS NOT NULL AND billing_period IS NOT NULL)),
    -- A published course has its address in the catalog.
    ADD CONSTRAINT courses_published_slug_check CHECK (status <> 'published' OR slug IS NOT NULL);
CREATE UNIQUE INDEX courses_slug_idx ON courses (tenant_id, slug) WHERE slug IS NOT NULL;
CREATE INDEX courses_search_idx ON courses USING gin (search_document);
CREATE INDEX courses_catalog_idx ON courses (tenant_id, published_at DESC) WHERE status = 'published' AND deleted_at IS NULL;

-- The text configuration for a course's language: stemming in the languages
-- PostgreSQL ships a configuration for, plain words in the rest.
CREATE FUNCTION catalog_text_config(p_language text) RETURNS regconfig
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE p_language
        WHEN 'en' THEN 'english' WHEN 'es' THEN 'spanish' WHEN 'fr' THEN 'french' WHEN 'de' THEN 'german'
        WHEN 'it' THEN 'italian' WHEN 'nl' THEN 'dutch' WHEN 'pt' THEN 'portuguese'
        ELSE 'simple' END::regconfig
$$;

-- Each word in the course's language (stemmed) and as written (for
-- type-ahead prefixes, which are matched without stemming).
CREATE FUNCTION courses_search_document() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    config regconfig;
    tag_text text;
BEGIN
    config := catalog_text_config(NEW.language);
    tag_text := array_to_string(NEW.tags, ' ');
    NEW.search_document :=
        setweight(to_tsvector(config, NEW.title), 'A') || setweight(to_tsvector('simple', NEW.title), 'A')
        || setweight(to_tsvector(config, NEW.subtitle), 'B') || setweight(to_tsvector('simple', NEW.subtitle), 'B')
        || setweight(to_tsvector('simple', tag_text), 'B')
        || setweight(to_tsvector(config, NEW.description), 'C') || setweight(to_tsvector('simple', NEW.description), 'C');
    RETURN NEW;
END
$$;
CREATE TRIGGER courses_search_document BEFORE INSERT OR UPDATE OF title, subtitle, tags, description, language
    ON courses FOR EACH ROW EXECUTE FUNCTION courses_search_document();

-- The ids of the live published courses of the caller's tenant whose search
-- document matches p_query: the search's way to its GIN index. Under
-- row-level security PostgreSQL must check each row's tenant before it may
-- apply an operator that is not leakproof (the text match is not), so a
-- query as the application role reads every course of every tenant; this
-- function runs as the owner and names the tenant itself, from the same
-- transaction setting the policies read.
CREATE FUNCTION catalog_search_matches(p_query tsquery) RETURNS SETOF bigint
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
        SELECT id FROM courses
        WHERE search_document @@ p_query AND tenant_id = (SELECT app_tenant_id())
          AND status = 'published' AND deleted_at IS NULL
    $$;
REVOKE ALL ON FUNCTION catalog_search_matches(tsquery) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION catalog_search_matches(tsquery) TO learnloop_app;

CREATE TABLE course_modules (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   bigint NOT NULL,
    course_id   bigint NOT NULL,
    position    integer NOT NULL CHECK (position >= 0),
    title       text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    UNIQUE (tenant_id, id),
    UNIQUE (tenant_id, course_id, id),
    FOREIGN KEY (tenant_id, course_id) REFERENCES courses (tenant_id, id)
);
CREATE INDEX course_modules_course_idx ON course_modules (tenant_id, course_id, position);

CREATE TABLE course_lessons (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   bigint NOT NULL,
    course_id   bigint NOT NULL,
    module_id   bigint NOT NULL,
    position    integer NOT NULL CHECK (position >= 0),
    title       text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    kind        text NOT NULL CHECK (kind IN ('text', 'video', 'quiz')),
    minutes     integer NOT NULL DEFAULT 0 CHECK (minutes BETWEEN 0 AND 600),
    body        text NOT NULL DEFAULT '' CHECK (length(body) <= 20000),
    video_url   text CHECK (video_url ~ '^https://' AND length(video_url) <= 500),
    quiz_id     bigint,
    UNIQUE (tenant_id, id),
    UNIQUE (tenant_id, course_id, id),
    CHECK ((kind = 'video') = (video_url IS NOT NULL)),
    CHECK ((kind = 'quiz') = (quiz_id IS NOT NULL)),
    FOREIGN KEY (tenant_id, course_id) REFERENCES courses (tenant_id, id),
    -- A lesson sits in a module of its own course.
    FOREIGN KEY (tenant_id, course_id, module_id) REFERENCES course_modules (tenant_id, course_id, id),
    FOREIGN KEY (tenant_id, quiz_id) REFERENCES quizzes (tenant_id, id)
);
CREATE INDEX course_lessons_module_idx ON course_lessons (tenant_id, module_id, position);
CREATE INDEX course_lessons_course_idx ON course_lessons (tenant_id, course_id);

-- One review per learner per course, editable; the instructor may reply.
CREATE TABLE course_reviews (
    tenant_id   bigint NOT NULL,
    course_id   bigint NOT NULL,
    learner_id  bigint NOT NULL,
    stars       smallint NOT NULL CHECK (stars BETWEEN 1 AND 5),
    body        text NOT NULL DEFAULT '' CHECK (length(body) <= 4000),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    reply       text CHECK (length(reply) <= 4000),
    replied_at  timestamptz,
    hidden      boolean NOT NULL DEFAULT false,   -- taken down by a moderator
    PRIMARY KEY (tenant_id, course_id, learner_id),
    FOREIGN KEY (tenant_id, course_id) REFERENCES courses (tenant_id, id),
    FOREIGN KEY (tenant_id, learner_id) REFERENCES users (tenant_id, id)
);

-- The course's rating: the reviews not hidden by a moderator.
CREATE FUNCTION course_reviews_rating() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    course bigint;
BEGIN
    course := CASE WHEN TG_OP = 'DELETE' THEN OLD.course_id ELSE NEW.course_id END;
    -- Two reviews of one course at once: the second waits here for the
    -- first to commit, then counts it too.
    PERFORM 1 FROM courses WHERE id = course FOR UPDATE;
    UPDATE courses c SET rating_count = r.n, rating_sum = r.total
    FROM (SELECT count(*) AS n, coalesce(sum(stars), 0) AS total
          FROM course_reviews WHERE course_id = course AND NOT hidden) r
    WHERE c.id = course;
    RETURN NULL;
END
$$;
CREATE TRIGGER course_reviews_rating AFTER INSERT OR UPDATE OR DELETE ON course_reviews
    FOR EACH ROW EXECUTE FUNCTION course_reviews_rating();

SELECT enable_tenant_isolation(t)
FROM unnest(ARRAY['marketplace_settings', 'marketplace_instructors', 'catalog_categories', 'course_modules',
                  'course_lessons', 'course_reviews']::regclass[]) AS t;
GRANT SELECT, INSERT, UPDATE ON marketplace_settings, marketplace_instructors, catalog_categories,
    course_modules, course_lessons, course_reviews TO learnloop_app;
GRANT DELETE ON course_modules, course_lessons TO learnloop_app;
UPDATE courses SET title = title;   -- every existing course gets its document
