-- Jobs (core/jobs): one row per registered job with its next due instant and its lease,
-- and one row per run. Instants are epoch milliseconds (BIGINT) for comparisons and ISO
-- UTC text for people. A lease (lease_owner, lease_until_ms) is taken in a write
-- transaction (FOR UPDATE SKIP LOCKED on PostgreSQL), so two servers never run one job at
-- once; a run whose server died is found by its expired lease and marked abandoned.
CREATE TABLE core_jobs (
  name TEXT PRIMARY KEY,
  schedule TEXT NOT NULL,
  next_run_ms BIGINT,
  attempts INTEGER NOT NULL DEFAULT 0,
  lease_owner TEXT,
  lease_until_ms BIGINT,
  run_id BIGINT
);
CREATE TABLE core_job_runs (
  id {{id}},
  job TEXT NOT NULL REFERENCES core_jobs(name),
  started_at TEXT NOT NULL,
  ended_at TEXT,
  outcome TEXT NOT NULL CHECK (outcome IN ('running', 'ok', 'failed', 'abandoned')),
  error TEXT,
  attempt INTEGER NOT NULL,
  trigger_kind TEXT NOT NULL CHECK (trigger_kind IN ('schedule', 'manual', 'cli')),
  runner TEXT NOT NULL,
  today TEXT NOT NULL,
  triggered_by TEXT NOT NULL
);
CREATE INDEX core_job_runs_job ON core_job_runs(job, id);
