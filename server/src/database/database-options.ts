import type { DataSourceOptions } from 'typeorm';
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AppConfig } from '../config/app-config';
import { Initial1764000000000 } from './migrations/1764000000000-initial';
import { Notify1764000000790 } from './migrations/1764000000790-notify';
import { HeldAttachments1764000000810 } from './migrations/1764000000810-held-attachments';
import { RatingsByHome1764000000820 } from './migrations/1764000000820-ratings-by-home';
import { GrievanceFiguresByOrg1764000000821 } from './migrations/1764000000821-grievance-figures-by-org';
import { Roster1764000000001 } from './migrations/1764000000001-roster';
import { Grievances1764000000010 } from './migrations/1764000000010-grievances';
import { Oversight1764000000020 } from './migrations/1764000000020-oversight';
import { ShownTotals1764000000030 } from './migrations/1764000000030-shown-totals';
import { GrievanceOrgPath1764000000040 } from './migrations/1764000000040-grievance-org-path';
import { LoginAttempts1764000000150 } from './migrations/1764000000150-login-attempts';
import { ProvinceCalendar1764000000160 } from './migrations/1764000000160-province-calendar';
import { DropShownTotals1764000000500 } from './migrations/1764000000500-drop-shown-totals';
import { RatingIntegrity1764000000060 } from './migrations/1764000000060-rating-integrity';
import { SealedOpenids1764000000070 } from './migrations/1764000000070-sealed-openids';
import { ProvinceSettings1764000000610 } from './migrations/1764000000610-province-settings';
import { PlanEndorsements1764000000630 } from './migrations/1764000000630-plan-endorsements';
import { Structure1764000000640 } from './migrations/1764000000640-structure';
import { CalendarYears1764000000650 } from './migrations/1764000000650-calendar-years';
import { ExternalCodes1764000000671 } from './migrations/1764000000671-external-codes';
import { RectificationSendBack1764000000720 } from './migrations/1764000000720-rectification-send-back';
import { GrievanceThread1764000000719 } from './migrations/1764000000719-grievance-thread';
import { CampaignLifecycle1764000000730 } from './migrations/1764000000730-campaign-lifecycle';
import { StaffNotifications1764000000740 } from './migrations/1764000000740-staff-notifications';
import { WebOpenid1764000000750 } from './migrations/1764000000750-web-openid';
import { PasswordResets1764000000740 } from './migrations/1764000000740-password-resets';
import { ImportJobs1764000000763 } from './migrations/1764000000763-import-jobs';
import { CampaignHomePaths1764000000764 } from './migrations/1764000000764-campaign-home-paths';
import { IdempotencyCommitted1764000000805 } from './migrations/1764000000805-idempotency-committed';
import { CampaignHomesByHome1764000000806 } from './migrations/1764000000806-campaign-homes-by-home';

export const MIGRATIONS = [
  Initial1764000000000,
  Roster1764000000001,
  Grievances1764000000010,
  Oversight1764000000020,
  ShownTotals1764000000030,
  GrievanceOrgPath1764000000040,
  RatingIntegrity1764000000060,
  SealedOpenids1764000000070,
  LoginAttempts1764000000150,
  ProvinceCalendar1764000000160,
  DropShownTotals1764000000500,
  ProvinceSettings1764000000610,
  PlanEndorsements1764000000630,
  Structure1764000000640,
  CalendarYears1764000000650,
  ExternalCodes1764000000671,
  RectificationSendBack1764000000720,
  GrievanceThread1764000000719,
  CampaignLifecycle1764000000730,
  StaffNotifications1764000000740,
  WebOpenid1764000000750,
  PasswordResets1764000000740,
  ImportJobs1764000000763,
  CampaignHomePaths1764000000764,
  Notify1764000000790,
  IdempotencyCommitted1764000000805,
  CampaignHomesByHome1764000000806,
  HeldAttachments1764000000810,
  RatingsByHome1764000000820,
  GrievanceFiguresByOrg1764000000821,
];

// Schema changes only through migrations, never `synchronize`. No entity list here: each feature
// module registers its own entities (TypeOrmModule.forFeature) and the app loads them from there
// (autoLoadEntities); the TypeORM CLI finds them by file name (data-source.ts).
export function databaseOptions(db: AppConfig['database']): DataSourceOptions {
  const common = { migrations: MIGRATIONS, synchronize: false, migrationsRun: false, logging: false } as const;
  if (db.kind === 'mysql') {
    // trace: false — mysql2 otherwise captures a stack trace for every query (Error.captureStackTrace, ~19 µs
    // each; a home dashboard's miss runs eight: docs/performance.md, sixth pass). A failed query still says
    // which statement failed (TypeORM's QueryFailedError carries it); its stack ends in the driver.
    const mysql = {
      ...common,
      type: 'mysql',
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      trace: false,
      extra: { connectionLimit: 20 },
    } as const;
    if (!db.replicaUrls?.length) return { ...mysql, url: db.url };
    // Replicas (DATABASE_REPLICA_URLS): every query goes to the primary unless a read path asks for a
    // replica (database/read-replicas.ts); replicas are taken in turn.
    return {
      ...mysql,
      replication: { master: { url: db.url }, slaves: db.replicaUrls.map((url) => ({ url })), defaultMode: 'master', selector: 'RR' },
    };
  }
  ownerOnly(db.file);
  return {
    ...common,
    type: 'better-sqlite3',
    database: db.file,
    // WAL lets readers run beside the writer; synchronous=FULL makes every acknowledged commit durable.
    prepareDatabase: (raw: { pragma(sql: string): unknown; prepare(sql: string): unknown }) => {
      // Write transactions begin IMMEDIATE: each takes the write lock first, waiting up to busy_timeout
      // for another process's (node:cluster workers, a backup, the CLI). TypeORM begins them DEFERRED,
      // and a deferred transaction that has read and then writes cannot wait for the lock: SQLite
      // refuses at once with "database is locked" (SQLITE_BUSY), measured as 500s with two workers.
      // Within one process nothing changes: its one connection runs one transaction at a time.
      const prepare = raw.prepare.bind(raw);
      raw.prepare = (sql: string) => prepare(sql === 'BEGIN TRANSACTION' ? 'BEGIN IMMEDIATE TRANSACTION' : sql);
      raw.pragma('journal_mode = WAL');
      raw.pragma('synchronous = FULL');
      raw.pragma('busy_timeout = 5000');
      raw.pragma('foreign_keys = ON');
      // Deleted and rewritten content is zeroed, not left in free pages (a rebuilt or updated rating).
      raw.pragma('secure_delete = ON');
      raw.pragma(`cache_size = -${PAGE_CACHE_KB.app}`);
    },
  };
}

/**
 * SQLite's page caches (KB), one budget for the process's three connections: 112 MB in all (was 144:
 * 64 each for the app and the subtree worker, 16 for the home reader). Each is memory outside any V8
 * heap that a full-size run fills, so each share is priced by what it buys (docs/performance.md, "Sixth
 * pass: the server's memory"):
 * - app: the writes and the request thread's reads. 16 MB ran the rating PUT at a third of the rate
 *   (index pages of the inserts and the totals rows of 50,000 homes no longer cached), so 64 stay.
 * - subtree: the worker's whole-subtree scans (a province: 50,000 homes and their totals, ~40 MB of pages)
 *   read the same pages in order once per scan, and the OS's page cache holds the file: at 32 MB the
 *   province's scan measured the same time as at 64, at 16 MB 35-45% longer.
 * - reader: a home's reads are index probes of one home (its totals, its ratings' groups and comments).
 */
export const PAGE_CACHE_KB = { app: 65_536, subtree: 32_768, reader: 16_384 } as const;

/**
 * A read-only connection to the SQLite file beside the app's own (the subtree worker's, the home reader's):
 * WAL lets it read while the app writes; it waits for a checkpoint's lock like the app does.
 * `cacheKb`: its page cache, its share of PAGE_CACHE_KB.
 */
export function readerOptions(file: string, cacheKb: number): DataSourceOptions {
  return {
    type: 'better-sqlite3',
    database: file,
    readonly: true,
    fileMustExist: true,
    synchronize: false,
    migrationsRun: false,
    logging: false,
    prepareDatabase: (raw: { pragma(sql: string): unknown }) => {
      raw.pragma('busy_timeout = 5000');
      raw.pragma(`cache_size = -${Math.floor(cacheKb)}`);
    },
  };
}

/**
 * The SQLite folder (0700) and file (0600) are the owner's alone, also when an older start made them
 * with looser modes; SQLite gives its -wal and -shm files the database file's mode.
 */
function ownerOnly(file: string): void {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
  for (const extra of [`${file}-wal`, `${file}-shm`]) {
    try {
      chmodSync(extra, 0o600);
    } catch {
      // not there yet: SQLite creates it with the file's mode
    }
  }
}
