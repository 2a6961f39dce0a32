-- Tenant $1's students who already have targets or task sets of their own
-- (a school that used the minimal demo before): the demo leaves their
-- practice as it is rather than mixing a made-up history into it.
SELECT DISTINCT student_id FROM target_assignments WHERE tenant_id = $1
UNION
SELECT DISTINCT student_id FROM task_sets WHERE tenant_id = $1
