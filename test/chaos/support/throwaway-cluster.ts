import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** A port nobody listens on now, near the one asked for. */
export const freePort = async (preferred: number): Promise<number> => {
  for (let port = preferred; port < preferred + 100; port += 1) {
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer().once('error', () => resolve(false)).listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port from ${preferred}`);
};

/**
 * A PostgreSQL cluster of the test's own, in a temporary folder, that it may stop and start at
 * will: the machine's shared server is never touched. initdb refuses to run as root, so as root
 * the cluster belongs to the postgres system user.
 */
export class ThrowawayCluster {
  private constructor(readonly dir: string, readonly port: number) {}

  static async create(preferredPort = 5499): Promise<ThrowawayCluster> {
    const dir = mkdtempSync(join(tmpdir(), 'relief-chaos-pg-'));
    chmodSync(dir, 0o777);
    const cluster = new ThrowawayCluster(dir, await freePort(preferredPort));
    cluster.run('initdb', ['-D', cluster.data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
    await cluster.start();
    return cluster;
  }

  get data(): string {
    return join(this.dir, 'data');
  }

  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  private run(tool: string, args: string[]): void {
    const command = join(BIN, tool);
    const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    if (asRoot) execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'pipe' });
    else execFileSync(command, args, { stdio: 'pipe' });
  }

  async start(): Promise<void> {
    this.run('pg_ctl', ['-D', this.data, '-l', join(this.dir, 'server.log'), '-w', '-o', `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
  }

  /** `fast`: every connection is cut, as in a restart for maintenance or a failover. */
  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    this.run('pg_ctl', ['-D', this.data, '-w', '-m', mode, 'stop']);
  }

  async destroy(): Promise<void> {
    try {
      await this.stop('immediate');
    } catch {
      // already stopped
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
