import type { HomeRow } from '../ratings/rating-totals.store';
import { HomeRows, packedBuffers, packRows } from './packed-rows';

const row = (i: number, over: Partial<HomeRow> = {}): HomeRow => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  name: `第${i}职工之家`,
  members: 100 + i,
  workers: i % 2 ? null : 300 + i,
  ratings: 40 + i,
  counts: { satisfied: 20 + i, basicallySatisfied: 10, dissatisfied: i },
  sums: { organization: 160 + i, rights: 150, work: 140, role: 130.5, trust: 120 },
  previous: i % 3 ? { ratings: 30 + i, counts: { satisfied: 15, basicallySatisfied: 10, dissatisfied: 5 + i } } : null,
  ...over,
});

// The worker's hand-off (subtree.worker.ts → SubtreeReader): what the request thread makes of the packed
// rows is what the worker read, field for field, after crossing the thread boundary.
describe('packed home rows', () => {
  const rows = [
    ...Array.from({ length: 7 }, (_, i) => row(i)),
    row(7, { name: '' }),
    row(8, { name: 'A|B\n"引号"\u0000😀' }),
    row(9, { workers: 0, members: 0, ratings: 0 }),
  ];

  it('gives back every row as it was, after a transfer to another thread', () => {
    const packed = packRows(rows);
    const received = structuredClone(packed, { transfer: packedBuffers(packed) });
    const back = new HomeRows(received);
    expect(back.length).toBe(rows.length);
    rows.forEach((r, i) => expect(back.at(i)).toEqual(r));
    expect(back.all()).toEqual(rows);
  });

  it('transfers the numbers rather than copying them: the sender keeps none', () => {
    const packed = packRows(rows);
    structuredClone(packed, { transfer: packedBuffers(packed) });
    expect(packed.nums.length).toBe(0);
    expect(packed.idEnds.length).toBe(0);
    expect(packed.nameEnds.length).toBe(0);
  });

  it('keeps rows read in this thread as they are', () => {
    const kept = HomeRows.of(rows);
    expect(kept.length).toBe(rows.length);
    expect(kept.at(3)).toBe(rows[3]);
    expect(kept.all()).toBe(rows);
    expect(new HomeRows(packRows([])).all()).toEqual([]);
  });
});
