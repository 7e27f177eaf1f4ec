import { describe, expect, it } from 'vitest';
import { commandHelp, HELP, wantsHelp } from './help';

// Command lines of the overall help are indented by two spaces and start with a lower-case word.
const listed = [...HELP.matchAll(/^ {2}([a-z][a-z-]*)(?: ([a-z]+)\b)?/gm)].map((m) => ({ command: m[1]!, sub: m[2] }));

describe('tsumiki --help', () => {
  it('lists every command, database and offline', () => {
    expect(listed.map((c) => c.command)).toEqual(
      expect.arrayContaining(['migrate', 'seed', 'backup', 'restore', 'create-user', 'organisations', 'reminders', 'grant', 'carbon']),
    );
  });

  it.each(listed)('gives $command $sub its own usage', ({ command, sub }) => {
    const help = commandHelp(command, sub);
    expect(help).toBeDefined();
    expect(help).toContain(`pnpm tsumiki ${sub ? `${command} ${sub}` : command}`);
  });

  it('lists a group’s commands for the group alone, and nothing for an unknown command', () => {
    expect(commandHelp('carbon', undefined)).toContain('pnpm tsumiki carbon assess');
    expect(commandHelp('nope', undefined)).toBeUndefined();
  });

  it('recognises --help and -h anywhere after the command', () => {
    expect(wantsHelp(['assess', 'x.csv', '--help'])).toBe(true);
    expect(wantsHelp(['-h'])).toBe(true);
    expect(wantsHelp(['assess', 'x.csv'])).toBe(false);
  });
});
