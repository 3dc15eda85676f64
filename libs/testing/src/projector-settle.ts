import type { Pool } from 'pg';
import type { Projector } from '@lib/projections';

/**
 * Runs the projector until every projection has read every event committed so far. An empty
 * batch alone does not prove that: the gap-safe reader waits below the oldest transaction still
 * writing anywhere on the server, and suites in other databases hold some open on purpose.
 */
export const settleProjector = async (projector: Projector, pool: Pool, timeoutMs = 30_000): Promise<void> => {
  const { rows } = await pool.query('SELECT count(*)::int AS n FROM events');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await projector.catchUp();
    const applied = await pool.query('SELECT name, events_applied::int AS n FROM projection_checkpoints');
    const behind = projector.projections.filter((p) => (applied.rows.find((row) => row.name === p.name)?.n ?? 0) < rows[0].n);
    if (behind.length === 0) return;
    if (Date.now() > deadline) throw new Error(`projector still behind after ${timeoutMs} ms: ${behind.map((p) => p.name).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};
