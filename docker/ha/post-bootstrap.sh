#!/bin/sh
# Patroni runs this once, on the node that initialises the cluster: the owner role and database,
# and the login role the service connects as (as docker/postgres-init/10-service-role.sh does for
# the single-server compose file). The migrations grant relief_ledger_service its rights.
set -eu
psql -v ON_ERROR_STOP=1 -d postgres -v owner_password="$RELIEF_OWNER_PASSWORD" -v app_password="$APP_DB_PASSWORD" <<'SQL'
CREATE ROLE relief LOGIN;
ALTER ROLE relief PASSWORD :'owner_password';
CREATE DATABASE relief_ledger OWNER relief;
CREATE ROLE relief_ledger_service NOLOGIN;
CREATE ROLE relief_app LOGIN IN ROLE relief_ledger_service;
ALTER ROLE relief_app PASSWORD :'app_password';
SQL
pgbackrest --stanza=relief stanza-create
