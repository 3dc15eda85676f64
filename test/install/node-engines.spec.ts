import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// npm's own range rules (semver is in the tree through many packages; its types are not needed for two calls).
const { minVersion, satisfies } = require('semver') as { minVersion: (range: string) => { version: string } | null; satisfies: (version: string, range: string) => boolean };

const ROOT = join(__dirname, '..', '..');
const read = (name: string) => JSON.parse(readFileSync(join(ROOT, name), 'utf8'));

/**
 * The README promises Node 20.19+ (package.json `engines`): every package the lockfile installs
 * must accept that version, or `npm ci` warns EBADENGINE (packages wanting Node 22 were pinned
 * back with `overrides`).
 */
describe('the Node version the project states', () => {
  const stated = read('package.json').engines.node as string;
  const oldest = minVersion(stated)!.version;

  it('is the one the README gives', () => {
    expect(stated).toBe('>=20.19');
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain('Node 20.19+');
  });

  it('is accepted by every package in package-lock.json', () => {
    const packages = Object.entries(read('package-lock.json').packages as Record<string, { version?: string; engines?: { node?: string } | string[] }>);
    const refusing = packages
      .filter(([path, entry]) => path !== '' && !Array.isArray(entry.engines) && typeof entry.engines?.node === 'string' && !satisfies(oldest, entry.engines.node))
      .map(([path, entry]) => `${path}@${entry.version}: node ${(entry.engines as { node: string }).node}`);
    expect(refusing).toEqual([]);
  });
});

/**
 * npm 11 lists, at the end of every install, dependencies whose install scripts nobody reviewed
 * (npm 12 will refuse to run them): each one in the lockfile is decided in `allowScripts`.
 */
describe('install scripts', () => {
  it('are each allowed or refused in package.json', () => {
    const decided = read('package.json').allowScripts as Record<string, boolean>;
    const packages = Object.entries(read('package-lock.json').packages as Record<string, { hasInstallScript?: boolean }>);
    const withScripts = packages.filter(([, entry]) => entry.hasInstallScript).map(([path]) => path.replace(/^.*node_modules\//, ''));
    expect(withScripts.length).toBeGreaterThan(0);
    expect(withScripts.filter((name) => typeof decided[name] !== 'boolean')).toEqual([]);
  });
});
