import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event log. Its order for readers is (transaction_id, global_position): a row's identity
 * value is taken at insert but becomes visible at commit, so position alone lets a reader skip
 * a slow writer's events; the transaction id lets it wait below the oldest running writer.
 */
export class CreateEventStore1732600000000 implements MigrationInterface {
  name = 'CreateEventStore1732600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE events (
        global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        event_id uuid NOT NULL,
        stream_id text NOT NULL,
        stream_version integer NOT NULL CHECK (stream_version > 0),
        type text NOT NULL,
        schema_version integer NOT NULL CHECK (schema_version > 0),
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        recorded_at timestamptz NOT NULL,
        hash text NOT NULL,
        CONSTRAINT events_stream_version_unique UNIQUE (stream_id, stream_version),
        CONSTRAINT events_event_id_unique UNIQUE (event_id)
      )`);
    await db.query(`CREATE INDEX events_global_order ON events (transaction_id, global_position)`);
    await db.query(`CREATE INDEX events_type ON events (type)`);
    await db.query(`
      CREATE TABLE processed_commands (
        command_id text PRIMARY KEY,
        result jsonb NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE FUNCTION events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'events are append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`CREATE TRIGGER events_no_update_delete BEFORE UPDATE OR DELETE ON events FOR EACH ROW EXECUTE FUNCTION events_are_append_only()`);
    await db.query(`CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events FOR EACH STATEMENT EXECUTE FUNCTION events_are_append_only()`);
    await db.query(`CREATE TRIGGER processed_commands_no_update_delete BEFORE UPDATE OR DELETE ON processed_commands FOR EACH ROW EXECUTE FUNCTION events_are_append_only()`);
    // Wakes projectors at commit; NOTIFY folds repeats within a transaction, so one per append.
    await db.query(`
      CREATE FUNCTION events_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('events_appended', '');
        RETURN NULL;
      END $$`);
    await db.query(`CREATE TRIGGER events_notify AFTER INSERT ON events FOR EACH STATEMENT EXECUTE FUNCTION events_notify()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE processed_commands`);
    await db.query(`DROP TABLE events`);
    await db.query(`DROP FUNCTION events_notify`);
    await db.query(`DROP FUNCTION events_are_append_only`);
  }
}
