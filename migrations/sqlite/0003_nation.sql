-- The server's UK nation (england, scotland, wales, northern-ireland), for
-- servers whose region is uk: NHS inform leads in Scotland and only the
-- nation's own contacts are shown. NULL: not set (the deployment's default).
ALTER TABLE guild_settings ADD COLUMN nation TEXT
    CHECK (nation IN ('england', 'scotland', 'wales', 'northern-ireland'));
