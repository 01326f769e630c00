// Command-line options shared by the benchmark scripts (bench/run.ts, bench/python.ts).
import type { ApiName } from './scenario';

/** One option of the command line: its name, and its value, read on demand. */
export interface CommandOption {
  readonly name: string;
  /** The next argument, the option's value (an error when there is none). */
  readonly value: () => string;
}

/** The options of `argv` in order; an option that takes a value reads it with `value()`. */
export function* commandOptions(argv: string[]): Generator<CommandOption> {
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    yield {
      name,
      value: () => {
        const v = argv[++i];
        if (v === undefined) throw new Error(`${name} needs a value`);
        return v;
      },
    };
  }
}

/** `--api istio|gateway-api|both`. */
export function apisOption(v: string): ApiName[] {
  if (v === 'both') return ['istio', 'gateway-api'];
  if (v === 'istio' || v === 'gateway-api') return [v];
  throw new Error(`--api ${v}: use istio, gateway-api or both`);
}

/** A whole number of at least 1 given to `option`. */
export function positiveOption(v: string, option: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${option} ${v}: give a whole number of at least 1`);
  return n;
}
