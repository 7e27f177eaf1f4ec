/**
 * CLI commands that need no database: a programme office checking a budget offline, a designer
 * assessing a building. Each returns its exit code; output goes through `io` so tests read it.
 */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

export type OfflineCommand = (args: string[], io: CliIo) => Promise<number>;

export const OFFLINE_HELP: string[] = [];
export const OFFLINE_COMMANDS = new Map<string, OfflineCommand>();
/** The help text of each command by name, for `tsumiki <group> <sub> --help`. */
export const OFFLINE_USAGE = new Map<string, string>();

/** Registers `<group> <sub>` (e.g. "grant compute") with its help line. */
export function registerOffline(name: string, help: string, command: OfflineCommand) {
  OFFLINE_COMMANDS.set(name, command);
  OFFLINE_USAGE.set(name, help.trim());
  OFFLINE_HELP.push(help);
}
