-- Quarterdeck schema 2: per-database settings (organisation name and
-- the successor goal of the leadership pipeline), kept with the data so
-- they travel with the file.

CREATE TABLE settings (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
) STRICT;

INSERT INTO settings (key, value) VALUES ('successor-goal', '3');
