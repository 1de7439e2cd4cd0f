-- Placeholder: number 4 belongs to the structure branch's 004_structure.sql,
-- made in parallel. It keeps the migrations numbered without a gap on this
-- branch; delete this file when 004_structure.sql is merged.
SELECT 1;
