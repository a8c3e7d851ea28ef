// The `wx` APIs the mini-program (and Taro's runtime) call, shimmed for the simulator. miniprogram-simulate
// ships no-op stubs for most of `wx`; these replace the ones whose results matter: network to the real
// server over real HTTP, wx.login against the stand-in WeChat, storage, navigation, UI feedback, privacy.
// Callbacks run asynchronously, as on a device; an exception inside an app callback is reported through
// console.error (WeChat's "thirdScriptError"), which fails the test.
import { HttpTimeout, httpCall } from './node-http';

type Callbacks = { success?: (r: any) => void; fail?: (r: any) => void; complete?: (r: any) => void };
type Opts = Callbacks & Record<string, any>;

export type NavigationApi = 'navigateTo' | 'redirectTo' | 'reLaunch' | 'navigateBack' | 'switchTab';

interface RequestRecord {
  method: string;
  /** the URL the app asked for (before it is pointed at the test server) */
  url: string;
  path: string;
  status?: number;
  failed?: string;
  injected?: boolean;
}

/** A scripted answer for matching requests: a status and body, or a network failure. */
export interface RequestFault {
  match: RegExp;
  method?: string;
  reply: { statusCode: number; data: unknown } | { fail: string };
  /** how many requests it answers (default 1) */
  times?: number;
}

export interface WxEnv {
  serverUrl: string;
  wechatUrl: string;
  /** the WeChat user on this device: wx.login codes resolve to this openid */
  openid: string;
  storage: Map<string, string>;
  online: boolean;
  privacy: { needAuthorization: boolean; agree: boolean };
  modalAnswer: { confirm: boolean };
  /** the user's answer in wx.requestSubscribeMessage's popup; 'accept' grants the stand-in one message per template */
  subscribeAnswer: 'accept' | 'reject';
  launchOptions: Record<string, unknown>;
  navigate: (api: NavigationApi, options: Opts) => Promise<void>;
  requests: RequestRecord[];
  faults: RequestFault[];
  /** every UI feedback call (showToast, showModal, showLoading…), in order */
  feedback: Array<{ api: string; options: Record<string, unknown> }>;
  networkListeners: Array<(r: { isConnected: boolean; networkType: string }) => void>;
  privacyListeners: Array<(resolve: unknown, event: unknown) => void>;
  /** work in flight (requests, logins, navigations): the harness waits on it before judging a test */
  pending: Set<Promise<unknown>>;
}

/** Runs an app callback as WeChat does: asynchronously, an exception reported and not propagated. */
function callBack(api: string, fn: ((r: any) => void) | undefined, result: unknown) {
  if (!fn) return;
  try {
    fn(result);
  } catch (e) {
    console.error(`thirdScriptError in ${api} callback:`, e);
  }
}

function asyncApi(env: WxEnv, name: string, run: (o: Opts) => Promise<Record<string, unknown> | void>) {
  return (o: Opts = {}) => {
    const promised = !o.success && !o.fail && !o.complete;
    const work = (async () => run(o))().then(
      (res) => {
        const r = { errMsg: `${name}:ok`, ...(res ?? {}) };
        callBack(name, o.success, r);
        callBack(name, o.complete, r);
        return { ok: true as const, r };
      },
      (err: unknown) => {
        const r = { errMsg: `${name}:fail ${err instanceof Error ? err.message : String(err)}` };
        callBack(name, o.fail, r);
        callBack(name, o.complete, r);
        return { ok: false as const, r };
      },
    );
    env.pending.add(work);
    void work.finally(() => env.pending.delete(work));
    // Without callbacks, current base libraries return a promise.
    if (promised) return work.then(({ ok, r }) => (ok ? r : Promise.reject(r)));
    return undefined;
  };
}

const serialize = (data: unknown) => JSON.stringify(data === undefined ? null : data);

function queryString(data: Record<string, unknown>): string {
  return Object.entries(data)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(typeof v === 'object' ? JSON.stringify(v) : String(v))}`)
    .join('&');
}

function wxRequest(env: WxEnv) {
  return (o: Opts) => {
    const method = String(o.method ?? 'GET').toUpperCase();
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries((o.header as Record<string, unknown>) ?? {})) headers[k.toLowerCase()] = String(v);
    let aborted = false;
    let target: URL | null = null;
    try {
      target = new URL(String(o.url));
    } catch {
      /* relative or malformed: WeChat refuses it */
    }
    const record: RequestRecord = { method, url: String(o.url), path: target ? target.pathname + target.search : String(o.url) };
    env.requests.push(record);

    const run = async (): Promise<Record<string, unknown>> => {
      if (!target || !/^https?:$/.test(target.protocol)) throw new Error('invalid url');
      // The app's API origin is fixed at build time; here it is the test server.
      let url = env.serverUrl + target.pathname + target.search;
      let body: string | undefined;
      const data = o.data;
      if (method === 'GET' || method === 'HEAD') {
        if (data && typeof data === 'object') url += (target.search ? '&' : '?') + queryString(data as Record<string, unknown>);
      } else if (data !== undefined) {
        headers['content-type'] ??= 'application/json';
        body =
          typeof data === 'string'
            ? data
            : headers['content-type'].includes('json')
              ? JSON.stringify(data)
              : queryString(data as Record<string, unknown>);
      }
      const faultIndex = env.faults.findIndex((f) => f.match.test(record.path) && (!f.method || f.method === method));
      if (faultIndex >= 0) {
        const fault = env.faults[faultIndex];
        fault.times = (fault.times ?? 1) - 1;
        if (fault.times <= 0) env.faults.splice(faultIndex, 1);
        record.injected = true;
        await new Promise((r) => setTimeout(r, 5));
        if ('fail' in fault.reply) throw new Error(fault.reply.fail);
        record.status = fault.reply.statusCode;
        return { statusCode: fault.reply.statusCode, data: fault.reply.data, header: {}, cookies: [] };
      }
      if (!env.online) throw new Error('network not connected');
      let reply;
      try {
        reply = await httpCall(method, url, { body, headers, timeoutMs: Number(o.timeout) || 60_000 });
      } catch (e) {
        throw new Error(e instanceof HttpTimeout ? 'timeout' : (e as Error).message, { cause: e });
      }
      if (aborted) throw new Error('abort');
      record.status = reply.status;
      // dataType 'json' (the default) parses when it can and keeps the text otherwise, as WeChat does.
      let parsed: unknown = reply.text;
      if ((o.dataType ?? 'json') === 'json') {
        try {
          parsed = JSON.parse(reply.text);
        } catch {
          /* keep the text */
        }
      }
      return { statusCode: reply.status, data: parsed, header: reply.headers, cookies: [] };
    };
    const api = asyncApi(env, 'request', async () => {
      try {
        return await run();
      } catch (e) {
        record.failed = (e as Error).message;
        throw e;
      }
    });
    api(o.success || o.fail || o.complete ? o : { ...o, complete: () => undefined });
    const noop = () => undefined;
    return {
      abort: () => void (aborted = true),
      onHeadersReceived: noop,
      offHeadersReceived: noop,
      onChunkReceived: noop,
      offChunkReceived: noop,
    };
  };
}

function storageApis(env: WxEnv) {
  const need = (api: string, key: unknown) => {
    if (typeof key !== 'string' || !key) throw new Error(`${api}:fail parameter error: parameter.key should be String`);
    return key;
  };
  const read = (key: string) => {
    const raw = env.storage.get(key);
    return raw === undefined ? undefined : JSON.parse(raw);
  };
  const info = () => ({
    keys: [...env.storage.keys()],
    currentSize: Math.ceil([...env.storage.values()].join('').length / 1024),
    limitSize: 10240,
  });
  return {
    setStorageSync: (key: unknown, data: unknown) => void env.storage.set(need('setStorageSync', key), serialize(data)),
    getStorageSync: (key: unknown) => read(need('getStorageSync', key)) ?? '',
    removeStorageSync: (key: unknown) => void env.storage.delete(need('removeStorageSync', key)),
    clearStorageSync: () => env.storage.clear(),
    getStorageInfoSync: info,
    setStorage: asyncApi(env, 'setStorage', async (o) => void env.storage.set(need('setStorage', o.key), serialize(o.data))),
    getStorage: asyncApi(env, 'getStorage', async (o) => {
      const value = read(need('getStorage', o.key));
      if (value === undefined) throw new Error('data not found');
      return { data: value };
    }),
    removeStorage: asyncApi(env, 'removeStorage', async (o) => void env.storage.delete(need('removeStorage', o.key))),
    clearStorage: asyncApi(env, 'clearStorage', async () => env.storage.clear()),
    getStorageInfo: asyncApi(env, 'getStorageInfo', async () => info()),
  };
}

function feedbackApis(env: WxEnv) {
  const shown = (api: string, result: (o: Opts) => Record<string, unknown> | void = () => undefined) =>
    asyncApi(env, api, async (o) => {
      const { success: _s, fail: _f, complete: _c, ...options } = o;
      env.feedback.push({ api, options });
      return result(o);
    });
  return {
    showToast: shown('showToast'),
    hideToast: shown('hideToast'),
    showLoading: shown('showLoading'),
    hideLoading: shown('hideLoading'),
    showModal: shown('showModal', (o) => ({
      confirm: env.modalAnswer.confirm,
      cancel: !env.modalAnswer.confirm,
      content: o.editable ? '' : undefined,
    })),
    showActionSheet: shown('showActionSheet', () => {
      throw new Error('cancel');
    }),
  };
}

/** The `wx` members the harness provides; everything else stays miniprogram-simulate's stub. */
export function createWx(env: WxEnv): Record<string, unknown> {
  const navigation = (api: NavigationApi) => asyncApi(env, api, async (o) => env.navigate(api, o));
  return {
    request: wxRequest(env),
    login: asyncApi(env, 'login', async () => {
      if (!env.online) throw new Error('network not connected');
      const reply = await httpCall('POST', `${env.wechatUrl}/__control/codes`, {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ openid: env.openid }),
      });
      if (reply.status !== 200 || typeof reply.body?.code !== 'string') throw new Error(`stand-in WeChat: ${reply.status}`);
      return { code: reply.body.code };
    }),
    checkSession: asyncApi(env, 'checkSession', async () => undefined),
    requestSubscribeMessage: asyncApi(env, 'requestSubscribeMessage', async (o) => {
      const ids = Array.isArray(o.tmplIds) ? (o.tmplIds as string[]) : [];
      if (!ids.length) throw new Error('TmplIds can not be empty');
      const answers: Record<string, string> = {};
      for (const templateId of ids) {
        answers[templateId] = env.subscribeAnswer;
        if (env.subscribeAnswer !== 'accept') continue;
        await httpCall('POST', `${env.wechatUrl}/__control/subscribe`, {
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ openid: env.openid, templateId }),
        });
      }
      return answers;
    }),
    ...storageApis(env),
    ...feedbackApis(env),
    navigateTo: navigation('navigateTo'),
    redirectTo: navigation('redirectTo'),
    reLaunch: navigation('reLaunch'),
    navigateBack: navigation('navigateBack'),
    switchTab: navigation('switchTab'),
    getLaunchOptionsSync: () => env.launchOptions,
    getEnterOptionsSync: () => env.launchOptions,
    // Privacy (base library 2.32.3+): consent is granted unless a test says otherwise.
    getPrivacySetting: asyncApi(env, 'getPrivacySetting', async () => ({
      needAuthorization: env.privacy.needAuthorization,
      privacyContractName: '《评家小程序隐私保护指引》',
    })),
    requirePrivacyAuthorize: asyncApi(env, 'requirePrivacyAuthorize', async () => {
      if (!env.privacy.agree) throw new Error('privacy permission is not authorized');
      env.privacy.needAuthorization = false;
    }),
    onNeedPrivacyAuthorization: (listener: (resolve: unknown, event: unknown) => void) => void env.privacyListeners.push(listener),
    openPrivacyContract: asyncApi(env, 'openPrivacyContract', async () => undefined),
    getNetworkType: asyncApi(env, 'getNetworkType', async () => ({ networkType: env.online ? 'wifi' : 'none' })),
    onNetworkStatusChange: (listener: (r: { isConnected: boolean; networkType: string }) => void) =>
      void env.networkListeners.push(listener),
    offNetworkStatusChange: (listener?: (r: { isConnected: boolean; networkType: string }) => void) => {
      const keep = listener ? env.networkListeners.filter((l) => l !== listener) : [];
      env.networkListeners.splice(0, env.networkListeners.length, ...keep);
    },
    // The simulator lays nothing out, so a selector query finds no node (answers null, as WeChat does for
    // a selector that matches nothing): charts are not drawn here; the tables beside them carry the figures.
    createSelectorQuery: () => {
      let asked = 0;
      const query = {
        in: () => query,
        select: () => target,
        selectAll: () => target,
        selectViewport: () => target,
        exec: (cb?: (res: null[]) => void) => {
          const answer = Array.from({ length: asked }, () => null);
          setTimeout(() => callBack('createSelectorQuery.exec', cb, answer), 0);
          return query;
        },
      };
      const ask = () => {
        asked += 1;
        return query;
      };
      const target = { fields: ask, boundingClientRect: ask, scrollOffset: ask, node: ask, context: ask };
      return query;
    },
    // Charts measure text on an offscreen canvas; @napi-rs/canvas provides a real one.
    createOffscreenCanvas: (o: { width?: number; height?: number } = {}) => {
      const { createCanvas } = require('@napi-rs/canvas') as typeof import('@napi-rs/canvas');
      return createCanvas(o.width ?? 1, o.height ?? 1);
    },
  };
}
