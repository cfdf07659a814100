/** What a subcommand (`merge`, `review`) shares: its arguments read by `parseArgs`, `--help`, usage errors. */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** The subcommand's values and positionals, or its answer: its usage for `--help`, a usage error for unknown options. */
export function parseSubcommand<const Options extends NonNullable<ParseArgsConfig['options']>>(args: readonly string[], options: Options, usage: string) {
  try {
    const parsed = parseArgs({ args: [...args], allowPositionals: true, strict: true, options: { ...options, help: { type: 'boolean', short: 'h', default: false } } });
    return (parsed.values as { help?: boolean }).help ? ({ kind: 'help', usage } as const) : parsed;
  } catch (error) {
    return { kind: 'usage-error', message: (error as Error).message, usage } as const;
  }
}
