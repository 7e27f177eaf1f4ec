import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { errorMessage, type Locale } from '@tsumiki/domain';
import { computeGrantFromJson, definitionIssues, factLabeller, isPublishedVersion, ZProgrammeDefinition, type TProgrammeDefinition, type TText } from '@tsumiki/domain/programmes';
import type { InputIssue } from '@tsumiki/domain/programmes';
import { registerOffline, type CliIo } from './offline';

/**
 * `tsumiki grant compute`: eligibility, grant and breakdown as JSON, with the same validation (and
 * the same messages) as the API, under the rules an office keeps: a programme's version read from
 * the database by its code, or a definition file (what the console's editor exports), which needs
 * no database. Exit 0 on a result, 1 on invalid input or an unknown programme, 2 on usage errors.
 */

export const GRANT_COMPUTE_USAGE = `grant compute <programme>[@<version>] <input.json>
  grant compute --definition <definition.json> <input.json>
                               eligibility, grant and breakdown as JSON: <programme> is a programme's
                               code in the database (its latest published version unless @<version>);
                               --definition reads the rules from a file and needs no database`;

/** A programme or version one could type instead: what to type, and its name. */
export interface ProgrammeOption {
  code: string;
  name: TText;
}

/** A programme's rules by code (and version number, else the latest published), or the programmes (or versions) there are. */
export type DefinitionLookup = (code: string, version: number | null) => Promise<{ definition: TProgrammeDefinition } | { options: ProgrammeOption[] }>;

/** The database the other commands use, opened only when a code is given (help and files never open it). */
const fromDatabase: DefinitionLookup = async (code, version) => {
  const [{ loadEnv }, { openDatabase }, db] = await Promise.all([import('../env'), import('../runtime'), import('@tsumiki/db')]);
  const { database } = await openDatabase(loadEnv());
  try {
    const programme = await db.findProgrammeDefinitionByCode(database.db, code);
    if (!programme) return { options: (await db.listProgrammeDefinitions(database.db, null)).map((p) => ({ code: p.code, name: { ja: p.name_ja, en: p.name_en } })) };
    const versions = await db.listDefinitionVersions(database.db, programme.id);
    const found = version === null ? versions.find((v) => isPublishedVersion(v.status)) : versions.find((v) => v.version === version);
    return found ? { definition: found.definition } : { options: versions.map((v) => ({ code: `${code}@${v.version}`, name: versionName(v.definition.name, v.version) })) };
  } finally {
    await database.close();
  }
};

const versionName = (name: TText, version: number): TText => ({ ja: `${name.ja} 第${version}版`, en: `${name.en}, version ${version}` });

/**
 * programmes.unknown as the command line needs it: each programme by its name with the code to
 * type beside it (「令和7年度 CLT建築実証事業」（clt_demonstration）), since only the code is accepted here.
 */
export function unknownProgrammeIssue(given: string, options: readonly ProgrammeOption[]): InputIssue {
  const list = (lang: 'ja' | 'en') => options.map((o) => (lang === 'ja' ? `「${o.name.ja}」（${o.code}）` : `“${o.name.en}” (${o.code})`)).join(lang === 'ja' ? '、' : ', ') || '—';
  return { code: 'programmes.unknown', path: ['programme'], params: { programme: given, options: list('ja'), optionsEn: list('en') } };
}

const issueLines = (issues: readonly InputIssue[], locale: Locale) =>
  issues.map((i) => ({ code: i.code, path: i.path.join('.'), message: errorMessage(i.code, locale, i.params) }));

function report(io: CliIo, issues: ReturnType<typeof issueLines>) {
  io.out(JSON.stringify({ ok: false, issues }, null, 2));
  for (const i of issues) io.err(`${i.path || '(input)'}: ${i.message}`);
}

async function readJson(file: string, io: CliIo, locale: Locale): Promise<{ ok: true; value: unknown } | { ok: false }> {
  try {
    return { ok: true, value: JSON.parse(await readFile(file, 'utf8')) };
  } catch (error) {
    const reason = error instanceof SyntaxError ? errorMessage('grant.input_not_json', locale) : String((error as Error).message);
    io.err(`${file}: ${reason}`);
    return { ok: false };
  }
}

/** The rules named on the command line, or the exit code when there are none to use. */
async function definitionOf(given: { file?: string | undefined; programme?: string | undefined }, io: CliIo, locale: Locale, lookup: DefinitionLookup): Promise<TProgrammeDefinition | number> {
  if (given.file !== undefined) {
    const raw = await readJson(given.file, io, locale);
    if (!raw.ok) return 2;
    const parsed = ZProgrammeDefinition.safeParse(raw.value);
    if (parsed.success) return parsed.data;
    report(io, issueLines(definitionIssues(raw.value), locale));
    return 1;
  }
  const [, code = '', version] = /^([^@]+)(?:@(\d+))?$/.exec(given.programme ?? '') ?? [];
  const found = await lookup(code, version === undefined ? null : Number(version));
  if ('definition' in found) return found.definition;
  report(io, issueLines([unknownProgrammeIssue(given.programme ?? '', found.options)], locale));
  return 1;
}

export async function grantCompute(args: string[], io: CliIo, locale: Locale = 'ja', lookup: DefinitionLookup = fromDatabase): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ options: { definition: { type: 'string' } }; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args, options: { definition: { type: 'string' } }, allowPositionals: true });
  } catch (error) {
    io.err(`${(error as Error).message}\nusage: pnpm tsumiki ${GRANT_COMPUTE_USAGE}`);
    return 2;
  }
  const file = parsed.values.definition;
  const positionals = parsed.positionals;
  const [programme, input] = file === undefined ? positionals : [undefined, positionals[0]];
  if (!input || positionals.length !== (file === undefined ? 2 : 1)) {
    io.err(`usage: pnpm tsumiki ${GRANT_COMPUTE_USAGE}`);
    return 2;
  }
  const def = await definitionOf({ file, programme }, io, locale, lookup);
  if (typeof def === 'number') return def;
  const raw = await readJson(input, io, locale);
  if (!raw.ok) return 2;
  const computed = computeGrantFromJson(def, raw.value, factLabeller(def));
  if (!computed.ok) {
    report(io, issueLines(computed.issues, locale));
    return 1;
  }
  io.out(JSON.stringify({ ok: true, ...computed.result }, null, 2));
  return 0;
}

registerOffline('grant compute', `  ${GRANT_COMPUTE_USAGE}`, (args, io) => grantCompute(args, io));
