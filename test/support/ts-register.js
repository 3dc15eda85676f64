// Runs our TypeScript entry points as real processes in tests (`node -r test/support/ts-register.js
// apps/cli/src/main.ts ...`): each .ts file is compiled by swc as Jest compiles it, and @lib/*
// resolves as tsconfig's paths say. The same code as `npm run build` produces, without building
// dist/ (which other worktrees and runs may be using).
const Module = require('node:module');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { transformSync } = require('@swc/core');

const ROOT = join(__dirname, '..', '..');
const LIB = /^@lib\/(domain|event-store|application|projections|testing|platform|seeding|host)(\/.*)?$/;

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const lib = LIB.exec(request);
  return resolveFilename.call(this, lib ? join(ROOT, 'libs', lib[1], 'src', lib[2] ?? '') : request, ...rest);
};

Module._extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022' },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
