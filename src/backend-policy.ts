import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { AppRegistry } from './model/registry';
import { resolveNamespace, serviceHost } from './namespace';
import { renderDestinationRule } from './render/istio-api';
import { ConnectionPoolSettings, LoadBalancerAlgorithm, OutlierDetection } from './traffic-policy';
import { checkStruct, duration, enumOf, inputFirst, InputProblems, list, num, optional, required, Shape, str, stringMap, struct } from './validation/input-shape';
import { isDnsLabel, isDnsSubdomain, q } from './validation/names';
import { trafficPolicyProblems } from './validation/traffic-policy-rules';
import { labelProblems } from './validation/webhook';

/**
 * A named subset of a Service's endpoints, selected by pod labels.
 */
export interface Subset {
  /** The subset name routes refer to (`v1`). */
  readonly name: string;

  /** Pod labels that select the subset's endpoints (`{ version: 'v1' }`). */
  readonly labels: { [key: string]: string };
}

/**
 * How traffic to a backend is encrypted.
 */
export enum BackendTlsMode {
  /** Istio mutual TLS with the workload's mesh certificate: the default toward in-mesh services. */
  ISTIO_MUTUAL = 'ISTIO_MUTUAL',
  /** Leave it to Istio's automatic mutual TLS (no TLS setting is written). */
  AUTO = 'AUTO',
  /** Plain text. */
  DISABLE = 'DISABLE',
}

/**
 * Props for `BackendPolicy`.
 */
export interface BackendPolicyProps {
  /** The Service the policy applies to. */
  readonly serviceName: string;

  /**
   * The Service's namespace, which is also where the DestinationRule is created so that every
   * client that can reach the Service sees it.
   * @default - the chart's namespace, else `default`
   */
  readonly namespace?: string;

  /**
   * Name of the DestinationRule.
   * @default - the Service name
   */
  readonly name?: string;

  /**
   * Named subsets of the Service's endpoints that routes can send to.
   * @default - none
   */
  readonly subsets?: Subset[];

  /**
   * TLS toward the Service's endpoints.
   * @default BackendTlsMode.ISTIO_MUTUAL
   */
  readonly tls?: BackendTlsMode;

  /**
   * Load balancing algorithm.
   * @default - Istio's default (LEAST_REQUEST)
   */
  readonly loadBalancer?: LoadBalancerAlgorithm;

  /**
   * Connection and request limits.
   * @default - Istio's defaults (no limits)
   */
  readonly connectionPool?: ConnectionPoolSettings;

  /**
   * Ejection of failing endpoints.
   * @default - no outlier detection
   */
  readonly outlierDetection?: OutlierDetection;
}

const SUBSET = struct<Subset>(
  { name: required(str('v1'), '', 'give the subset a name, like "v1"'), labels: required(stringMap('{ version: "v1" }'), {}, 'give the pod labels of the subset, like { version: "v1" }') },
  '{ name: "v1", labels: { version: "v1" } }',
);
const BACKEND_POLICY_SHAPE: Shape<BackendPolicyProps> = {
  serviceName: required(str('web'), '', 'give the Service name, like "web"'),
  namespace: optional(str('team-a')),
  name: optional(str('web')),
  subsets: optional(list(SUBSET, '[{ name: "v1", labels: { version: "v1" } }]')),
  tls: optional(enumOf(BackendTlsMode, 'BackendTlsMode')),
  loadBalancer: optional(enumOf(LoadBalancerAlgorithm, 'LoadBalancerAlgorithm')),
  connectionPool: optional(
    struct<ConnectionPoolSettings>(
      {
        maxConnections: optional(num(100)),
        connectTimeout: optional(duration("leave it out for Istio's default of 10s")),
        maxPendingRequests: optional(num(100)),
        maxRequests: optional(num(100)),
        maxRequestsPerConnection: optional(num(10)),
      },
      '{ maxConnections: 100 }',
    ),
  ),
  outlierDetection: optional(
    struct<OutlierDetection>(
      {
        consecutive5xxErrors: optional(num(5)),
        interval: optional(duration("leave it out for Istio's default of 10s")),
        baseEjectionTime: optional(duration("leave it out for Istio's default of 30s")),
        maxEjectionPercent: optional(num(10)),
      },
      '{ consecutive5xxErrors: 5 }',
    ),
  ),
};

/**
 * Subsets and traffic policy for one backend Service: a DestinationRule. Istio applies it whichever
 * API the routes are written in; subsets can only be routed to with the Istio API.
 *
 * Routes that use a subset of this policy are written after it in the synthesized output, so one
 * `kubectl apply` never routes to a subset that does not exist yet.
 */
export class BackendPolicy extends Construct {
  /** Name of the DestinationRule. */
  public readonly policyName: string;
  /** Namespace of the DestinationRule and the Service. */
  public readonly policyNamespace: string;
  /** Fully qualified host of the Service. */
  public readonly host: string;
  /** The DestinationRule. */
  public readonly apiObject: ApiObject;

  private readonly subsets: Subset[];
  private readonly serviceName: string;
  private readonly tls: BackendTlsMode;
  private readonly props: BackendPolicyProps;
  /** Problems of the input's shape (wrong types from untyped callers), reported at synth. */
  private readonly input: InputProblems = [];

  public constructor(scope: Construct, id: string, givenProps: BackendPolicyProps) {
    super(scope, id);
    const props = checkStruct(BACKEND_POLICY_SHAPE, givenProps, this.input, '{ serviceName: "web", subsets: [...] }', '', true);
    this.serviceName = props.serviceName;
    this.policyNamespace = resolveNamespace(this, props.namespace);
    this.policyName = props.name ?? props.serviceName;
    this.host = serviceHost(props.serviceName, this.policyNamespace);
    this.subsets = [...(props.subsets ?? [])];
    this.tls = props.tls ?? BackendTlsMode.ISTIO_MUTUAL;
    this.props = props;

    const model = () => ({
      constructPath: this.node.path,
      name: this.policyName,
      namespace: this.policyNamespace,
      host: this.host,
      subsets: this.subsets,
      tlsMode: this.tls === BackendTlsMode.AUTO ? undefined : this.tls,
      loadBalancer: props.loadBalancer,
      connectionPool: props.connectionPool,
      outlierDetection: props.outlierDetection,
    });
    AppRegistry.of(this).registerBackendPolicy(this, this.host, model);
    AppRegistry.of(this).registerOwner(this);
    this.apiObject = renderDestinationRule(this, 'Resource', { name: this.policyName, namespace: this.policyNamespace }, model);
    this.node.addValidation({ validate: inputFirst(this.input, () => this.problems()) });
  }

  /** Adds a subset. */
  public addSubset(subset: Subset): void {
    AppRegistry.recordChange(this);
    const checked = SUBSET(subset, `subsets[${this.subsets.length}]`, this.input);
    if (checked !== undefined) this.subsets.push(checked);
  }

  private problems(): string[] {
    const problems: string[] = [];
    const serviceNameFails = !isDnsLabel(this.serviceName);
    if (serviceNameFails) problems.push(serviceNameProblem(this.serviceName));
    // A name left to default is the Service name, already reported.
    if (!isDnsSubdomain(this.policyName) && !(serviceNameFails && this.props.name === undefined)) {
      problems.push(`name ${q(this.policyName)} is not a DNS-1123 subdomain; use lower-case letters, digits, '-' and '.'.`);
    }
    if (!isDnsLabel(this.policyNamespace)) {
      problems.push(
        `namespace ${q(this.policyNamespace)} (the Service's, given or the chart's) is not a Kubernetes namespace name (a DNS-1123 label); ` +
          "use lower-case letters, digits and '-' (at most 63), e.g. \"team-a\".",
      );
    }
    const seen = new Set<string>();
    for (const subset of this.subsets) {
      if (!isDnsLabel(subset.name)) problems.push(`subset name ${q(subset.name)} is not a DNS-1123 label.`);
      if (seen.has(subset.name)) problems.push(`subset ${q(subset.name)} is defined twice; give each subset its own name.`);
      if (Object.keys(subset.labels).length === 0) {
        problems.push(`subset ${q(subset.name)} has no labels, so it would select every endpoint; give it the pod labels of its version.`);
      }
      problems.push(...labelProblems(`subset ${q(subset.name)} labels`, subset.labels));
      seen.add(subset.name);
    }
    problems.push(...trafficPolicyProblems(this.props.connectionPool, this.props.outlierDetection));
    return problems;
  }
}

/**
 * The Service name is the Service's own name; a host name copied from a route or a DNS lookup
 * (`reviews.default.svc.cluster.local`) is split into the name and the namespace.
 */
function serviceNameProblem(serviceName: string): string {
  const fqdn = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?)\.([a-z0-9]([-a-z0-9]*[a-z0-9])?)(\.svc(\.cluster\.local)?)?\.?$/.exec(serviceName);
  if (fqdn) {
    return `Service name ${q(serviceName)} is a host name, not a Service name; give serviceName ${q(fqdn[1])} and namespace ${q(fqdn[3])}.`;
  }
  return `Service name ${q(serviceName)} is not a DNS-1123 label; give the name of the Service: lower-case letters, digits and '-' (at most 63).`;
}
