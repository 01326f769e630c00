/**
 * Synthesis cost of the library's constructs against the same YAML written with plain cdk8s
 * ApiObjects, per number of routes and per API.
 *
 *   npm run bench                        # 100, 1 000 and 10 000 routes, both APIs
 *   npm run bench -- --routes 1000       # one size; the last line reads `ratio X`
 *
 * Options:
 *   --routes N        one size (repeat the option for several)
 *   --api A           istio | gateway-api | both (default both)
 *   --hosts H         listed (the listener names every route host; default) | wildcard (*.example.com)
 *   --runs K          runs per variant and size (default 9 up to 1 000 routes, 5 above)
 *   --ts-node         run each process under ts-node --transpile-only instead of compiled JavaScript
 *   --method M        synthYaml (default) | synth: time app.synth() instead (see bench/synth.ts)
 *   --save FILE       write the results as JSON (and FILE with .svg instead of .json: the plot)
 *
 * Each run is a fresh Node process (bench/synth.ts) that builds the app and synthesizes it with
 * `app.synthYaml()`; the time measured is construct building + synthYaml, the memory is the
 * process's peak RSS. The two variants run alternately so that a change of machine load hits both.
 * Every run's YAML must be byte-identical between the two variants, or the benchmark fails.
 */
import { spawnSync } from 'child_process';
import { readFileSync, mkdirSync, writeFileSync } from 'fs';
import * as os from 'os';
import { join, resolve } from 'path';
import { apisOption, commandOptions, positiveOption } from './args';
import { compileBench } from './compile';
import { plotSvg } from './plot';
import type { ApiName, HostsMode } from './scenario';
import type { RunResult, Variant } from './synth';

const ROOT = resolve(__dirname, '..');
const WORK = join(ROOT, '.cache', 'bench');

/** Medians of one variant at one size. */
export interface VariantSummary {
  readonly ms: number;
  readonly buildMs: number;
  readonly synthMs: number;
  /** CPU time (user + system) of the timed region: less sensitive to other load than wall time. */
  readonly cpuMs: number;
  readonly peakRssMiB: number;
  readonly runs: number[];
}

/** One line of the table. */
export interface SizeResult {
  readonly api: ApiName;
  readonly routes: number;
  readonly constructs: VariantSummary;
  readonly raw: VariantSummary;
  readonly ratio: number;
  /** The same ratio in CPU time. */
  readonly cpuRatio: number;
  readonly bytes: number;
  /** Load average (1 minute) before and after this size ran. */
  readonly load: [number, number];
}

/** What `--save` writes. */
export interface BenchReport {
  readonly date: string;
  readonly mode: 'js' | 'ts-node';
  /** `synthYaml` or `synth`: what was timed. */
  readonly method: string;
  readonly hosts: HostsMode;
  readonly machine: { cores: number; cpu: string; memoryGiB: number; node: string; platform: string };
  readonly results: SizeResult[];
}

interface Options {
  readonly sizes: number[];
  readonly apis: ApiName[];
  readonly hosts: HostsMode;
  readonly runs?: number;
  readonly tsNode: boolean;
  readonly method: string;
  readonly save?: string;
}

function parseArgs(argv: string[]): Options {
  const sizes: number[] = [];
  let apis: ApiName[] = ['istio', 'gateway-api'];
  let hosts: HostsMode = 'listed';
  let runs: number | undefined;
  let tsNode = false;
  let method = 'synthYaml';
  let save: string | undefined;
  for (const { name, value } of commandOptions(argv)) {
    switch (name) {
      case '--routes':
        sizes.push(positiveOption(value(), '--routes'));
        break;
      case '--api':
        apis = apisOption(value());
        break;
      case '--hosts': {
        const v = value();
        if (v !== 'listed' && v !== 'wildcard') throw new Error(`--hosts ${v}: use listed or wildcard`);
        hosts = v;
        break;
      }
      case '--runs':
        runs = positiveOption(value(), '--runs');
        break;
      case '--ts-node':
        tsNode = true;
        break;
      case '--method':
        method = value();
        if (method !== 'synthYaml' && method !== 'synth') throw new Error(`--method ${method}: use synthYaml or synth`);
        break;
      case '--save':
        save = resolve(value());
        break;
      default:
        throw new Error(`unknown option ${name}; see the comment at the top of bench/run.ts`);
    }
  }
  return { sizes: sizes.length > 0 ? sizes : [100, 1_000, 10_000], apis, hosts, runs, tsNode, method, save };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function runOnce(command: string[], variant: Variant, api: ApiName, routes: number, hosts: HostsMode, out?: string): RunResult {
  const args = [...command.slice(1), '--variant', variant, '--api', api, '--routes', String(routes), '--hosts', hosts];
  if (out) args.push('--out', out);
  const child = spawnSync(command[0], args, { cwd: ROOT, encoding: 'utf-8', maxBuffer: 16 * 1024 * 1024 });
  if (child.status !== 0) {
    throw new Error(`${variant} ${api} ${routes} routes failed (exit ${child.status}):\n${child.stderr}`);
  }
  const lines = child.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as RunResult;
}

function summarize(runs: RunResult[]): VariantSummary {
  return {
    ms: median(runs.map((r) => r.ms)),
    buildMs: median(runs.map((r) => r.buildMs)),
    synthMs: median(runs.map((r) => r.synthMs)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
    peakRssMiB: median(runs.map((r) => r.peakRssMiB)),
    runs: runs.map((r) => Math.round(r.ms * 10) / 10),
  };
}

function measure(command: string[], api: ApiName, routes: number, hosts: HostsMode, count: number): SizeResult {
  const loadBefore = os.loadavg()[0];
  const files = { constructs: join(WORK, `constructs-${api}-${routes}.yaml`), raw: join(WORK, `raw-${api}-${routes}.yaml`) };
  const results: Record<Variant, RunResult[]> = { constructs: [], raw: [] };
  for (let i = 0; i < count; i++) {
    // ABBA order: neither variant always runs first.
    const order: Variant[] = i % 2 === 0 ? ['constructs', 'raw'] : ['raw', 'constructs'];
    for (const variant of order) {
      results[variant].push(runOnce(command, variant, api, routes, hosts, i === 0 ? files[variant] : undefined));
    }
  }
  // The two variants must write the same bytes: compared in full once, by digest on every run.
  if (!readFileSync(files.constructs).equals(readFileSync(files.raw))) {
    throw new Error(`${api} ${routes} routes: the constructs and the raw ApiObjects wrote different YAML (${files.constructs}, ${files.raw})`);
  }
  const digests = new Set([...results.constructs, ...results.raw].map((r) => r.sha256));
  if (digests.size !== 1) throw new Error(`${api} ${routes} routes: runs wrote different YAML`);

  const constructs = summarize(results.constructs);
  const raw = summarize(results.raw);
  return {
    api,
    routes,
    constructs,
    raw,
    ratio: constructs.ms / raw.ms,
    cpuRatio: constructs.cpuMs / raw.cpuMs,
    bytes: results.raw[0].bytes,
    load: [loadBefore, os.loadavg()[0]],
  };
}

function fmt(n: number, digits = 1): string {
  return n.toFixed(digits);
}

/** The table as Markdown. */
export function markdownTable(results: SizeResult[]): string {
  const lines = [
    '| N | API | median ms constructs | median ms raw | ratio | CPU ratio | peak RSS MiB constructs | peak RSS MiB raw | ms/route constructs | ms/route raw | load (1 min) |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const r of results) {
    lines.push(
      `| ${r.routes} | ${r.api} | ${fmt(r.constructs.ms)} | ${fmt(r.raw.ms)} | ${fmt(r.ratio, 2)} | ${fmt(r.cpuRatio, 2)} | ` +
        `${fmt(r.constructs.peakRssMiB, 0)} | ${fmt(r.raw.peakRssMiB, 0)} | ` +
        `${fmt(r.constructs.ms / r.routes, 3)} | ${fmt(r.raw.ms / r.routes, 3)} | ${fmt(r.load[0])} → ${fmt(r.load[1])} |`,
    );
  }
  return lines.join('\n');
}

/** Marginal cost per route between consecutive sizes: the slope of time against N. */
export function slopeTable(results: SizeResult[]): string {
  const lines = [
    '| API | from N | to N | ms per added route, constructs | ms per added route, raw |',
    '| --- | ---: | ---: | ---: | ---: |',
  ];
  for (const api of new Set(results.map((r) => r.api))) {
    const rows = results.filter((r) => r.api === api).sort((a, b) => a.routes - b.routes);
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1], rows[i]];
      const dn = b.routes - a.routes;
      lines.push(`| ${api} | ${a.routes} | ${b.routes} | ${fmt((b.constructs.ms - a.constructs.ms) / dn, 3)} | ${fmt((b.raw.ms - a.raw.ms) / dn, 3)} |`);
    }
  }
  return lines.join('\n');
}

function machine(): BenchReport['machine'] {
  return {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
  };
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  mkdirSync(WORK, { recursive: true });
  const command = options.tsNode
    ? [process.execPath, require.resolve('ts-node/dist/bin.js'), '--transpile-only', '-P', join(ROOT, 'bench', 'tsconfig.json'), join(ROOT, 'bench', 'synth.ts')]
    : [process.execPath, compileBench(ROOT, join(WORK, 'js'))];
  command.push('--method', options.method);

  const m = machine();
  console.log(
    `${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, Node ${m.node}, ${options.tsNode ? 'ts-node --transpile-only' : 'compiled JavaScript'}, ` +
      `hosts ${options.hosts}, app.${options.method}()`,
  );
  const results: SizeResult[] = [];
  for (const routes of options.sizes) {
    const count = options.runs ?? (routes <= 1_000 ? 9 : 5);
    for (const api of options.apis) {
      const r = measure(command, api, routes, options.hosts, count);
      results.push(r);
      console.log(
        `${String(routes).padStart(6)} routes ${api.padEnd(11)} constructs ${fmt(r.constructs.ms).padStart(8)} ms  raw ${fmt(r.raw.ms).padStart(8)} ms  ` +
          `ratio ${fmt(r.ratio, 2)} (CPU ${fmt(r.cpuRatio, 2)})  rss ${fmt(r.constructs.peakRssMiB, 0)}/${fmt(r.raw.peakRssMiB, 0)} MiB  ` +
          `(${count} runs each, load ${fmt(r.load[0])} → ${fmt(r.load[1])})`,
      );
    }
  }
  console.log('');
  console.log(markdownTable(results));
  if (options.sizes.length > 1) {
    console.log('');
    console.log(slopeTable(results));
  }
  if (options.save) {
    const report: BenchReport = {
      date: new Date().toISOString(),
      mode: options.tsNode ? 'ts-node' : 'js',
      method: options.method,
      hosts: options.hosts,
      machine: m,
      results,
    };
    writeFileSync(options.save, `${JSON.stringify(report, undefined, 2)}\n`);
    writeFileSync(options.save.replace(/\.json$/, '') + '.svg', plotSvg(report));
    console.log(`\nwrote ${options.save} and its plot`);
  }
  // The last line: the worst ratio of the sizes and APIs measured.
  console.log(`ratio ${fmt(Math.max(...results.map((r) => r.ratio)), 2)}`);
}

if (require.main === module) main();
