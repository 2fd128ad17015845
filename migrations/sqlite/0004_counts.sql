-- Daily counts for `/signpost stats` and for clinicians checking links.
-- Counts only: no user id, no message id, no question text. Days are UTC
-- dates (YYYY-MM-DD); rows older than the retention period (`stats.retention_days`,
-- default 90) are deleted on start and daily.

-- Per server and day: answers delivered, and what the answers' buttons said.
CREATE TABLE guild_daily (
    day         TEXT    NOT NULL,
    guild_id    INTEGER NOT NULL,
    answered    INTEGER NOT NULL DEFAULT 0 CHECK (answered >= 0),
    no_match    INTEGER NOT NULL DEFAULT 0 CHECK (no_match >= 0),
    emergencies INTEGER NOT NULL DEFAULT 0 CHECK (emergencies >= 0),
    helpful     INTEGER NOT NULL DEFAULT 0 CHECK (helpful >= 0),
    not_helpful INTEGER NOT NULL DEFAULT 0 CHECK (not_helpful >= 0),
    broken      INTEGER NOT NULL DEFAULT 0 CHECK (broken >= 0),
    PRIMARY KEY (day, guild_id)
);

-- Per catalog resource and day: feedback on answers that showed it.
CREATE TABLE feedback_daily (
    day         TEXT NOT NULL,
    resource_id TEXT NOT NULL,
    helpful     INTEGER NOT NULL DEFAULT 0 CHECK (helpful >= 0),
    not_helpful INTEGER NOT NULL DEFAULT 0 CHECK (not_helpful >= 0),
    broken      INTEGER NOT NULL DEFAULT 0 CHECK (broken >= 0),
    PRIMARY KEY (day, resource_id)
);
