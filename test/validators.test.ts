/**
 * The real validators, end to end: scripts/validate.ts runs kubectl-validate and
 * `istioctl analyze` as child processes over the fixtures in test/validators/.
 *
 * These tests need the pinned tools in .tools/bin (scripts/install-tools.sh) and the pinned CRDs
 * in .crds/ (npx projen crds). Without them every test FAILS and says what to run: a missing
 * validator must never look like a passing one.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// Each run starts two Go binaries; istioctl loads its schemas on every start.
jest.setTimeout(10 * 60 * 1000);

const ROOT = path.resolve(__dirname, '..');
const FIXTURES = path.join(ROOT, 'test', 'validators');
const TS_NODE = path.join(ROOT, 'node_modules', 'ts-node', 'dist', 'bin.js');
const INSTALL_HINT = 'run scripts/install-tools.sh';

interface Run {
  readonly status: number | null;
  readonly output: string;
}

function validate(dir: string, env: NodeJS.ProcessEnv = {}): Run {
  const res = spawnSync(process.execPath, [TS_NODE, '--transpile-only', 'scripts/validate.ts', dir], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (res.error) throw res.error;
  return { status: res.status, output: `${res.stdout}${res.stderr}` };
}

/** Fails the calling test, with the instruction, when the validators are not installed. */
function requireTools(): void {
  const bin = path.join(ROOT, '.tools', 'bin');
  const missing = ['kubectl-validate', 'istioctl'].filter((t) => !fs.existsSync(path.join(bin, t)));
  if (missing.length > 0) {
    throw new Error(`${missing.join(' and ')} not installed in .tools/bin: ${INSTALL_HINT} (from the repository root), then run the tests again`);
  }
  if (!fs.existsSync(path.join(ROOT, '.crds'))) {
    throw new Error('the pinned CRDs are missing in .crds/: run npx projen crds');
  }
}

/** Runs validate.ts and fails with its whole output unless the exit code is `expected`. */
function expectRun(dir: string, expected: number): string {
  requireTools();
  const run = validate(dir);
  if (run.status === 2 && run.output.includes(INSTALL_HINT)) {
    throw new Error(`validators not usable: ${run.output.trim()}`);
  }
  if (run.status !== expected) {
    throw new Error(`scripts/validate.ts ${dir} exited ${run.status}, expected ${expected}. Output:\n${run.output}`);
  }
  return run.output;
}

describe('scripts/validate.ts with kubectl-validate and istioctl analyze', () => {
  test('the good fixture (httpbin walk-through, Istio API and Gateway API) passes both tools', () => {
    const out = expectRun('test/validators/good', 0);
    expect(out).toMatch(/^kubectl-validate v\S+ \(Kubernetes [\d.]+, local CRDs\): OK, 2 files, no findings$/m);
    expect(out).toMatch(/^istioctl analyze \S+ .*: OK, 2 examples, no findings/m);
    expect(out).toMatch(/^validate: OK/m);
    expect(out).not.toMatch(/\b(Error|Warning) \[/);
  });

  test('a VirtualService http timeout of 0.5ms fails (CRD rule and Istio validation)', () => {
    const out = expectRun('test/validators/broken/vs-timeout', 1);
    // kubectl-validate, CEL rule of the pinned VirtualService CRD:
    expect(out).toMatch(
      /^kubectl-validate: Error \[Invalid\] test\/validators\/broken\/vs-timeout\/httpbin\.k8s\.yaml VirtualService default\/httpbin: .*spec\.http\[0\]\.timeout: Invalid value: .*must be a valid duration greater than 1ms/m,
    );
    // istioctl analyze, Istio's own validation of the same field (IST0106 SchemaValidationError):
    expect(out).toMatch(
      /^istioctl: Error \[IST0106\] \[vs-timeout\] test\/validators\/broken\/vs-timeout\/httpbin\.k8s\.yaml:\d+ VirtualService default\/httpbin: Schema validation error: duration must be greater than 1ms$/m,
    );
    expect(out).toMatch(/^validate: FAILED/m);
  });

  test('an HTTPRoute rule with a RequestRedirect filter and a backendRef fails (Gateway API CRD rule)', () => {
    const out = expectRun('test/validators/broken/httproute-redirect-with-backend', 1);
    expect(out).toMatch(
      /^kubectl-validate: Error \[Invalid\] test\/validators\/broken\/httproute-redirect-with-backend\/httpbin\.k8s\.yaml HTTPRoute default\/httpbin: .*spec\.rules\[0\]: Invalid value: .*RequestRedirect filter must not be used together with backendRefs/m,
    );
    // istioctl does not check this rule offline: only the CRD's CEL rule catches it.
    expect(out).toMatch(/^istioctl analyze .*: OK, 1 example, no findings$/m);
    expect(out).toMatch(/^validate: FAILED, 1 finding/m);
  });

  test('a VirtualService bound to a gateway that does not exist fails (istioctl IST0101)', () => {
    const out = expectRun('test/validators/broken/vs-missing-gateway', 1);
    expect(out).toMatch(
      /^istioctl: Error \[IST0101\] \[vs-missing-gateway\] test\/validators\/broken\/vs-missing-gateway\/httpbin\.k8s\.yaml:\d+ VirtualService default\/httpbin: Referenced gateway not found: "no-such-gateway"$/m,
    );
    // ... and, as a consequence, the VirtualService host is on no gateway it names (IST0132).
    expect(out).toMatch(
      /^istioctl: Warning \[IST0132\] \[vs-missing-gateway\] .* VirtualService default\/httpbin: one or more host \[httpbin\.example\.com\] defined in VirtualService default\/httpbin not found in Gateway default\/no-such-gateway\.$/m,
    );
    // The schema is fine: only istioctl finds this one.
    expect(out).toMatch(/^kubectl-validate .*: OK, 1 file, no findings$/m);
    expect(out).toMatch(/^validate: FAILED, 2 findings/m);
  });

  test('the whole broken folder fails, each example with its own problem', () => {
    const out = expectRun('test/validators/broken', 1);
    expect(out).toMatch(/^kubectl-validate .*: 2 findings in 2 of 3 files$/m);
    expect(out).toMatch(/^istioctl analyze .*: 3 findings in 2 of 3 examples$/m);
    expect(out).toContain('[vs-missing-gateway]');
    expect(out).toContain('[vs-timeout]');
  });

  test('missing tools end the run with one line that says to run scripts/install-tools.sh', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'no-tools-'));
    try {
      const run = validate('test/validators/good', { VALIDATE_TOOLS_DIR: empty });
      expect(run.status).toBe(2);
      expect(run.output.trim().split('\n')).toHaveLength(1);
      expect(run.output).toMatch(/^validate: kubectl-validate is not installed in .*: run scripts\/install-tools\.sh$/m);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('cdk8s validation plugin (test/validators/plugin-example)', () => {
  const exampleDir = path.join(FIXTURES, 'plugin-example');

  function synth(env: NodeJS.ProcessEnv = {}): Run {
    requireTools();
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'plugin-example-'));
    try {
      const res = spawnSync(
        process.execPath,
        [path.join(ROOT, 'node_modules', 'cdk8s-cli', 'bin', 'cdk8s'), 'synth', '--no-check-upgrade', '--output', path.join(out, 'dist')],
        {
          cwd: exampleDir,
          encoding: 'utf8',
          env: { ...process.env, NODE_OPTIONS: '--require ts-node/register/transpile-only', ...env },
          maxBuffer: 64 * 1024 * 1024,
        },
      );
      if (res.error) throw res.error;
      return { status: res.status, output: `${res.stdout}${res.stderr}` };
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }

  test('cdk8s synth of the httpbin walk-through passes the plugin', () => {
    const run = synth();
    if (run.status !== 0) throw new Error(`cdk8s synth exited ${run.status}:\n${run.output}`);
    expect(run.output).toContain('Validations ended succesfully');
    expect(run.output).toMatch(/Status\s*│\s*success/);
  });

  test('cdk8s synth of a VirtualService bound to a missing gateway fails the plugin with IST0101', () => {
    const run = synth({ PLUGIN_EXAMPLE_MANIFEST: '../broken/vs-missing-gateway/httpbin.k8s.yaml' });
    expect(run.status).toBe(2);
    expect(run.output).toContain('istioctl IST0101');
    expect(run.output).toContain('Referenced gateway not found: "no-such-gateway"');
    expect(run.output).toContain('Validation failed');
  });
});
