// Runs the built mini-program (miniapp/dist/weapp, or WEAPP_DIST) in WeChat's official simulator:
// miniprogram-simulate renders the pages from the WXML that WeChat's own compiler (wcc) turns into
// render functions, with exparser (WeChat's component framework) dispatching events into Taro.
// The harness stands in for the parts of the WeChat client the simulator lacks: the App/Page
// registry, the page stack and lifecycles, and the `wx` APIs (see wx-shim.ts), which talk to the
// real server and the stand-in WeChat over real HTTP.
//
// One app per test file (Jest gives every file its own module registry and jsdom window).
// Any console.error during a test fails that test: exparser reports exceptions thrown in event
// handlers and lifecycles only there (Jest itself fails a test on an unhandled promise rejection).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { weappDist } from './dist';
import { createWx, type NavigationApi, type RequestFault, type WxEnv } from './wx-shim';

// --- the simulator's own modules (untyped) ---
interface SimComponent {
  instance: PageInstance;
  dom: HTMLElement;
  attach: (parent: HTMLElement) => void;
  detach: () => void;
}
interface Simulate {
  load: (path: string, options: { rootPath: string; compiler?: 'official' | 'simulate' }) => string;
  render: (id: string, props?: Record<string, unknown>) => SimComponent;
}
interface ExparserEvent {
  create: (name: string, detail: unknown, options: Record<string, unknown>) => unknown;
  dispatchEvent: (target: unknown, event: unknown) => void;
}
type PageInstance = Record<string, any> & { route?: string };
type WxNode = { id?: string; _vt?: { attrs?: Array<{ name: string; value: unknown }> } };
type WxElement = { __wxElement?: WxNode } & Element;

/** The console.error trap: installed once per test file, before the app is loaded. */
const consoleErrors: string[] = [];
const originalError = console.error.bind(console);
const formatArg = (a: unknown) => (a instanceof Error ? `${a.message}\n${a.stack ?? ''}` : typeof a === 'string' ? a : safeJson(a));
function safeJson(a: unknown): string {
  try {
    return JSON.stringify(a);
  } catch {
    return String(a);
  }
}
let echo = true;
console.error = (...args: unknown[]) => {
  consoleErrors.push(args.map(formatArg).join(' '));
  if (echo) originalError(...args);
};

/** Keeps trapping console.error but stops printing it (the negative control expects errors). */
export function silenceConsoleErrors(): void {
  echo = false;
}

export interface OpenPage {
  route: string;
  query: Record<string, string>;
  component: SimComponent;
  instance: PageInstance;
  container: HTMLElement;
}

export interface LaunchOptions {
  /** e.g. 'pages/home/index' (default: the first page in app.json) */
  path?: string;
  query?: Record<string, string>;
  /** WeChat's scene value: 1047 = scanned a mini-program code */
  scene?: number;
}

export interface WaitOptions {
  timeoutMs?: number;
  message?: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function parseUrl(url: string): { route: string; query: Record<string, string> } {
  const [path, search = ''] = url.split('?');
  const route = path.replace(/^\//, '');
  const query: Record<string, string> = {};
  // WeChat hands page query values over as they appear in the URL: still percent-encoded.
  for (const pair of search.split('&').filter(Boolean)) {
    const i = pair.indexOf('=');
    query[i < 0 ? pair : pair.slice(0, i)] = i < 0 ? '' : pair.slice(i + 1);
  }
  return { route, query };
}

export class Weapp {
  readonly env: WxEnv;
  readonly pages: OpenPage[] = [];
  /** every navigation the app asked for, with the URL it passed */
  readonly navigations: Array<{ api: NavigationApi; url?: string; delta?: number }> = [];
  private readonly simulate: Simulate;
  private readonly exparser: { Event: ExparserEvent };
  private readonly pageIds = new Map<string, string>();
  private readonly routes: string[];
  private app: Record<string, any> | null = null;

  constructor(
    readonly dist: string,
    serverUrl: string,
    wechatUrl: string,
  ) {
    if (!existsSync(join(dist, 'app.js'))) throw new Error(`no weapp build at ${dist}: run \`cd miniapp && pnpm build:weapp\` first`);
    const appJson = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8')) as {
      pages: string[];
      subPackages?: Array<{ root: string; pages: string[] }>;
      subpackages?: Array<{ root: string; pages: string[] }>;
    };
    const subs = appJson.subPackages ?? appJson.subpackages ?? [];
    this.routes = [...appJson.pages, ...subs.flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))];
    this.env = {
      serverUrl,
      wechatUrl,
      openid: newOpenid(),
      storage: new Map(),
      online: true,
      privacy: { needAuthorization: false, agree: true },
      modalAnswer: { confirm: true },
      subscribeAnswer: 'accept',
      launchOptions: {},
      navigate: (api, o) => this.navigate(api, o),
      requests: [],
      faults: [],
      feedback: [],
      networkListeners: [],
      privacyListeners: [],
      pending: new Set(),
    };

    this.simulate = require('miniprogram-simulate');

    this.exparser = require('miniprogram-exparser');
    const g = globalThis as any;
    // simulate installed its stub `wx`; ours replaces the members that matter.
    Object.assign(g.wx, createWx(this.env));
    g.App = (config: Record<string, any>) => {
      this.app = config;
    };
    g.getApp = () => this.app;
    g.getCurrentPages = () => this.pages.map((p) => p.instance);
    // The simulator has no Page(): a page is a component whose methods are the page's options.
    g.Page = (options: Record<string, any>) => {
      const methods: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(options)) if (typeof v === 'function') methods[k] = v;
      g.Component({ data: options.data ?? {}, options: options.options, behaviors: options.behaviors, methods });
    };

    require(join(dist, 'app.js'));
    if (!this.app) throw new Error('app.js did not call App()');
  }

  /** Starts the app as WeChat does when a user opens it: App.onLaunch, App.onShow, then the entry page. */
  async launch({ path, query = {}, scene = 1001 }: LaunchOptions = {}): Promise<OpenPage> {
    const route = path ?? this.routes[0];
    const options = { path: route, query, scene, referrerInfo: {}, forwardMaterials: [], apiCategory: 'default' };
    this.env.launchOptions = options;
    this.app!.onLaunch?.(options);
    this.app!.onShow?.(options);
    return this.openPage(route, query);
  }

  get current(): OpenPage {
    const top = this.pages[this.pages.length - 1];
    if (!top) throw new Error('no page is open');
    return top;
  }

  // --- the page stack ---

  private pageId(route: string): string {
    let id = this.pageIds.get(route);
    if (!id) {
      // Loaded once, rendered many times: a second load would register nothing.
      id = this.simulate.load(join(this.dist, route), { rootPath: this.dist });
      this.pageIds.set(route, id);
    }
    return id;
  }

  private async openPage(route: string, query: Record<string, string>): Promise<OpenPage> {
    if (!this.routes.includes(route)) throw new Error(`page "${route}" is not found`);
    if (this.pages.length >= 10) throw new Error('webview count limit exceed');
    const component = this.simulate.render(this.pageId(route));
    const container = document.createElement('div');
    container.setAttribute('data-route', route);
    document.body.appendChild(container);
    component.attach(container);
    const instance = component.instance;
    instance.route = route;
    instance.__route__ = route;
    instance.options = query;
    const page: OpenPage = { route, query, component, instance, container };
    this.pages.push(page);
    instance.onLoad?.({ ...query });
    instance.onShow?.();
    await sleep(0);
    instance.onReady?.();
    return page;
  }

  private closePage(page: OpenPage) {
    page.instance.onUnload?.();
    page.component.detach();
    page.container.remove();
    this.pages.splice(this.pages.indexOf(page), 1);
  }

  private hideTop() {
    const top = this.pages[this.pages.length - 1];
    if (top) {
      top.instance.onHide?.();
      top.container.hidden = true;
    }
  }

  private async navigate(api: NavigationApi, o: Record<string, any>): Promise<void> {
    const url = typeof o.url === 'string' ? o.url : undefined;
    this.navigations.push({ api, url, delta: o.delta });
    await sleep(0);
    if (api === 'navigateBack') {
      const delta = Math.max(1, Number(o.delta) || 1);
      if (this.pages.length <= 1) throw new Error('cannot navigate back at first page.');
      for (let i = 0; i < delta && this.pages.length > 1; i++) this.closePage(this.current);
      this.current.container.hidden = false;
      this.current.instance.onShow?.();
      return;
    }
    if (!url) throw new Error('parameter.url should be String');
    const { route, query } = parseUrl(url);
    if (!this.routes.includes(route)) throw new Error(`page "${route}" is not found`);
    if (api === 'switchTab') throw new Error('can not switchTab to no-tabBar page');
    if (api === 'navigateTo') this.hideTop();
    if (api === 'redirectTo' && this.pages.length) this.closePage(this.current);
    if (api === 'reLaunch') while (this.pages.length) this.closePage(this.current);
    await this.openPage(route, query);
  }

  /** Opens a page as the only one on the stack (as wx.reLaunch does), e.g. a dashboard link. */
  async reLaunch(url: string): Promise<OpenPage> {
    await this.navigate('reLaunch', { url });
    return this.current;
  }

  /** Closes every page (React unmounts) and waits for work in flight. */
  async closeAll(): Promise<void> {
    while (this.pages.length) this.closePage(this.current);
    await this.idle();
  }

  // --- finding things on the current page ---

  /** The element whose WXML id is `id` on the page on top of the stack (walks into Taro's `comp` too). */
  find(id: string): HTMLElement | null {
    const walker = document.createTreeWalker(this.current.container, NodeFilter.SHOW_ELEMENT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if ((n as WxElement).__wxElement?.id === id) return n as HTMLElement;
    }
    return null;
  }

  get(id: string): HTMLElement {
    const el = this.find(id);
    if (!el) throw new Error(`#${id} is not on ${this.current.route}; the page reads: ${this.pageText()}`);
    return el;
  }

  text(id: string): string {
    return (this.get(id).textContent ?? '').trim();
  }

  /** All visible text of the current page (for failure messages and loose checks). */
  pageText(): string {
    return (this.current.container.textContent ?? '').replace(/\s+/g, ' ').trim();
  }

  /** A WXML attribute as the template set it on the component (disabled, aria-checked, maxlength…). */
  attr(id: string, name: string): unknown {
    return wxAttr(this.get(id), name);
  }

  async waitFor<T>(probe: () => T | null | undefined | false, { timeoutMs = 10_000, message }: WaitOptions = {}): Promise<T> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const value = probe();
      if (value) return value;
      if (Date.now() > until) {
        const where = this.pages.length ? `${this.current.route}: ${this.pageText()}` : 'no page open';
        throw new Error(`${message ?? 'condition'} not met in ${timeoutMs} ms (${where})`);
      }
      await sleep(20);
    }
  }

  waitForId(id: string, opts: WaitOptions = {}): Promise<HTMLElement> {
    return this.waitFor(() => this.find(id), { message: `#${id} to appear`, ...opts });
  }

  async waitForRoute(route: string, opts: WaitOptions = {}): Promise<OpenPage> {
    return this.waitFor(() => this.pages.length > 0 && this.current.route === route && this.current, { message: `page ${route}`, ...opts });
  }

  // --- acting like a user ---

  private dispatch(el: HTMLElement, name: string, detail: unknown, bubbles: boolean) {
    const target = (el as WxElement).__wxElement;
    if (!target) throw new Error(`${el.tagName} is not a WXML node`);
    const { Event } = this.exparser;
    const touch = { identifier: 0, pageX: 10, pageY: 10, clientX: 10, clientY: 10, force: 1 };
    const touches = name === 'touchstart' ? [touch] : [];
    const changedTouches = name.startsWith('touch') || name === 'tap' ? [touch] : [];
    Event.dispatchEvent(
      target,
      Event.create(name, detail, { bubbles, composed: bubbles, capturePhase: bubbles, extraFields: { touches, changedTouches } }),
    );
  }

  /** A finger tap: touchstart, touchend, tap, through exparser into Taro's event handler and React's onClick. */
  async tap(id: string): Promise<void> {
    const el = this.get(id);
    if (wxAttr(el, 'disabled') === true) {
      throw new Error(`#${id} is disabled: a user could not tap it (${this.pageText()})`);
    }
    this.dispatch(el, 'touchstart', {}, true);
    this.dispatch(el, 'touchend', {}, true);
    this.dispatch(el, 'tap', { x: 10, y: 10 }, true);
    await sleep(0);
  }

  /** Replaces the text of an <input>/<textarea> (select all, type) as WeChat reports it: focus, one input event per character
   *  (detail.value = the text so far, cut at maxlength as the native control does), blur. */
  async type(id: string, text: string): Promise<void> {
    const el = this.get(id);
    // WeChat's input and textarea both default to maxlength 140.
    const max = Number(wxAttr(el, 'maxlength') ?? 140);
    this.dispatch(el, 'focus', { value: '', height: 0 }, false);
    const chars = Array.from(text);
    let value = '';
    for (const ch of chars) {
      if (max >= 0 && Array.from(value).length >= max) break;
      value += ch;
      this.dispatch(this.get(id), 'input', { value, cursor: value.length, keyCode: ch.charCodeAt(0) }, false);
      await sleep(0);
    }
    this.dispatch(this.get(id), 'blur', { value, cursor: value.length }, false);
    await sleep(0);
  }

  /** Any other component event (change, confirm, agreeprivacyauthorization…) with its detail. */
  async trigger(id: string, name: string, detail: unknown = {}): Promise<void> {
    this.dispatch(this.get(id), name, detail, false);
    await sleep(0);
  }

  // --- the device ---

  /** Answers the next request(s) whose path matches with a scripted status or a network failure. */
  failRequests(fault: RequestFault): void {
    this.env.faults.push(fault);
  }

  setOnline(online: boolean): void {
    this.env.online = online;
    for (const l of [...this.env.networkListeners]) l({ isConnected: online, networkType: online ? 'wifi' : 'none' });
  }

  storageGet(key: string): unknown {
    const raw = this.env.storage.get(key);
    return raw === undefined ? undefined : JSON.parse(raw);
  }

  /** A different WeChat user on a fresh device: new openid, empty storage. */
  newDevice(): void {
    this.env.openid = newOpenid();
    this.env.storage.clear();
  }

  /** Waits until no request, login or navigation is in flight and the page has had time to render. */
  async idle(timeoutMs = 10_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (this.env.pending.size > 0) {
      if (Date.now() > until)
        throw new Error(
          `still busy after ${timeoutMs} ms: ${this.env.requests
            .filter((r) => r.status === undefined && !r.failed)
            .map((r) => r.path)
            .join(', ')}`,
        );
      await Promise.race([...this.env.pending, sleep(50)]);
    }
    await sleep(30);
  }
}

/** WeChat's compiler hands attributes over camel-cased (aria-checked → ariaChecked); either spelling works. */
function wxAttr(el: Element, name: string): unknown {
  const camel = name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  return (el as WxElement).__wxElement?._vt?.attrs?.find((a) => a.name === name || a.name === camel)?.value;
}

function newOpenid(): string {
  return `o${randomBytes(14).toString('base64url')}`;
}

let loaded: Weapp | null = null;

/** The app of this test file, loaded on first use from WEAPP_DIST or miniapp/dist/weapp. */
export function weapp(dist = weappDist()): Weapp {
  const serverUrl = process.env.PINGJIA_URL;
  const wechatUrl = process.env.FAKE_WECHAT_URL;
  if (!serverUrl || !wechatUrl) throw new Error('PINGJIA_URL / FAKE_WECHAT_URL not set: run through tests/weapp/jest.config.js');
  if (loaded && loaded.dist !== resolve(dist)) throw new Error(`one app per test file: ${loaded.dist} is loaded, not ${dist}`);
  loaded ??= new Weapp(resolve(dist), serverUrl, wechatUrl);
  return loaded;
}

/** The console.error trap: throws (and forgets them) when anything was logged since the last check. */
export function assertNoConsoleErrors(): void {
  const errors = consoleErrors.splice(0, consoleErrors.length);
  if (errors.length) throw new Error(`console.error during the test (${errors.length}):\n${errors.join('\n---\n')}`);
}

// Every test ends with the app settled and no console.error; a late error fails the test it came from.
afterEach(async () => {
  if (loaded) await loaded.idle().catch((e: Error) => consoleErrors.push(e.message));
  assertNoConsoleErrors();
});

afterAll(async () => {
  if (loaded) await loaded.closeAll();
});
