/**
 * Synthesizes every example app (`examples/<name>/main.ts`, which exports `build(app)`) into
 * `dist/<name>/`.
 *
 * All or nothing: every example is synthesized into a fresh temporary folder first; only when all
 * of them succeed does `dist/` get replaced. When any fails, each problem is printed (no stack trace)
 * and `dist/` is left exactly as it was.
 *
 * Usage: ts-node --transpile-only scripts/synth-examples.ts [--out DIR] [--examples DIR] [example ...]
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdk8s';

const ROOT = path.resolve(__dirname, '..');

interface Example {
  readonly name: string;
  readonly build: (app: App) => void;
}

interface Args {
  readonly out: string;
  readonly examples: string;
  readonly only: string[];
}

function parseArgs(argv: string[]): Args {
  let out = path.join(ROOT, 'dist');
  let examples = path.join(ROOT, 'examples');
  const only: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') out = path.resolve(argv[++i]);
    else if (argv[i] === '--examples') examples = path.resolve(argv[++i]);
    else only.push(argv[i]);
  }
  return { out, examples, only };
}

function discover(dir: string, only: string[]): Example[] {
  const names = fs
    .readdirSync(dir)
    .filter((name) => fs.existsSync(path.join(dir, name, 'main.ts')))
    .filter((name) => only.length === 0 || only.includes(name))
    .sort();
  const unknown = only.filter((name) => !names.includes(name));
  if (unknown.length > 0) throw new Error(`no example named ${unknown.join(', ')} in examples/`);
  return names.map((name) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(dir, name, 'main.ts'));
    if (typeof mod.build !== 'function') throw new Error(`examples/${name}/main.ts does not export build(app)`);
    return { name, build: mod.build };
  });
}

function shown(dir: string): string {
  const rel = path.relative(ROOT, dir);
  return rel.startsWith('..') ? dir : rel;
}

function main(): number {
  const { out, examples: dir, only } = parseArgs(process.argv.slice(2));
  const examples = discover(dir, only);
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'synth-'));
  const failures: string[] = [];

  for (const example of examples) {
    try {
      const app = new App({ outdir: path.join(staging, example.name) });
      example.build(app);
      app.synth();
    } catch (e) {
      failures.push(`examples/${example.name}: ${(e as Error).message}`);
    }
  }

  if (failures.length > 0) {
    fs.rmSync(staging, { recursive: true, force: true });
    console.error(failures.join('\n'));
    console.error(`synth: ${failures.length} of ${examples.length} examples failed; nothing was written to ${shown(out)}/`);
    return 1;
  }

  fs.mkdirSync(out, { recursive: true });
  for (const example of examples) {
    const target = path.join(out, example.name);
    fs.rmSync(target, { recursive: true, force: true });
    fs.cpSync(path.join(staging, example.name), target, { recursive: true });
  }
  fs.rmSync(staging, { recursive: true, force: true });
  console.log(`synth: ${examples.length} examples written to ${shown(out)}/ (${examples.map((e) => e.name).join(', ')})`);
  return 0;
}

try {
  process.exitCode = main();
} catch (e) {
  console.error(`synth: ${(e as Error).message}`);
  process.exitCode = 1;
}
