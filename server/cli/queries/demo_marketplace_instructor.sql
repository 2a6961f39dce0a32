-- An instructor's biography and negotiated fee ($4 basis points; null: the
-- tenant's) in the demo marketplace ($1 tenant, $2 instructor, $3 bio).
INSERT INTO marketplace_instructors (tenant_id, instructor_id, bio, platform_fee_bp)
VALUES ($1, $2, $3, $4::integer)
ON CONFLICT (tenant_id, instructor_id) DO NOTHING
