// The Markdown table written beside the JSON result.
import type { SizeParams } from './generate';
import type { Figures } from './load';

export interface ScenarioRow extends Figures {
  ratioRps: number;
  ratioP50: number | null;
  ratioP99: number | null;
  target: { ratio?: number; p99?: number } | null;
  /** null: no target for this scenario, or the figure is not valid */
  meets: boolean | null;
}

export interface Report {
  label: string;
  date: string;
  command: string;
  settings: Record<string, string | number>;
  machine: { cpus: number; cpuModel: string; memGb: number; node: string; loadAverageStart: string; loadAverageEnd: string };
  elapsedS: number;
  runs: {
    database: 'sqlite' | 'mysql';
    params: SizeParams;
    counts: Record<string, number>;
    loadSeconds: number;
    hotHome: { id: string; ratings: number };
    /** start to ready (ms) of each instance, then of a second start on the same database */
    readyMs: number[];
    rssIdleMb: number;
    baseline: Figures[];
    scenarios: ScenarioRow[];
  }[];
}

const n = (v: number | null | undefined, digits = 1) =>
  v === null || v === undefined ? '–' : Number(v.toFixed(digits)).toLocaleString('en-US');

function target(r: ScenarioRow): string {
  if (!r.target) return '';
  const parts = [r.target.ratio !== undefined ? `≥ ${r.target.ratio}` : '', r.target.p99 !== undefined ? `p99 ≤ ${r.target.p99} ms` : '']
    .filter(Boolean)
    .join(', ');
  return `${parts} ${r.meets === null ? '(invalid)' : r.meets ? '✅' : '❌'}`;
}

export function renderMarkdown(r: Report): string {
  const out: string[] = [`# Benchmark ${r.label}`, '', `${r.date} · \`${r.command}\` · ${r.elapsedS} s`, ''];
  out.push(
    `Machine: ${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memGb} GB, Node ${r.machine.node}; load average ${r.machine.loadAverageStart} at start, ${r.machine.loadAverageEnd} at end (shared machine: other work runs beside the benchmark).`,
  );
  out.push(
    `Settings: ${Object.entries(r.settings)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ')}.`,
    '',
  );
  for (const run of r.runs) {
    const c = run.counts;
    out.push(`## ${run.database === 'mysql' ? 'MariaDB' : 'SQLite'}: ${n(run.params.ratings, 0)} ratings in the open campaign`, '');
    out.push(
      `Data: ${n(c.homes, 0)} homes, ${n(c.orgs, 0)} orgs, ${n(c.ratings, 0)} ratings in 3 campaigns (hottest home ${n(run.hotHome.ratings, 0)}), ${n(c.rating_totals, 0)} totals rows, ${n(c.grievances ?? 0, 0)} grievances, ${n(c.grievance_events ?? 0, 0)} grievance events; loaded in ${run.loadSeconds} s.`,
    );
    out.push(
      `Start to ready: ${run.readyMs.join(' ms, ')} ms (the last: a second start). Server RSS idle after start: ${run.rssIdleMb} MB.`,
    );
    out.push(
      `Baseline (bare node:http): ${run.baseline.map((b) => `${n(b.rps, 0)} req/s p50 ${b.p50} ms p99 ${b.p99} ms`).join('; then ')}.`,
      '',
    );
    out.push(
      '| scenario | req/s | ratio | p50 ms | p99 ms | p99 ratio | max ms | 1-conn p50 ms | non-2xx / errors | RSS MB | load1 | target |',
    );
    out.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
    for (const s of run.scenarios) {
      out.push(
        `| ${s.name} | ${n(s.rps)} | ${n(s.ratioRps, 3)} | ${n(s.p50)} | ${n(s.p99)} | ${n(s.ratioP99)} | ${n(s.max)} | ${n(s.single?.p50)} | ${s.non2xx} / ${s.errors + s.timeouts}${s.valid ? '' : ' ⚠ invalid'} | ${n(s.rssMb, 0)} | ${n(s.load1, 2)} | ${target(s)} |`,
      );
    }
    out.push('');
    out.push(
      ...run.scenarios.map(
        (s) =>
          `- ${s.name}: ${s.description}; ${n(s.requests, 0)} requests in ${s.durationS} s with ${s.connections} connections; status ${JSON.stringify(s.statusCodes)}`,
      ),
      '',
    );
  }
  return out.join('\n') + '\n';
}
