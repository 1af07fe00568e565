import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

/** An option of a command, as its help lists it. */
type Option = ParseArgsOptionsConfig[string] & { description: string; value?: string };

export interface CommandSpec {
  /** How it is run: `npm run new`. */
  name: string;
  /** What it does, in a line or two. */
  summary: string;
  /** Its arguments after `--`: `"Headline" --source Trend [options]`. */
  usage: string;
  options: Record<string, Option>;
  /** Whether it takes arguments besides its options. */
  positionals?: boolean;
  /** Lines after the options: examples, environment. */
  notes?: string[];
}

export function helpText(spec: CommandSpec): string {
  const rows = Object.entries(spec.options).map(([name, option]) => {
    const flag = `--${name}${option.type === 'string' ? ` ${option.value ?? 'value'}` : ''}`;
    return `  ${flag.padEnd(26)} ${option.description}${option.multiple ? ' (may repeat)' : ''}`;
  });
  const lines = [
    `${spec.summary}`,
    '',
    `usage: ${spec.name}${spec.usage ? ` -- ${spec.usage}` : ''}`,
    '',
    'options:',
    ...rows,
    `  ${'--help'.padEnd(26)} show this help`,
  ];
  if (spec.notes?.length) lines.push('', ...spec.notes);
  return `${lines.join('\n')}\n`;
}

/**
 * Reads a command's arguments. `--help` prints its help and exits; an unknown option or a
 * missing value is refused in one line, naming the fix, never with a stack trace.
 */
export function parseCommand<S extends CommandSpec>(spec: S, argv = process.argv.slice(2)) {
  const options = Object.fromEntries(
    Object.entries(spec.options).map(([name, { description: _, value: __, ...config }]) => [
      name,
      config,
    ]),
  );
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(helpText(spec));
    process.exit(0);
  }
  try {
    return parseArgs({
      args: argv,
      options: options as S['options'],
      allowPositionals: spec.positionals ?? false,
      strict: true,
    });
  } catch (error) {
    return refuse(
      spec,
      (error as Error).message.split('\n')[0]!.replace(/\. To specify a positional.*$/, ''),
    );
  }
}

/** Stops the command with one line saying what was wrong. */
export function refuse(spec: CommandSpec, message: string): never {
  console.error(`${spec.name}: ${message.replace(/\.$/, '')}. See ${spec.name} -- --help`);
  process.exit(2);
}
