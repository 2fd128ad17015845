-- Per-server settings. Ids are Discord snowflakes (fit in a signed 64-bit integer).
-- No message or question text is ever stored here.
CREATE TABLE guild_settings (
    guild_id        INTEGER PRIMARY KEY NOT NULL,
    region          TEXT,
    private_default INTEGER NOT NULL DEFAULT 0 CHECK (private_default IN (0, 1)),
    results         INTEGER CHECK (results BETWEEN 1 AND 5),
    cooldown_secs   INTEGER CHECK (cooldown_secs >= 0),
    log_channel_id  INTEGER,
    updated_at      INTEGER NOT NULL DEFAULT (unixepoch())
);

-- Channels where a moderator enabled mentions or auto mode; absent means off.
CREATE TABLE channel_modes (
    guild_id   INTEGER NOT NULL REFERENCES guild_settings (guild_id) ON DELETE CASCADE,
    channel_id INTEGER NOT NULL,
    mode       TEXT NOT NULL CHECK (mode IN ('mentions', 'auto')),
    PRIMARY KEY (guild_id, channel_id)
);
