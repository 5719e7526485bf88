/**
 * What a command module gives the registry (cli.ts): its flags and help, the reading of them into
 * the typed options its run takes, the run, and the text renderer. The registry adds nothing of
 * its own but the global flags, the JSON printing and the exit codes.
 */
import type { Command } from 'commander';
import type { CommandResult } from '../commands/result.js';
import type { Deps } from '../deps.js';
import type { ReportRequest } from '../report/report-document.js';
import type { Style } from '../report/style.js';

export interface CommandModule<Options, Result extends CommandResult> {
  /** Adds the command's description, flags and examples (the name, summary and arguments are the registry's). */
  define(cmd: Command): void;
  /**
   * The flags and arguments as the run's typed options; refuses, with a UsageError, what cannot
   * work. Secrets are read here, and registered with deps.secrets (probe's, named per target by a
   * config, are read when each target runs).
   */
  options(cmd: Command, deps: Deps, program: Command): Promise<Options>;
  run(o: Options, deps: Deps): Promise<Result>;
  render(r: Result, style: Style): Promise<string>;
  /**
   * The --report the options ask for (login, probe, explain): the registry records the run's HTTP
   * exchanges and writes the report after the run.
   */
  report?(o: Options): ReportRequest | undefined;
  /** What the report shows as the command's input (explain's text), once the run has read it. */
  reportInput?(o: Options, r: Result): Promise<string | undefined>;
}

/** Commander's parsed flags of one command, typed by the command that declared them. */
export function flagsOf<F>(cmd: Command): F {
  return cmd.opts<F & Record<string, unknown>>();
}
