-- People: a Norwegian sort key and folded search text, filled by the service
-- (and by org's start-up for rows written before this migration).
-- sqlite: ALTER TABLE org_people ADD COLUMN sort_key TEXT;
-- postgres: ALTER TABLE org_people ADD COLUMN sort_key TEXT COLLATE "C";
ALTER TABLE org_people ADD COLUMN search TEXT;
CREATE INDEX org_people_sort ON org_people(sort_key);
CREATE INDEX org_people_municipality ON org_people(municipality);
-- An assignment never ends before it starts. SQLite cannot add a CHECK to a
-- table, so it is rebuilt there (nothing references it).
-- postgres: ALTER TABLE org_role_assignments ADD CONSTRAINT org_role_assignments_dates CHECK (valid_to IS NULL OR valid_to >= valid_from);
-- sqlite: CREATE TABLE org_role_assignments_new (id INTEGER PRIMARY KEY AUTOINCREMENT, person_id BIGINT NOT NULL REFERENCES org_people(id), role TEXT NOT NULL, municipality TEXT REFERENCES org_municipalities(orgnr), product_area TEXT REFERENCES org_product_areas(code), valid_from TEXT NOT NULL, valid_to TEXT, created_at TEXT NOT NULL, CHECK (valid_to IS NULL OR valid_to >= valid_from));
-- sqlite: INSERT INTO org_role_assignments_new (id, person_id, role, municipality, product_area, valid_from, valid_to, created_at) SELECT id, person_id, role, municipality, product_area, valid_from, valid_to, created_at FROM org_role_assignments;
-- sqlite: DROP TABLE org_role_assignments;
-- sqlite: ALTER TABLE org_role_assignments_new RENAME TO org_role_assignments;
-- sqlite: CREATE INDEX org_role_assignments_person ON org_role_assignments(person_id);
-- sqlite: CREATE INDEX org_role_assignments_muni ON org_role_assignments(municipality, role);
