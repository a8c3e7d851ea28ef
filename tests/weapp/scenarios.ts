// User journeys through the mini-program, shared by the tests and by the negative control (which
// runs the very same journeys on a deliberately broken build and expects them to fail).
import { CRITERION_KEYS, SCORE_LABELS, type Scores, type Verdict } from '@pingjia/shared';
import type { OpenPage, Weapp } from './harness';
import type { DemoHome } from './server-api';

export interface Answers {
  scores: Scores;
  verdict: Verdict;
  comment: string;
}

export interface JourneyOptions {
  /** how long to wait for each screen (the negative control waits less) */
  timeoutMs?: number;
}

/** Scans the home's QR code: WeChat opens the landing page with `scene` URL-encoded in the options.
 *  The first scan launches the app; later ones relaunch it on the landing page. */
export async function scanHomeCode(h: Weapp, home: DemoHome, { timeoutMs }: JourneyOptions = {}): Promise<OpenPage> {
  const scene = encodeURIComponent(home.sceneToken);
  const page = h.pages.length
    ? await h.reLaunch(`/pages/home/index?scene=${scene}`)
    : await h.launch({ path: 'pages/home/index', query: { scene }, scene: 1047 });
  await h.waitForId('home-name', { timeoutMs });
  expect(h.text('home-name')).toBe(home.name);
  return page;
}

/** From the landing page: start (or change) the rating and wait for the form. */
export async function openRatingForm(h: Weapp, { timeoutMs }: JourneyOptions = {}): Promise<OpenPage> {
  await h.tap('start-rating');
  const page = await h.waitForRoute('pages/rate/index', { timeoutMs });
  await h.waitForId('submit-rating', { timeoutMs });
  return page;
}

/** On the rating form: a star for each criterion, a verdict, a comment; ends with submit enabled. */
export async function fillForm(h: Weapp, answers: Answers, { timeoutMs }: JourneyOptions = {}): Promise<void> {
  for (const key of CRITERION_KEYS) {
    const n = answers.scores[key];
    await h.tap(`star-${key}-${n}`);
    await h.waitFor(() => h.find(`score-${key}`)?.textContent?.includes(`${n} 分 · ${SCORE_LABELS[n]}`), {
      message: `${key} to show ${n} stars`,
      timeoutMs,
    });
  }
  await h.tap(`verdict-${answers.verdict}`);
  await h.waitFor(() => h.attr(`verdict-${answers.verdict}`, 'aria-checked') === true, {
    message: 'the verdict to be selected',
    timeoutMs,
  });
  await h.type('comment', answers.comment);
  await h.waitFor(() => h.attr('submit-rating', 'disabled') === false, { message: 'submit to be enabled', timeoutMs });
}

/** The whole form, then submit; ends on the thanks page. */
export async function fillAndSubmit(h: Weapp, answers: Answers, opts: JourneyOptions = {}): Promise<void> {
  const { timeoutMs } = opts;
  await fillForm(h, answers, opts);
  await h.tap('submit-rating');
  await h.waitForRoute('pages/thanks/index', { timeoutMs });
  await h.waitForId('thanks', { timeoutMs });
}
