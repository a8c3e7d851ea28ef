// Drives one scenario with autocannon on loopback and turns its result into the figures we report.
import autocannon from 'autocannon';
import { loadAverage, sampleRss } from './processes';
import type { Req } from './scenarios';

export interface Figures {
  name: string;
  description: string;
  connections: number;
  durationS: number;
  requests: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  /** peak resident memory of the server process(es) during the scenario, MB */
  rssMb: number | null;
  load1: number;
  valid: boolean;
  /** the same scenario with one connection: the cost of a request without queueing */
  single?: { rps: number; p50: number; p99: number; valid: boolean };
}

export interface LoadOptions {
  urls: string[];
  connections: number;
  durationS: number;
  pids: number[];
  timeoutS?: number;
}

function once(url: string, connections: number, durationS: number, next: (() => Req) | null, timeoutS: number): Promise<autocannon.Result> {
  const opts: autocannon.Options = { url, connections, duration: durationS, timeout: timeoutS, pipelining: 1 };
  if (next) opts.requests = [{ setupRequest: (req) => ({ ...req, ...next() }) as autocannon.Request }];
  return autocannon(opts);
}

/** Runs the load against every url at once (connections split between them) and merges the results. */
export async function drive(name: string, description: string, next: (() => Req) | null, o: LoadOptions): Promise<Figures> {
  const rss = o.pids.length ? sampleRss(o.pids) : null;
  const per = Math.max(1, Math.floor(o.connections / o.urls.length));
  const results = await Promise.all(o.urls.map((u) => once(u, per, o.durationS, next, o.timeoutS ?? 60)));
  const peak = rss ? rss.stop() : null;
  const sum = (f: (r: autocannon.Result) => number) => results.reduce((a, r) => a + f(r), 0);
  const requests = sum((r) => r.requests.total);
  const duration = Math.max(...results.map((r) => r.duration));
  // With several targets: latency percentiles weighted by request count (p99: the worst target's).
  const weighted = (f: (r: autocannon.Result) => number) => (requests ? sum((r) => f(r) * r.requests.total) / requests : 0);
  const statusCodes: Record<string, number> = {};
  for (const r of results)
    for (const [code, s] of Object.entries(r.statusCodeStats ?? {})) statusCodes[code] = (statusCodes[code] ?? 0) + (s.count ?? 0);
  const errors = sum((r) => r.errors);
  const timeouts = sum((r) => r.timeouts);
  const non2xx = sum((r) => r.non2xx);
  return {
    name,
    description,
    connections: per * o.urls.length,
    durationS: Math.round(duration * 10) / 10,
    requests,
    rps: Math.round((requests / duration) * 10) / 10,
    p50: weighted((r) => r.latency.p50),
    p90: weighted((r) => r.latency.p90),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    max: Math.max(...results.map((r) => r.latency.max)),
    errors,
    timeouts,
    non2xx,
    statusCodes,
    rssMb: peak,
    load1: Number(loadAverage().split(' ')[0]),
    valid: requests > 0 && errors === 0 && timeouts === 0 && non2xx === 0,
  };
}
