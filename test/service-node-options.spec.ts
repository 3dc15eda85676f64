import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serviceNodeOptions } from '../bench/src/lib/service-node-options';

const root = join(__dirname, '..');
const scripts: Record<string, string> = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts;

describe('the V8 flags the services run with', () => {
  const flags = serviceNodeOptions(root);

  it('are read from the image (docker/Dockerfile NODE_OPTIONS)', () => {
    expect(flags).toEqual(['--max-semi-space-size=32']);
  });

  it.each(['start', 'start:api', 'start:projector'])('are what `npm run %s` passes to node', (name) => {
    expect(scripts[name]).toMatch(new RegExp(`\\bnode ${flags.join(' ')} dist/apps/`));
  });

  it('are accepted by node in NODE_OPTIONS, as the image sets them (a flag node refuses there stops every process)', () => {
    const result = spawnSync(process.execPath, ['-e', '0'], { env: { ...process.env, NODE_OPTIONS: flags.join(' ') }, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const refused = spawnSync(process.execPath, ['-e', '0'], { env: { ...process.env, NODE_OPTIONS: '--no-such-v8-flag-here' }, encoding: 'utf8' });
    expect(refused.status).not.toBe(0);
  });

  it('are missed loudly when the image stops setting them', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'node-options-'));
    mkdirSync(join(elsewhere, 'docker'));
    writeFileSync(join(elsewhere, 'docker', 'Dockerfile'), 'FROM node:20-bookworm-slim\nENV NODE_ENV=production\n');
    expect(() => serviceNodeOptions(elsewhere)).toThrow('docker/Dockerfile sets no NODE_OPTIONS');
  });
});
