import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const SCRIPT = join(__dirname, '..', '..', '..', 'ha', 'cluster.sh');
const run = promisify(execFile);

/** Ports of the suite's cluster; HA_* in the environment move them (ha/cluster.sh names them). */
const PORTS = {
  HA_ETCD_PORT: process.env.HA_ETCD_PORT ?? '23790',
  HA_PG_PORT: process.env.HA_PG_PORT ?? '55431',
  HA_REST_PORT: process.env.HA_REST_PORT ?? '58001',
  HA_WRITE_PORT: process.env.HA_WRITE_PORT ?? '55440',
  HA_READ_PORT: process.env.HA_READ_PORT ?? '55441',
};

/**
 * The cluster of ha/cluster.sh in a temporary folder of the suite's own: the tests drive it
 * through the same script an operator runs, and `down` kills everything it started.
 */
export class HaCluster {
  private constructor(readonly dir: string) {}

  static async up(): Promise<HaCluster> {
    const dir = mkdtempSync(join(tmpdir(), 'relief-ha-'));
    chmodSync(dir, 0o755);
    const cluster = new HaCluster(join(dir, 'cluster'));
    try {
      await cluster.script('up');
    } catch (error) {
      // cluster.sh cleaned up what it started; the folder is ours.
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
    return cluster;
  }

  /** The leader's port through HAProxy's write port, and the replicas' through the read port. */
  writeUrl(database: string): string {
    return `postgres://postgres@127.0.0.1:${PORTS.HA_WRITE_PORT}/${database}`;
  }

  readUrl(database: string): string {
    return `postgres://postgres@127.0.0.1:${PORTS.HA_READ_PORT}/${database}`;
  }

  async script(...args: string[]): Promise<string> {
    const { stdout } = await run('bash', [SCRIPT, ...args], { env: { ...process.env, ...PORTS, HA_DIR: this.dir }, maxBuffer: 10_000_000 });
    return stdout.trim();
  }

  /** The leader's node number, or null while there is none. */
  async leader(): Promise<number | null> {
    try {
      return Number(await this.script('leader'));
    } catch {
      return null;
    }
  }

  async down(): Promise<void> {
    await this.script('down');
    rmSync(dirname(this.dir), { recursive: true, force: true });
  }
}
