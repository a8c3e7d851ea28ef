import {
  CAMPAIGN_STATUS_LABELS,
  CRITERIA,
  DEFAULT_THRESHOLDS,
  openFiguresNote,
  TIER_LABELS,
  TIERS,
  type LeagueRow,
  type Tier,
} from '@pingjia/shared';
import type * as ExcelJS from 'exceljs';
import { addSafeRow, Cell, excel, header, newWorkbook, percent, toBuffer } from '../common/workbook';
import type { Summary } from '../dashboard/subtree';
import { leagueWorkbook, LeagueExport, title, yesNo } from './league-workbook';

// The league export streamed a page of homes at a time against the workbook as it was made before (held
// whole, then written): the same sheets, cells, header style, widths and frozen header, row for row.

/** The export before it was streamed (exports.service.ts until the sixth pass), kept as the reference. */
function heldWhole(x: LeagueExport, homes: LeagueRow[]): Promise<Buffer> {
  const { totals, tiers } = x.summary;
  const t = x.thresholds;
  const wb = newWorkbook();
  const summary = wb.addWorksheet('汇总');
  header(summary, ['项目', '数值'], [28, 40]);
  const rows: Array<[string, Cell]> = [
    ['组织', x.orgName],
    ['评议周期', x.campaign?.name ?? '（暂无）'],
    ['状态', x.campaign ? CAMPAIGN_STATUS_LABELS[x.campaign.status] : null],
    ['职工之家数', totals.homes],
    ['会员数', totals.members],
    ['参评人次', totals.ratings],
    ['参评率（%）', percent(totals.participationRate)],
    [`计入满意度的职工之家数（≥${t.minSlice}人参评）`, totals.reportedHomes],
    ['满意率（%）', percent(totals.satisfactionRate)],
    ['满意', totals.satisfied],
    ['基本满意', totals.basicallySatisfied],
    ['不满意', totals.dissatisfied],
    ...(Object.entries(tiers) as Array<[Tier, number]>).map(([t, n]): [string, number] => [`${TIER_LABELS[t]}（个）`, n]),
  ];
  for (const r of rows) addSafeRow(summary, r);
  const league = wb.addWorksheet('排名');
  header(
    league,
    [
      '排名',
      '职工之家',
      '会员数',
      '参评人数',
      '参评率（%）',
      '参评有效',
      '满意率（%）',
      '满意',
      '基本满意',
      '不满意',
      ...CRITERIA.map((c) => `${c.label}（均分）`),
      '称号',
    ],
    [8, 36],
  );
  homes.forEach((h, i) => {
    const shown = h.satisfactionRate !== null;
    addSafeRow(league, [
      shown ? i + 1 : null,
      h.name,
      h.members,
      h.ratings,
      percent(h.participationRate),
      yesNo(h.valid),
      percent(h.satisfactionRate),
      shown ? h.satisfied : null,
      shown ? h.basicallySatisfied : null,
      shown ? h.dissatisfied : null,
      ...CRITERIA.map((c) => h.means[c.key]),
      title(h.title),
    ]);
  });
  addSafeRow(league, []);
  addSafeRow(league, [`说明：参评不足 ${t.minSlice} 人的职工之家不显示评分，也不计入汇总满意度。`]);
  if (x.open) addSafeRow(league, [openFiguresNote()]);
  return toBuffer(wb);
}

function home(i: number): LeagueRow {
  const withheld = i % 7 === 3;
  const means = Object.fromEntries(CRITERIA.map((c, k) => [c.key, withheld ? null : 3 + ((i + k) % 20) / 10])) as LeagueRow['means'];
  return {
    type: 'home',
    id: `h${i}`,
    // formula-like names must stay text; CJK and long names as they come
    name: i % 11 === 0 ? `=HYPERLINK("http://x.example/${i}","点我")` : i % 13 === 0 ? `+${i}工会` : `第${i}职工之家`,
    homes: 1,
    members: 10 + (i % 300),
    ratings: withheld ? 2 : 5 + (i % 40),
    participationRate: (i % 100) / 100,
    reportedHomes: withheld ? 0 : 1,
    reportedRatings: withheld ? 0 : 5 + (i % 40),
    satisfactionRate: withheld ? null : (i % 1000) / 1000,
    satisfied: withheld ? 0 : i % 30,
    basicallySatisfied: withheld ? 0 : i % 9,
    dissatisfied: withheld ? 0 : i % 4,
    means,
    title: withheld ? null : TIERS[i % TIERS.length],
    valid: withheld ? null : i % 5 !== 0,
  };
}

const summary = (n: number): Summary => ({
  totals: {
    homes: n,
    members: 123456,
    ratings: 54321,
    participationRate: 0.4321,
    reportedHomes: n - 10,
    reportedRatings: 50000,
    satisfactionRate: 0.8765,
    satisfied: 40000,
    basicallySatisfied: 8000,
    dissatisfied: 2000,
    means: Object.fromEntries(CRITERIA.map((c) => [c.key, 4.1])) as LeagueRow['means'],
  },
  tiers: Object.fromEntries(TIERS.map((t, i) => [t, i * 10])) as Summary['tiers'],
  low: 3,
});

async function drain(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** Everything a reader sees of a workbook: sheets in order, each row's number and values, styles, widths, views. */
async function contents(file: Buffer) {
  const wb = new (excel().Workbook)();
  await wb.xlsx.load(file as never);
  return wb.worksheets.map((s: ExcelJS.Worksheet) => {
    const rows: unknown[] = [];
    s.eachRow((row, n) => rows.push([n, (row.values as unknown[]).slice(1), row.getCell(1).font?.bold ?? false]));
    return {
      name: s.name,
      rows,
      widths: Array.from({ length: s.columnCount }, (_, i) => s.getColumn(i + 1).width),
      views: s.views.map((v) => ({ state: v.state, ySplit: (v as { ySplit?: number }).ySplit })),
    };
  });
}

describe('leagueWorkbook', () => {
  for (const open of [false, true])
    it(`writes the same workbook as the one held whole, over several pages (${open ? 'open' : 'published'} cycle)`, async () => {
      const homes = Array.from({ length: 2345 }, (_, i) => home(i));
      let pagesAsked = 0;
      const x: LeagueExport = {
        orgName: '=江苏省总工会',
        campaign: { name: '2025年度会员评家', status: open ? 'open' : 'published' },
        summary: summary(homes.length),
        thresholds: DEFAULT_THRESHOLDS,
        open,
        pages: function* (size) {
          for (let i = 0; i < homes.length; i += size) {
            pagesAsked++;
            yield homes.slice(i, i + size);
          }
        },
      };
      const streamed = await contents(await drain(leagueWorkbook(x)));
      expect(pagesAsked).toBe(3);
      const before = await contents(await heldWhole(x, homes));
      expect(streamed).toEqual(before);
      // and the file says what it should: the ranks run on across pages, formula-like text is inert
      const league = streamed[1].rows as Array<[number, unknown[], boolean]>;
      expect(league).toHaveLength(1 + homes.length + (open ? 2 : 1));
      expect(league[1001][1][0]).toBe(homes[1000].satisfactionRate === null ? '—' : 1001);
      expect(league[12][1][1]).toBe(`'=HYPERLINK("http://x.example/11","点我")`);
      expect(league[0][2]).toBe(true);
    }, 60_000);

  it('stops when the download is closed, without writing the rest', async () => {
    let pagesAsked = 0;
    const stream = leagueWorkbook({
      orgName: '省总工会',
      campaign: null,
      summary: summary(5000),
      thresholds: DEFAULT_THRESHOLDS,
      open: false,
      pages: function* (size) {
        for (let i = 0; i < 5000; i += size) {
          pagesAsked++;
          yield Array.from({ length: size }, (_, k) => home(i + k));
        }
      },
    });
    stream.destroy();
    await new Promise((r) => setTimeout(r, 200));
    expect(pagesAsked).toBeLessThanOrEqual(1);
  });
});
