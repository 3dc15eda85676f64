import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SERVICE_ROLE } from './1764300000000-service-role-grants';

const TABLES = ['anchors', 'anchor_streams', 'anchor_keys'];

/**
 * The signed checkpoints of the log (docs/ANCHORS.md), kept beside it for GET /anchors and for
 * verification. Their signatures make this copy tamper-evident; the private key is never here.
 * Append-only like the log: by trigger, and by privilege for the service's role.
 */
export class CreateAnchors1764700000000 implements MigrationInterface {
  name = 'CreateAnchors1764700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE anchors (
        position bigint PRIMARY KEY CHECK (position > 0),
        previous bigint NOT NULL CHECK (previous >= 0 AND previous < position),
        last_transaction_id xid8 NOT NULL,
        last_global_position bigint NOT NULL,
        log_hash text NOT NULL,
        streams_hash text NOT NULL,
        signed_at timestamptz NOT NULL,
        key_id text NOT NULL,
        signature text NOT NULL
      )`);
    await db.query(`
      CREATE TABLE anchor_streams (
        anchor_position bigint NOT NULL REFERENCES anchors (position),
        ordinal integer NOT NULL,
        stream_id text NOT NULL,
        version integer NOT NULL,
        hash text NOT NULL,
        events_hash text NOT NULL,
        PRIMARY KEY (anchor_position, ordinal)
      )`);
    await db.query(`
      CREATE TABLE anchor_keys (
        key_id text PRIMARY KEY,
        public_key text NOT NULL,
        first_used_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE FUNCTION anchors_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'anchors are append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of TABLES) {
      await db.query(`CREATE TRIGGER ${table}_no_update_delete BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION anchors_are_append_only()`);
      await db.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION anchors_are_append_only()`);
    }
    // Default privileges gave the service's role UPDATE and DELETE on new tables: take them back.
    await db.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${SERVICE_ROLE}') THEN
          REVOKE UPDATE, DELETE, TRUNCATE ON ${TABLES.join(', ')} FROM ${SERVICE_ROLE};
        END IF;
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE anchor_streams`);
    await db.query(`DROP TABLE anchors`);
    await db.query(`DROP TABLE anchor_keys`);
    await db.query(`DROP FUNCTION anchors_are_append_only`);
  }
}
