import { CRITERION_KEYS, type CriterionKey } from '@pingjia/shared';
import type { HomeRow } from '../ratings/rating-totals.store';

// A subtree's home rows as the worker hands them over (subtree.worker.ts): the numbers in one
// Float64Array (transferred, not copied), ids and names each as one string with their ends, so the
// receiving thread takes over a few buffers and strings instead of rebuilding 50,000 objects. A row is
// made into a HomeRow only when it is shown (a league page) or all of them are needed (an export).

const C = CRITERION_KEYS.length;
// members, workers (NaN: none given), ratings, 3 verdicts, the criteria's sums, has previous, its ratings, its 3 verdicts
const STRIDE = 6 + C + 5;

export interface PackedRows {
  count: number;
  ids: string;
  names: string;
  /** where each id and name ends in `ids` / `names` */
  idEnds: Int32Array;
  nameEnds: Int32Array;
  nums: Float64Array;
}

export function packRows(rows: HomeRow[]): PackedRows {
  const nums = new Float64Array(rows.length * STRIDE);
  const idEnds = new Int32Array(rows.length);
  const nameEnds = new Int32Array(rows.length);
  let idEnd = 0;
  let nameEnd = 0;
  rows.forEach((r, i) => {
    idEnds[i] = idEnd += r.id.length;
    nameEnds[i] = nameEnd += r.name.length;
    let o = i * STRIDE;
    nums[o++] = r.members;
    nums[o++] = r.workers ?? NaN;
    nums[o++] = r.ratings;
    nums[o++] = r.counts.satisfied;
    nums[o++] = r.counts.basicallySatisfied;
    nums[o++] = r.counts.dissatisfied;
    for (const k of CRITERION_KEYS) nums[o++] = r.sums[k];
    nums[o++] = r.previous ? 1 : 0;
    nums[o++] = r.previous?.ratings ?? 0;
    nums[o++] = r.previous?.counts.satisfied ?? 0;
    nums[o++] = r.previous?.counts.basicallySatisfied ?? 0;
    nums[o] = r.previous?.counts.dissatisfied ?? 0;
  });
  return { count: rows.length, ids: rows.map((r) => r.id).join(''), names: rows.map((r) => r.name).join(''), idEnds, nameEnds, nums };
}

/** The buffers to transfer with a PackedRows. */
export function packedBuffers(p: PackedRows): ArrayBuffer[] {
  return [p.idEnds.buffer as ArrayBuffer, p.nameEnds.buffer as ArrayBuffer, p.nums.buffer as ArrayBuffer];
}

/** Rows kept as handed over, each made a HomeRow when asked for. */
export class HomeRows {
  private made: HomeRow[] | null = null;

  constructor(private readonly p: PackedRows) {}

  static of(rows: HomeRow[]): HomeRows {
    const out = new HomeRows(packRows([]));
    out.made = rows;
    return out;
  }

  get length(): number {
    return this.made?.length ?? this.p.count;
  }

  at(i: number): HomeRow {
    return this.made ? this.made[i] : this.row(i);
  }

  /** Every row (made once). */
  all(): HomeRow[] {
    return (this.made ??= Array.from({ length: this.p.count }, (_, i) => this.row(i)));
  }

  private row(i: number): HomeRow {
    const { nums, idEnds, nameEnds } = this.p;
    let o = i * STRIDE;
    const id = this.p.ids.slice(i ? idEnds[i - 1] : 0, idEnds[i]);
    const name = this.p.names.slice(i ? nameEnds[i - 1] : 0, nameEnds[i]);
    const members = nums[o++];
    const workers = nums[o++];
    const ratings = nums[o++];
    const counts = { satisfied: nums[o++], basicallySatisfied: nums[o++], dissatisfied: nums[o++] };
    const sums = {} as Record<CriterionKey, number>;
    for (const k of CRITERION_KEYS) sums[k] = nums[o++];
    const hasPrevious = nums[o++] === 1;
    const previous = hasPrevious
      ? { ratings: nums[o++], counts: { satisfied: nums[o++], basicallySatisfied: nums[o++], dissatisfied: nums[o] } }
      : null;
    return { id, name, members, workers: Number.isNaN(workers) ? null : workers, ratings, counts, sums, previous };
  }
}
