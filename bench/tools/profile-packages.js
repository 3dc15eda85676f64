#!/usr/bin/env node
// Self time by package (node_modules/<name>) or by our source folder, from a V8 .cpuprofile.
const { readFileSync } = require('node:fs');
const profile = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const by = new Map();
profile.samples.forEach((id, index) => {
  const { url, functionName } = nodes.get(id).callFrame;
  let key = url.includes('node_modules/') ? url.replace(/^.*node_modules\/((@[^/]+\/)?[^/]+).*$/, '$1') : url.startsWith('node:') ? 'node:' + url.slice(5).split('/')[0] : url ? url.replace(/^.*\/dist\/(.*?\/src\/[^/]+).*$/, '$1') : functionName;
  by.set(key, (by.get(key) ?? 0) + (profile.timeDeltas[index] ?? 0));
});
const total = [...by.values()].reduce((a, b) => a + b, 0);
for (const [key, t] of [...by.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(process.argv[3] ?? 30))) console.log(`${(t / 1000).toFixed(0).padStart(7)} ms ${((100 * t) / total).toFixed(1).padStart(5)}%  ${key}`);
