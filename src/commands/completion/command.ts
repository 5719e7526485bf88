/**
 * `completion`: a shell completion script made from the same commands and flags --help shows.
 */
import type { Command, Option } from 'commander';
import type { CommandModule } from '../../cli/command.js';
import type { CommandResult } from '../result.js';
import { completionScript, type CompletionSpec } from './script.js';

export interface CompletionResult extends CommandResult {
  command: 'completion';
  shell: string;
  script: string;
}

export const SHELLS = ['bash', 'zsh', 'fish'] as const;

export const completionCommand: CommandModule<{ shell: string; commands: CompletionSpec[] }, CompletionResult> = {
  define(cmd) {
    cmd.description('Prints a completion script for your shell on stdout. Install it once; see the examples.').addHelpText(
      'after',
      `
Examples:
  $ oauth-doctor completion bash > ~/.local/share/bash-completion/completions/oauth-doctor
  $ oauth-doctor completion zsh > "\${fpath[1]}/_oauth-doctor"
  $ oauth-doctor completion fish > ~/.config/fish/completions/oauth-doctor.fish`,
    );
  },

  async options(cmd, _deps, program) {
    const shell = cmd.processedArgs[0] as string;
    const commands = describeCommands(program);
    // Refused now, as a usage error, rather than after the run.
    completionScript(shell, commands);
    return { shell, commands };
  },

  async run(o) {
    return { command: 'completion', ok: true, findings: [], shell: o.shell, script: completionScript(o.shell, o.commands) };
  },

  async render(r) {
    return r.script;
  },
};

/** Every command with its flags and the global ones, as the scripts need them. */
function describeCommands(program: Command): CompletionSpec[] {
  const toSpec = (o: Option) => ({
    flag: o.long as string,
    description: o.description,
    takesValue: o.required || o.optional,
    ...(o.argChoices ? { choices: o.argChoices } : {}),
    file: /<file>/.test(o.flags),
  });
  const globalOptions = program.options.filter((o) => o.long && !['--version', '--help'].includes(o.long)).map(toSpec);
  return program.commands
    .filter((c) => c.name() !== 'help')
    .map((c) => ({
      name: c.name(),
      description: c.summary() || c.description(),
      options: [...c.options.filter((o) => !o.hidden && o.long).map(toSpec), ...(c.name() === 'completion' ? [] : globalOptions)],
      ...(c.name() === 'completion' ? { args: [...SHELLS] } : {}),
    }));
}
