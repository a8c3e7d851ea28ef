import { api } from './fixtures';
import { FAKE_TEMPLATE_ID } from '../fakes/wechat-server';

describe('operations', () => {
  it('answers health with the database up', async () => {
    const res = await api().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', db: 'up' });
  });

  it('publishes the OpenAPI document with the rating path', async () => {
    const res = await api().get('/api/docs-json');
    expect(res.status).toBe(200);
    expect(res.body.paths['/api/campaigns/{campaignId}/homes/{homeId}/my-rating']).toBeDefined();
    expect(res.body.paths['/api/homes/scene/{scene}']).toBeDefined();
  });

  it('tells the mini-program which logins exist', async () => {
    const res = await api().get('/api/config');
    expect(res.body).toEqual({
      devLogin: true,
      wechatLogin: true,
      grievanceTemplateId: FAKE_TEMPLATE_ID,
      wechatWeb: { appId: 'wxfakeweb0000001', authorizeUrl: `${process.env.FAKE_WECHAT_URL}/connect/oauth2/authorize` },
    });
  });

  it('answers an unknown API path with the error format and 404', async () => {
    const res = await api().get('/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ code: 'NOT_FOUND', message: expect.any(String) });
  });
});
