-- Files and uploads (core/files). A blob is stored once per content
-- (core_file_blobs, keyed by its SHA-256: the store's key and the row every
-- upload and the clean-up lock); every upload is its own row in core_files
-- (its own name, uploader and time, so its own access); modules link files to
-- their records in core_file_links.
CREATE TABLE core_file_blobs (
  sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
  size BIGINT NOT NULL CHECK (size > 0),
  created_at TEXT NOT NULL
);
CREATE TABLE core_files (
  id {{id}},
  sha256 TEXT NOT NULL REFERENCES core_file_blobs(sha256),
  size BIGINT NOT NULL CHECK (size > 0),
  content_type TEXT NOT NULL,
  filename TEXT NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
  uploaded_by BIGINT NOT NULL,
  uploaded_at TEXT NOT NULL
);
CREATE INDEX core_files_sha256 ON core_files(sha256);
CREATE INDEX core_files_uploader ON core_files(uploaded_by, id);
CREATE INDEX core_files_uploaded_at ON core_files(uploaded_at);
CREATE TABLE core_file_links (
  file_id BIGINT NOT NULL REFERENCES core_files(id),
  owner_kind TEXT NOT NULL,
  owner_id TEXT NOT NULL,
  linked_at TEXT NOT NULL,
  PRIMARY KEY (file_id, owner_kind, owner_id)
);
CREATE INDEX core_file_links_owner ON core_file_links(owner_kind, owner_id);
