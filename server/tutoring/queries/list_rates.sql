-- The business's rates for people: the most specific first (pair, student,
-- tutor, default), then the latest.
SELECT r.id, r.student_id, st.name AS student_name, r.tutor_id, tu.name AS tutor_name,
       r.effective_from::text AS effective_from, r.per_hour_minor, r.currency
FROM rates r
LEFT JOIN users st ON st.id = r.student_id
LEFT JOIN users tu ON tu.id = r.tutor_id
ORDER BY (r.student_id IS NULL), (r.tutor_id IS NULL), st.name, tu.name, r.effective_from DESC, r.id
