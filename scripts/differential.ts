/**
 * Differential test: random intents (test/differential/intents.ts) against the real readers.
 *
 * Each intent is built into its own App and synthesized into .cache/differential/<n>/manifests/
 * (the intent itself is written to .cache/differential/<n>/intent.json). Then:
 *
 *   - an intent the library refuses must fail with the library's validation error (an Error whose
 *     message is `Validation failed with the following errors:` followed by one
 *     `  [construct/path] message` line per problem; never a TypeError or any other error, never a
 *     message showing `undefined`, `NaN` or `[object Object]`), and nothing may be written;
 *   - an intent the library accepts must write manifests that pass, with no error or warning:
 *       0. no value printed without looking (`undefined`, `NaN`, `[object Object]` in a manifest),
 *       1. the in-process CRD validation (schemas and CEL rules of the pinned CRDs),
 *       2. kubectl-validate (one run over every accepted intent),
 *       3. `istioctl validate` (Istio's webhook validation, offline; one run over every accepted
 *          intent, errors attributed by object and re-run per intent where two intents hold an
 *          object of the same kind, namespace and name),
 *       4. `istioctl analyze --use-kube=false` (cross-object analysis; one run per intent, with the
 *          cluster context and CRDs scripts/validate.ts uses).
 *
 * Prints each finding with its intent number, then each distinct class of finding once with the
 * smallest intent that shows it (as JSON, to replay with --intent), then the summary line
 * `differential: N intents, A accepted, R refused, F findings`. Exit code 1 on any finding, 2 when
 * the run could not be made (tools or CRDs missing, bad arguments).
 *
 * Usage: ts-node --transpile-only scripts/differential.ts [--seed S] [--count N] [--out DIR]
 *          [--no-tools] [--intent FILE.json] [--verbose] [--legal-refusals] [--shrink]
 *
 * --shrink reduces the smallest intent of each class to a minimal one (printed as `minimal:`),
 * by leaving out elements and fields while the finding stays; --legal-refusals lists the
 * refusals of intents with legal values only (a rule stricter than the system it protects shows
 * there); --intent replays one intent written by an earlier run.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import {
  Finding,
  findExamples,
  findYamlFiles,
  formatFinding,
  locateTools,
  REPO_ROOT,
  runIstioctlAnalyze,
  runIstioctlValidate,
  runKubectlValidate,
  SetupError,
  Tools,
} from './validate';
import { buildIntent, Intent, sampleIntents } from '../test/differential/intents';
import { defaultCrdValidator, formatFinding as formatCrdFinding } from '../test/support/crd-validator';

export const DEFAULT_SEED = 20261204;
export const DEFAULT_COUNT = 300;

export interface Options {
  readonly seed: number;
  readonly count: number;
  readonly out: string;
  readonly tools: boolean;
  readonly intentFile?: string;
  readonly verbose: boolean;
  /** List the refusals of legal-value intents only (hostility 0). */
  readonly legalOnly?: boolean;
  /** Shrink the smallest intent of each class of finding to a minimal one. */
  readonly shrink?: boolean;
}

/** One problem with one intent. `check` names what found it. */
export interface DiffFinding {
  readonly intent: number;
  readonly check: string;
  readonly message: string;
  /** Groups findings of the same kind across intents. */
  readonly klass: string;
}

export type Outcome =
  | { readonly status: 'accepted'; readonly files: string[] }
  | { readonly status: 'refused'; readonly messages: string[] }
  | { readonly status: 'broken' };

const VALIDATION_HEADER = 'Validation failed with the following errors:';

/** Quoted values, numbers and long names of a message replaced, so messages of one kind group. */
export function normalize(message: string): string {
  return message
    .replace(/\n[\s\S]*/, '')
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(/'(?:[^'\\]|\\.)*'/g, '\'…\'')
    .replace(/\[[^\]]*\/[^\]]*\]/g, '[path]')
    .replace(/\b\d+(\.\d+)?(e[+-]?\d+)?\b/g, 'N')
    .replace(/\b[a-z0-9]+(?:[-.][a-z0-9]+)+\b/g, 'name')
    .slice(0, 200);
}

/** Builds and synthesizes one intent into `outdir`; adds what goes wrong to `findings`. */
export function synthIntent(n: number, intent: Intent, outdir: string, findings: DiffFinding[]): Outcome {
  const add = (check: string, message: string, klass = `${check}: ${normalize(message)}`) => findings.push({ intent: n, check, message, klass });
  // Built from a copy (values fast-check shares between intents stay untouched), which must be
  // unchanged afterwards: the library must not modify the props it is given.
  const given = JSON.stringify(intent);
  const copy: Intent = JSON.parse(given);
  const mutated = () => {
    if (JSON.stringify(copy) !== given) add('props', `the library modified the props it was given: ${JSON.stringify(copy)}`, 'props: the library modified the props it was given');
  };
  let app;
  try {
    app = buildIntent(copy, outdir);
  } catch (e) {
    const err = e as Error;
    add('construct', `a constructor threw ${err?.constructor?.name}: ${err?.message}`, `construct: threw ${err?.constructor?.name}: ${String(err?.message).split('\n')[0].replace(/\d+/g, 'N').slice(0, 200)}`);
    return { status: 'broken' };
  }
  try {
    app.synth();
    mutated();
  } catch (e) {
    mutated();
    const err = e as Error;
    const written = fs.existsSync(outdir) ? findYamlFiles(outdir) : [];
    if (written.length > 0) add('refusal', `synth failed but wrote ${written.map((f) => path.basename(f)).join(', ')}`);
    if (!(err instanceof Error) || err.constructor !== Error || !err.message.startsWith(`${VALIDATION_HEADER}\n`)) {
      add('refusal', `synth threw ${err?.constructor?.name}, not the library's validation error: ${err?.message}`,
        `refusal: threw ${err?.constructor?.name}: ${String(err?.message).split('\n')[0].replace(/\d+/g, 'N').slice(0, 200)}`);
      return { status: 'broken' };
    }
    const lines = err.message.split('\n').slice(1);
    const messages: string[] = [];
    for (const line of lines) {
      const m = /^ {2}\[([^\]]+)\] (\S.*)$/.exec(line);
      if (!m) {
        add('refusal', `a line of the validation error is not "  [construct/path] message": ${JSON.stringify(line)}`,
          'refusal: a line of the validation error is not "[path] message" (a value with a line break not quoted?)');
        continue;
      }
      messages.push(line.trim());
      // A value the message printed without looking (the English "is undefined" is fine).
      for (const [bad, pattern] of [['undefined', /(?<!is )\bundefined\b/], ['NaN', /\bNaN\b/], ['[object Object]', /\[object Object\]/]] as const) {
        if (pattern.test(m[2])) add('refusal', `message shows ${bad}: ${line.trim()}`, `refusal: message shows ${bad}: ${normalize(m[2])}`);
      }
    }
    return { status: 'refused', messages };
  }
  const files = fs.existsSync(outdir) ? findYamlFiles(outdir) : [];
  if (files.length === 0) add('synth', 'synth succeeded but wrote no manifests');
  return { status: 'accepted', files };
}

/** A value printed without looking: `undefined`, `NaN` or `[object Object]` in a manifest. */
const UNLOOKED = /\bundefined\b|\bNaN\b|\[object Object\]/;

/** The in-process checks of an accepted intent's manifests: CRD validation, and no value printed without looking. */
export function checkCrds(n: number, files: string[], findings: DiffFinding[]): void {
  for (const f of files) {
    fs.readFileSync(f, 'utf8').split('\n').forEach((line, i) => {
      const m = UNLOOKED.exec(line);
      if (m) findings.push({ intent: n, check: 'output', message: `${f}:${i + 1}: ${line.trim()}`, klass: `output: a manifest shows ${m[0]} (${normalize(line.trim().replace(/:.*/, ':'))})` });
    });
  }
  const objects = files.flatMap((f) => parseAllDocuments(fs.readFileSync(f, 'utf8')).map((d) => d.toJS()).filter((o) => o));
  for (const f of defaultCrdValidator().validateAll(objects)) {
    findings.push({
      intent: n,
      check: 'crd',
      message: formatCrdFinding(f),
      klass: `crd: ${f.kind} ${f.path.replace(/\[\d+\]/g, '[]')}: ${normalize(f.message)}`,
    });
  }
}

/** `Kind namespace/name` of every object of each accepted intent. */
function identities(files: string[]): Set<string> {
  const ids = new Set<string>();
  for (const f of files) {
    for (const doc of parseAllDocuments(fs.readFileSync(f, 'utf8'))) {
      const o = doc.toJS() as { kind?: string; metadata?: { name?: string; namespace?: string } } | null;
      if (o?.kind && o.metadata?.name !== undefined) ids.add(`${o.kind} ${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata.name}`);
    }
  }
  return ids;
}

/** An IST0101/IST0132 finding about a Gateway that none of `files` holds. */
function referencesGatewayOutside(f: Finding, files: string[]): boolean {
  const m = /Referenced gateway not found: "([^"]+)"|not found in Gateway ([^\s.]+(?:\.[^\s.]+)*)\.?$/.exec(f.message);
  if (!m || !['IST0101', 'IST0132'].includes(f.code)) return false;
  const ref = (m[1] ?? m[2]).replace(/\.$/, '');
  return !identities(files).has(`Gateway ${ref}`);
}

function intentOfFile(file: string, out: string): number | undefined {
  const rel = path.relative(out, path.resolve(file));
  const n = Number(rel.split(path.sep)[0]);
  return Number.isInteger(n) ? n : undefined;
}

function toolClass(f: Finding): string {
  const fields = f.fields?.length ? ` ${f.fields.map((x) => x.replace(/\[\d+\]/g, '[]')).join(',')}` : '';
  return `${f.tool}${f.code === 'validate' ? ' validate' : ''}: ${f.level} ${f.code === 'validate' ? '' : `${f.code} `}${f.kind ?? ''}${fields}: ${normalize(f.message)}`;
}

function toolFinding(n: number, f: Finding): DiffFinding {
  return { intent: n, check: f.tool === 'istioctl' ? (f.code === 'validate' ? 'istioctl validate' : 'istioctl analyze') : f.tool, message: formatFinding(f), klass: toolClass(f) };
}

/** The real validators over every accepted intent. */
export function runTools(
  accepted: Map<number, string[]>, out: string, tools: Tools, findings: DiffFinding[], log: (s: string) => void,
  only?: string,
): void {
  // Files without objects (a chart that only references a gateway) are nothing to validate.
  const all = [...accepted.values()].flat().filter((f) => identities([f]).size > 0);
  if (all.length === 0) return;
  if (only === undefined || only === 'kubectl-validate') runKubectl(all, out, tools, findings, log);
  if (only === undefined || only === 'istioctl validate') runValidate(all, accepted, out, tools, findings, log);
  if (only === undefined || only === 'istioctl analyze') runAnalyze(accepted, out, tools, findings, log);
}

function runKubectl(all: string[], out: string, tools: Tools, findings: DiffFinding[], log: (s: string) => void): void {
  const t = Date.now();
  const kv = runKubectlValidate(all, tools);
  for (const f of kv.findings) {
    const n = f.file ? intentOfFile(f.file, out) : undefined;
    if (n === undefined) findings.push({ intent: -1, check: 'kubectl-validate', message: formatFinding(f), klass: toolClass(f) });
    else findings.push(toolFinding(n, f));
  }
  log(`${kv.summary} (${Date.now() - t} ms)`);
}

function runValidate(
  all: string[], accepted: Map<number, string[]>, out: string, tools: Tools, findings: DiffFinding[], log: (s: string) => void,
): void {
  const t = Date.now();
  const iv = runIstioctlValidate(all, tools);
  const byIdentity = new Map<string, number[]>();
  for (const [n, files] of accepted) {
    for (const id of identities(files)) byIdentity.set(id, [...(byIdentity.get(id) ?? []), n]);
  }
  const rerun = new Set<number>();
  for (const f of iv.findings) {
    const n = f.file ? intentOfFile(f.file, out) : undefined;
    const candidates = n !== undefined ? [n] : f.resource ? byIdentity.get(f.resource) ?? [] : [];
    if (candidates.length === 1) findings.push(toolFinding(candidates[0], f));
    else if (candidates.length > 1) candidates.forEach((c) => rerun.add(c));
    else findings.push({ intent: -1, check: 'istioctl validate', message: formatFinding(f), klass: toolClass(f) });
  }
  // Objects of the same identity in several intents: each of those intents on its own.
  for (const n of [...rerun].sort((a, b) => a - b)) {
    for (const f of runIstioctlValidate(accepted.get(n)!.filter((file) => identities([file]).size > 0), tools).findings) {
      if (f.file || !f.resource || (byIdentity.get(f.resource)?.length ?? 0) <= 1) continue; // attributed above
      findings.push(toolFinding(n, f));
    }
  }
  log(`${iv.summary}${rerun.size ? `; ${rerun.size} intents re-run alone to attribute shared object names` : ''} (${Date.now() - t} ms)`);
}

function runAnalyze(accepted: Map<number, string[]>, out: string, tools: Tools, findings: DiffFinding[], log: (s: string) => void): void {
  const t = Date.now();
  const examples = findExamples(out).filter((e) => accepted.has(Number(e.name)));
  const ia = runIstioctlAnalyze(examples, tools);
  let outside = 0;
  for (const f of ia.findings) {
    const n = Number(f.example);
    // Routes of an imported gateway (IngressGateway.fromGatewayName) name a Gateway that lives
    // outside the App: istioctl cannot see it offline, so its "not found" findings say nothing.
    if (referencesGatewayOutside(f, accepted.get(n) ?? [])) {
      outside++;
      continue;
    }
    findings.push(toolFinding(n, f));
  }
  if (outside > 0) log(`istioctl analyze: ${outside} findings about gateways outside the App (imported by reference) left out`);
  log(`${ia.summary} (${Date.now() - t} ms)`);
}

export function parseArgs(argv: string[]): Options {
  const args = argv.filter((a) => a !== '--');
  let seed = DEFAULT_SEED;
  let count = DEFAULT_COUNT;
  let out = path.join(REPO_ROOT, '.cache', 'differential');
  let tools = true;
  let verbose = false;
  let legalOnly = false;
  let shrinkFindings = false;
  let intentFile: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new SetupError(`${a} needs a value`);
      return v;
    };
    const int = (v: string) => {
      if (!/^-?\d+$/.test(v)) throw new SetupError(`${a} expects an integer, got ${JSON.stringify(v)}`);
      return Number(v);
    };
    if (a === '--seed') seed = int(value());
    else if (a === '--count') count = int(value());
    else if (a === '--out') out = path.resolve(value());
    else if (a === '--no-tools') tools = false;
    else if (a === '--intent') intentFile = value();
    else if (a === '--verbose') verbose = true;
    else if (a === '--legal-refusals') legalOnly = true;
    else if (a === '--shrink') shrinkFindings = true;
    else throw new SetupError(`unknown argument ${JSON.stringify(a)}`);
  }
  if (count < 1) throw new SetupError('--count must be at least 1');
  return { seed, count, out, tools, intentFile, verbose, legalOnly, shrink: shrinkFindings };
}

export interface RunResult {
  readonly intents: Intent[];
  readonly outcomes: Outcome[];
  readonly findings: DiffFinding[];
}

export function run(opts: Options, log: (s: string) => void = console.log): RunResult {
  const intents: Intent[] = opts.intentFile ? [JSON.parse(fs.readFileSync(opts.intentFile, 'utf8'))] : sampleIntents(opts.seed, opts.count);
  const tools = opts.tools ? locateTools() : undefined;
  fs.rmSync(opts.out, { recursive: true, force: true });
  fs.mkdirSync(opts.out, { recursive: true });
  const findings: DiffFinding[] = [];
  const outcomes: Outcome[] = [];
  const accepted = new Map<number, string[]>();
  let t = Date.now();
  intents.forEach((intent, n) => {
    const dir = path.join(opts.out, String(n));
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'intent.json'), `${JSON.stringify(intent, null, 2)}\n`);
    const outcome = synthIntent(n, intent, path.join(dir, 'manifests'), findings);
    outcomes.push(outcome);
    if (outcome.status === 'accepted') {
      accepted.set(n, outcome.files);
      checkCrds(n, outcome.files, findings);
    }
  });
  log(`synth and in-process CRD checks: ${intents.length} intents (${Date.now() - t} ms)`);
  t = Date.now();
  if (tools) runTools(accepted, opts.out, tools, findings, log);
  return { intents, outcomes, findings };
}

/** Smaller variants of a JSON value: an element or a key left out, at the top first, then inside. */
function* smaller(v: any): Generator<any> {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) yield [...v.slice(0, i), ...v.slice(i + 1)];
    for (let i = 0; i < v.length; i++) {
      for (const s of smaller(v[i])) yield Object.assign([...v], { [i]: s });
    }
  } else if (v && typeof v === 'object') {
    for (const k of Object.keys(v)) {
      const { [k]: _, ...rest } = v;
      yield rest;
    }
    for (const k of Object.keys(v)) {
      for (const s of smaller(v[k])) yield { ...v, [k]: s };
    }
  }
}

/** The findings of `intent` on its own, with the tool that `check` names (the in-process checks always). */
function findingsAlone(intent: Intent, dir: string, tools: Tools | undefined, check: string): DiffFinding[] {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, '0'), { recursive: true });
  const findings: DiffFinding[] = [];
  const outcome = synthIntent(0, intent, path.join(dir, '0', 'manifests'), findings);
  if (outcome.status === 'accepted') {
    checkCrds(0, outcome.files, findings);
    if (tools && ['kubectl-validate', 'istioctl validate', 'istioctl analyze'].includes(check)) {
      runTools(new Map([[0, outcome.files]]), dir, tools, findings, () => {}, check);
    }
  }
  return findings;
}

/**
 * A smaller intent with a finding of the same class: greedily leaves out what the finding does
 * not need, within `attempts` tries (a check with a validator costs a run of it per try).
 */
export function shrink(intent: Intent, finding: DiffFinding, dir: string, tools: Tools | undefined, attempts: number): Intent {
  const keeps = (candidate: Intent) => {
    const found = findingsAlone(candidate, dir, tools, finding.check);
    // A candidate the builder cannot build (a required field left out) is not a smaller reproduction.
    return found.some((f) => f.klass === finding.klass) && (finding.check === 'construct' || !found.some((f) => f.check === 'construct'));
  };
  let best = intent;
  let tries = 0;
  let progress = true;
  while (progress && tries < attempts) {
    progress = false;
    for (const candidate of smaller(best)) {
      if (++tries > attempts) break;
      if (keeps(candidate)) {
        best = candidate;
        progress = true;
        break;
      }
    }
  }
  return best;
}

function report(opts: Options, result: RunResult, log: (s: string) => void): void {
  const { intents, outcomes, findings } = result;
  const sorted = [...findings].sort((a, b) => a.intent - b.intent);
  for (const f of sorted) log(`#${f.intent} ${f.check}: ${f.message}`);
  const classes = new Map<string, DiffFinding[]>();
  for (const f of findings) classes.set(f.klass, [...(classes.get(f.klass) ?? []), f]);
  if (classes.size > 0) log(`\n${classes.size} distinct classes of finding (each with its smallest intent):`);
  const size = (n: number) => (n < 0 ? Infinity : JSON.stringify(intents[n]).length);
  for (const [klass, list] of [...classes].sort((a, b) => a[0].localeCompare(b[0]))) {
    const smallest = list.reduce((best, f) => (size(f.intent) < size(best.intent) ? f : best));
    const ns = [...new Set(list.map((f) => f.intent))];
    log(`\n* ${klass}\n  in ${ns.length} intent(s): #${ns.slice(0, 15).join(', #')}${ns.length > 15 ? ', ...' : ''}`);
    log(`  e.g. #${smallest.intent} ${smallest.message.split('\n')[0]}`);
    if (smallest.intent >= 0) log(`  intent: ${JSON.stringify(intents[smallest.intent])}`);
    if (smallest.intent >= 0 && opts.shrink) {
      const budget = ['crd', 'output', 'construct', 'refusal', 'synth', 'props', 'istioctl validate'].includes(smallest.check) ? 300 : 40;
      const minimal = shrink(intents[smallest.intent], smallest, path.join(opts.out, 'shrink'), opts.tools ? locateTools() : undefined, budget);
      log(`  minimal: ${JSON.stringify(minimal)}`);
    }
  }
  // Why intents were refused: the most common kinds of message (to see what the generator hits).
  // Refusals of intents with legal values only are worth a look: an incoherent generator, or a
  // rule stricter than the system it protects.
  const byHostility = [0, 1, 2].map((h) => {
    const of = outcomes.filter((_, n) => (intents[n].hostility ?? 0) === h);
    return `hostility ${h}: ${of.filter((o) => o.status === 'accepted').length}/${of.length} accepted`;
  });
  log(`\n${byHostility.join(', ')}`);
  const reasons = new Map<string, number>();
  for (const [n, o] of outcomes.entries()) {
    if (o.status !== 'refused' || (opts.legalOnly && intents[n].hostility)) continue;
    for (const m of new Set(o.messages.map((x) => normalize(x.replace(/^\[[^\]]*\] /, ''))))) reasons.set(m, (reasons.get(m) ?? 0) + 1);
  }
  const top = [...reasons].sort((a, b) => b[1] - a[1]).slice(0, opts.verbose ? 60 : 12);
  if (top.length > 0) log(`\nmost common refusals (intents: message kind):\n${top.map(([m, c]) => `  ${c}: ${m}`).join('\n')}`);
  if (opts.verbose) {
    const withFindings = new Set(findings.map((f) => f.intent));
    for (const n of withFindings) if (n >= 0) log(`intent #${n}: ${JSON.stringify(intents[n])}`);
  }
  const acceptedCount = outcomes.filter((o) => o.status === 'accepted').length;
  const refusedCount = outcomes.filter((o) => o.status === 'refused').length;
  log(`\ndifferential: ${intents.length} intents, ${acceptedCount} accepted, ${refusedCount} refused, ${findings.length} findings`
    + ` (seed ${opts.seed}, ${classes.size} classes; intents and manifests in ${path.relative(process.cwd(), opts.out) || '.'})`);
}

function main(argv: string[]): number {
  let opts: Options;
  try {
    opts = parseArgs(argv);
    const result = run(opts);
    report(opts, result, console.log);
    return result.findings.length > 0 ? 1 : 0;
  } catch (e) {
    if (e instanceof SetupError) {
      console.error(`differential: ${e.message}`);
      return 2;
    }
    throw e;
  }
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
