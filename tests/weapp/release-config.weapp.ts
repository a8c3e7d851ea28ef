/** @jest-environment node */
// A release build for WeChat must name the API's https origin: WeChat calls only https domains on the
// mini-program's allow-list. The check runs before anything is compiled, so refused builds stop at once;
// the accepted one is the suite's own build, checked whole.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/server';
import { weappDist } from './dist';

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
    expect(`${run.stdout}${run.stderr}`).toContain("TARO_APP_API_BASE must be the API's https origin");
  });

  // The suite's own build is the release build (scripts/test.sh builds it with the origin below, and every
  // other weapp test runs on it): completed, not stopped part-way, and the origin is in its code.
  it('is the build under test: a complete release build that calls only the https origin it was given', () => {
    const origin = process.env.WEAPP_RELEASE_ORIGIN;
    if (!origin)
      throw new Error(
        'WEAPP_RELEASE_ORIGIN is not set: build with `PINGJIA_RELEASE=true TARO_APP_API_BASE=https://… pnpm build:weapp` and pass the origin',
      );
    const dist = weappDist();
    const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8')) as {
      pages: string[];
      subPackages: Array<{ root: string; pages: string[] }>;
    };
    const pages = [...app.pages, ...app.subPackages.flatMap((p) => p.pages.map((x) => `${p.root}/${x}`))];
    expect(pages.length).toBeGreaterThan(20);
    for (const page of pages)
      for (const ext of ['js', 'json', 'wxml']) expect([page, ext, existsSync(join(dist, `${page}.${ext}`))]).toEqual([page, ext, true]);
    const code = readdirSync(dist)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(dist, f), 'utf8'))
      .join('\n');
    expect(code).toContain(JSON.stringify(origin).slice(1, -1));
    expect(code).not.toContain('http://127.0.0.1:3000');
  });
});
