-- When the review digest was last posted to a clinicians' channel, so a
-- restart neither skips a week nor posts twice. Unix seconds, UTC.
CREATE TABLE digest_log (
    channel_id INTEGER PRIMARY KEY,
    posted_at  INTEGER NOT NULL
);
