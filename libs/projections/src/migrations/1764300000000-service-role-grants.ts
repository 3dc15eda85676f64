import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The group role the service's login role is made a member of (README, docker/). */
export const SERVICE_ROLE = 'relief_ledger_service';

/**
 * The running service needs to add events, never to change them: its role may SELECT and
 * INSERT on the log (and on processed_commands, recorded with it), and do what projections
 * do on the read models; migrations run as the owner. Tables created by later migrations get
 * the read-model rights through default privileges. Roles belong to the whole server, so the
 * role is created once and tolerated when it exists (or when several databases migrate at
 * once); where the migrating role may not create roles, nothing is granted and the service
 * must connect as the owner, as in trial mode.
 */
export class ServiceRoleGrants1764300000000 implements MigrationInterface {
  name = 'ServiceRoleGrants1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${SERVICE_ROLE}') THEN
          BEGIN
            CREATE ROLE ${SERVICE_ROLE} NOLOGIN;
          EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
                    WHEN insufficient_privilege THEN RAISE NOTICE 'cannot create role ${SERVICE_ROLE}; no grants made';
          END;
        END IF;
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${SERVICE_ROLE}') THEN
          EXECUTE format('GRANT USAGE ON SCHEMA %I TO ${SERVICE_ROLE}', current_schema());
          EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO ${SERVICE_ROLE}', current_schema());
          EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO ${SERVICE_ROLE}', current_schema());
          REVOKE UPDATE, DELETE, TRUNCATE ON events, processed_commands FROM ${SERVICE_ROLE};
          REVOKE ALL ON schema_migrations FROM ${SERVICE_ROLE};
          EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${SERVICE_ROLE}', current_schema());
          EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO ${SERVICE_ROLE}', current_schema());
        END IF;
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${SERVICE_ROLE}') THEN
          EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I REVOKE ALL ON TABLES FROM ${SERVICE_ROLE}', current_schema());
          EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I REVOKE ALL ON SEQUENCES FROM ${SERVICE_ROLE}', current_schema());
          EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM ${SERVICE_ROLE}', current_schema());
          EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA %I FROM ${SERVICE_ROLE}', current_schema());
          EXECUTE format('REVOKE USAGE ON SCHEMA %I FROM ${SERVICE_ROLE}', current_schema());
        END IF;
      END $$`);
  }
}
