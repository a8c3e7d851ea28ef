// Summarises V8 CPU profiles (node --cpu-prof, written by `bash bench/run.sh --cpu-prof`): self time by
// function and by package, to find what a request spends its time on.
//   node bench/dist/profile.js bench/.data/prof/CPU.*.cpuprofile [--top 30] [--from-ms 20000 (skip start-up)]
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: Node[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

function where(url: string): string {
  const m = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  if (url.includes('/server/dist/')) return `server:${url.split('/server/dist/')[1]}`;
  if (url.includes('/shared/dist/')) return 'shared';
  if (url.startsWith('node:')) return url;
  return url ? url.split('/').slice(-2).join('/') : '(native)';
}

export function summarise(files: string[], top = 30, fromMs = 0): string {
  const self = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let total = 0;
  for (const f of files) {
    const p = JSON.parse(readFileSync(f, 'utf8')) as Profile;
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    const timeOf = new Map<number, number>();
    // Sample time deltas (µs) attributed to the node sampled.
    // Samples after `fromMs` only (skips start-up when the profile covers the whole process).
    let t = 0;
    (p.samples ?? []).forEach((id, i) => {
      t += p.timeDeltas?.[i] ?? 0;
      if (t >= fromMs * 1000) timeOf.set(id, (timeOf.get(id) ?? 0) + (p.timeDeltas?.[i] ?? 0));
    });
    for (const [id, us] of timeOf) {
      const n = byId.get(id)!;
      const fn = `${n.callFrame.functionName || '(anonymous)'} ${where(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
      self.set(fn, (self.get(fn) ?? 0) + us);
      const pkg = n.callFrame.url ? where(n.callFrame.url).split(':')[0] : n.callFrame.functionName || '(native)';
      byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
      total += us;
    }
  }
  const fmt = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => `${((us / total) * 100).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${k}`)
      .join('\n');
  return `total sampled ${(total / 1000).toFixed(0)} ms\n\nself time by package:\n${fmt(byPackage)}\n\nself time by function:\n${fmt(self)}\n`;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const flag = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
  const files = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
  process.stdout.write(summarise(files, flag('--top', 30), flag('--from-ms', 0)));
}
