import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/**
 * The arrows between libraries and apps (.dependency-cruiser.cjs), checked by
 * dependency-cruiser over the real tree, and over a tree made of deliberate violations to
 * show that each rule can fail.
 */
const ROOT = resolve(__dirname, '../..');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const CLI = join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

const cruise = (cwd: string, paths: string[]): Violation[] => {
  let output: string;
  try {
    output = execFileSync(process.execPath, [CLI, ...paths, '--config', CONFIG, '--output-type', 'json'], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    // Violations exit non-zero; the JSON report is still on stdout.
    output = (error as { stdout?: string }).stdout ?? '';
    if (!output) throw error;
  }
  return (JSON.parse(output) as { summary: { violations: Violation[] } }).summary.violations;
};

describe('Architecture: the arrows between libraries and apps', () => {
  it('the tree breaks none of the rules', () => {
    const violations = cruise(ROOT, ['apps', 'libs']);
    expect(violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`)).toEqual([]);
  });

  describe('the check itself', () => {
    let dir: string;
    const write = (path: string, source: string) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), source);
    };

    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'relief-boundaries-'));
      write('tsconfig.json', JSON.stringify({ compilerOptions: { module: 'commonjs', moduleResolution: 'node10', baseUrl: '.' } }));
      write('apps/api/src/main.ts', `export const api = 1;`);
      write('apps/api/src/trial/seed-demo.ts', `import { demo } from '../../../../libs/seeding/src/demo';\nexport const seeded = demo;`);
      write('apps/projector/src/main.ts', `import { api } from '../../api/src/main';\nexport const projector = api;`);
      write('apps/cli/src/commands/history.ts', `import { demo } from '../../../../libs/seeding/src/demo';\nexport const history = demo;`);
      write('libs/domain/src/decide.ts', `import { readFileSync } from 'node:fs';\nimport { store } from '../../event-store/src/store';\nexport const decide = [readFileSync, store];`);
      write('libs/event-store/src/store.ts', `import { decide } from '../../domain/src/decide';\nexport const store = decide;`);
      write('libs/projections/src/projection.ts', `import { writer } from '../../application/src/writer';\nexport const projection = writer;`);
      write('libs/application/src/writer.ts', `import { query } from '../../projections/src/query';\nexport const writer = query;`);
      write('libs/projections/src/query.ts', `export const query = 1;`);
      write('libs/platform/src/config.ts', `import { writer } from '../../application/src/writer';\nimport { api } from '../../../apps/api/src/main';\nexport const config = [writer, api];`);
      write('libs/host/src/health.ts', `import { writer } from '../../application/src/writer';\nexport const health = writer;`);
      write('libs/seeding/src/demo.ts', `export const demo = 1;`);
      write('libs/testing/src/fixtures.ts', `export const fixture = 1;`);
      write('libs/application/src/handler.ts', `import { fixture } from '../../testing/src/fixtures';\nexport const handler = fixture;`);
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('catches each kind of violation, and lets trial mode seed its demo', () => {
      const found = cruise(dir, ['apps', 'libs']).map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`).sort();
      expect(found).toEqual([
        'app-imports-sibling-app: apps/projector/src/main.ts -> apps/api/src/main.ts',
        'domain-imports-outside: libs/domain/src/decide.ts -> fs',
        'domain-imports-outside: libs/domain/src/decide.ts -> libs/event-store/src/store.ts',
        'host-imports-write-side: libs/host/src/health.ts -> libs/application/src/writer.ts',
        'library-imports-app: libs/platform/src/config.ts -> apps/api/src/main.ts',
        'platform-imports-sides: libs/platform/src/config.ts -> libs/application/src/writer.ts',
        'production-imports-seeding: apps/cli/src/commands/history.ts -> libs/seeding/src/demo.ts',
        'production-imports-testing: libs/application/src/handler.ts -> libs/testing/src/fixtures.ts',
        'read-side-imports-write-side: libs/projections/src/projection.ts -> libs/application/src/writer.ts',
        'store-imports-application: libs/event-store/src/store.ts -> libs/domain/src/decide.ts',
        'write-side-imports-read-side: libs/application/src/writer.ts -> libs/projections/src/query.ts',
      ]);
    });
  });
});
