-- One page of parent $3's active linked students by name ($1 limit, $2 offset).
-- let link = parent_links
-- let owner = parent_id
{{> school/_student_page}}
