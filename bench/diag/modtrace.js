// -r preload: counts modules loaded and inclusive time per top-level package at start
const Module = require('module');
const orig = Module._load;
const stats = new Map();
const pkgOf = (req) => {
  if (req.startsWith('node:') || Module.builtinModules.includes(req)) return null;
  if (req.startsWith('.') || req.startsWith('/')) return null;
  const parts = req.split('/');
  return req.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
};
Module._load = function (req, parent) {
  const p = pkgOf(req);
  const fromApp = parent && parent.filename && !parent.filename.includes('node_modules');
  if (p && fromApp) {
    const t = process.hrtime.bigint();
    const before = Object.keys(require.cache).length;
    try {
      return orig.apply(this, arguments);
    } finally {
      const s = stats.get(p) || { ms: 0, mods: 0, n: 0 };
      s.ms += Number(process.hrtime.bigint() - t) / 1e6;
      s.mods += Object.keys(require.cache).length - before;
      s.n++;
      stats.set(p, s);
    }
  }
  return orig.apply(this, arguments);
};
const dump = () => {
  const rows = [...stats.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 40);
  const total = Object.keys(require.cache).length;
  process.stderr.write(
    `MODTRACE total modules ${total}\n` +
      rows.map(([k, v]) => `MODTRACE ${v.ms.toFixed(0).padStart(6)} ms ${String(v.mods).padStart(5)} mods ${k}`).join('\n') +
      '\n',
  );
};
process.on('exit', dump);
