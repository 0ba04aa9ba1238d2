-- Quarterdeck schema 4: performance reviews.
--
-- A template holds competencies (in groups, with weights), a rating
-- scale and the weights of the review's sections. A cycle freezes a copy
-- of its template when it opens (cycle_competencies, cycle_scale_labels
-- and the section weights on the cycle), so later template edits never
-- change a past review.
--
-- The rules of the workflow live in the model (QdReviews); the checks and
-- triggers here are the backstop that keeps the file honest whatever
-- writes to it: section weights and target distributions add up to 100,
-- a frozen template stays frozen, an anonymous 360 response carries no
-- name, and nothing that makes up a rating changes once the cycle's
-- ratings are locked.

CREATE TABLE review_templates (
  id                   INTEGER PRIMARY KEY,
  name                 TEXT NOT NULL UNIQUE CHECK (length (trim (name)) > 0),
  scale_points         INTEGER NOT NULL DEFAULT 5 CHECK (scale_points BETWEEN 2 AND 10),
  -- Section weights, in percent of the final score.
  competencies_weight  REAL NOT NULL DEFAULT 60 CHECK (competencies_weight BETWEEN 0 AND 100),
  kpi_weight           REAL NOT NULL DEFAULT 20 CHECK (kpi_weight BETWEEN 0 AND 100),
  goals_weight         REAL NOT NULL DEFAULT 20 CHECK (goals_weight BETWEEN 0 AND 100),
  created_at           TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')),
  CHECK (abs (competencies_weight + kpi_weight + goals_weight - 100) < 0.001)
) STRICT;

-- One label per point of the scale, 1 = lowest.
CREATE TABLE template_scale_labels (
  template_id  INTEGER NOT NULL REFERENCES review_templates (id) ON DELETE CASCADE,
  point        INTEGER NOT NULL CHECK (point BETWEEN 1 AND 10),
  label        TEXT NOT NULL CHECK (length (trim (label)) > 0),
  PRIMARY KEY (template_id, point)
) STRICT;

CREATE TABLE template_competencies (
  id           INTEGER PRIMARY KEY,
  template_id  INTEGER NOT NULL REFERENCES review_templates (id) ON DELETE CASCADE,
  group_name   TEXT NOT NULL CHECK (length (trim (group_name)) > 0),  -- "Technical", "Soft", "Business", …
  name         TEXT NOT NULL CHECK (length (trim (name)) > 0),
  description  TEXT NOT NULL DEFAULT '',
  weight       REAL NOT NULL CHECK (weight > 0),   -- relative to the template's other competencies
  position     INTEGER NOT NULL,
  UNIQUE (template_id, name)
) STRICT;

CREATE INDEX template_competencies_by_template ON template_competencies (template_id, position);

CREATE TABLE review_cycles (
  id                   INTEGER PRIMARY KEY,
  name                 TEXT NOT NULL UNIQUE CHECK (length (trim (name)) > 0),
  period_start         TEXT NOT NULL CHECK (date (period_start) IS period_start),
  period_end           TEXT NOT NULL CHECK (date (period_end) IS period_end AND period_end >= period_start),
  self_due             TEXT CHECK (self_due IS NULL OR date (self_due) IS self_due),
  manager_due          TEXT CHECK (manager_due IS NULL OR date (manager_due) IS manager_due),
  calibration_due      TEXT CHECK (calibration_due IS NULL OR date (calibration_due) IS calibration_due),
  status               TEXT NOT NULL DEFAULT 'planned'
                       CHECK (status IN ('planned', 'open', 'calibrating', 'closed')),
  template_id          INTEGER REFERENCES review_templates (id) ON DELETE SET NULL,
  -- Who takes part when the cycle is created, and when the next cycle is
  -- made from this one: everyone active then, or the people chosen (the
  -- next cycle takes this one's participants who have not left).
  participants_rule    TEXT NOT NULL DEFAULT 'all-active'
                       CHECK (participants_rule IN ('all-active', 'chosen')),
  -- The frozen part of the template (set when the cycle opens):
  scale_points         INTEGER CHECK (scale_points IS NULL OR scale_points BETWEEN 2 AND 10),
  competencies_weight  REAL,
  kpi_weight           REAL,
  goals_weight         REAL,
  -- Calibration: the wanted share of top, middle and bottom ratings, in percent.
  target_top_percent     REAL NOT NULL DEFAULT 20 CHECK (target_top_percent BETWEEN 0 AND 100),
  target_middle_percent  REAL NOT NULL DEFAULT 70 CHECK (target_middle_percent BETWEEN 0 AND 100),
  target_bottom_percent  REAL NOT NULL DEFAULT 10 CHECK (target_bottom_percent BETWEEN 0 AND 100),
  ratings_locked       INTEGER NOT NULL DEFAULT 0 CHECK (ratings_locked IN (0, 1)),
  created_at           TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')),
  CHECK (abs (target_top_percent + target_middle_percent + target_bottom_percent - 100) < 0.001),
  CHECK (self_due IS NULL OR manager_due IS NULL OR self_due <= manager_due),
  CHECK (manager_due IS NULL OR calibration_due IS NULL OR manager_due <= calibration_due),
  -- Every cycle past 'planned' has its frozen copy.
  CHECK (status = 'planned' OR
         (scale_points IS NOT NULL AND competencies_weight IS NOT NULL AND
          kpi_weight IS NOT NULL AND goals_weight IS NOT NULL)),
  CHECK (ratings_locked = 0 OR status IN ('calibrating', 'closed')),
  CHECK (status <> 'closed' OR ratings_locked = 1)
) STRICT;

CREATE TABLE cycle_scale_labels (
  cycle_id  INTEGER NOT NULL REFERENCES review_cycles (id) ON DELETE CASCADE,
  point     INTEGER NOT NULL CHECK (point BETWEEN 1 AND 10),
  label     TEXT NOT NULL,
  PRIMARY KEY (cycle_id, point)
) STRICT;

CREATE TABLE cycle_competencies (
  id           INTEGER PRIMARY KEY,
  cycle_id     INTEGER NOT NULL REFERENCES review_cycles (id) ON DELETE CASCADE,
  group_name   TEXT NOT NULL,
  name         TEXT NOT NULL,
  description  TEXT NOT NULL DEFAULT '',
  weight       REAL NOT NULL CHECK (weight > 0),
  position     INTEGER NOT NULL,
  UNIQUE (cycle_id, name)
) STRICT;

CREATE INDEX cycle_competencies_by_cycle ON cycle_competencies (cycle_id, position);

-- One member in one cycle: a participant.
CREATE TABLE reviews (
  id                     INTEGER PRIMARY KEY,
  cycle_id               INTEGER NOT NULL REFERENCES review_cycles (id) ON DELETE CASCADE,
  member_id              INTEGER NOT NULL REFERENCES members (id) ON DELETE RESTRICT,
  reviewer_id            INTEGER REFERENCES members (id) ON DELETE SET NULL,
  status                 TEXT NOT NULL DEFAULT 'not-started'
                         CHECK (status IN ('not-started', 'self-review', 'manager-review', 'calibrated', 'shared')),
  kpi_rating             REAL CHECK (kpi_rating IS NULL OR kpi_rating >= 1),        -- the KPI section scored on the cycle's scale, or NULL
  overall_rating         REAL CHECK (overall_rating IS NULL OR overall_rating >= 1),  -- the manager's overall rating on the scale
  calibrated_rating      REAL CHECK (calibrated_rating IS NULL OR calibrated_rating >= 1), -- after calibration
  potential              TEXT CHECK (potential IS NULL OR potential IN ('low', 'medium', 'high')),
  -- Mean goal progress over the cycle's period in percent, kept when the
  -- ratings are locked so later goal edits do not change the score; NULL
  -- before that, or when the member had no goals.
  goals_progress         REAL CHECK (goals_progress IS NULL OR goals_progress BETWEEN 0 AND 100),
  strengths              TEXT NOT NULL DEFAULT '',
  improvements           TEXT NOT NULL DEFAULT '',
  self_submitted_at      TEXT,
  manager_submitted_at   TEXT,
  shared_at              TEXT,
  UNIQUE (cycle_id, member_id),
  CHECK (status <> 'shared' OR shared_at IS NOT NULL)
) STRICT;

CREATE INDEX reviews_by_member ON reviews (member_id);
CREATE INDEX reviews_by_reviewer ON reviews (reviewer_id);

-- Self and manager ratings; a NULL rating is a competency left out.
CREATE TABLE review_ratings (
  review_id      INTEGER NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
  competency_id  INTEGER NOT NULL REFERENCES cycle_competencies (id) ON DELETE CASCADE,
  source         TEXT NOT NULL CHECK (source IN ('self', 'manager')),
  rating         INTEGER CHECK (rating IS NULL OR rating BETWEEN 1 AND 10),
  comment        TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (review_id, competency_id, source)
) STRICT;

-- 360 feedback. An anonymous response stores no name at all.
CREATE TABLE feedback_responses (
  id               INTEGER PRIMARY KEY,
  review_id        INTEGER NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
  relationship     TEXT NOT NULL CHECK (relationship IN ('peer', 'report', 'manager', 'other')),
  anonymous        INTEGER NOT NULL CHECK (anonymous IN (0, 1)),
  respondent_name  TEXT,
  comment          TEXT NOT NULL DEFAULT '',
  submitted_on     TEXT NOT NULL CHECK (date (submitted_on) IS submitted_on),
  CHECK ((anonymous = 1 AND respondent_name IS NULL) OR
         (anonymous = 0 AND respondent_name IS NOT NULL AND length (trim (respondent_name)) > 0))
) STRICT;

CREATE INDEX feedback_responses_by_review ON feedback_responses (review_id);

CREATE TABLE feedback_ratings (
  response_id    INTEGER NOT NULL REFERENCES feedback_responses (id) ON DELETE CASCADE,
  competency_id  INTEGER NOT NULL REFERENCES cycle_competencies (id) ON DELETE CASCADE,
  rating         INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 10),
  PRIMARY KEY (response_id, competency_id)
) STRICT;

-- The frozen copy of a template never changes.
CREATE TRIGGER review_cycles_frozen
BEFORE UPDATE OF scale_points, competencies_weight, kpi_weight, goals_weight ON review_cycles
WHEN OLD.scale_points IS NOT NULL AND
     (NEW.scale_points IS NOT OLD.scale_points OR
      NEW.competencies_weight IS NOT OLD.competencies_weight OR
      NEW.kpi_weight IS NOT OLD.kpi_weight OR
      NEW.goals_weight IS NOT OLD.goals_weight)
BEGIN
  SELECT RAISE (ABORT, 'the template of this review cycle is frozen');
END;

CREATE TRIGGER cycle_competencies_frozen
BEFORE UPDATE ON cycle_competencies
BEGIN
  SELECT RAISE (ABORT, 'the template of this review cycle is frozen');
END;

CREATE TRIGGER cycle_scale_labels_frozen
BEFORE UPDATE ON cycle_scale_labels
BEGIN
  SELECT RAISE (ABORT, 'the template of this review cycle is frozen');
END;

-- Locked ratings stay locked: no unlocking, and none of what makes up a
-- rating changes (competency ratings, KPI, overall and calibrated
-- ratings, potential, the kept goal progress, 360 feedback, who takes
-- part). Written texts (strengths, areas to improve) and the step to
-- "shared" are still allowed.
CREATE TRIGGER review_cycles_stay_locked
BEFORE UPDATE OF ratings_locked ON review_cycles
WHEN OLD.ratings_locked = 1 AND NEW.ratings_locked <> 1
BEGIN
  SELECT RAISE (ABORT, 'the ratings of this review cycle are locked');
END;

CREATE TRIGGER reviews_locked_insert
BEFORE INSERT ON reviews
WHEN (SELECT ratings_locked FROM review_cycles WHERE id = NEW.cycle_id) = 1
BEGIN
  SELECT RAISE (ABORT, 'the ratings of this review cycle are locked');
END;

CREATE TRIGGER reviews_locked_update
BEFORE UPDATE ON reviews
WHEN (SELECT ratings_locked FROM review_cycles WHERE id = OLD.cycle_id) = 1 AND
     (NEW.cycle_id IS NOT OLD.cycle_id OR
      NEW.member_id IS NOT OLD.member_id OR
      NEW.kpi_rating IS NOT OLD.kpi_rating OR
      NEW.overall_rating IS NOT OLD.overall_rating OR
      NEW.calibrated_rating IS NOT OLD.calibrated_rating OR
      NEW.potential IS NOT OLD.potential OR
      NEW.goals_progress IS NOT OLD.goals_progress)
BEGIN
  SELECT RAISE (ABORT, 'the ratings of this review cycle are locked');
END;

CREATE TRIGGER reviews_locked_delete
BEFORE DELETE ON reviews
WHEN (SELECT ratings_locked FROM review_cycles WHERE id = OLD.cycle_id) = 1
BEGIN
  SELECT RAISE (ABORT, 'the ratings of this review cycle are locked');
END;

CREATE TRIGGER review_ratings_locked_insert
BEFORE INSERT ON review_ratings
WHEN (SELECT c.ratings_locked FROM reviews r JOIN review_cycles c ON c.id = r.cycle_id
      WHERE r.id = NEW.review_id) = 1
BEGIN
  SELECT RAISE (ABORT, 'the ratings of this review cycle are locked');
END;

CREATE TRIGGER review_ratings_locked_update
BEFORE UPDATE ON review_ratings
WHEN (SELECT c.ratings_locked FROM reviews r JOIN review_cycles c ON c.id = r.cycle_id
      WHERE r.id = OLD.review_id) = 1
BEGIN
  SELECT RAISE (ABORT, 'the ratings of this review cycle are locked');
END;

CREATE TRIGGER review_ratings_locked_delete
BEFORE DELETE ON review_ratings
WHEN (SELECT c.ratings_locked FROM reviews r JOIN review_cycles c ON c.id = r.cycle_id
      WHERE r.id = OLD.review_id) = 1
BEGIN
  SELECT RAISE (ABORT, 'the ratings of this review cycle are locked');
END;

CREATE TRIGGER feedback_responses_locked_insert
BEFORE INSERT ON feedback_responses
WHEN (SELECT c.ratings_locked FROM reviews r JOIN review_cycles c ON c.id = r.cycle_id
      WHERE r.id = NEW.review_id) = 1
BEGIN
  SELECT RAISE (ABORT, 'the ratings of this review cycle are locked');
END;

CREATE TRIGGER feedback_responses_locked_update
BEFORE UPDATE ON feedback_responses
WHEN (SELECT c.ratings_locked FROM reviews r JOIN review_cycles c ON c.id = r.cycle_id
      WHERE r.id = OLD.review_id) = 1
BEGIN
  SELECT RAISE (ABORT, 'the ratings of this review cycle are locked');
END;

CREATE TRIGGER feedback_responses_locked_delete
BEFORE DELETE ON feedback_responses
WHEN (SELECT c.ratings_locked FROM reviews r JOIN review_cycles c ON c.id = r.cycle_id
      WHERE r.id = OLD.review_id) = 1
BEGIN
  SELECT RAISE (ABORT, 'the ratings of this review cycle are locked');
END;

CREATE TRIGGER feedback_ratings_locked_insert
BEFORE INSERT ON feedback_ratings
WHEN (SELECT c.ratings_locked FROM feedback_responses f JOIN reviews r ON r.id = f.review_id
      JOIN review_cycles c ON c.id = r.cycle_id WHERE f.id = NEW.response_id) = 1
BEGIN
  SELECT RAISE (ABORT, 'the ratings of this review cycle are locked');
END;

CREATE TRIGGER feedback_ratings_locked_update
BEFORE UPDATE ON feedback_ratings
WHEN (SELECT c.ratings_locked FROM feedback_responses f JOIN reviews r ON r.id = f.review_id
      JOIN review_cycles c ON c.id = r.cycle_id WHERE f.id = OLD.response_id) = 1
BEGIN
  SELECT RAISE (ABORT, 'the ratings of this review cycle are locked');
END;

CREATE TRIGGER feedback_ratings_locked_delete
BEFORE DELETE ON feedback_ratings
WHEN (SELECT c.ratings_locked FROM feedback_responses f JOIN reviews r ON r.id = f.review_id
      JOIN review_cycles c ON c.id = r.cycle_id WHERE f.id = OLD.response_id) = 1
BEGIN
  SELECT RAISE (ABORT, 'the ratings of this review cycle are locked');
END;
