/**
 * Runs the real validators over synthesized manifests:
 *
 *   1. kubectl-validate over every YAML file below <dir>, with the pinned CRDs from `.crds/` as
 *      local CRDs (schema and CEL rules) and the built-in schemas of one pinned Kubernetes
 *      version, offline.
 *   2. `istioctl validate` over every file: Istio's webhook validation, offline (its deployment
 *      conventions for application workloads are left out for gateway workloads, see
 *      `gatewayWorkloadObjects()`).
 *   3. `istioctl analyze --use-kube=false` once per example, i.e. per direct subfolder of <dir>
 *      (`dist/<example>/*.k8s.yaml`), together with `test/validators/cluster-context.yaml`, the
 *      objects a real cluster would already have. If <dir> itself holds YAML files they form one
 *      more example, named after <dir>.
 *
 * Zero errors and zero warnings are required. Info messages pass only when their code is listed
 * in `test/validators/istioctl-allowed-info.txt`. Every finding is printed with its file or
 * example, then one summary line per tool; the exit code is 1 on any finding, 2 when the run
 * could not be made (tools or CRDs missing, bad arguments), 0 otherwise.
 *
 * Usage: ts-node --transpile-only scripts/validate.ts [dir]      (default: dist)
 *        npm run validate -- <dir>
 *
 * The tools come from `.tools/bin` (built by scripts/install-tools.sh); VALIDATE_TOOLS_DIR points
 * elsewhere. The functions are exported for scripts/cdk8s-validation-plugin.ts.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';

export const REPO_ROOT = path.resolve(__dirname, '..');

/** Kubernetes version for built-in kinds. kubectl-validate v0.0.4 embeds schemas for 1.23 to 1.30
 * only (newer ones it would fetch from the network), so 1.30 is the newest offline choice. */
export const KUBERNETES_VERSION = '1.30';

export type Tool = 'kubectl-validate' | 'istioctl';

export interface Finding {
  readonly tool: Tool;
  /** Error, Warning or Info (kubectl-validate findings are always Error). */
  readonly level: string;
  /** istioctl message code, e.g. IST0101; kubectl-validate's status reason, e.g. Invalid. */
  readonly code: string;
  readonly message: string;
  /** The manifest file, relative to the working directory when possible. */
  readonly file?: string;
  /** 1-based line in `file`, when the tool gives one. */
  readonly line?: number;
  /** The example (istioctl runs) the finding belongs to. */
  readonly example?: string;
  /** `Kind namespace/name` of the object, when known. */
  readonly resource?: string;
  readonly kind?: string;
  readonly name?: string;
  /** Field paths the finding is about (kubectl-validate causes). */
  readonly fields?: string[];
  /** The tool's documentation page for this finding (istioctl). */
  readonly documentationUrl?: string;
}

export interface AllowedInfo {
  readonly code: string;
  readonly reason: string;
}

export interface ValidateOptions {
  /** Directory holding kubectl-validate and istioctl. Default: $VALIDATE_TOOLS_DIR or .tools/bin. */
  readonly toolsDir?: string;
  /** Directory with the pinned CRDs (*.yaml). Default: $VALIDATE_CRDS_DIR or .crds. */
  readonly crdsDir?: string;
  /** Cluster context passed to istioctl. Default: test/validators/cluster-context.yaml. */
  readonly clusterContext?: string;
  /** Info allow-list. Default: test/validators/istioctl-allowed-info.txt. */
  readonly allowedInfoFile?: string;
  /** Kubernetes version for kubectl-validate. Default: KUBERNETES_VERSION. */
  readonly kubernetesVersion?: string;
}

export interface Example {
  readonly name: string;
  readonly files: string[];
}

export interface ToolResult {
  readonly tool: Tool;
  readonly findings: Finding[];
  /** Info messages that were dropped because the allow-list names them. */
  readonly allowed: Finding[];
  readonly summary: string;
}

/** A problem that prevents a run (tools or CRDs missing, bad input); exit code 2. */
export class SetupError extends Error {}

const INSTALL_HINT = 'run scripts/install-tools.sh';

function rel(file: string): string {
  const r = path.relative(process.cwd(), file);
  return r && !r.startsWith('..') && !path.isAbsolute(r) ? r : file;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function isYaml(name: string): boolean {
  return /\.ya?ml$/i.test(name);
}

/** Every YAML file below `dir`, sorted. */
export function findYamlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile() && isYaml(entry.name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** The examples of an output directory: each direct subfolder with YAML files below it, and
 * `dir` itself when YAML files lie directly in it. */
export function findExamples(dir: string): Example[] {
  const examples: Example[] = [];
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  const own = entries.filter((e) => e.isFile() && isYaml(e.name)).map((e) => path.join(dir, e.name));
  if (own.length > 0) examples.push({ name: path.basename(path.resolve(dir)), files: own });
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const files = findYamlFiles(path.join(dir, entry.name));
    if (files.length > 0) examples.push({ name: entry.name, files });
  }
  return examples;
}

interface ToolPins {
  readonly kubectlValidate: string;
  readonly istioctl: string;
}

/** The versions scripts/install-tools.sh pins, read from the script itself (one source). */
export function readPins(): ToolPins {
  const script = fs.readFileSync(path.join(REPO_ROOT, 'scripts', 'install-tools.sh'), 'utf8');
  const get = (name: string) => {
    const m = new RegExp(`^${name}="([^"]+)"`, 'm').exec(script);
    if (!m) throw new SetupError(`scripts/install-tools.sh does not set ${name}`);
    return m[1];
  };
  return {
    kubectlValidate: get('KUBECTL_VALIDATE_VERSION'),
    istioctl: `${get('ISTIO_MODULE')}@${get('ISTIO_MODULE_VERSION')}`,
  };
}

export interface Tools {
  readonly kubectlValidate: string;
  readonly istioctl: string;
  readonly pins: ToolPins;
}

/** Locates both tools and checks their stamp files against the pins; throws a one-line
 * SetupError telling to run scripts/install-tools.sh otherwise. */
export function locateTools(opts: ValidateOptions = {}): Tools {
  const dir = opts.toolsDir ?? process.env.VALIDATE_TOOLS_DIR ?? path.join(REPO_ROOT, '.tools', 'bin');
  const pins = readPins();
  const check = (name: string, pin: string) => {
    const bin = path.join(dir, name);
    if (!fs.existsSync(bin)) {
      throw new SetupError(`${name} is not installed in ${rel(dir)}: ${INSTALL_HINT}`);
    }
    const stamp = path.join(dir, `.${name}.version`);
    // The istioctl stamp goes on with the replaced modules after the first space.
    const have = fs.existsSync(stamp) ? fs.readFileSync(stamp, 'utf8').trim().split(/\s+/)[0] : undefined;
    if (have !== pin) {
      throw new SetupError(`${name} in ${rel(dir)} is ${have ?? 'of unknown version'}, not the pinned ${pin}: ${INSTALL_HINT}`);
    }
    return bin;
  };
  return {
    kubectlValidate: check('kubectl-validate', pins.kubectlValidate),
    istioctl: check('istioctl', pins.istioctl),
    pins,
  };
}

/** Environment for the tools: never a live cluster. */
function offlineEnv(tmp: string): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.KUBERNETES_SERVICE_HOST;
  delete env.KUBERNETES_SERVICE_PORT;
  env.KUBECONFIG = path.join(tmp, 'no-kubeconfig');
  env.HOME = env.HOME ?? tmp;
  env.NO_COLOR = '1';
  return env;
}

interface DocInfo {
  readonly kind?: string;
  readonly name?: string;
  readonly namespace?: string;
}

/** kind/name/namespace of each YAML document of a file, in order (empty documents included). */
function describeDocuments(file: string): DocInfo[] {
  try {
    return parseAllDocuments(fs.readFileSync(file, 'utf8')).map((doc) => {
      const js = doc.toJS() as { kind?: unknown; metadata?: { name?: unknown; namespace?: unknown } } | null;
      if (!js || typeof js !== 'object') return {};
      return {
        kind: typeof js.kind === 'string' ? js.kind : undefined,
        name: typeof js.metadata?.name === 'string' ? js.metadata.name : undefined,
        namespace: typeof js.metadata?.namespace === 'string' ? js.metadata.namespace : undefined,
      };
    });
  } catch {
    return [];
  }
}

function resourceLabel(info: DocInfo | undefined): string | undefined {
  if (!info?.kind) return undefined;
  const name = info.name ? (info.namespace ? `${info.namespace}/${info.name}` : info.name) : '<unnamed>';
  return `${info.kind} ${name}`;
}

/** Copies the pinned CRD files (*.yaml only) into a fresh directory: kubectl-validate reads every
 * .json file of a --local-crds directory as a CRD too, and .crds/ also holds index.json. */
function stageCrds(crdsDir: string, tmp: string): string {
  if (!fs.existsSync(crdsDir)) {
    throw new SetupError(`no CRDs in ${rel(crdsDir)}: run npx projen crds`);
  }
  const files = fs.readdirSync(crdsDir).filter(isYaml).sort();
  if (files.length === 0) throw new SetupError(`no CRD files (*.yaml) in ${rel(crdsDir)}: run npx projen crds`);
  const out = path.join(tmp, 'crds');
  fs.mkdirSync(out);
  for (const f of files) fs.copyFileSync(path.join(crdsDir, f), path.join(out, f));
  return out;
}

interface KvStatus {
  status?: string;
  message?: string;
  reason?: string;
  code?: number;
  details?: { causes?: { reason?: string; message?: string; field?: string }[] };
}

/** Runs kubectl-validate once over `files`. */
export function runKubectlValidate(files: string[], tools: Tools, opts: ValidateOptions = {}): ToolResult {
  const version = opts.kubernetesVersion ?? KUBERNETES_VERSION;
  const title = `kubectl-validate ${tools.pins.kubectlValidate} (Kubernetes ${version}, local CRDs)`;
  if (files.length === 0) {
    return { tool: 'kubectl-validate', findings: [], allowed: [], summary: `${title}: no YAML files` };
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'validate-kv-'));
  try {
    const crds = stageCrds(opts.crdsDir ?? process.env.VALIDATE_CRDS_DIR ?? path.join(REPO_ROOT, '.crds'), tmp);
    const args = ['--version', version, '--local-crds', crds, '--output', 'json', ...files];
    const res = spawnSync(tools.kubectlValidate, args, {
      encoding: 'utf8',
      env: offlineEnv(tmp),
      maxBuffer: 256 * 1024 * 1024,
    });
    if (res.error) throw new SetupError(`kubectl-validate could not run (${res.error.message}): ${INSTALL_HINT}`);
    let report: Record<string, KvStatus[]>;
    try {
      report = JSON.parse(res.stdout);
    } catch {
      const text = `${res.stderr}\n${res.stdout}`.trim().split('\n').slice(0, 20).join('\n');
      return {
        tool: 'kubectl-validate',
        findings: [{ tool: 'kubectl-validate', level: 'Error', code: 'ToolError', message: `kubectl-validate failed (exit ${res.status}): ${text}` }],
        allowed: [],
        summary: `${title}: the tool failed`,
      };
    }
    const findings: Finding[] = [];
    let failedFiles = 0;
    for (const file of files) {
      const statuses = report[file];
      if (!statuses) {
        findings.push({ tool: 'kubectl-validate', level: 'Error', code: 'NotValidated', file: rel(file), message: 'kubectl-validate reported nothing for this file' });
        failedFiles++;
        continue;
      }
      const docs = describeDocuments(file);
      const aligned = docs.length === statuses.length;
      let failed = false;
      statuses.forEach((st, i) => {
        if (st.status === 'Success') return;
        failed = true;
        const info = aligned ? docs[i] : undefined;
        const causes = st.details?.causes ?? [];
        findings.push({
          tool: 'kubectl-validate',
          level: 'Error',
          code: st.reason ?? 'Failure',
          file: rel(file),
          resource: resourceLabel(info) ?? `document ${i + 1}`,
          kind: info?.kind,
          name: info?.name,
          fields: causes.map((c) => c.field).filter((f): f is string => !!f),
          message: st.message ?? (causes.map((c) => c.message).join('; ') || JSON.stringify(st)),
        });
      });
      if (failed) failedFiles++;
    }
    if (findings.length === 0 && res.status !== 0) {
      findings.push({ tool: 'kubectl-validate', level: 'Error', code: 'ToolError', message: `kubectl-validate exited ${res.status}: ${res.stderr.trim()}` });
    }
    const summary = findings.length === 0
      ? `${title}: OK, ${plural(files.length, 'file')}, no findings`
      : `${title}: ${plural(findings.length, 'finding')} in ${failedFiles} of ${plural(files.length, 'file')}`;
    return { tool: 'kubectl-validate', findings, allowed: [], summary };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Reads the Info allow-list: one `CODE reason` per line; `#` starts a comment line. */
export function readAllowedInfo(file: string): AllowedInfo[] {
  if (!fs.existsSync(file)) return [];
  const out: AllowedInfo[] = [];
  fs.readFileSync(file, 'utf8').split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const m = /^(IST\d{4})\s+(\S.*)$/.exec(line);
    if (!m) throw new SetupError(`${rel(file)}:${i + 1}: expected "ISTnnnn <one-line reason>", got: ${line}`);
    out.push({ code: m[1], reason: m[2] });
  });
  return out;
}

interface IstioMessage {
  code?: string;
  level?: string;
  origin?: string;
  reference?: string;
  message?: string;
  documentationUrl?: string;
}

/** Runs `istioctl analyze --use-kube=false` over each example with the cluster context. */
export function runIstioctlAnalyze(examples: Example[], tools: Tools, opts: ValidateOptions = {}): ToolResult {
  const contextFile = opts.clusterContext ?? path.join(REPO_ROOT, 'test', 'validators', 'cluster-context.yaml');
  const allowFile = opts.allowedInfoFile ?? path.join(REPO_ROOT, 'test', 'validators', 'istioctl-allowed-info.txt');
  if (!fs.existsSync(contextFile)) throw new SetupError(`cluster context ${rel(contextFile)} is missing`);
  const allowList = readAllowedInfo(allowFile);
  // The pinned CRDs are part of what the cluster has (istioctl checks e.g. the Gateway API bundle
  // version against the minimum it supports).
  const crdsDir = opts.crdsDir ?? process.env.VALIDATE_CRDS_DIR ?? path.join(REPO_ROOT, '.crds');
  const crdFiles = fs.existsSync(crdsDir) ? fs.readdirSync(crdsDir).filter(isYaml).sort().map((f) => path.join(crdsDir, f)) : [];
  if (crdFiles.length === 0) throw new SetupError(`no CRD files (*.yaml) in ${rel(crdsDir)}: run npx projen crds`);
  const allowedCodes = new Set(allowList.map((a) => a.code));
  const title = `istioctl analyze ${tools.pins.istioctl.replace(/^.*@/, '')} (--use-kube=false, cluster context ${rel(contextFile)} + CRDs)`;
  const findings: Finding[] = [];
  const allowed: Finding[] = [];
  let failedExamples = 0;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'validate-istioctl-'));
  try {
    for (const example of examples) {
      // --all-namespaces: without it istioctl only reports messages for the namespace "default".
      const args = [
        'analyze', '--use-kube=false', '--all-namespaces', '--output', 'json', '--output-threshold', 'Info',
        contextFile, ...crdFiles, ...example.files,
      ];
      const res = spawnSync(tools.istioctl, args, { encoding: 'utf8', env: offlineEnv(tmp), maxBuffer: 256 * 1024 * 1024 });
      if (res.error) throw new SetupError(`istioctl could not run (${res.error.message}): ${INSTALL_HINT}`);
      const before = findings.length;
      let messages: IstioMessage[] | undefined;
      try {
        const parsed = JSON.parse(res.stdout);
        messages = Array.isArray(parsed) ? parsed : undefined;
      } catch {
        messages = undefined;
      }
      if (res.status !== 0 || messages === undefined) {
        const text = `${res.stderr}\n${res.stdout}`.trim().split('\n').slice(0, 20).join('\n');
        findings.push({ tool: 'istioctl', level: 'Error', code: 'ToolError', example: example.name, message: `istioctl analyze failed (exit ${res.status}): ${text}` });
      } else {
        // With --output json, files istioctl could not read are only reported on stderr.
        const adding = /Error\(s\) adding files:[\s\S]*/.exec(res.stderr);
        if (adding) {
          findings.push({ tool: 'istioctl', level: 'Error', code: 'ParseError', example: example.name, message: adding[0].trim() });
        }
        for (const m of messages) {
          const ref = m.reference ? /^(.*?)(?::(\d+))?$/.exec(m.reference) : null;
          const finding: Finding = {
            tool: 'istioctl',
            level: m.level ?? 'Error',
            code: m.code ?? 'unknown',
            example: example.name,
            resource: m.origin,
            // origin is "Kind namespace/name" (or "Kind name" for cluster-scoped objects)
            kind: m.origin?.split(' ')[0],
            name: m.origin?.split(' ')[1]?.split('/').pop(),
            file: ref?.[1] ? rel(path.resolve(ref[1])) : undefined,
            line: ref?.[2] ? Number(ref[2]) : undefined,
            message: m.message ?? JSON.stringify(m),
            documentationUrl: m.documentationUrl,
          };
          if (finding.level === 'Info' && allowedCodes.has(finding.code)) allowed.push(finding);
          else findings.push(finding);
        }
      }
      if (findings.length > before) failedExamples++;
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const allowedNote = allowed.length > 0 ? ` (${allowed.length} allow-listed Info)` : '';
  const summary = findings.length === 0
    ? `${title}: OK, ${plural(examples.length, 'example')}, no findings${allowedNote}`
    : `${title}: ${plural(findings.length, 'finding')} in ${failedExamples} of ${plural(examples.length, 'example')}${allowedNote}`;
  return { tool: 'istioctl', findings, allowed, summary };
}

/**
 * Runs `istioctl validate` once over `files`: the validation Istio's admission webhook runs, per
 * object and offline (field values, e.g. an invalid retryOn policy, a bad regex, a weight out of
 * range), plus istioctl's own checks of Service port names and Deployment labels outside
 * istio-system. Errors name the object (`Kind namespace/name`), not the file; warnings and
 * decode errors name the file.
 */
/**
 * `istioctl validate` also checks Istio's deployment requirements for application workloads: Service
 * port names prefixed with their protocol, and canonical-service labels on Deployments. They are
 * conventions for workloads behind a sidecar, and Istio's own `gateway` chart does not follow them
 * (its `status-port`, no version label), so they say nothing about a gateway workload: the objects
 * of a Deployment of the gateway injection template (`inject.istio.io/templates: gateway`) and the
 * Services selecting its pods are listed here to be left out of those two checks, and only those.
 */
export function gatewayWorkloadObjects(files: string[]): Set<string> {
  const objects = files.flatMap((f) => parseAllDocuments(fs.readFileSync(f, 'utf8')).map((d) => d.toJS())).filter((o) => o && typeof o === 'object');
  const ids = new Set<string>();
  const podLabels: Array<{ namespace: string; labels: Record<string, string> }> = [];
  for (const o of objects) {
    const template = o.kind === 'Deployment' ? o.spec?.template?.metadata : undefined;
    if (template?.annotations?.['inject.istio.io/templates'] !== 'gateway') continue;
    const namespace = o.metadata?.namespace ?? 'default';
    ids.add(`Deployment ${namespace}/${o.metadata?.name}`);
    podLabels.push({ namespace, labels: template.labels ?? {} });
  }
  for (const o of objects) {
    if (o.kind !== 'Service' || !o.spec?.selector) continue;
    const namespace = o.metadata?.namespace ?? 'default';
    const selector: Record<string, string> = o.spec.selector;
    if (podLabels.some((p) => p.namespace === namespace && Object.entries(selector).every(([k, v]) => p.labels[k] === v))) {
      ids.add(`Service ${namespace}/${o.metadata?.name}`);
    }
  }
  return ids;
}

const WORKLOAD_CONVENTIONS = /does not follow the Istio naming convention|may not provide Istio metrics and telemetry labels/;

export function runIstioctlValidate(files: string[], tools: Tools): ToolResult {
  const title = `istioctl validate ${tools.pins.istioctl.replace(/^.*@/, '')}`;
  if (files.length === 0) return { tool: 'istioctl', findings: [], allowed: [], summary: `${title}: no YAML files` };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'validate-istioctl-'));
  try {
    const args = ['validate', ...files.flatMap((f) => ['-f', f])];
    const res = spawnSync(tools.istioctl, args, { encoding: 'utf8', env: offlineEnv(tmp), maxBuffer: 256 * 1024 * 1024 });
    if (res.error) throw new SetupError(`istioctl could not run (${res.error.message}): ${INSTALL_HINT}`);
    const workloads = gatewayWorkloadObjects(files);
    const all = parseIstioctlValidate(`${res.stderr}\n${res.stdout}`);
    const isConvention = (f: Finding) => f.resource !== undefined && workloads.has(f.resource) && WORKLOAD_CONVENTIONS.test(f.message);
    const findings = all.filter((f) => !isConvention(f));
    const allowed = all.filter(isConvention);
    if (all.length === 0 && res.status !== 0) {
      findings.push({ tool: 'istioctl', level: 'Error', code: 'ToolError', message: `istioctl validate exited ${res.status}: ${res.stderr.trim()}` });
    }
    const summary = findings.length === 0
      ? `${title}: OK, ${plural(files.length, 'file')}, no findings`
      : `${title}: ${plural(findings.length, 'finding')} over ${plural(files.length, 'file')}`;
    return { tool: 'istioctl', findings, allowed, summary: allowed.length ? `${summary} (${plural(allowed.length, 'application-workload convention')} left out for gateway workloads)` : summary };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** The findings of `istioctl validate`'s output (stderr and stdout together). */
export function parseIstioctlValidate(output: string): Finding[] {
  const findings: Finding[] = [];
  let level = 'Error';
  let file: string | undefined;
  let last: { -readonly [K in keyof Finding]: Finding[K] } | undefined;
  for (const line of output.split('\n')) {
    const warnings = /^"(.*)" has warnings: ?(.*)$/.exec(line);
    if (/^Error: \d+ errors? occurred:/.test(line)) {
      level = 'Error';
      file = undefined;
      last = undefined;
      continue;
    }
    if (warnings) {
      level = 'Warning';
      file = warnings[1];
      last = undefined;
      if (warnings[2].trim()) findings.push((last = { tool: 'istioctl', level, code: 'validate', file: rel(file), message: warnings[2].trim() }));
      continue;
    }
    const deployment = /^deployment "(.*?)\/(.*?):" (may not provide .*)$/.exec(line);
    if (deployment) {
      findings.push({ tool: 'istioctl', level: 'Warning', code: 'validate', kind: 'Deployment', name: deployment[1], resource: `Deployment ${deployment[2]}/${deployment[1]}`, message: deployment[3] });
      last = undefined;
      continue;
    }
    const item = /^\t\* (.*)$/.exec(line);
    if (item) {
      const text = item[1];
      const id = /^([A-Za-z]+)\/([^/]*)\/([^:]*): ?(.*)$/.exec(text);
      const decode = /^failed to decode file (.*?): (.*)$/.exec(text);
      last = {
        tool: 'istioctl',
        level,
        code: 'validate',
        file: decode ? rel(decode[1]) : file ? rel(file) : undefined,
        kind: id?.[1],
        name: id?.[3],
        resource: id ? `${id[1]} ${id[2] ? `${id[2]}/` : ''}${id[3]}` : undefined,
        message: id ? id[4] : decode ? `failed to decode: ${decode[2]}` : text,
      };
      findings.push(last);
      continue;
    }
    if (last && line.trim() && !/^".*" is valid$/.test(line) && !/^See /.test(line.trim())) last.message += `\n${line}`;
  }
  return findings;
}

/** One printable line for a finding. */
export function formatFinding(f: Finding): string {
  const where = [f.example ? `[${f.example}]` : undefined, f.file ? `${f.file}${f.line ? `:${f.line}` : ''}` : undefined]
    .filter(Boolean)
    .join(' ');
  const what = f.resource ? `${f.resource}: ` : '';
  return `${f.tool}: ${f.level} [${f.code}] ${where ? `${where} ` : ''}${what}${f.message}`;
}

export interface ValidationRun {
  readonly results: ToolResult[];
  readonly findings: Finding[];
}

/** Runs both tools over an output directory. */
export function validateDirectory(dir: string, opts: ValidateOptions = {}): ValidationRun {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new SetupError(`${dir} is not a directory (synthesize first: npm run synth)`);
  }
  const tools = locateTools(opts);
  const files = findYamlFiles(dir);
  if (files.length === 0) throw new SetupError(`no YAML files below ${dir}`);
  const kv = runKubectlValidate(files, tools, opts);
  const iv = runIstioctlValidate(files, tools);
  const ia = runIstioctlAnalyze(findExamples(dir), tools, opts);
  return { results: [kv, iv, ia], findings: [...kv.findings, ...iv.findings, ...ia.findings] };
}

function main(argv: string[]): number {
  const args = argv.filter((a) => a !== '--');
  if (args.some((a) => a === '-h' || a === '--help')) {
    console.log('usage: ts-node --transpile-only scripts/validate.ts [dir]   (default: dist)');
    return 0;
  }
  if (args.length > 1) {
    console.error(`validate: expected at most one directory, got: ${args.join(' ')}`);
    return 2;
  }
  const dir = args[0] ?? 'dist';
  let run: ValidationRun;
  try {
    run = validateDirectory(dir);
  } catch (e) {
    if (e instanceof SetupError) {
      console.error(`validate: ${e.message}`);
      return 2;
    }
    throw e;
  }
  for (const result of run.results) {
    for (const f of result.findings) console.log(formatFinding(f));
    for (const f of result.allowed) {
      console.log(`${formatFinding(f)} (allowed: ${f.code === 'validate' ? 'an application-workload convention, on a gateway workload' : 'test/validators/istioctl-allowed-info.txt'})`);
    }
  }
  for (const result of run.results) console.log(result.summary);
  if (run.findings.length > 0) {
    console.log(`validate: FAILED, ${plural(run.findings.length, 'finding')} in ${dir}`);
    return 1;
  }
  console.log(`validate: OK, ${dir} passes kubectl-validate, istioctl validate and istioctl analyze`);
  return 0;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
