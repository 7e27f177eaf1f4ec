import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { hashPassword, runReminders } from '@tsumiki/api';
import {
  appendAudit,
  deleteSecondFactor,
  dumpDatabase,
  findOrganisationById,
  findUserByEmail,
  insertMembership,
  insertUser,
  isUniqueViolation,
  listOrganisations,
  restoreDatabase,
  revokeAllSessionsOfUser,
  type BackupFile,
} from '@tsumiki/db';
import { errorMessage, roleMayHoldIn, ZCreateUserInput, ZEmail, type Locale } from '@tsumiki/domain';
import { loadEnv } from './env';
import { openDatabase } from './runtime';
import { commandHelp, HELP, wantsHelp } from './cli/help';
import { OFFLINE_COMMANDS } from './cli/offline';
import { DEMO_PASSWORD, seedDemo } from './seed/demo';

class UsageError extends Error {}

type Db = Awaited<ReturnType<typeof openDatabase>>['database']['db'];
const locale: Locale = 'ja';

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    console.log(HELP);
    return;
  }
  if (wantsHelp(rest)) {
    const help = commandHelp(command, rest[0]);
    if (!help) throw new UsageError(`unknown command "${command}"\n\n${HELP}`);
    console.log(help);
    return;
  }
  const offline = OFFLINE_COMMANDS.get(`${command} ${rest[0] ?? ''}`);
  if (offline) {
    process.exitCode = await offline(rest.slice(1), { out: (t) => console.log(t), err: (t) => console.error(t) });
    return;
  }
  const env = loadEnv();
  const { database, applied } = await openDatabase(env);
  try {
    switch (command) {
      case 'reminders': {
        if (rest[0] !== 'run') throw new UsageError('usage: pnpm tsumiki reminders run');
        const run = await runReminders(database.db, new Date());
        console.log(`reminders: ${run.sent} sent (${run.open} open requests)`);
        return;
      }
      case 'migrate':
        console.log(applied.length ? `applied: ${applied.join(', ')}` : 'already up to date');
        return;
      case 'seed': {
        const { logins } = await seedDemo(database.db);
        for (const l of logins) console.log(`${l.role.padEnd(21)} ${l.email}`);
        console.log(`password: ${DEMO_PASSWORD}`);
        return;
      }
      case 'backup': {
        const file = rest[0];
        if (!file) throw new UsageError('backup needs a file name: pnpm tsumiki backup backup.json');
        const backup = await dumpDatabase(database.db);
        writeFileSync(file, JSON.stringify(backup));
        const counts = Object.entries(backup.tables).map(([t, rows]) => `${t}=${rows.length}`);
        console.log(`wrote ${file} (${counts.join(', ')})`);
        return;
      }
      case 'restore': {
        const file = rest[0];
        if (!file) throw new UsageError('restore needs a file name: pnpm tsumiki restore backup.json');
        const backup = JSON.parse(readFileSync(file, 'utf8')) as BackupFile;
        const counts = await restoreDatabase(database.db, backup);
        console.log(`restored ${Object.entries(counts).map(([t, n]) => `${t}=${n}`).join(', ')}`);
        return;
      }
      case 'organisations': {
        for (const o of await listOrganisations(database.db)) console.log(`${o.id}  ${o.kind.padEnd(16)} ${o.name_ja}`);
        return;
      }
      case 'create-user':
        await createUser(database.db, rest, env.TSUMIKI_NEW_PASSWORD);
        return;
      case 'reset-second-factor':
        await resetSecondFactor(database.db, rest);
        return;
      default:
        throw new UsageError(`unknown command "${command}"\n\n${HELP}`);
    }
  } finally {
    await database.close();
  }
}

/** An account made by the office from the command line, checked as the API checks one. */
async function createUser(db: Db, rest: string[], defaultPassword: string | undefined): Promise<void> {
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      organisation: { type: 'string' },
      role: { type: 'string' },
      password: { type: 'string' },
    },
  });
  const parsed = ZCreateUserInput.safeParse({
    email: values.email,
    displayName: values.name,
    organisationId: values.organisation,
    role: values.role,
    password: values.password ?? defaultPassword,
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${errorMessage(i.message, locale)}${i.message.includes('.') ? '' : ` (${i.message})`}`);
    throw new UsageError(`create-user: invalid input\n${lines.join('\n')}`);
  }
  const input = parsed.data;
  const organisation = await findOrganisationById(db, input.organisationId);
  if (!organisation) throw new UsageError(errorMessage('organisation.not_found', locale));
  if (!roleMayHoldIn(input.role, organisation.kind)) {
    throw new UsageError(errorMessage('user.role_not_allowed_for_organisation', locale));
  }
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db.transaction().execute(async (trx) => {
      const created = await insertUser(trx, { email: input.email, displayName: input.displayName, passwordHash });
      await insertMembership(trx, { userId: created.id, organisationId: organisation.id, role: input.role });
      return created;
    });
    console.log(`created ${user.email} (${input.role} in ${organisation.name_ja})`);
  } catch (error) {
    if (isUniqueViolation(error)) throw new UsageError(errorMessage('user.email_taken', locale));
    throw error;
  }
}

/**
 * A lost phone and no recovery code left: the office removes the factor; the user enrols again at
 * the next sign-in. Every session ends too, since the phone may be in other hands.
 */
async function resetSecondFactor(db: Db, rest: string[]): Promise<void> {
  const { values } = parseArgs({ args: rest, options: { email: { type: 'string' } } });
  const email = ZEmail.safeParse(values.email ?? '');
  if (!email.success) throw new UsageError(`reset-second-factor: ${errorMessage('auth.email_invalid', locale)}`);
  const user = await findUserByEmail(db, email.data);
  if (!user) throw new UsageError(`reset-second-factor: no user with the address ${email.data}`);
  const removed = await db.transaction().execute(async (trx) => {
    const had = await deleteSecondFactor(trx, user.id);
    await revokeAllSessionsOfUser(trx, user.id);
    await appendAudit(trx, { actorUserId: null, action: 'auth.second_factor_reset', entityType: 'user', entityId: user.id, after: { hadFactor: had } });
    return had;
  });
  console.log(removed ? `reset the second factor of ${user.email}; they enrol again at their next sign-in` : `${user.email} had no second factor; sessions ended`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(error instanceof UsageError ? 2 : 1);
});
