// The per-request cost table: where one request's time on the server's JavaScript thread goes, by stage.
// Each scenario gets a server of its own started with `node --cpu-prof`; after a warm-up the scenario runs
// for a measured window whose bounds (CLOCK_MONOTONIC, the clock V8's profiler stamps its samples with)
// are noted here; the samples inside the window are attributed to a stage by the nearest frame of their
// stack that belongs to one (walking from the sampled function towards the root, so the SQL the token
// check runs counts as auth, not as query), and divided by the requests answered in the window.
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { drive, Figures } from './load';
import { startServer, waitIdle } from './processes';
import type { Scenario } from './scenarios';

const STAGES = [
  'routing',
  'auth',
  'rate limit',
  'validation',
  'access',
  'query / cache',
  'serialisation',
  'logging',
  'commit',
  'headers (helmet, no-store)',
  'framework (Nest pipeline, promises)',
  'HTTP (fastify, node:http, sockets)',
  'garbage collection',
  'other',
] as const;
type Stage = (typeof STAGES)[number];

interface Frame {
  functionName: string;
  url: string;
}
interface ProfileNode {
  id: number;
  callFrame: Frame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

const server = (f: Frame, file: string) => f.url.includes(`/server/dist/${file}`);
const pkg = (f: Frame, name: string) => f.url.includes(`/node_modules/${name}/`);

/**
 * The stage a frame names by itself. Strong stages win over any frame nearer the sampled function; weak
 * ones (the work: a service, the ORM, the driver; JSON.stringify) count only when no strong frame is
 * above them — so the SQL of the token check is auth, the COMMIT is commit, and pino's stringify is logging.
 */
function stageOf(f: Frame): { stage: Stage; strong: boolean } | null {
  const fn = f.functionName;
  const strong = (stage: Stage) => ({ stage, strong: true });
  const weak = (stage: Stage) => ({ stage, strong: false });
  if (fn === '(garbage collector)') return strong('garbage collection');
  if (fn === 'commitTransaction') return strong('commit');
  if (pkg(f, 'pino') || pkg(f, 'sonic-boom') || pkg(f, 'pino-std-serializers') || server(f, 'common/logger')) return strong('logging');
  if (pkg(f, 'find-my-way')) return strong('routing');
  if (
    server(f, 'auth/token-verifier') ||
    server(f, 'auth/auth.guard') ||
    server(f, 'auth/token-versions') ||
    pkg(f, 'jsonwebtoken') ||
    pkg(f, 'jws') ||
    pkg(f, 'jwa') ||
    pkg(f, '@nestjs/jwt')
  )
    return strong('auth');
  if (server(f, 'common/rate-limit') || pkg(f, '@nestjs/throttler')) return strong('rate limit');
  if (
    pkg(f, 'class-validator') ||
    pkg(f, 'class-transformer') ||
    pkg(f, 'secure-json-parse') ||
    server(f, 'common/validation') ||
    server(f, 'common/params') ||
    server(f, 'common/body-limits') ||
    f.url.includes('/@nestjs/common/pipes/')
  )
    return strong('validation');
  if (server(f, 'orgs/access-policy') || server(f, 'orgs/access-cache')) return strong('access');
  if (pkg(f, '@fastify/helmet') || pkg(f, 'helmet') || server(f, 'app.factory')) return strong('headers (helmet, no-store)');
  if (pkg(f, 'fast-json-stringify') || fn === 'stringify' || fn === 'serialize' || fn === 'serializeJSON') return weak('serialisation');
  // The work itself: the feature's services and stores, the answer cache, and the ORM or driver they call.
  if (pkg(f, 'typeorm') || pkg(f, 'better-sqlite3') || pkg(f, 'mysql2')) return weak('query / cache');
  if (
    f.url.includes('/server/dist/') &&
    !server(f, 'main') &&
    !server(f, 'common/error.filter') &&
    !server(f, 'common/auth.decorators') &&
    !server(f, 'audit/audit.interceptor')
  )
    return weak('query / cache');
  return null;
}

/** The stage of a frame that is only the carrier (where no frame of the stack names a stage). */
function carrierOf(f: Frame): Stage | null {
  if (pkg(f, '@nestjs/core') || pkg(f, '@nestjs/common') || pkg(f, 'rxjs') || f.url.startsWith('node:internal/async_hooks'))
    return 'framework (Nest pipeline, promises)';
  if (pkg(f, 'fastify') || pkg(f, '@nestjs/platform-fastify') || pkg(f, 'light-my-request') || f.url.startsWith('node:'))
    return 'HTTP (fastify, node:http, sockets)';
  return null;
}

export interface CostRow {
  scenario: string;
  description: string;
  requests: number;
  rps: number;
  /** µs per request on the thread, by stage */
  us: Record<Stage, number>;
  /** busy µs per request (everything but idle) */
  busyUs: number;
  /** share of the window the thread was busy */
  busyShare: number;
}

/** For each sampled node of a profile: its stage (or idle). */
function classifier(profile: Profile): (id: number) => Stage | 'idle' {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const memo = new Map<number, Stage | 'idle'>();
  return (id) => {
    const hit = memo.get(id);
    if (hit) return hit;
    const leaf = byId.get(id)!.callFrame.functionName;
    let strong: Stage | 'idle' | null = leaf === '(idle)' ? 'idle' : null;
    let weak: Stage | null = null;
    let carrier: Stage | null = null;
    for (let at: number | undefined = id; strong === null && at !== undefined; at = parent.get(at)) {
      const f = byId.get(at)!.callFrame;
      const s = stageOf(f);
      if (s?.strong) strong = s.stage;
      else if (s) weak ??= s.stage;
      carrier ??= carrierOf(f);
    }
    const out = strong ?? weak ?? carrier ?? 'other';
    memo.set(id, out);
    return out;
  };
}

/** µs per stage in the samples between fromUs and toUs (CLOCK_MONOTONIC µs). */
function attribute(profile: Profile, fromUs: number, toUs: number): { us: Record<Stage, number>; idle: number; total: number } {
  const classify = classifier(profile);
  const us = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  let idle = 0;
  let total = 0;
  let t = profile.startTime;
  (profile.samples ?? []).forEach((id, i) => {
    const d = profile.timeDeltas?.[i] ?? 0;
    t += d;
    if (t < fromUs || t > toUs) return;
    total += d;
    const s = classify(id);
    if (s === 'idle') idle += d;
    else us[s] += d;
  });
  return { us, idle, total };
}

const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

/**
 * One scenario on a server of its own, profiled: warm-up, then a measured window. `env` adds to the
 * server's environment (DASHBOARD_CACHE_SECONDS=0 for the uncached dashboard).
 */
export async function costOf(
  s: Scenario,
  serverEnv: Record<string, string>,
  profDir: string,
  logFile: string,
  o: { connections: number; warmS: number; measureS: number },
): Promise<{ row: CostRow; figures: Figures }> {
  rmSync(profDir, { recursive: true, force: true });
  mkdirSync(profDir, { recursive: true });
  const proc = await startServer(serverEnv, logFile, ['--cpu-prof', `--cpu-prof-dir=${profDir}`, '--cpu-prof-interval', '200']);
  const window = await (async () => {
    try {
      const opts = (d: number) => ({ urls: [proc.url], connections: o.connections, durationS: d, pids: [proc.pid] });
      await drive('warm', '', s.next, opts(o.warmS));
      await waitIdle([proc.pid], 3000); // bounded: the profiler's sampling keeps the process from looking idle
      const from = monotonicUs();
      const figures = await drive(s.name, s.description, s.next, opts(o.measureS));
      return { from, to: monotonicUs(), figures };
    } finally {
      await proc.stop();
    }
  })();
  const { from, to, figures } = window;
  // The request thread's profile (thread id 0: CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile), not a worker thread's.
  const file = readdirSync(profDir).find((f) => /\.0\.\d+\.cpuprofile$/.test(f));
  if (!file) throw new Error(`no profile written in ${profDir}`);
  const p = JSON.parse(readFileSync(join(profDir, file), 'utf8')) as Profile;
  const { us, idle, total } = attribute(p, from, to);
  const n = Math.max(1, figures.requests);
  const per = Object.fromEntries(STAGES.map((k) => [k, Math.round((us[k] / n) * 10) / 10])) as Record<Stage, number>;
  const busy = total - idle;
  return {
    row: {
      scenario: s.name,
      description: s.description,
      requests: figures.requests,
      rps: figures.rps,
      us: per,
      busyUs: Math.round((busy / n) * 10) / 10,
      busyShare: total ? Math.round((busy / total) * 1000) / 1000 : 0,
    },
    figures,
  };
}

/** The table: one column per scenario, one row per stage (µs per request). */
export function costMarkdown(rows: CostRow[]): string {
  const out = [`| stage (µs per request) | ${rows.map((r) => r.scenario).join(' | ')} |`, `|---|${rows.map(() => '---:').join('|')}|`];
  const fmt = (v: number) => (v >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(1));
  for (const s of STAGES) out.push(`| ${s} | ${rows.map((r) => fmt(r.us[s])).join(' | ')} |`);
  out.push(`| **busy, total** | ${rows.map((r) => `**${fmt(r.busyUs)}**`).join(' | ')} |`);
  out.push(`| thread busy in the window | ${rows.map((r) => `${Math.round(r.busyShare * 100)}%`).join(' | ')} |`);
  out.push(`| req/s while profiled | ${rows.map((r) => Math.round(r.rps).toLocaleString('en-US')).join(' | ')} |`);
  return out.join('\n') + '\n';
}

/** `node bench/dist/costs.js PROFILE STAGE`: the functions (self time) a stage is made of, to read a cost table by. */
if (require.main === module) {
  const [file, stage] = process.argv.slice(2);
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const classify = classifier(p);
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  (p.samples ?? []).forEach((id, i) => {
    if (classify(id) !== stage) return;
    const f = byId.get(id)!.callFrame;
    const k = `${f.functionName || '(anonymous)'} ${f.url.replace(/.*node_modules\//, '').replace(/.*\/server\/dist\//, 'server:')}`;
    const d = p.timeDeltas?.[i] ?? 0;
    self.set(k, (self.get(k) ?? 0) + d);
    total += d;
  });
  process.stdout.write(`${stage}: ${(total / 1000).toFixed(0)} ms (whole profile)\n`);
  for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40))
    process.stdout.write(`${(us / 1000).toFixed(1).padStart(8)} ms  ${k}\n`);
}
