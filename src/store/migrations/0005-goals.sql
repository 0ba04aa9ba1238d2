-- Quarterdeck schema 5: SMART goals, development plans, 1:1 notes.
--
-- Days are plain local dates (YYYY-MM-DD), instants UTC ISO 8601 text.
-- Ids are AUTOINCREMENT so that a deleted row's id is never handed to a
-- new row: undoing a delete puts back the very same row, and a view
-- holding an old id never finds somebody else's goal or note under it.
-- A goal is measured either by a metric (metrics.key, with a baseline
-- and a target in the metric's unit) or by hand (manual_progress, in
-- percent). See src/store/qd-store-goals.h for how progress is computed.

-- A goal to hand to many people at once. Editing a template changes only
-- the goals assigned from it afterwards: a goal is a copy.
CREATE TABLE goal_templates (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  title         TEXT NOT NULL CHECK (length (trim (title)) > 0),
  description   TEXT NOT NULL DEFAULT '',
  metric        TEXT REFERENCES metrics (key) ON DELETE SET NULL,
  target_value  REAL,
  created_at    TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')),
  CHECK (metric IS NULL OR target_value IS NOT NULL)
) STRICT;

-- Specific (title, description), Measurable (metric + target, or a
-- manual measure), Achievable and Relevant (the manager's call, noted in
-- the description), Time-bound (start and due dates).
--
-- A goal with a metric has a baseline and a target that differ, and no
-- manual_progress. A goal without one is measured by manual_progress
-- (NULL only when its metric was deleted: progress unknown).
CREATE TABLE goals (
  id                INTEGER PRIMARY KEY AUTOINCREMENT,
  member_id         INTEGER NOT NULL REFERENCES members (id) ON DELETE RESTRICT,
  template_id       INTEGER REFERENCES goal_templates (id) ON DELETE SET NULL,
  title             TEXT NOT NULL CHECK (length (trim (title)) > 0),
  description       TEXT NOT NULL DEFAULT '',
  metric            TEXT REFERENCES metrics (key) ON DELETE SET NULL,
  baseline_value    REAL,
  target_value      REAL,
  manual_progress   REAL CHECK (manual_progress IS NULL OR manual_progress BETWEEN 0 AND 100),
  start_date        TEXT NOT NULL CHECK (date (start_date) IS start_date),
  due_date          TEXT NOT NULL CHECK (date (due_date) IS due_date AND due_date > start_date),
  status            TEXT NOT NULL DEFAULT 'active'
                    CHECK (status IN ('active', 'achieved', 'missed', 'dropped')),
  created_at        TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')),
  CHECK (metric IS NULL OR (baseline_value IS NOT NULL AND target_value IS NOT NULL
                            AND target_value <> baseline_value AND manual_progress IS NULL))
) STRICT;

CREATE INDEX goals_by_member ON goals (member_id, due_date);
CREATE INDEX goals_by_template ON goals (template_id);

CREATE TABLE development_actions (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  member_id   INTEGER NOT NULL REFERENCES members (id) ON DELETE RESTRICT,
  review_id   INTEGER REFERENCES reviews (id) ON DELETE SET NULL,
  action      TEXT NOT NULL CHECK (length (trim (action)) > 0),
  owner_id    INTEGER REFERENCES members (id) ON DELETE SET NULL,
  due_date    TEXT CHECK (due_date IS NULL OR date (due_date) IS due_date),
  done        INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
  created_at  TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'))
) STRICT;

CREATE INDEX development_actions_by_member ON development_actions (member_id);
CREATE INDEX development_actions_by_owner ON development_actions (owner_id);
CREATE INDEX development_actions_by_review ON development_actions (review_id);

-- 1:1 notes and the feedback log, kept outside any cycle. updated_at is
-- NULL until the note is edited, so evidence shown in a review can say
-- that it was changed after the day it describes.
CREATE TABLE member_notes (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  member_id   INTEGER NOT NULL REFERENCES members (id) ON DELETE RESTRICT,
  kind        TEXT NOT NULL CHECK (kind IN ('one-on-one', 'praise', 'concern', 'note')),
  noted_on    TEXT NOT NULL CHECK (date (noted_on) IS noted_on),
  text        TEXT NOT NULL CHECK (length (trim (text)) > 0),
  created_at  TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at  TEXT
) STRICT;

CREATE INDEX member_notes_by_member ON member_notes (member_id, noted_on);
