-- Daily gap counts for clinicians: answers that found nothing vetted
-- (no_match) or only a weak fit (weak), per region and per catalog topic.
-- The topic is a catalog condition name recognised in the question, or the
-- catalog's own "did you mean" suggestion, or '' when neither: never the
-- patient's words. The server id lets the report show a topic only once
-- several servers asked (so nothing points back at one person); it is never
-- shown. Rows older than `stats.retention_days` are deleted like the others.
CREATE TABLE gap_daily (
    day      TEXT    NOT NULL,
    region   TEXT    NOT NULL,
    topic    TEXT    NOT NULL,
    guild_id INTEGER NOT NULL,
    no_match INTEGER NOT NULL DEFAULT 0 CHECK (no_match >= 0),
    weak     INTEGER NOT NULL DEFAULT 0 CHECK (weak >= 0),
    PRIMARY KEY (day, region, topic, guild_id)
);
