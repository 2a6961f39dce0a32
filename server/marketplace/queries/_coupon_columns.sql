k.id, k.code, k.kind, k.percent, k.amount_off_minor, k.currency,
to_char(k.expires_on, 'YYYY-MM-DD') AS expires_on,
extract(epoch FROM k.expires_at)::bigint AS expires_at_unix,
k.usage_limit, k.ended_at IS NOT NULL AS ended,
to_char(k.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at,
-- Uses: orders made with it and not given up; one waiting on a checkout that
-- ran out (checkout_lifetime) no longer holds its use.
(SELECT count(*) FROM course_orders o
 WHERE o.coupon_id = k.id AND o.status NOT IN ('cancelled', 'expired')
   AND NOT (o.status = 'pending' AND o.created_at < now() - checkout_lifetime())) AS used,
(SELECT coalesce(json_agg(c.course_id ORDER BY c.course_id), '[]')::text
 FROM coupon_courses c WHERE c.coupon_id = k.id) AS course_ids_json,
(SELECT coalesce(string_agg(x.title, '; ' ORDER BY x.title), '')
 FROM coupon_courses c JOIN courses x ON x.id = c.course_id WHERE c.coupon_id = k.id) AS course_titles,
u.name AS created_by_name
