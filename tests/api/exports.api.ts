import ExcelJS from 'exceljs';
import { CRITERIA, CRITERIA_COUNT_TEXT, openFiguresNote, SCORES } from '@pingjia/shared';
import { createHome, freshCity, moveCampaign, openCampaign, rateMany } from './oversight.fixtures';

async function download(path: string, token: string): Promise<ExcelJS.Workbook> {
  const res = await fetch(process.env.PINGJIA_URL + path, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as any);
  return wb;
}

const rowsOf = (sheet: ExcelJS.Worksheet) => {
  const out: ExcelJS.CellValue[][] = [];
  sheet.eachRow((row) => out.push((row.values as ExcelJS.CellValue[]).slice(1)));
  return out;
};

describe('Excel exports', () => {
  it('exports the league table with formula-like names made inert and withheld figures as —', async () => {
    const { adminToken, city } = await freshCity();
    const evil = await createHome(adminToken, city.id, 10, '=HYPERLINK("http://x.example","点我")');
    const plus = await createHome(adminToken, city.id, 10, '+1+1工会');
    const small = await createHome(adminToken, city.id, 10, '小之家工会');
    const c = await openCampaign(adminToken, city.id);
    await rateMany(c.id, evil.id, 5, 'satisfied');
    await rateMany(c.id, plus.id, 4, 'satisfied', { score: 3 });
    await rateMany(c.id, plus.id, 2, 'dissatisfied', { score: 3 });
    await rateMany(c.id, small.id, 2, 'satisfied');

    // While the cycle is open: each home's participation rounded down to 5 (5, 5, 0), no satisfaction, and the sheet says why.
    const open = await download(`/api/orgs/${city.id}/export.xlsx?campaignId=${c.id}`, adminToken);
    const openSummary = rowsOf(open.getWorksheet('汇总')!);
    expect(openSummary.find((r) => r[0] === '参评人次')?.[1]).toBe(10);
    expect(openSummary.find((r) => r[0] === '满意率（%）')?.[1]).toBe('—');
    expect(openSummary.find((r) => r[0] === '满意')?.[1]).toBe(0);
    const openLeague = rowsOf(open.getWorksheet('排名')!);
    expect(
      openLeague
        .slice(1, 4)
        .map((r) => [r[3], r[6], r[7]])
        .sort(),
    ).toEqual([
      [0, '—', '—'],
      [5, '—', '—'],
      [5, '—', '—'],
    ]);
    expect(openLeague.at(-1)).toEqual([openFiguresNote()]);

    await moveCampaign(adminToken, c.id, 'close');
    const wb = await download(`/api/orgs/${city.id}/export.xlsx?campaignId=${c.id}`, adminToken);
    const league = wb.getWorksheet('排名')!;
    const rows = rowsOf(league);
    expect(rows[0].slice(0, 2)).toEqual(['排名', '职工之家']);
    const names = rows.slice(1, 4).map((r) => r[1]);
    expect(names).toEqual(['\'=HYPERLINK("http://x.example","点我")', "'+1+1工会", '小之家工会']);
    league.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
    // evil: 5 of 5 satisfied; plus: 4 of 6 = 66.67%; small: 2 ratings → withheld
    expect(rows[1].slice(2, 10)).toEqual([10, 5, 50, '是', 100, 5, 0, 0]);
    expect(rows[2].slice(6, 10)).toEqual([66.67, 4, 0, 2]);
    expect(rows[3].slice(0, 10)).toEqual(['—', '小之家工会', 10, 2, 20, '否', '—', '—', '—', '—']);
    const summary = rowsOf(wb.getWorksheet('汇总')!);
    expect(summary.find((r) => r[0] === '参评人次')?.[1]).toBe(13);
    expect(summary.find((r) => r[0] === '满意')?.[1]).toBe(9);
  });

  it('exports a home report with the same privacy rules', async () => {
    const { adminToken, city } = await freshCity();
    const home = await createHome(adminToken, city.id, 20, '@工会职工之家');
    const c = await openCampaign(adminToken, city.id);
    await rateMany(c.id, home.id, 3, 'satisfied');
    const open = await download(`/api/homes/${home.id}/export.xlsx?campaignId=${c.id}`, adminToken);
    expect(rowsOf(open.getWorksheet('概况')!).find((r) => r[0] === '说明')?.[1]).toBe(openFiguresNote());
    expect(rowsOf(open.getWorksheet('会员留言')!)[1]).toEqual(['评议结束后显示会员留言']);

    await moveCampaign(adminToken, c.id, 'close');
    const wb = await download(`/api/homes/${home.id}/export.xlsx?campaignId=${c.id}`, adminToken);
    const overview = rowsOf(wb.getWorksheet('概况')!);
    expect(overview.find((r) => r[0] === '职工之家')?.[1]).toBe("'@工会职工之家");
    expect(overview.find((r) => r[0] === '参评人数')?.[1]).toBe(3);
    expect(overview.find((r) => r[0] === '说明')).toBeUndefined();
    expect(overview.find((r) => r[0] === '满意率（%）')?.[1]).toBe('—');
    // One sheet row per criterion (五项指标 for today's five): mean and a count per score, all withheld.
    const criteria = rowsOf(wb.getWorksheet(`${CRITERIA_COUNT_TEXT}指标`)!);
    expect(criteria.slice(1).map((r) => r[0])).toEqual(CRITERIA.map((c) => c.label));
    expect(criteria[1]).toEqual(['组织健全', '—', ...SCORES.map(() => '—')]);
    expect(rowsOf(wb.getWorksheet('会员留言')!)[1]).toEqual(['参评不足 10 人，不显示留言']);
  });
});
