import { api, chairOf, cityWithCampaign, createOrg, member, uniq } from './oversight.fixtures';

describe('invites and staff accounts', () => {
  it('lets a federation admin invite a chair who signs in on H5 and sees only their home', async () => {
    const { adminToken, homeA, homeB } = await cityWithCampaign();
    const invite = await api().post(`/api/homes/${homeA.id}/invites`, { token: adminToken, body: { role: 'chair' } });
    expect(invite.status).toBe(201);
    expect(invite.body.code).toMatch(/^[2-9A-HJKMNP-TW-Z]{8}$/);
    // default lifetime: 7 days
    const days = (Date.parse(invite.body.expiresAt) - Date.now()) / 86400e3;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThan(7.1);

    const username = uniq('chair_');
    const accepted = await api().post(`/api/invites/${invite.body.code}/accept`, { body: { username, password: 'chair-password-123' } });
    expect(accepted.status).toBe(200);
    expect(accepted.body.user.roles).toEqual([{ role: 'chair', orgId: homeA.id }]);
    const login = await api().post('/api/auth/password', { body: { username, password: 'chair-password-123' } });
    expect(login.status).toBe(200);
    expect((await api().get(`/api/homes/${homeA.id}/dashboard`, { token: login.body.token })).status).toBe(200);
    expect((await api().get(`/api/homes/${homeB.id}/dashboard`, { token: login.body.token })).status).toBe(404);
  });

  it('accepts a code once: a second use is 409, an unknown code 404', async () => {
    const { adminToken, homeA } = await cityWithCampaign();
    const invite = await api().post(`/api/homes/${homeA.id}/invites`, { token: adminToken, body: { role: 'chair' } });
    const first = await api().post(`/api/invites/${invite.body.code}/accept`, {
      body: { username: uniq('c1_'), password: 'chair-password-123' },
    });
    expect(first.status).toBe(200);
    const again = await api().post(`/api/invites/${invite.body.code}/accept`, {
      body: { username: uniq('c2_'), password: 'chair-password-123' },
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('STATE_CONFLICT');
    const unknown = await api().post(`/api/invites/${'X'.repeat(8)}/accept`, {
      body: { username: uniq('c3_'), password: 'chair-password-123' },
    });
    expect(unknown.status).toBe(404);
  });

  it('uses a code only once when two accept at the same time', async () => {
    const { adminToken, homeA } = await cityWithCampaign();
    const invite = await api().post(`/api/homes/${homeA.id}/invites`, { token: adminToken, body: { role: 'chair' } });
    const tries = await Promise.all(
      [0, 1, 2, 3].map((i) =>
        api().post(`/api/invites/${invite.body.code}/accept`, { body: { username: uniq(`race${i}_`), password: 'chair-password-123' } }),
      ),
    );
    expect(tries.map((t) => t.status).sort()).toEqual([200, 409, 409, 409]);
  });

  it('binds the role to a WeChat member who accepts with their token', async () => {
    const { adminToken, homeA } = await cityWithCampaign();
    const m = await member();
    const invite = await api().post(`/api/homes/${homeA.id}/invites`, { token: adminToken, body: { role: 'chair' } });
    const accepted = await api().post(`/api/invites/${invite.body.code}/accept`, { token: m.token, body: {} });
    expect(accepted.status).toBe(200);
    expect(accepted.body.user.id).toBe(m.id);
    const me = await api().get('/api/me', { token: accepted.body.token });
    expect(me.body.roles).toContainEqual({ role: 'chair', orgId: homeA.id });
  });

  it('refuses a username that is taken without using the code', async () => {
    const { adminToken, homeA } = await cityWithCampaign();
    const chair = await chairOf(adminToken, homeA.id);
    const invite = await api().post(`/api/homes/${homeA.id}/invites`, { token: adminToken, body: { role: 'chair' } });
    const taken = await api().post(`/api/invites/${invite.body.code}/accept`, {
      body: { username: chair.username, password: 'another-password-1' },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('DUPLICATE');
    // the old password still works, and the code is still good
    expect((await api().post('/api/auth/password', { body: { username: chair.username, password: 'chair-password-123' } })).status).toBe(
      200,
    );
    expect(
      (await api().post(`/api/invites/${invite.body.code}/accept`, { body: { username: uniq('ok_'), password: 'chair-password-123' } }))
        .status,
    ).toBe(200);
  });

  it('asks for username and password when no token comes along', async () => {
    const { adminToken, homeA } = await cityWithCampaign();
    const invite = await api().post(`/api/homes/${homeA.id}/invites`, { token: adminToken, body: { role: 'chair' } });
    const res = await api().post(`/api/invites/${invite.body.code}/accept`, { body: {} });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.fields).sort()).toEqual(['password', 'username']);
  });

  it("stops a removed chair's tokens at once (401)", async () => {
    const { adminToken, homeA } = await cityWithCampaign();
    const chair = await chairOf(adminToken, homeA.id);
    expect((await api().get(`/api/homes/${homeA.id}/dashboard`, { token: chair.token })).status).toBe(200);
    const grants = await api().get(`/api/homes/${homeA.id}/grants`, { token: adminToken });
    const grant = grants.body.items.find((g: any) => g.user.id === chair.userId);
    expect(grant).toMatchObject({ role: 'chair', orgId: homeA.id, user: { username: chair.username } });
    // a chair may not remove grants (homes are managed from above)
    expect((await api().del(`/api/homes/${homeA.id}/grants/${grant.id}`, { token: chair.token })).status).toBe(403);
    const removed = await api().del(`/api/homes/${homeA.id}/grants/${grant.id}`, { token: adminToken });
    expect(removed.status).toBe(204);
    const after = await api().get(`/api/homes/${homeA.id}/dashboard`, { token: chair.token });
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('TOKEN_INVALID');
    // signing in again gives a token without the role
    const login = await api().post('/api/auth/password', { body: { username: chair.username, password: 'chair-password-123' } });
    expect(login.body.user.roles).toEqual([]);
    expect((await api().get(`/api/homes/${homeA.id}/dashboard`, { token: login.body.token })).status).toBe(404);
  });

  it('lets a federation admin invite an admin for a child org, not for its own org or a chair of nothing', async () => {
    const { adminToken, city } = await cityWithCampaign();
    const county = await createOrg(adminToken, city.id, 'county');
    const invite = await api().post(`/api/orgs/${county.id}/invites`, { token: adminToken, body: { role: 'federation_admin' } });
    expect(invite.status).toBe(201);
    const accepted = await api().post(`/api/invites/${invite.body.code}/accept`, {
      body: { username: uniq('county_'), password: 'county-password-1' },
    });
    expect(accepted.status).toBe(200);
    const countyAdmin = accepted.body.token;
    expect((await api().get(`/api/orgs/${county.id}/dashboard`, { token: countyAdmin })).status).toBe(200);
    expect((await api().get(`/api/orgs/${city.id}/dashboard`, { token: countyAdmin })).status).toBe(404);
    // the county admin may not appoint peers of their own org
    expect((await api().post(`/api/orgs/${county.id}/invites`, { token: countyAdmin, body: { role: 'federation_admin' } })).status).toBe(
      403,
    );
    // a wrong role for the place is a 400
    expect((await api().post(`/api/orgs/${county.id}/invites`, { token: adminToken, body: { role: 'chair' } })).status).toBe(400);
  });
});
