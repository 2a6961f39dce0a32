-- One page of class $3's active students by name ($1 limit, $2 offset).
-- let link = class_members
-- let owner = class_id
{{> school/_student_page}}
