-- Quarterdeck schema 1: the team roster.

CREATE TABLE teams (
  id    INTEGER PRIMARY KEY,
  name  TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0)
) STRICT;

CREATE TABLE members (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: Undo puts a member back under their id
  name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
  email       TEXT NOT NULL DEFAULT '',
  job_title   TEXT NOT NULL DEFAULT '',
  level       TEXT NOT NULL DEFAULT 'agent'
              CHECK (level IN ('agent', 'team-lead', 'manager', 'director')),
  team_id     INTEGER REFERENCES teams (id) ON DELETE SET NULL,
  reports_to  INTEGER REFERENCES members (id) ON DELETE RESTRICT,
  hire_date   TEXT CHECK (hire_date IS NULL OR date (hire_date) IS hire_date),
  status      TEXT NOT NULL DEFAULT 'active'
              CHECK (status IN ('active', 'on-leave', 'left')),
  skills      TEXT NOT NULL DEFAULT '',
  notes       TEXT NOT NULL DEFAULT '',
  readiness   TEXT NOT NULL DEFAULT 'not-yet'
              CHECK (readiness IN ('ready-now', '1-2-years', 'not-yet')),
  created_at  TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at  TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')),
  CHECK (reports_to IS NULL OR reports_to <> id)
) STRICT;

CREATE INDEX members_by_reports_to ON members (reports_to);
CREATE INDEX members_by_team ON members (team_id);
CREATE INDEX members_by_name ON members (name COLLATE NOCASE);
