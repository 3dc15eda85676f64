#!/bin/sh
# First start of the database volume only (docker-entrypoint-initdb.d): the login role the
# service connects as. The migrations (run as the owner, POSTGRES_USER) create the group role
# relief_ledger_service and grant it SELECT and INSERT on the event log; this role joins it.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v app_password="$APP_DB_PASSWORD" <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'relief_ledger_service') THEN
    CREATE ROLE relief_ledger_service NOLOGIN;
  END IF;
END $$;
CREATE ROLE relief_app LOGIN IN ROLE relief_ledger_service;
ALTER ROLE relief_app PASSWORD :'app_password';
SQL
