/**
 * cdk8s validation plugin: runs the same checks as scripts/validate.ts (kubectl-validate with the
 * pinned CRDs, then `istioctl analyze --use-kube=false` with the cluster context) on the
 * manifests of a `cdk8s synth`, and reports every finding as a violation.
 *
 * cdk8s-cli loads a validation plugin with `require()` from the `package` of a `validations:`
 * entry in cdk8s.yaml: an npm package name (installed into the plugins directory on first use)
 * or a local path, which must be absolute or start with `./`. The `version` must be an exact
 * version (cdk8s-cli refuses ranges; for a local path it is only shown in the report). `class`
 * names the exported class, and `properties` are passed to its constructor. So no package is
 * needed: point `package` at this file. Since it is TypeScript, the cdk8s CLI must run with
 * ts-node registered:
 *
 *   NODE_OPTIONS="--require ts-node/register/transpile-only" npx cdk8s synth
 *
 * See test/validators/plugin-example/cdk8s.yaml.
 *
 * All manifests of one synth are analysed together as one example (one app is one cluster
 * state). Relative paths in `properties` are resolved from the directory cdk8s runs in.
 */
import * as path from 'path';
import {
  Finding,
  formatFinding,
  locateTools,
  runIstioctlAnalyze,
  runKubectlValidate,
  SetupError,
  ValidateOptions,
} from './validate';

/** The parts of cdk8s-cli's ValidationContext this plugin uses (cdk8s-cli/lib/plugins/validation). */
interface PluginContext {
  readonly manifests: readonly string[];
  readonly report: {
    addViolation(violation: {
      ruleName: string;
      recommendation: string;
      fix: string;
      violatingResources: { resourceName: string; locations: string[]; manifestPath: string }[];
    }): void;
    submit(status: 'success' | 'failure', metadata?: { [key: string]: string }): void;
  };
  readonly logger: { log(message: string): void };
}

/** `properties` of the `validations:` entry in cdk8s.yaml. */
export interface IstioGatewayValidationProps {
  /** Directory with kubectl-validate and istioctl. Default: .tools/bin of this repository. */
  readonly toolsDir?: string;
  /** Directory with the CRD files (*.yaml). Default: .crds of this repository. */
  readonly crdsDir?: string;
  /** Cluster context for istioctl. Default: test/validators/cluster-context.yaml of this repository. */
  readonly clusterContext?: string;
  /** Info allow-list for istioctl. Default: test/validators/istioctl-allowed-info.txt of this repository. */
  readonly allowedInfoFile?: string;
  /** Kubernetes version of the built-in schemas. Default: the one scripts/validate.ts pins. */
  readonly kubernetesVersion?: string;
}

function resolveFromCwd(p: string | undefined): string | undefined {
  return p === undefined ? undefined : path.resolve(process.cwd(), p);
}

function fixFor(f: Finding): string {
  if (f.tool === 'kubectl-validate') {
    return 'Change the construct so the object matches its schema and CRD validation rules; run `npm run validate -- <dir>` for the same check outside cdk8s.';
  }
  if (f.documentationUrl) {
    return `See ${f.documentationUrl} and fix the object, or add what a real cluster has to the cluster context.`;
  }
  return 'Check that istioctl can read every manifest.';
}

export class IstioGatewayValidation {
  private readonly options: ValidateOptions;

  public constructor(props: IstioGatewayValidationProps = {}) {
    this.options = {
      toolsDir: resolveFromCwd(props.toolsDir),
      crdsDir: resolveFromCwd(props.crdsDir),
      clusterContext: resolveFromCwd(props.clusterContext),
      allowedInfoFile: resolveFromCwd(props.allowedInfoFile),
      kubernetesVersion: props.kubernetesVersion,
    };
  }

  public async validate(context: PluginContext): Promise<void> {
    const files = [...context.manifests];
    let findings: Finding[];
    const metadata: { [key: string]: string } = {};
    try {
      const tools = locateTools(this.options);
      const kv = runKubectlValidate(files, tools, this.options);
      const ia = runIstioctlAnalyze([{ name: 'cdk8s app', files }], tools, this.options);
      findings = [...kv.findings, ...ia.findings];
      metadata['kubectl-validate'] = kv.summary;
      metadata.istioctl = ia.summary;
      for (const f of ia.allowed) context.logger.log(`${formatFinding(f)} (allow-listed Info)`);
    } catch (e) {
      if (!(e instanceof SetupError)) throw e;
      context.report.addViolation({
        ruleName: 'validators-available',
        recommendation: e.message,
        fix: 'run scripts/install-tools.sh (and npx projen crds) in the cdk8s-istio-gateway repository',
        violatingResources: [],
      });
      context.report.submit('failure', { error: e.message });
      return;
    }

    for (const f of findings) {
      const locations = f.fields && f.fields.length > 0
        ? f.fields
        : [f.line ? `line ${f.line}` : f.resource ?? 'manifest'];
      context.report.addViolation({
        ruleName: `${f.tool} ${f.code}`,
        recommendation: `${f.level}: ${f.message}`,
        fix: fixFor(f),
        violatingResources: [{
          // cdk8s maps resourceName (metadata.name) to the construct path.
          resourceName: f.name ?? f.resource ?? 'unknown',
          locations,
          manifestPath: f.file ? path.resolve(f.file) : files[0] ?? 'unknown',
        }],
      });
    }
    context.report.submit(findings.length === 0 ? 'success' : 'failure', metadata);
  }
}
