/** @jest-environment node */
// A release build for WeChat must name the API's https origin: WeChat calls only https domains on the
// mini-program's allow-list. The check runs before anything is compiled, so these builds stop at once.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/server';

function releaseBuild(apiBase: string | undefined, timeout = 60_000) {
  const env: NodeJS.ProcessEnv = { ...process.env, PINGJIA_RELEASE: 'true', MINIAPP_OUT: 'dist/release-check' };
  if (apiBase === undefined) delete env.TARO_APP_API_BASE;
  else env.TARO_APP_API_BASE = apiBase;
  const cli = join(ROOT, 'miniapp/node_modules/.bin/taro');
  return spawnSync(cli, ['build', '--type', 'weapp'], { cwd: join(ROOT, 'miniapp'), env, encoding: 'utf8', timeout });
}

describe('a release build of the weapp', () => {
  afterAll(() => rmSync(join(ROOT, 'miniapp/dist/release-check'), { recursive: true, force: true }));

  it.each([
    ['unset', undefined],
    ['plain http', 'http://pingjia.example.org'],
    ['with a path', 'https://pingjia.example.org/api'],
    ['the development default', 'http://127.0.0.1:3000'],
  ])('refuses an API base that is %s, naming the variable', (_what, base) => {
    const run = releaseBuild(base);
    expect(run.status).not.toBe(0);
    expect(`${run.stdout}${run.stderr}`).toContain('TARO_APP_API_BASE must be the API\'s https origin');
  });

  it('lets an https origin through (the build goes on compiling; stopped after a few seconds)', () => {
    const run = releaseBuild('https://pingjia.example.org', 6_000);
    expect(`${run.stdout}${run.stderr}`).not.toContain('TARO_APP_API_BASE');
    expect(run.status === 0 || run.signal === 'SIGTERM').toBe(true);
  });
});
