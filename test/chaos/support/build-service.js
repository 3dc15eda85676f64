// Jest globalSetup for the chaos suites: compiles the service once, as `npm run build` does but
// into a folder of its own, so the suites run the real processes (node .../main.js) without
// touching dist/, which others may be using.
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

const ROOT = join(__dirname, '..', '..', '..');
// Inside node_modules so the compiled files resolve their dependencies from the project's.
const OUT = join(ROOT, 'node_modules', '.cache', 'relief-chaos-build');

module.exports = async () => {
  const bin = (name) => join(ROOT, 'node_modules', '.bin', name);
  execFileSync(bin('tsc'), ['-p', 'tsconfig.build.json', '--outDir', OUT], { cwd: ROOT, stdio: 'inherit' });
  execFileSync(bin('tsc-alias'), ['-p', 'tsconfig.build.json', '--outDir', OUT], { cwd: ROOT, stdio: 'inherit' });
};
