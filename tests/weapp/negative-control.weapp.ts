// The negative control: the same journeys on a copy of the weapp build with a handler and a page
// deliberately broken. The harness must report both (console.error trap, failed waits); if it did
// not, every other weapp test could be passing vacuously.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { weappDist } from './dist';
import { assertNoConsoleErrors, silenceConsoleErrors, weapp } from './harness';
import { fillAndSubmit, scanHomeCode } from './scenarios';
import { adminLogin, demoHomes, homeDashboard, myRating, type DemoHome } from './server-api';
import { scoresOf } from '../support/scores';

const SUBMIT_BROKEN = 'negative control: the submit handler is broken';
const HOME_BROKEN = 'negative control: the landing page cannot render';

/** Rewrites one spot of a built file; fails loudly when the build no longer has that spot. */
function breakFile(file: string, pattern: RegExp, replacement: string) {
  const code = readFileSync(file, 'utf8');
  const hits = code.match(new RegExp(pattern.source, 'g'))?.length ?? 0;
  if (hits !== 1)
    throw new Error(`negative control: expected one match of ${pattern} in ${file}, found ${hits}; update the control to the new build`);
  writeFileSync(file, code.replace(pattern, replacement));
}

function brokenBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pingjia-weapp-broken-'));
  cpSync(weappDist(), dir, { recursive: true });
  // The rating form's submit button: a throwing onClick takes the place of the real one (kept under another name).
  breakFile(
    join(dir, 'pages/rate/index.js'),
    /(id:"submit-rating"[\s\S]{0,800}?)onClick:/,
    `$1onClick:function(){throw new Error(${JSON.stringify(SUBMIT_BROKEN)})},replacedOnClick:`,
  );
  // The landing page: its component now throws while rendering.
  breakFile(
    join(dir, 'pages/home/index.js'),
    /(\(0,[\w$]+\.[\w$]+\)\()[\w$]+(,"pages\/home\/index")/,
    `$1function(){throw new Error(${JSON.stringify(HOME_BROKEN)})}$2`,
  );
  return dir;
}

describe('negative control: a broken weapp build fails the same journeys', () => {
  const broken = brokenBuild();
  const h = weapp(broken);
  silenceConsoleErrors();
  afterAll(async () => {
    await h.closeAll();
    rmSync(broken, { recursive: true, force: true });
  });
  let home: DemoHome;
  let campaign: { id: string; closesAt?: string };

  beforeAll(async () => {
    const { token } = await adminLogin();
    home = demoHomes()[2];
    campaign = (await homeDashboard(token, home.id)).campaign;
  });

  it('a submit handler that throws: the journey fails, the error is caught by the console.error trap, nothing is stored', async () => {
    // The landing page is broken too, so open the form the way the landing page would.
    await h.launch({ path: 'pages/rate/index', query: { homeId: home.id, campaignId: campaign.id, scene: home.sceneToken } });
    await h.waitForId('submit-rating');
    const journey = fillAndSubmit(h, { scores: scoresOf(4), verdict: 'satisfied', comment: '对照组' }, { timeoutMs: 4000 });
    await expect(journey).rejects.toThrow(/pages\/thanks\/index not met/);
    await h.idle();
    expect(() => assertNoConsoleErrors()).toThrow(SUBMIT_BROKEN);
    expect(await myRating(h.storageGet('pingjia.token') as string, campaign.id, home.id)).toBeNull();
  });

  it('a page that throws while rendering: the landing journey fails and the console.error trap fires', async () => {
    await expect(scanHomeCode(h, home, { timeoutMs: 4000 })).rejects.toThrow(/#home-name to appear not met/);
    await h.idle();
    expect(() => assertNoConsoleErrors()).toThrow(HOME_BROKEN);
  });
});
