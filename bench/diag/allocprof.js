// preload (NODE_OPTIONS=--require): the request thread's allocations by function, sampled (V8's sampling heap
// profiler, every ~32 KB allocated, garbage included: what a request allocates, not what stays). At exit (or
// SIGUSR2) writes ALLOCPROF (default: temp folder/alloc-PID.txt): the top functions by bytes allocated (self),
// then by file.
const { isMainThread } = require('node:worker_threads');
if (isMainThread) {
  const inspector = require('node:inspector');
  const fs = require('node:fs');
  const out = process.env.ALLOCPROF || `${require('node:os').tmpdir()}/alloc-${process.pid}.txt`;
  const session = new inspector.Session();
  session.connect();
  session.post('HeapProfiler.enable');
  session.post('HeapProfiler.startSampling', {
    samplingInterval: 32768,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    session.post('HeapProfiler.getSamplingProfile', (err, res) => {
      if (err) return fs.writeFileSync(out, String(err));
      const byFn = new Map();
      const byFile = new Map();
      let total = 0;
      const walk = (n) => {
        const f = n.callFrame;
        const file = f.url.replace(/^.*node_modules\/\.pnpm\/([^/]+)\/.*$/, '$1').replace(/^.*\/server\/dist\//, 'dist/');
        const key = `${f.functionName || '(anon)'} ${file}:${f.lineNumber + 1}`;
        byFn.set(key, (byFn.get(key) || 0) + n.selfSize);
        byFile.set(file || '(native)', (byFile.get(file || '(native)') || 0) + n.selfSize);
        total += n.selfSize;
        n.children.forEach(walk);
      };
      walk(res.profile.head);
      const top = (m, k) =>
        [...m]
          .sort((a, b) => b[1] - a[1])
          .slice(0, k)
          .map(([name, b]) => `${(b / 1048576).toFixed(1).padStart(8)} MB ${((100 * b) / total).toFixed(1).padStart(5)}%  ${name}`);
      fs.writeFileSync(
        out,
        [`total sampled ${(total / 1048576).toFixed(0)} MB`, '', ...top(byFn, 60), '', ...top(byFile, 30)].join('\n') + '\n',
      );
    });
  };
  process.on('exit', write);
  process.on('SIGUSR2', write);
}
