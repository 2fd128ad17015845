-- The PostgreSQL schema: the same tables and meaning as migrations/sqlite
-- (0001-0006), written once. Ids are Discord snowflakes (below 2^63, so
-- BIGINT). Days are UTC dates as 'YYYY-MM-DD' text, as in SQLite, so both
-- backends share one set of queries' meaning. No message or question text,
-- and no user id, is ever stored.

CREATE TABLE guild_settings (
    guild_id        BIGINT PRIMARY KEY,
    region          TEXT,
    private_default BOOLEAN NOT NULL DEFAULT FALSE,
    results         SMALLINT CHECK (results BETWEEN 1 AND 5),
    cooldown_secs   INTEGER CHECK (cooldown_secs >= 0),
    log_channel_id  BIGINT,
    fallback        BOOLEAN,
    nation          TEXT CHECK (nation IN ('england', 'scotland', 'wales', 'northern-ireland')),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE channel_modes (
    guild_id   BIGINT NOT NULL REFERENCES guild_settings (guild_id) ON DELETE CASCADE,
    channel_id BIGINT NOT NULL,
    mode       TEXT NOT NULL CHECK (mode IN ('mentions', 'auto')),
    PRIMARY KEY (guild_id, channel_id)
);

CREATE TABLE guild_daily (
    day         TEXT   NOT NULL,
    guild_id    BIGINT NOT NULL,
    answered    BIGINT NOT NULL DEFAULT 0 CHECK (answered >= 0),
    no_match    BIGINT NOT NULL DEFAULT 0 CHECK (no_match >= 0),
    emergencies BIGINT NOT NULL DEFAULT 0 CHECK (emergencies >= 0),
    helpful     BIGINT NOT NULL DEFAULT 0 CHECK (helpful >= 0),
    not_helpful BIGINT NOT NULL DEFAULT 0 CHECK (not_helpful >= 0),
    broken      BIGINT NOT NULL DEFAULT 0 CHECK (broken >= 0),
    PRIMARY KEY (day, guild_id)
);

CREATE TABLE feedback_daily (
    day         TEXT   NOT NULL,
    resource_id TEXT   NOT NULL,
    helpful     BIGINT NOT NULL DEFAULT 0 CHECK (helpful >= 0),
    not_helpful BIGINT NOT NULL DEFAULT 0 CHECK (not_helpful >= 0),
    broken      BIGINT NOT NULL DEFAULT 0 CHECK (broken >= 0),
    PRIMARY KEY (day, resource_id)
);

CREATE TABLE gap_daily (
    day      TEXT   NOT NULL,
    region   TEXT   NOT NULL,
    topic    TEXT   NOT NULL,
    guild_id BIGINT NOT NULL,
    no_match BIGINT NOT NULL DEFAULT 0 CHECK (no_match >= 0),
    weak     BIGINT NOT NULL DEFAULT 0 CHECK (weak >= 0),
    PRIMARY KEY (day, region, topic, guild_id)
);

CREATE TABLE digest_log (
    channel_id BIGINT PRIMARY KEY,
    posted_at  BIGINT NOT NULL
);
