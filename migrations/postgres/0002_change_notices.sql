-- Change notices for several bot processes sharing this database: every
-- insert, update or delete of a server's settings or channel modes sends
-- NOTIFY signpost_settings with the server's id, and each process drops
-- that server from its settings cache (src/store/listen.rs). A trigger,
-- rather than the application, so a change made any way (another process,
-- an operator's SQL) is announced. Only the id is sent.

CREATE FUNCTION signpost_settings_changed() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM pg_notify('signpost_settings', OLD.guild_id::text);
    ELSE
        PERFORM pg_notify('signpost_settings', NEW.guild_id::text);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER guild_settings_changed
    AFTER INSERT OR UPDATE OR DELETE ON guild_settings
    FOR EACH ROW EXECUTE FUNCTION signpost_settings_changed();

CREATE TRIGGER channel_modes_changed
    AFTER INSERT OR UPDATE OR DELETE ON channel_modes
    FOR EACH ROW EXECUTE FUNCTION signpost_settings_changed();
