import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * The domain stays pure (STYLE.md §4): libs/domain imports nothing outside itself, and never
 * reads the clock or a random source; ids, time and the actor come in with the command.
 */
const ROOT = resolve(__dirname, '../..');
const DOMAIN = join(ROOT, 'libs', 'domain', 'src');

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });

/** Comments may mention what code may not do; only code counts. */
const stripComments = (source: string): string => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

const IMPORT_PATTERNS = [
  /\bimport\s+(?:type\s+)?[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
  /\bexport\s+(?:type\s+)?[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
  /\bimport\s*['"]([^'"]+)['"]/g,
  /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
];

const FORBIDDEN_CALLS: ReadonlyArray<readonly [string, RegExp]> = [
  ['Date.now()', /\bDate\s*\.\s*now\s*\(/],
  ['new Date() without arguments', /\bnew\s+Date\s*\(\s*\)/],
  ['Math.random()', /\bMath\s*\.\s*random\b/],
];

/** Every way `source`, at `file`, breaks the rule. */
const violationsIn = (file: string, source: string, domainRoot: string = DOMAIN): string[] => {
  const code = stripComments(source);
  const problems: string[] = [];
  for (const pattern of IMPORT_PATTERNS) {
    for (const [, specifier] of code.matchAll(pattern)) {
      if (!specifier.startsWith('.')) {
        problems.push(`imports ${specifier}`);
        continue;
      }
      const target = resolve(dirname(file), specifier);
      if (target !== domainRoot && !target.startsWith(domainRoot + sep)) problems.push(`imports ${specifier}, outside libs/domain`);
    }
  }
  for (const [name, pattern] of FORBIDDEN_CALLS) if (pattern.test(code)) problems.push(`uses ${name}`);
  return problems;
};

describe('Architecture: libs/domain', () => {
  const files = sourceFiles(DOMAIN);

  it('has source files to check', () => expect(files.length).toBeGreaterThan(10));

  it('imports nothing outside libs/domain and never reads the clock or chance', () => {
    const violations = files.flatMap((file) => violationsIn(file, readFileSync(file, 'utf8')).map((problem) => `${relative(ROOT, file)}: ${problem}`));
    expect(violations).toEqual([]);
  });

  describe('the check itself', () => {
    const file = join(DOMAIN, 'support-application', 'example.ts');

    it.each([
      [`import { Injectable } from '@nestjs/common';`, 'imports @nestjs/common'],
      [`import type { Repository } from 'typeorm';`, 'imports typeorm'],
      [`import { Pool } from 'pg';`, 'imports pg'],
      [`import { Observable } from 'rxjs';`, 'imports rxjs'],
      [`import { v4 } from 'uuid';`, 'imports uuid'],
      [`import { randomUUID } from 'node:crypto';`, 'imports node:crypto'],
      [`import { readFileSync } from 'fs';`, 'imports fs'],
      [`import { EventStore } from '@lib/event-store';`, 'imports @lib/event-store'],
      [`export * from '@lib/application';`, 'imports @lib/application'],
      [`import 'reflect-metadata';`, 'imports reflect-metadata'],
      [`const crypto = require('crypto');`, 'imports crypto'],
      [`const pg = await import('pg');`, 'imports pg'],
      [`import {\n  Injectable,\n  Inject,\n} from '@nestjs/common';`, 'imports @nestjs/common'],
      [`import { x } from '../../../event-store/src';`, 'imports ../../../event-store/src, outside libs/domain'],
      [`const at = Date.now();`, 'uses Date.now()'],
      [`const at = new Date();`, 'uses new Date() without arguments'],
      [`const at = new Date( ).toISOString();`, 'uses new Date() without arguments'],
      [`const id = Math.random().toString(36);`, 'uses Math.random()'],
    ])('catches %s', (source, problem) => expect(violationsIn(file, source)).toEqual([problem]));

    it.each([
      `import { evolve } from './support-application.state';`,
      `import type { Role } from '../common/domain-event';`,
      `export * from './claim';`,
      `const day = new Date(\`\${date}T00:00:00Z\`).getUTCDay();`,
      `const at = new Date(timestamp);`,
      `// never call Date.now() or new Date() here`,
      `/** ids come in; no Math.random */`,
    ])('lets %s through', (source) => expect(violationsIn(file, source)).toEqual([]));
  });
});
