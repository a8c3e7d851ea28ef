// self size by constructor/type (node heapsum.js FILE): what is live after the snapshot's GC
const fs = require('fs');
const snap = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const f = snap.snapshot.meta.node_fields,
  types = snap.snapshot.meta.node_types[0],
  N = f.length;
const iT = f.indexOf('type'),
  iN = f.indexOf('name'),
  iS = f.indexOf('self_size');
const agg = new Map();
const nodes = snap.nodes,
  strings = snap.strings;
for (let i = 0; i < nodes.length; i += N) {
  const t = types[nodes[i + iT]];
  const name = t === 'object' || t === 'closure' ? strings[nodes[i + iN]] : `(${t})`;
  const a = agg.get(name) || { n: 0, s: 0 };
  a.n++;
  a.s += nodes[i + iS];
  agg.set(name, a);
}
for (const [k, v] of [...agg].sort((a, b) => b[1].s - a[1].s).slice(0, 30))
  console.log((v.s / 1048576).toFixed(1).padStart(7), 'MB', String(v.n).padStart(8), k.slice(0, 80));
