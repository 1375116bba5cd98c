-- The organisation: municipalities, product areas, people, role assignments.
CREATE TABLE org_municipalities (
  orgnr TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  municipality_number TEXT NOT NULL,
  host INTEGER NOT NULL DEFAULT 0,
  member_from TEXT,
  member_to TEXT,
  orgnr_verified INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- Exactly one host: at most one row with host = 1 (the service keeps one).
CREATE UNIQUE INDEX org_municipalities_one_host ON org_municipalities(host) WHERE host = 1;
CREATE TABLE org_product_areas (
  code TEXT PRIMARY KEY,
  name_nb TEXT NOT NULL,
  name_en TEXT NOT NULL
);
CREATE TABLE org_people (
  id {{id}},
  name TEXT NOT NULL,
  email TEXT,
  phone TEXT,
  title TEXT,
  municipality TEXT REFERENCES org_municipalities(orgnr),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE org_role_assignments (
  id {{id}},
  person_id BIGINT NOT NULL REFERENCES org_people(id),
  role TEXT NOT NULL,
  municipality TEXT REFERENCES org_municipalities(orgnr),
  product_area TEXT REFERENCES org_product_areas(code),
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX org_role_assignments_person ON org_role_assignments(person_id);
CREATE INDEX org_role_assignments_muni ON org_role_assignments(municipality, role);
