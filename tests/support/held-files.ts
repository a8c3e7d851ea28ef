// Issue 19's held attachments, made for the staff-page suites (H5 and weapp): a grievance at a new home
// under a new city, with a photo sent by tracking code (no account to check it as) and a PDF, both held
// for a person on a server with the media check on. Also the attachment's status as the reporter sees it.
import sharp from 'sharp';
import { PDF_WITH_METADATA } from '../api/grievances.fixtures';
import { must } from './must';
// node:http, not fetch: the weapp suites run under jsdom, which has none.
import { httpCall, jsonClient } from '../weapp/node-http';

async function upload(url: string, path: string, bytes: Buffer, token?: string): Promise<string> {
  const res = await httpCall('POST', `${url}${path}`, {
    headers: { 'content-type': 'application/octet-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: bytes,
    timeoutMs: 15_000,
  });
  if (res.status !== 201 || res.body?.status !== 'held') throw new Error(`upload: ${res.status} ${res.text}`);
  return res.body.id;
}

export interface HeldFiles {
  adminToken: string;
  city: { id: string };
  home: { id: string; name: string };
  grievance: { id: string; trackingCode: string };
  imageId: string;
  pdfId: string;
  /** the attachment's status as the reporter's tracking page shows it */
  statusOf: (id: string) => Promise<string>;
}

export async function makeHeldFiles(url: string, admin: { username: string; password: string }, tag: string): Promise<HeldFiles> {
  const api = jsonClient(url);
  const login = await must('admin login', api.post('/api/auth/password', { body: admin }));
  const provinceId = login.user.roles.find((r: any) => r.role === 'federation_admin').orgId;
  const token = login.token;
  const city = await must(
    'city',
    api.post('/api/orgs', { token, body: { parentId: provinceId, name: `待审市${tag}`, level: 'city' } }),
    201,
  );
  const home = await must(
    'home',
    api.post('/api/homes', {
      token,
      body: { orgId: city.id, name: `待审厂工会${tag}`, kind: 'enterprise', memberCount: 20, membershipMode: 'open' },
    }),
    201,
  );
  const worker = await must('member', api.post('/api/auth/dev', { body: { openid: `held_${tag}` } }));
  const grievance = await must(
    'grievance',
    api.post('/api/grievances', {
      token: worker.token,
      body: { homeId: home.id, type: 'complaint', topic: 'wages', content: '工资已拖欠两个月，请工会帮助协调解决。', anonymous: true },
    }),
    201,
  );
  const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#2a6' } })
    .png()
    .toBuffer();
  const imageId = await upload(url, `/api/grievances/track/${grievance.trackingCode}/attachments`, photo);
  const pdfId = await upload(url, `/api/grievances/${grievance.id}/attachments`, PDF_WITH_METADATA, worker.token);
  const statusOf = async (id: string) =>
    (await must('track', api.get(`/api/grievances/track/${grievance.trackingCode}`))).attachments.find((a: any) => a.id === id).status;
  return { adminToken: token, city, home, grievance, imageId, pdfId, statusOf };
}
