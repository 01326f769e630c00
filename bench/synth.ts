/**
 * One benchmark run, in a process of its own: builds the app (with the library's constructs, or by
 * hand with plain ApiObjects), synthesizes it to YAML, and prints one JSON line with the time of
 * construct building + `app.synthYaml()`, the peak RSS of the process and a digest of the YAML.
 *
 *   node synth.js --variant constructs|raw --api istio|gateway-api --routes N [--hosts listed|wildcard] [--out FILE]
 *                 [--library MODULE_PATH] [--method synthYaml|synth]
 *
 * `--method synth` times `app.synth()` (what `cdk8s synth` runs: one validation pass, YAML written to
 * a temporary folder) instead of `app.synthYaml()` (which validates the app twice: once itself, once
 * more in `Chart.toJson()`).
 */
import { createHash } from 'crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { performance } from 'perf_hooks';
import { App } from 'cdk8s';
import type { ApiName, HostsMode, Scenario } from './scenario';

export type Variant = 'constructs' | 'raw';

/** What one run prints. */
export interface RunResult {
  readonly variant: Variant;
  readonly api: ApiName;
  readonly routes: number;
  readonly hosts: HostsMode;
  /** Construct building + synthYaml, in milliseconds. */
  readonly ms: number;
  /** Construct building alone. */
  readonly buildMs: number;
  /** synthYaml alone (validation, resolution, YAML). */
  readonly synthMs: number;
  /** CPU time (user + system, all threads of the process) of construct building + synthYaml. */
  readonly cpuMs: number;
  /** Peak resident set size of the process, in MiB. */
  readonly peakRssMiB: number;
  readonly bytes: number;
  readonly sha256: string;
}

function arg(name: string, fallback?: string): string {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0 && i + 1 < process.argv.length) return process.argv[i + 1];
  if (fallback === undefined) throw new Error(`missing --${name}`);
  return fallback;
}

function main(): void {
  const variant = arg('variant') as Variant;
  const scenario: Scenario = {
    api: arg('api') as ApiName,
    routes: Number(arg('routes')),
    hosts: arg('hosts', 'listed') as HostsMode,
  };
  const out = arg('out', '');
  // Each side loads only what it uses, before the clock starts: the raw side never loads this
  // library. `--library PATH` measures another build of the library (a module path).
  let build: (app: App) => void;
  if (variant === 'constructs') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const constructs: typeof import('./constructs-app') = require('./constructs-app');
    const lib = constructs.loadLibrary(arg('library', '') || undefined);
    build = (app) => constructs.build(app, scenario, lib);
  } else {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const raw: typeof import('./raw-app') = require('./raw-app');
    build = (app) => raw.build(app, scenario);
  }

  const method = arg('method', 'synthYaml');
  if (method !== 'synthYaml' && method !== 'synth') throw new Error(`--method ${method}: use synthYaml or synth`);
  const outdir = method === 'synth' ? mkdtempSync(join(tmpdir(), 'bench-synth-')) : undefined;

  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const app = new App(outdir ? { outdir } : {});
  build(app);
  const t1 = performance.now();
  let yaml = method === 'synth' ? (app.synth(), '') : app.synthYaml();
  const t2 = performance.now();
  if (outdir) {
    yaml = readdirSync(outdir).sort().map((f) => readFileSync(join(outdir, f), 'utf-8')).join('');
    rmSync(outdir, { recursive: true, force: true });
  }
  const cpu = process.cpuUsage(cpu0);

  const result: RunResult = {
    variant,
    ...scenario,
    ms: t2 - t0,
    buildMs: t1 - t0,
    synthMs: t2 - t1,
    cpuMs: (cpu.user + cpu.system) / 1000,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    bytes: Buffer.byteLength(yaml),
    sha256: createHash('sha256').update(yaml).digest('hex'),
  };
  if (out) writeFileSync(out, yaml);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (require.main === module) main();
