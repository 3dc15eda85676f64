import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const COMPOSE_FILE = join(__dirname, '..', 'docker', 'ha', 'compose.yaml');
const ENV = {
  ...process.env,
  JWT_SECRET: 'ci-only-jwt-secret-0123456789', CITIZEN_KEY_SECRET: 'ci-only-citizen-key-0123456789', ANCHOR_KEY_FILE: '/dev/null',
  PG_SUPERUSER_PASSWORD: 'ci-1', PG_REPLICATION_PASSWORD: 'ci-2', PG_REWIND_PASSWORD: 'ci-3', POSTGRES_PASSWORD: 'ci-4', APP_DB_PASSWORD: 'ci-5',
};

const compose = (...args: string[]) => spawnSync('docker-compose', ['-f', COMPOSE_FILE, ...args], { env: ENV, encoding: 'utf8' });

/** Debian's docker-compose v1 validates offline; CI installs it (.ci/run). Without it, say so and skip. */
const available = spawnSync('docker-compose', ['version'], { encoding: 'utf8' }).status === 0;
if (!available) console.warn('docker-compose is not installed: docker/ha/compose.yaml is not validated here (CI does: .ci/run)');

(available ? describe : describe.skip)('docker/ha/compose.yaml (the production topology of ha/cluster.sh)', () => {
  it('is a valid compose file', () => {
    const result = compose('config', '-q');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('runs three etcd members, three Patroni nodes, HAProxy, the api and the projector; the api reads the replicas through HAProxy', () => {
    expect(compose('config', '--services').stdout.trim().split('\n').sort()).toEqual(['api', 'etcd1', 'etcd2', 'etcd3', 'haproxy', 'pg1', 'pg2', 'pg3', 'projector']);
    const normalized = compose('config').stdout;
    expect(normalized).toMatch(/DATABASE_URL: postgres:\/\/relief_app:ci-5@haproxy:5000\/relief_ledger/);
    expect(normalized).toMatch(/READ_DATABASE_URL: postgres:\/\/relief_app:ci-5@haproxy:5001\/relief_ledger/);
  });

  it('refuses to start without the database passwords', () => {
    const { PG_SUPERUSER_PASSWORD: _, ...missing } = ENV;
    const result = spawnSync('docker-compose', ['-f', COMPOSE_FILE, 'config', '-q'], { env: missing, encoding: 'utf8' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('PG_SUPERUSER_PASSWORD');
  });
});
