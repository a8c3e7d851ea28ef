#!/usr/bin/env node
// WeChat refuses an upload whose main package passes 2 MB, any subpackage 2 MB, or all packages
// together 20 MB. Sizes files the way the upload tool counts them (source maps left out): a
// subpackage is everything under its root in app.json, the main package everything else.
const fs = require('node:fs');
const path = require('node:path');

const MB = 1024 * 1024;
const LIMITS = { main: 2 * MB, subpackage: 2 * MB, total: 20 * MB };
const dist = path.resolve(process.argv[2] || path.join(__dirname, '..', 'miniapp', 'dist', 'weapp'));
const appJsonPath = path.join(dist, 'app.json');

if (!fs.existsSync(appJsonPath)) {
  console.error(`no weapp build at ${dist} (app.json missing): run pnpm --filter @pingjia/miniapp build:weapp first`);
  process.exit(2);
}

const app = JSON.parse(fs.readFileSync(appJsonPath, 'utf8'));
const roots = [...(app.subPackages || []), ...(app.subpackages || [])].map((p) => p.root.replace(/[\\/]+$/, ''));
const sizes = new Map([['main', 0], ...roots.map((r) => [r, 0])]);

function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (entry.isFile() && !entry.name.endsWith('.map')) {
      const rel = path.relative(dist, full).split(path.sep).join('/');
      // The longest root that holds the file (a subpackage may sit inside a main-package folder).
      const root = roots.filter((r) => rel.startsWith(r + '/')).sort((a, b) => b.length - a.length)[0] || 'main';
      sizes.set(root, sizes.get(root) + fs.statSync(full).size);
    }
  }
}
walk(dist);

// Every subpackage page must have been built: an empty or missing subpackage is not "small".
let failed = false;
for (const p of [...(app.subPackages || []), ...(app.subpackages || [])]) {
  for (const page of p.pages) {
    const file = path.join(dist, p.root, `${page}.js`);
    if (!fs.existsSync(file)) {
      console.error(`subpackage ${p.root}: page ${page} was not built (${file} missing)`);
      failed = true;
    }
  }
}

const kb = (n) => `${Math.ceil(n / 1024)} KB`;
let total = 0;
for (const [name, size] of sizes) {
  total += size;
  const limit = name === 'main' ? LIMITS.main : LIMITS.subpackage;
  const over = size > limit;
  failed ||= over;
  console.log(
    `weapp ${name === 'main' ? 'main package' : `subpackage ${name}`}: ${kb(size)} (limit ${kb(limit)})${over ? ' — TOO LARGE' : ''}`,
  );
}
const overTotal = total > LIMITS.total;
failed ||= overTotal;
console.log(`weapp all packages: ${kb(total)} (limit ${kb(LIMITS.total)})${overTotal ? ' — TOO LARGE' : ''}`);
process.exit(failed ? 1 : 0);
