-- What waits for a reader (scope $2 and user $3, as marketplace_in_reach):
-- their courses by status, payouts due in currency $1 (how many, how much),
-- and reviews hidden by a moderator or not answered yet.
WITH reached AS (
    {{> marketplace/_reached_courses}}
)
SELECT (SELECT count(*) FROM courses c JOIN reached r ON r.id = c.id WHERE c.status = 'draft') AS drafts,
       (SELECT count(*) FROM courses c JOIN reached r ON r.id = c.id WHERE c.status = 'published') AS published,
       (SELECT count(*) FROM instructor_payouts p
        WHERE p.status = 'due' AND p.currency = $1 AND marketplace_in_reach($2, $3, p.instructor_id, NULL)) AS payouts_due,
       (SELECT coalesce(sum(p.amount_minor), 0) FROM instructor_payouts p
        WHERE p.status = 'due' AND p.currency = $1 AND marketplace_in_reach($2, $3, p.instructor_id, NULL))
           AS payouts_due_minor,
       (SELECT count(*) FROM course_reviews v JOIN reached r ON r.id = v.course_id WHERE v.hidden) AS hidden_reviews,
       (SELECT count(*) FROM course_reviews v JOIN reached r ON r.id = v.course_id
        WHERE v.reply IS NULL AND NOT v.hidden) AS unanswered_reviews
