/**
 * The benchmark app through the Python package (jsii) against the same library in TypeScript: time,
 * peak memory and jsii kernel round trips.
 *
 *   ts-node --transpile-only bench/python.ts [--routes 100] [--runs 9] [--api both] [--style all]
 *
 * --style per-route: the Python app calls Backend.service(), HttpRouteAction.forward() and
 * add_http_route() for each route (three kernel round trips); bulk: HttpRouteAction.forward_to() per
 * route and one add_http_routes() (one round trip per route); rule-data: the routes as plain structs
 * (HttpRouteRule forward_to=[ForwardTarget(...)]) in one add_http_routes() (one round trip for the
 * app); data: the same with the route's own forward_to (HttpRouteEntry forward_to=[...], no rule
 * struct); all (default).
 *
 * Needs the Python package: dist-packages/python/*.whl (`npx projen compile && npx jsii-pacmak -v
 * --target python`, or --wheel FILE). The first run makes a virtual environment in
 * .cache/bench-venv with the wheel and the cdk8s, constructs and cdk8s-plus-33 versions the
 * TypeScript side has in node_modules (PyPI); --venv DIR uses another.
 *
 * Both sides run the same library code: the TypeScript side loads the JavaScript bundled inside
 * the wheel (extracted under .cache/bench/python-js), not src/. Each run is a fresh process;
 * Python and TypeScript runs alternate. Every run's YAML must be byte-identical across the two.
 * The last line reads `ratio X`: Python's median synthesis time over TypeScript's (the larger of
 * the APIs measured).
 */
import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'fs';
import * as os from 'os';
import { join, resolve } from 'path';
import { performance } from 'perf_hooks';
import { apisOption, commandOptions, positiveOption } from './args';
import { compileBench } from './compile';
import { median } from './run';
import type { ApiName } from './scenario';

const ROOT = resolve(__dirname, '..');
const WORK = join(ROOT, '.cache', 'bench');

interface Run {
  readonly ms: number;
  readonly buildMs: number;
  readonly synthMs: number;
  readonly peakRssMiB: number;
  readonly kernelPeakRssMiB?: number;
  readonly sha256: string;
  readonly roundTrips?: number;
  readonly roundTripsByKind?: Record<string, number>;
  /** Whole process, spawn to exit, as seen from here. */
  wallMs: number;
}

interface Options {
  routes: number;
  runs: number;
  apis: ApiName[];
  venv: string;
  wheel?: string;
  styles: string[];
}

function parseArgs(argv: string[]): Options {
  const options: Options = { routes: 100, runs: 9, apis: ['istio', 'gateway-api'], venv: join(ROOT, '.cache', 'bench-venv'), styles: ['per-route', 'bulk', 'rule-data', 'data'] };
  for (const { name, value } of commandOptions(argv)) {
    switch (name) {
      case '--routes':
        options.routes = positiveOption(value(), '--routes');
        break;
      case '--runs':
        options.runs = positiveOption(value(), '--runs');
        break;
      case '--api':
        options.apis = apisOption(value());
        break;
      case '--venv':
        options.venv = resolve(value());
        break;
      case '--style': {
        const v = value();
        options.styles = v === 'all' ? ['per-route', 'bulk', 'rule-data', 'data'] : [v];
        break;
      }
      case '--wheel':
        options.wheel = resolve(value());
        break;
      default:
        throw new Error(`unknown option ${name}; see the comment at the top of bench/python.ts`);
    }
  }
  return options;
}

function run(command: string, args: string[], env?: NodeJS.ProcessEnv): { stdout: string; ms: number } {
  const t0 = performance.now();
  const child = spawnSync(command, args, { cwd: ROOT, encoding: 'utf-8', maxBuffer: 64 * 1024 * 1024, env: env ?? process.env });
  const ms = performance.now() - t0;
  if (child.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${child.status}):\n${child.stderr}`);
  return { stdout: child.stdout, ms };
}

function lastJson(stdout: string): any {
  const lines = stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]);
}

function findWheel(options: Options): string {
  if (options.wheel) return options.wheel;
  const dir = join(ROOT, 'dist-packages', 'python');
  const wheel = existsSync(dir) ? readdirSync(dir).find((f) => f.endsWith('.whl')) : undefined;
  if (!wheel) {
    throw new Error('no Python package in dist-packages/python; build it with `npx projen compile && npx jsii-pacmak -v --target python`, or pass --wheel FILE');
  }
  return join(dir, wheel);
}

function nodeVersion(pkg: string): string {
  return JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf-8')).version;
}

/** The virtual environment with the wheel and the same cdk8s, constructs and cdk8s-plus-33 as node_modules. */
function ensureVenv(options: Options, wheel: string): string {
  const python = join(options.venv, 'bin', 'python');
  if (!existsSync(python)) {
    run('python3', ['-m', 'venv', options.venv]);
    const pins = ['cdk8s', 'constructs', 'cdk8s-plus-33'].map((p) => `${p}==${nodeVersion(p)}`);
    run(python, ['-m', 'pip', 'install', '--quiet', ...pins, wheel]);
  } else {
    // The wheel of this checkout, not one an earlier run installed.
    run(python, ['-m', 'pip', 'install', '--quiet', '--force-reinstall', '--no-deps', wheel]);
  }
  return python;
}

/**
 * The JavaScript inside the wheel, as a node package next to symbolic links to this repository's
 * cdk8s, constructs and cdk8s-plus-33 (the versions the venv has): what the jsii kernel runs.
 */
function extractLibrary(wheel: string): string {
  const dir = join(WORK, 'python-js');
  rmSync(dir, { recursive: true, force: true });
  const modules = join(dir, 'node_modules');
  mkdirSync(join(modules, 'cdk8s-istio-gateway'), { recursive: true });
  const listing = run('python3', ['-c', 'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', wheel]).stdout;
  const tgz = listing.split('\n').find((f) => f.endsWith('.jsii.tgz'));
  if (!tgz) throw new Error(`${wheel} holds no .jsii.tgz`);
  run('python3', ['-c', 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extract(sys.argv[2], sys.argv[3])', wheel, tgz, dir]);
  run('tar', ['-xzf', join(dir, tgz), '-C', join(modules, 'cdk8s-istio-gateway'), '--strip-components=1']);
  for (const dep of ['cdk8s', 'constructs', 'cdk8s-plus-33']) symlinkSync(join(ROOT, 'node_modules', dep), join(modules, dep));
  return join(modules, 'cdk8s-istio-gateway');
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const wheel = findWheel(options);
  const python = ensureVenv(options, wheel);
  const library = extractLibrary(wheel);
  const worker = compileBench(ROOT, join(WORK, 'js'));
  const app = join(ROOT, 'bench', 'python', 'app.py');
  // The jsii runtime prints a notice about the Node version on stderr on every start.
  const env = { ...process.env, JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '1', JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION: '1' };

  console.log(`${os.cpus().length} cores, Node ${process.version}, ${run(python, ['--version']).stdout.trim()}, ${options.routes} routes, ${options.runs} runs each`);
  const ratios: number[] = [];
  const cases = options.apis.flatMap((api) => options.styles.map((style) => ({ api, style })));
  for (const { api, style } of cases) {
    const py: Run[] = [];
    const ts: Run[] = [];
    const load = os.loadavg()[0];
    for (let i = 0; i < options.runs; i++) {
      const order = i % 2 === 0 ? ['python', 'ts'] : ['ts', 'python'];
      for (const side of order) {
        if (side === 'python') {
          const r = run(python, [app, '--api', api, '--style', style, '--routes', String(options.routes)], env);
          py.push({ ...lastJson(r.stdout), wallMs: r.ms });
        } else {
          const r = run(process.execPath, [worker, '--variant', 'constructs', '--api', api, '--routes', String(options.routes), '--library', library]);
          ts.push({ ...lastJson(r.stdout), wallMs: r.ms });
        }
      }
    }
    const digests = new Set([...py, ...ts].map((r) => r.sha256));
    if (digests.size !== 1) throw new Error(`${api} (${style}): Python and TypeScript wrote different YAML`);

    // Round trips are deterministic: the marginal cost of a route from a run with twice the routes.
    const double = lastJson(run(python, [app, '--api', api, '--style', style, '--routes', String(2 * options.routes)], env).stdout) as Run;
    const trips = py[0].roundTrips!;
    const perRoute = (double.roundTrips! - trips) / options.routes;

    const m = (runs: Run[], f: (r: Run) => number) => median(runs.map(f));
    const ratio = m(py, (r) => r.ms) / m(ts, (r) => r.ms);
    ratios.push(ratio);
    console.log(
      `${api}, ${style}: synthesis ${m(py, (r) => r.ms).toFixed(1)} ms Python vs ${m(ts, (r) => r.ms).toFixed(1)} ms TypeScript (ratio ${ratio.toFixed(2)}); ` +
        `whole process ${m(py, (r) => r.wallMs).toFixed(0)} vs ${m(ts, (r) => r.wallMs).toFixed(0)} ms (ratio ${(m(py, (r) => r.wallMs) / m(ts, (r) => r.wallMs)).toFixed(2)}); ` +
        `peak RSS ${m(py, (r) => r.peakRssMiB).toFixed(0)} MiB Python + ${m(py, (r) => r.kernelPeakRssMiB ?? 0).toFixed(0)} MiB kernel vs ${m(ts, (r) => r.peakRssMiB).toFixed(0)} MiB; ` +
        `round trips ${trips} (${(trips / options.routes).toFixed(2)} per route, ${perRoute.toFixed(2)} per added route: ${JSON.stringify(py[0].roundTripsByKind)}); ` +
        `load ${load.toFixed(1)} → ${os.loadavg()[0].toFixed(1)}`,
    );
    console.log(`  Python runs (ms): ${py.map((r) => r.ms.toFixed(0)).join(' ')}; TypeScript runs (ms): ${ts.map((r) => r.ms.toFixed(0)).join(' ')}`);
  }
  console.log(`ratio ${Math.max(...ratios).toFixed(2)}`);
}

if (require.main === module) main();
