/**
 * Sets up a new installation: the root federation (the province's 总工会) and its first admin, in an
 * empty database (migrations are run first). No demo data. Refuses when any org exists.
 *
 *   node server/dist/cli/bootstrap.js --province 某省总工会 --admin <username> [--name <display name>]
 *                                     [--password-file <file>]
 *
 * The password is read from --password-file (its first line; `-` reads standard input) or typed at a
 * prompt without echo (twice). It is never printed or logged. Database and secrets as for the server
 * (DATABASE_URL, DATA_DIR, …: run it with the server's environment).
 */
import 'reflect-metadata';
import { chinaDay, normalizeText, PASSWORD_MAX, PASSWORD_MIN, USERNAME_PATTERN } from '@pingjia/shared';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { AuditEventRow } from '../audit/audit-event.entity';
import { hashPassword } from '../auth/passwords';
import { RoleGrant } from '../auth/role-grant.entity';
import { User } from '../auth/user.entity';
import { ConfigError, loadConfig } from '../config/app-config';
import { databaseOptions } from '../database/database-options';
import { Home } from '../orgs/home.entity';
import { Org } from '../orgs/org.entity';

const USAGE = 'usage: bootstrap --province <name> --admin <username> [--name <display name>] [--password-file <file>|-]';

function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function args(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i];
    if (!['--province', '--admin', '--name', '--password-file'].includes(key) || argv[i + 1] === undefined) fail(USAGE, 64);
    out[key.slice(2)] = argv[i + 1];
  }
  return out;
}

/** One line typed at the terminal, not echoed. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const stdin = process.stdin;
    process.stderr.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let typed = '';
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stderr.write('\n');
          return resolve(typed);
        }
        if (ch === '\u0003') fail('\ncancelled', 130);
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function readPassword(file: string | undefined): Promise<string> {
  if (file !== undefined) {
    const text = file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
    return text.split(/\r?\n/)[0];
  }
  if (!process.stdin.isTTY) fail('no terminal to type the password at: give --password-file <file> (or - for standard input)', 64);
  const first = await promptHidden('Password for the first admin (at least 10 characters): ');
  const second = await promptHidden('Again: ');
  if (first !== second) fail('the two passwords differ; nothing was created');
  return first;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const a = args(argv[0] === '--' ? argv.slice(1) : argv);
  const province = normalizeText(a.province ?? '');
  if (province.length < 2 || province.length > 100) fail(`--province: a name of 2 to 100 characters\n${USAGE}`, 64);
  if (!a.admin || !USERNAME_PATTERN.test(a.admin))
    fail(`--admin: 3 to 64 letters, digits, . _ or - (a phone number will do)\n${USAGE}`, 64);
  const displayName = a.name ? normalizeText(a.name).slice(0, 64) : null;
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) fail(e.message, 78);
    throw e;
  }
  const password = await readPassword(a['password-file']);
  if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX)
    fail('the password must be 10 to 200 characters; nothing was created');
  const passwordHash = await hashPassword(password);

  const ds = await new DataSource({
    ...databaseOptions(config.database),
    entities: [Org, Home, User, RoleGrant, AuditEventRow],
  }).initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    const created = await ds.transaction(async (m) => {
      // Checked inside the transaction: two bootstraps at once make one root at most on SQLite (one
      // writer); on MySQL the count and the insert are close enough for a command run by hand once.
      if ((await m.count(Org)) > 0) return null;
      const now = new Date();
      const orgId = randomUUID();
      const userId = randomUUID();
      const path = `/${orgId}/`;
      await m.insert(Org, {
        id: orgId,
        parentId: null,
        name: province,
        level: 'province',
        path,
        createdOn: chinaDay(now),
        deactivatedAt: null,
      });
      await m.insert(User, {
        id: userId,
        openid: null,
        unionid: null,
        username: a.admin,
        passwordHash,
        displayName,
        createdOn: chinaDay(now),
        tokenVersion: 0,
      });
      await m.insert(RoleGrant, { id: randomUUID(), userId, role: 'federation_admin', orgId });
      await m.insert(AuditEventRow, {
        id: randomUUID(),
        at: now.toISOString(),
        actorUserId: userId,
        actorRole: 'federation_admin',
        actorPath: path,
        scopePath: path,
        action: 'org.bootstrap',
        targetType: 'org',
        targetId: orgId,
        targetName: province,
        detail: null,
      });
      return { orgId };
    });
    if (!created) fail('refused: this database already has a federation (bootstrap is for an empty database only); nothing was changed');
    process.stdout.write(`bootstrap ok: ${province} (org ${created.orgId}); its admin signs in as ${a.admin} with the password given\n`);
  } finally {
    await ds.destroy();
  }
}

main().catch((e: unknown) => fail(`bootstrap failed: ${(e as Error).message}`));
