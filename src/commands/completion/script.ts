/**
 * `oauth-doctor completion bash|zsh|fish`: a shell completion script, generated from the same
 * command and option list that --help shows. Pure.
 */
import { UsageError } from '../../errors.js';

export interface CompletionSpec {
  name: string;
  description: string;
  options: Array<{ flag: string; description: string; takesValue: boolean; choices?: string[]; file?: boolean }>;
  /** Values for the command's argument (completion's shell names). */
  args?: string[];
}

export function completionScript(shell: string, commands: CompletionSpec[]): string {
  if (shell === 'bash') return bash(commands);
  if (shell === 'zsh') return zsh(commands);
  if (shell === 'fish') return fish(commands);
  throw new UsageError(`completion needs bash, zsh or fish; got "${shell.slice(0, 20)}"`);
}

function bash(commands: CompletionSpec[]): string {
  const cases = commands
    .map((c) => {
      const valueFlags = c.options.filter((o) => o.takesValue && !o.file && !o.choices).map((o) => o.flag);
      const choiceCases = c.options
        .filter((o) => o.choices)
        .map((o) => `        ${o.flag}) COMPREPLY=( $(compgen -W "${o.choices?.join(' ')}" -- "$cur") ); return ;;`)
        .join('\n');
      const args = c.args ? [`      if [[ "$cur" != -* ]]; then COMPREPLY=( $(compgen -W "${c.args.join(' ')}" -- "$cur") ); return; fi`] : [];
      return [
        `    ${c.name})`,
        `      opts="${c.options.map((o) => o.flag).join(' ')} --help"`,
        ...args,
        '      case "$prev" in',
        ...(choiceCases ? [choiceCases] : []),
        ...(valueFlags.length ? [`        ${valueFlags.join('|')}) return ;;`] : []),
        '      esac',
        '      ;;',
      ].join('\n');
    })
    .join('\n');
  return `# bash completion for oauth-doctor. Install: oauth-doctor completion bash > ~/.local/share/bash-completion/completions/oauth-doctor
_oauth_doctor() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" opts=""
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=( $(compgen -W "${commands.map((c) => c.name).join(' ')} --help --version" -- "$cur") )
    return
  fi
  case "\${COMP_WORDS[1]}" in
${cases}
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=( $(compgen -W "$opts" -- "$cur") )
  else
    COMPREPLY=( $(compgen -f -- "$cur") )
  fi
}
complete -o default -F _oauth_doctor oauth-doctor
`;
}

const zq = (s: string) => s.replace(/[[\]:'\\]/g, (c) => (c === "'" ? "'\\''" : `\\${c}`));

function zsh(commands: CompletionSpec[]): string {
  const cases = commands
    .map((c) => {
      const specs = c.options.map((o) => {
        const value = !o.takesValue ? '' : o.choices ? `:value:(${o.choices.join(' ')})` : o.file ? ':file:_files' : ':value:';
        return `        '${o.flag}[${zq(o.description)}]${value}'`;
      });
      if (c.args) specs.push(`        '1:shell:(${c.args.join(' ')})'`);
      return `    (${c.name})\n      _arguments -s \\\n${specs.join(' \\\n')}\n      ;;`;
    })
    .join('\n');
  return `#compdef oauth-doctor
# zsh completion for oauth-doctor. Install: oauth-doctor completion zsh > "\${fpath[1]}/_oauth-doctor", then restart zsh.
_oauth_doctor() {
  local -a commands
  commands=(
${commands.map((c) => `    '${c.name}:${zq(c.description)}'`).join('\n')}
  )
  if (( CURRENT == 2 )); then
    _describe 'command' commands
    return
  fi
  shift words
  (( CURRENT-- ))
  case "$words[1]" in
${cases}
  esac
}
# Autoloaded from fpath, complete at once; sourced, register.
if [[ \$zsh_eval_context[-1] == loadautofunc ]]; then
  _oauth_doctor "\$@"
else
  compdef _oauth_doctor oauth-doctor
fi
`;
}

const fq = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function fish(commands: CompletionSpec[]): string {
  const lines = [
    '# fish completion for oauth-doctor. Install: oauth-doctor completion fish > ~/.config/fish/completions/oauth-doctor.fish',
    'complete -c oauth-doctor -f',
    ...commands.map((c) => `complete -c oauth-doctor -n __fish_use_subcommand -a ${c.name} -d ${fq(c.description)}`),
  ];
  for (const c of commands) {
    if (c.args) lines.push(`complete -c oauth-doctor -n '__fish_seen_subcommand_from ${c.name}' -a ${fq(c.args.join(' '))}`);
    for (const o of c.options) {
      const long = o.flag.replace(/^--/, '');
      const value = !o.takesValue ? '' : o.choices ? ` -x -a ${fq(o.choices.join(' '))}` : o.file ? ' -r -F' : ' -x';
      lines.push(`complete -c oauth-doctor -n '__fish_seen_subcommand_from ${c.name}' -l ${long}${value} -d ${fq(o.description)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
