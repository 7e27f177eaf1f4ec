import './grant-compute';
import './carbon-assess';
import { OFFLINE_HELP, OFFLINE_USAGE } from './offline';

/** Each database command's usage and what it does: the overall help and `<command> --help`. */
const DATABASE_COMMANDS: ReadonlyArray<{ name: string; usage: string; does: string }> = [
  { name: 'migrate', usage: 'migrate', does: 'bring the database to the latest schema' },
  { name: 'seed', usage: 'seed', does: 'load the demo data (empty database only)' },
  { name: 'backup', usage: 'backup <file.json>', does: 'write every table to a backup file' },
  { name: 'restore', usage: 'restore <file.json>', does: 'load a backup into an empty, migrated database' },
  {
    name: 'create-user',
    usage: 'create-user --email E --name N --organisation ORG_ID --role ROLE',
    does: 'create a user (password from TSUMIKI_NEW_PASSWORD or --password)',
  },
  { name: 'organisations', usage: 'organisations', does: 'list organisations and their ids' },
  { name: 'reset-second-factor', usage: 'reset-second-factor --email E', does: "remove a user's second factor and recovery codes and end their sessions (they enrol again at the next sign-in)" },
  { name: 'reminders', usage: 'reminders run', does: 'send the reminders due now for requests to applicants (idempotent)' },
];

const DATABASE_NOTE = `The database is PostgreSQL when DATABASE_URL is set, otherwise embedded PGlite
(TSUMIKI_DATA_DIR, default .data/pglite under the repository).`;

const helpLine = (usage: string, does: string) =>
  usage.length < 29 ? `  ${usage.padEnd(29)}${does}` : `  ${usage}\n${' '.repeat(31)}${does}`;

export const HELP = `tsumiki — operations for a Tsumiki installation

Usage: pnpm tsumiki <command> [options]    (pnpm tsumiki <command> --help for one command)

${DATABASE_COMMANDS.map((c) => helpLine(c.usage, c.does)).join('\n')}
${OFFLINE_HELP.join('\n')}

${DATABASE_NOTE}`;

export const wantsHelp = (args: readonly string[]) => args.includes('--help') || args.includes('-h');

/** `<command> --help`: the one command's usage, or undefined when the command is unknown. */
export function commandHelp(command: string, sub: string | undefined): string | undefined {
  const offline = OFFLINE_USAGE.get(`${command} ${sub ?? ''}`);
  if (offline) return `Usage: pnpm tsumiki ${offline}`;
  const group = [...OFFLINE_USAGE].filter(([name]) => name.startsWith(`${command} `));
  if (group.length) return `Usage:\n${group.map(([, usage]) => `  pnpm tsumiki ${usage}`).join('\n')}`;
  const known = DATABASE_COMMANDS.find((c) => c.name === command);
  return known && `Usage: pnpm tsumiki ${known.usage}\n\n  ${known.does}\n\n${DATABASE_NOTE}`;
}

