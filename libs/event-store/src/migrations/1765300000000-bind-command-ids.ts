import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A command id (an officer's Idempotency-Key) was bound to nothing: reused to pay another
 * application it returned the first one's result and left the second unpaid. Each command now
 * records who issued it, on which route, against which target and a hash of its body, so a
 * reuse for anything else is refused. Commands recorded before this stay unbound (NULL).
 */
export class BindCommandIds1765300000000 implements MigrationInterface {
  name = 'BindCommandIds1765300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE processed_commands ADD COLUMN issued_by text, ADD COLUMN route text, ADD COLUMN target text, ADD COLUMN body_hash text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE processed_commands DROP COLUMN issued_by, DROP COLUMN route, DROP COLUMN target, DROP COLUMN body_hash`);
  }
}
