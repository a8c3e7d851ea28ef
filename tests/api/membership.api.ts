import ExcelJS from 'exceljs';
import { queryDb } from '../support/db';
import { GOOD_SCORES, api, member, ratingPath, rosterHome } from './fixtures';

const CSV = '姓名,会员编号,手机号\n张三,GH001,13800000001\n李四,GH002,\n王五,GH003,13800000003\n';

describe('membership of roster homes', () => {
  it('imports a CSV roster storing no name, number or phone in clear', async () => {
    const { home, adminToken } = await rosterHome();
    const res = await api().post(`/api/homes/${home.id}/roster`, { token: adminToken, raw: CSV, headers: { 'content-type': 'text/csv' } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ entries: 3, added: 3, kept: 0, removed: 0 });
    const rows = await queryDb(`SELECT * FROM roster_entries WHERE home_id = ?`, [home.id]);
    expect(rows).toHaveLength(3);
    const dump = JSON.stringify(rows);
    for (const clear of ['张三', 'GH001', '13800000001']) expect(dump).not.toContain(clear);
  });

  it('imports an Excel roster and keeps bindings of members still on it', async () => {
    const { home, adminToken } = await rosterHome();
    await api().post(`/api/homes/${home.id}/roster`, { token: adminToken, raw: CSV, headers: { 'content-type': 'text/csv' } });
    const m = await member();
    expect(
      (await api().post(`/api/homes/${home.id}/membership`, { token: m.token, body: { name: '张三', memberNo: 'GH001' } })).status,
    ).toBe(204);

    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('名册');
    sheet.addRow(['姓名', '会员编号']);
    sheet.addRow(['张三', 'GH001']);
    sheet.addRow(['赵六', 'GH004']);
    const xlsx = Buffer.from(await book.xlsx.writeBuffer());
    const res = await fetch(`${process.env.PINGJIA_URL}/api/homes/${home.id}/roster`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${adminToken}`,
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
      body: xlsx,
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ entries: 2, added: 1, kept: 1, removed: 2 });
    expect((await api().get(`/api/homes/${home.id}/membership`, { token: m.token })).body).toEqual({ mode: 'roster', verified: true });
  });

  it('refuses a roster with a bad line and changes nothing', async () => {
    const { home, adminToken } = await rosterHome();
    const res = await api().post(`/api/homes/${home.id}/roster`, {
      token: adminToken,
      raw: '姓名,会员编号,手机号\n张三,GH001,12345\n',
      headers: { 'content-type': 'text/csv' },
    });
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual({ 'line.2': '手机号格式不正确' });
    expect(await queryDb(`SELECT id FROM roster_entries WHERE home_id = ?`, [home.id])).toHaveLength(0);
  });

  it('lets a verified member rate, and refuses an unverified one with 403', async () => {
    const { home, campaign, adminToken } = await rosterHome();
    await api().post(`/api/homes/${home.id}/roster`, { token: adminToken, raw: CSV, headers: { 'content-type': 'text/csv' } });
    const m = await member();
    const body = { scores: GOOD_SCORES, verdict: 'satisfied' };
    const refused = await api().put(ratingPath(campaign.id, home.id), { token: m.token, body });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('MEMBERSHIP_REQUIRED');

    expect(
      (await api().post(`/api/homes/${home.id}/membership`, { token: m.token, body: { name: ' 李四 ', memberNo: 'gh002' } })).status,
    ).toBe(204);
    expect((await api().put(ratingPath(campaign.id, home.id), { token: m.token, body })).status).toBe(201);
  });

  it('answers 404 when no roster entry matches', async () => {
    const { home, adminToken } = await rosterHome();
    await api().post(`/api/homes/${home.id}/roster`, { token: adminToken, raw: CSV, headers: { 'content-type': 'text/csv' } });
    const m = await member();
    const res = await api().post(`/api/homes/${home.id}/membership`, { token: m.token, body: { name: '张三', memberNo: 'GH999' } });
    expect(res.status).toBe(404);
  });

  it('binds one roster entry to one WeChat account until the level above resets it', async () => {
    const { home, adminToken } = await rosterHome();
    await api().post(`/api/homes/${home.id}/roster`, { token: adminToken, raw: CSV, headers: { 'content-type': 'text/csv' } });
    const first = await member();
    const second = await member();
    const who = { name: '王五', memberNo: 'GH003' };
    const reset = { ...who, reason: '会员更换了手机' };
    expect((await api().post(`/api/homes/${home.id}/membership`, { token: first.token, body: who })).status).toBe(204);
    // Bound to another account: the same answer as no such entry (integrity.api.ts compares them).
    const taken = await api().post(`/api/homes/${home.id}/membership`, { token: second.token, body: who });
    expect(taken.status).toBe(404);

    expect((await api().post(`/api/homes/${home.id}/roster/reset-binding`, { token: first.token, body: reset })).status).toBe(404);
    expect((await api().post(`/api/homes/${home.id}/roster/reset-binding`, { token: adminToken, body: reset })).status).toBe(204);
    expect((await api().post(`/api/homes/${home.id}/membership`, { token: second.token, body: who })).status).toBe(204);
  });

  it('slows down guessing: the sixth attempt in a quarter hour gets 429 with Retry-After', async () => {
    const { home, adminToken } = await rosterHome();
    await api().post(`/api/homes/${home.id}/roster`, { token: adminToken, raw: CSV, headers: { 'content-type': 'text/csv' } });
    const m = await member();
    for (let i = 0; i < 5; i++) {
      expect(
        (await api().post(`/api/homes/${home.id}/membership`, { token: m.token, body: { name: '张三', memberNo: `X${i}` } })).status,
      ).toBe(404);
    }
    const blocked = await api().post(`/api/homes/${home.id}/membership`, { token: m.token, body: { name: '张三', memberNo: 'GH001' } });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('keeps roster import from members', async () => {
    const { home } = await rosterHome();
    const m = await member();
    const res = await api().post(`/api/homes/${home.id}/roster`, { token: m.token, raw: CSV, headers: { 'content-type': 'text/csv' } });
    expect(res.status).toBe(404);
  });
});
