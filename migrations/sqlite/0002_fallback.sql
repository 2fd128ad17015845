-- Whether answers may come from the region's fallback chain (labelled pages
-- of a nearby country) when the region has none that fit. NULL: the
-- deployment's default (answers.fallback in signpost.toml).
ALTER TABLE guild_settings ADD COLUMN fallback INTEGER CHECK (fallback IN (0, 1));
