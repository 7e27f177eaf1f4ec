import { readFile } from 'node:fs/promises';
import { errorMessage, type Locale } from '@tsumiki/domain';
import { BUILTIN_PROGRAMMES, computeGrantFromJson } from '@tsumiki/domain/programmes';
import { registerOffline, type CliIo } from './offline';

/**
 * `tsumiki grant compute <programme> <input.json>`: eligibility, grant and breakdown as JSON, with
 * the same validation (and the same messages) as the API. Exit 0 on a result, 1 on invalid input,
 * 2 on usage errors.
 */
export async function grantCompute(args: string[], io: CliIo, locale: Locale = 'ja'): Promise<number> {
  const [programme, file] = args;
  if (!programme || !file) {
    io.err(`usage: pnpm tsumiki grant compute <programme> <input.json>\nprogrammes: ${Object.keys(BUILTIN_PROGRAMMES).join(', ')}`);
    return 2;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof SyntaxError ? errorMessage('grant.input_not_json', locale) : String((error as Error).message);
    io.err(`${file}: ${reason}`);
    return 2;
  }
  const computed = computeGrantFromJson(programme, raw);
  if (!computed.ok) {
    const issues = computed.issues.map((i) => ({
      code: i.code,
      path: i.path.join('.'),
      message: errorMessage(i.code, locale, i.params),
    }));
    io.out(JSON.stringify({ ok: false, issues }, null, 2));
    for (const i of issues) io.err(`${i.path || '(input)'}: ${i.message}`);
    return 1;
  }
  io.out(JSON.stringify({ ok: true, ...computed.result }, null, 2));
  return 0;
}

registerOffline(
  'grant compute',
  '  grant compute <programme> <input.json>\n                               eligibility, grant and breakdown as JSON (no database needed)',
  (args, io) => grantCompute(args, io),
);
