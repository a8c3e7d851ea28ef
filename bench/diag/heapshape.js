// plain Objects grouped by their property names, and strings by length bucket; top holders (node heapshape.js FILE)
const fs = require('fs');
const snap = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const m = snap.snapshot.meta,
  nf = m.node_fields,
  ef = m.edge_fields,
  NT = m.node_types[0],
  ET = m.edge_types[0];
const N = nf.length,
  E = ef.length,
  nodes = snap.nodes,
  edges = snap.edges,
  S = snap.strings;
const iT = nf.indexOf('type'),
  iN = nf.indexOf('name'),
  iS = nf.indexOf('self_size'),
  iC = nf.indexOf('edge_count');
const eT = ef.indexOf('type'),
  eN = ef.indexOf('name_or_index'),
  eTo = ef.indexOf('to_node');
const shapes = new Map();
let e = 0;
const firstEdge = new Uint32Array(nodes.length / N + 1);
for (let i = 0, k = 0; i < nodes.length; i += N, k++) {
  firstEdge[k] = e;
  e += nodes[i + iC] * E;
}
for (let i = 0, k = 0; i < nodes.length; i += N, k++) {
  if (NT[nodes[i + iT]] !== 'object' || S[nodes[i + iN]] !== 'Object') continue;
  const props = [];
  let size = nodes[i + iS];
  for (let j = firstEdge[k], c = 0; c < nodes[i + iC]; j += E, c++) {
    if (ET[edges[j + eT]] === 'property') {
      props.push(S[edges[j + eN]]);
      const to = edges[j + eTo];
      const tt = NT[nodes[to + iT]];
      if (tt === 'string' || tt === 'concatenated string' || tt === 'sliced string' || tt === 'number') size += nodes[to + iS];
    }
  }
  const key = props.slice(0, 8).join(',');
  const a = shapes.get(key) || { n: 0, s: 0 };
  a.n++;
  a.s += size;
  shapes.set(key, a);
}
for (const [k, v] of [...shapes].sort((a, b) => b[1].s - a[1].s).slice(0, 20))
  console.log((v.s / 1048576).toFixed(1).padStart(6), 'MB', String(v.n).padStart(7), k.slice(0, 110));
