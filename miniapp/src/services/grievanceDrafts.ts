import {
  GRIEVANCE_TOPICS,
  GRIEVANCE_TYPES,
  type CreateGrievanceRequest,
  type GrievanceCreated,
  type GrievanceTopic,
  type GrievanceType,
} from '@pingjia/shared';
import { isRecord, readStored, writeStored } from './storage';

// An unsent grievance, one per home, kept on the device until the server has it: nothing typed is lost when
// the worker leaves the form or the network drops. Its Idempotency-Key is made once, with the draft, so a
// retry after a lost answer gets the first grievance back instead of filing a second one.
const DRAFTS_KEY = 'pingjia.grievanceDrafts';
const HOMES_KEY = 'pingjia.grievanceHomes';
const MAX_HOMES = 10;

export interface GrievanceValues {
  type: GrievanceType | null;
  topic: GrievanceTopic | null;
  content: string;
  /** null until the worker chose */
  anonymous: boolean | null;
  contact: string;
  /** weapp: the worker ticked "notify me" */
  notify: boolean;
}

export interface GrievanceDraft {
  homeId: string;
  homeName: string;
  values: GrievanceValues;
  idempotencyKey: string;
  /** WeChat's subscribe popup was answered for this draft (asked once, so retries send the same body) */
  subscribed: boolean | null;
  /** the body of the last try that got no answer: it may have reached the server */
  unanswered: CreateGrievanceRequest | null;
  /** why the last try failed, shown when the form opens again */
  problem: string | null;
  savedAt: string;
}

export const EMPTY_GRIEVANCE: GrievanceValues = { type: null, topic: null, content: '', anonymous: null, contact: '', notify: false };

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** 8..128 of [A-Za-z0-9_.:-] as the server wants; unique enough per worker (the server scopes keys by caller). */
export function newIdempotencyKey(): string {
  let key = `g${Date.now().toString(36)}_`;
  for (let i = 0; i < 24; i++) key += KEY_ALPHABET[Math.floor(Math.random() * KEY_ALPHABET.length)];
  return key;
}

const isType = (v: unknown): v is GrievanceType => (GRIEVANCE_TYPES as readonly unknown[]).includes(v);
const isTopic = (v: unknown): v is GrievanceTopic => (GRIEVANCE_TOPICS as readonly unknown[]).includes(v);

function isDraft(value: unknown): value is GrievanceDraft {
  if (!isRecord(value) || !isRecord(value.values)) return false;
  const v = value.values;
  return (
    typeof value.homeId === 'string' &&
    typeof value.idempotencyKey === 'string' &&
    typeof v.content === 'string' &&
    typeof v.contact === 'string' &&
    (v.type === null || isType(v.type)) &&
    (v.topic === null || isTopic(v.topic))
  );
}

function readAll(): Record<string, GrievanceDraft> {
  const stored = readStored(DRAFTS_KEY, isRecord, {});
  const out: Record<string, GrievanceDraft> = {};
  for (const [key, value] of Object.entries(stored)) if (isDraft(value)) out[key] = value;
  return out;
}

export function readGrievanceDraft(homeId: string): GrievanceDraft | null {
  return readAll()[homeId] ?? null;
}

/** false when the device could not store it. */
export function saveGrievanceDraft(draft: GrievanceDraft): boolean {
  const all = readAll();
  all[draft.homeId] = draft;
  return writeStored(DRAFTS_KEY, all);
}

export function removeGrievanceDraft(homeId: string): void {
  const all = readAll();
  delete all[homeId];
  writeStored(DRAFTS_KEY, all);
}

export interface KnownHome {
  /** the home; or the federation's id when `toOrg` */
  homeId: string;
  homeName: string;
  /** filed straight to a federation (a workplace without a home) */
  toOrg?: boolean;
}

const isKnownHome = (v: unknown): v is KnownHome => isRecord(v) && typeof v.homeId === 'string' && typeof v.homeName === 'string';
const isList = (v: unknown): v is unknown[] => Array.isArray(v);

/** Homes this device opened the grievance form for, newest first (to offer them again from "我的诉求"). */
export function listGrievanceHomes(): KnownHome[] {
  return readStored(HOMES_KEY, isList, []).filter(isKnownHome);
}

export function rememberGrievanceHome(home: KnownHome): void {
  const rest = listGrievanceHomes().filter((h) => h.homeId !== home.homeId);
  writeStored(HOMES_KEY, [home, ...rest].slice(0, MAX_HOMES));
}

// The tracking code is shown once, on the page after the form, and never stored: it is handed over in memory.
export interface GrievanceReceipt {
  created: GrievanceCreated;
  homeName: string;
  type: GrievanceType;
  anonymous: boolean;
}

let receipt: GrievanceReceipt | null = null;

export function handOverReceipt(r: GrievanceReceipt): void {
  receipt = r;
}

/** The receipt, once: a second call (a reload, a second visit) gets null. */
export function takeReceipt(): GrievanceReceipt | null {
  const r = receipt;
  receipt = null;
  return r;
}
