-- Quarterdeck schema 3: support KPIs.
--
-- Tickets come from helpdesk exports. Instants are UTC ISO 8601 text;
-- created_day and solved_day are the plain local dates in the helpdesk
-- account's time zone, which is what weeks and months are counted in.
-- Durations are in minutes (REAL), percentages in percent.

CREATE TABLE helpdesk_agents (
  id         INTEGER PRIMARY KEY,
  source     TEXT NOT NULL,                    -- 'zendesk', 'freshdesk', 'helpscout', 'csv'
  name       TEXT NOT NULL DEFAULT '',
  email      TEXT NOT NULL DEFAULT '',
  member_id  INTEGER REFERENCES members (id) ON DELETE SET NULL,
  UNIQUE (source, name, email)
) STRICT;

CREATE INDEX helpdesk_agents_by_member ON helpdesk_agents (member_id);

CREATE TABLE tickets (
  id                   INTEGER PRIMARY KEY,
  source               TEXT NOT NULL,
  external_id          TEXT NOT NULL,           -- the helpdesk's ticket id
  agent_id             INTEGER REFERENCES helpdesk_agents (id) ON DELETE SET NULL,
  group_name           TEXT NOT NULL DEFAULT '',
  status               TEXT NOT NULL DEFAULT '',
  priority             TEXT NOT NULL DEFAULT '',
  channel              TEXT NOT NULL DEFAULT '',
  created_at           TEXT NOT NULL,           -- UTC instant
  created_day          TEXT NOT NULL,           -- local date
  solved_at            TEXT,                    -- UTC instant
  solved_day           TEXT,                    -- local date
  first_reply_minutes  REAL CHECK (first_reply_minutes IS NULL OR first_reply_minutes >= 0),
  resolution_minutes   REAL CHECK (resolution_minutes IS NULL OR resolution_minutes >= 0),
  csat                 TEXT NOT NULL DEFAULT 'not-rated'
                       -- Written as ORs: an IN list costs a temporary table per insert.
                       CHECK (csat = 'satisfied' OR csat = 'neutral' OR
                              csat = 'unsatisfied' OR csat = 'not-rated'),
  reopens              INTEGER NOT NULL DEFAULT 0 CHECK (reopens >= 0),
  replies              INTEGER CHECK (replies IS NULL OR replies >= 0),
  imported_at          TEXT NOT NULL,           -- UTC instant of the import
  UNIQUE (source, external_id)
) STRICT;

CREATE INDEX tickets_by_created_day ON tickets (created_day);
CREATE INDEX tickets_by_solved_day ON tickets (solved_day);
CREATE INDEX tickets_by_agent ON tickets (agent_id, solved_day);

-- What is measured, how, and the target. Editable by the user.
CREATE TABLE metrics (
  key       TEXT PRIMARY KEY,
  name      TEXT NOT NULL CHECK (length (trim (name)) > 0),
  unit      TEXT NOT NULL CHECK (unit IN ('percent', 'minutes', 'count', 'number')),
  better    TEXT NOT NULL CHECK (better IN ('higher', 'lower')),
  target    REAL,
  source    TEXT NOT NULL CHECK (source IN ('tickets', 'manual')),
  position  INTEGER NOT NULL
) STRICT;

INSERT INTO metrics (key, name, unit, better, target, source, position) VALUES
  ('csat',                 'CSAT',                             'percent', 'higher', 95,   'tickets', 1),
  ('first-reply',          'Median first reply time',          'minutes', 'lower',  60,   'tickets', 2),
  ('resolution',           'Median full resolution time',      'minutes', 'lower',  1440, 'tickets', 3),
  ('reopen-rate',          'Reopen rate',                      'percent', 'lower',  5,    'tickets', 4),
  ('tickets-solved',       'Tickets solved',                   'count',   'higher', NULL, 'tickets', 5),
  ('solved-per-agent-day', 'Tickets solved per agent-day',     'number',  'higher', NULL, 'tickets', 6),
  ('qa-score',             'QA score',                         'percent', 'higher', 90,   'manual',  7);

-- Roll-ups: one value per metric, scope and period, so charts never
-- rescan the tickets. scope_id is 0 for the organisation, a team id or a
-- member id; period_start is the Monday of the week or the first day of
-- the month.
CREATE TABLE metric_values (
  metric        TEXT NOT NULL REFERENCES metrics (key) ON DELETE CASCADE,
  scope         TEXT NOT NULL CHECK (scope IN ('org', 'team', 'member')),
  scope_id      INTEGER NOT NULL,
  period        TEXT NOT NULL CHECK (period IN ('week', 'month')),
  period_start  TEXT NOT NULL,
  value         REAL,
  sample_size   INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (metric, scope, scope_id, period, period_start)
) STRICT, WITHOUT ROWID;

-- Values typed in by hand for metrics without a helpdesk source.
CREATE TABLE manual_values (
  metric        TEXT NOT NULL REFERENCES metrics (key) ON DELETE CASCADE,
  member_id     INTEGER NOT NULL REFERENCES members (id) ON DELETE RESTRICT,
  period        TEXT NOT NULL CHECK (period IN ('week', 'month')),
  period_start  TEXT NOT NULL,
  value         REAL NOT NULL,
  PRIMARY KEY (metric, member_id, period, period_start)
) STRICT;
