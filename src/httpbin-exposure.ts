import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { ApiFlavor } from './api-flavor';
import { Backend } from './backend';
import { BackendPolicy } from './backend-policy';
import { HttpRoute } from './http-route';
import { IngressGateway } from './ingress-gateway';
import { kube } from './kube';
import { GatewayListener } from './listener';
import { PathMatch } from './match';
import { AppRegistry } from './model/registry';
import { resolveNamespace } from './namespace';
import { HttpRouteAction } from './route-action';
import { bool, checkStruct, enumOf, inputFirst, InputProblems, list, optional, portNumber, Shape, str, stringMap } from './validation/input-shape';
import { isDnsLabel, q } from './validation/names';
import { isLabelValue } from './validation/webhook';

/**
 * Props for `HttpbinExposure`.
 */
export interface HttpbinExposureProps {
  /**
   * Which API to render the gateway and route in.
   * @default ApiFlavor.ISTIO
   */
  readonly api?: ApiFlavor;

  /**
   * Namespace of httpbin, its Gateway and its route.
   * @default - the chart's namespace, else `default`
   */
  readonly namespace?: string;

  /**
   * Hosts the gateway serves httpbin on. `['*']` serves any host, as the walk-through does for
   * browsers (the Gateway API listener then has no hostname).
   * @default ['httpbin.example.com']
   */
  readonly hosts?: string[];

  /**
   * Path prefixes routed to httpbin; every other path is answered 404 by the gateway. `['/']`
   * exposes everything.
   * @default ['/status', '/delay']
   */
  readonly paths?: string[];

  /**
   * Deploy httpbin (ServiceAccount, Service and Deployment). Turn off when httpbin already runs.
   * @default true
   */
  readonly deployWorkload?: boolean;

  /**
   * The httpbin container image.
   * @default 'docker.io/mccutchen/go-httpbin:v2.15.0'
   */
  readonly image?: string;

  /**
   * The `version` label of the httpbin pods, and the name of their subset.
   * @default 'v1'
   */
  readonly version?: string;

  /**
   * Route to the version subset: a DestinationRule `httpbin` defines the subset (pods labelled
   * `version: <version>`) and the route sends to it. Istio API only.
   * @default false
   */
  readonly routeToVersionSubset?: boolean;

  /**
   * Name of the Gateway.
   * @default 'httpbin-gateway'
   */
  readonly gatewayName?: string;

  /**
   * Name of the VirtualService or HTTPRoute.
   * @default 'httpbin'
   */
  readonly routeName?: string;

  /**
   * Labels of the ingress gateway workload (Istio API).
   * @default { istio: 'ingressgateway' }
   */
  readonly gatewaySelector?: { [key: string]: string };

  /**
   * Gateway class (Gateway API).
   * @default 'istio'
   */
  readonly gatewayClassName?: string;

  /**
   * Port of the gateway's HTTP listener.
   * @default 80
   */
  readonly port?: number;
}

/** httpbin's Service port and container port, as in Istio's sample. */
const HTTPBIN_SHAPE: Shape<HttpbinExposureProps> = {
  api: optional(enumOf(ApiFlavor, 'ApiFlavor')),
  namespace: optional(str('httpbin')),
  hosts: optional(list(str('httpbin.example.com'), '["httpbin.example.com"]')),
  paths: optional(list(str('/status'), '["/status", "/delay"]')),
  deployWorkload: optional(bool),
  image: optional(str('docker.io/mccutchen/go-httpbin:v2.15.0')),
  version: optional(str('v1')),
  routeToVersionSubset: optional(bool),
  gatewayName: optional(str('httpbin-gateway')),
  routeName: optional(str('httpbin')),
  gatewaySelector: optional(stringMap('{ istio: "ingressgateway" }')),
  gatewayClassName: optional(str('istio')),
  port: optional(portNumber),
};

const SERVICE_PORT = 8000;
const CONTAINER_PORT = 8080;
/** The `nonroot` user of the distroless images (the httpbin image's base). */
const NON_ROOT_USER = 65532;

/**
 * Istio's "ingress gateway" walk-through in one construct: httpbin, a Gateway on port 80 for
 * `httpbin.example.com`, and a route that sends `/status` and `/delay` to httpbin on port 8000.
 * Every other path is answered 404 by the gateway.
 */
export class HttpbinExposure extends Construct {
  /** The image Istio's httpbin sample runs. */
  public static readonly DEFAULT_IMAGE = 'docker.io/mccutchen/go-httpbin:v2.15.0';

  /** The gateway. */
  public readonly gateway: IngressGateway;
  /** The route to httpbin. */
  public readonly route: HttpRoute;
  /** The DestinationRule with the version subset, when routing to it. */
  public readonly backendPolicy?: BackendPolicy;
  /** The httpbin Service, when the workload is deployed. */
  public readonly service?: ApiObject;
  /** The httpbin Deployment, when the workload is deployed. */
  public readonly deployment?: ApiObject;

  private readonly paths: string[];

  public constructor(scope: Construct, id: string, givenProps: HttpbinExposureProps = {}) {
    super(scope, id);
    const input: InputProblems = [];
    const props = checkStruct(HTTPBIN_SHAPE, givenProps, input, '{ hosts: ["httpbin.example.com"] }', '', true);
    AppRegistry.of(this).registerOwner(this);
    const namespace = resolveNamespace(this, props.namespace);
    const hosts = props.hosts ?? ['httpbin.example.com'];
    const givenVersion = props.version ?? 'v1';
    this.paths = props.paths ?? ['/status', '/delay'];
    const deploy = props.deployWorkload ?? true;
    // A version that cannot be the label or the subset name is reported here, once; the objects get
    // a stand-in (nothing is written when a rule fails).
    const versionProblem = httpbinVersionProblem(givenVersion, deploy, props.routeToVersionSubset ?? false);
    const version = versionProblem ? 'v1' : givenVersion;

    if (deploy) {
      const workload = httpbinWorkload(this, namespace, props.image ?? HttpbinExposure.DEFAULT_IMAGE, version);
      this.service = workload.service;
      this.deployment = workload.deployment;
    }

    if (props.routeToVersionSubset) {
      this.backendPolicy = new BackendPolicy(this, 'BackendPolicy', {
        serviceName: 'httpbin',
        namespace,
        subsets: [{ name: version, labels: { version } }],
      });
    }

    this.gateway = new IngressGateway(this, 'Gateway', {
      api: props.api,
      name: props.gatewayName ?? 'httpbin-gateway',
      namespace,
      selector: props.gatewaySelector,
      gatewayClassName: props.gatewayClassName,
      listeners: [GatewayListener.http({ port: props.port ?? 80, hosts })],
    });

    this.route = this.gateway.addHttpRoute('Route', {
      name: props.routeName ?? 'httpbin',
      namespace,
      hosts,
      rules: [
        {
          // A path listed twice is reported once, here (paths), not again as a repeated match of the route.
          matches: this.paths.filter((path, index) => this.paths.indexOf(path) === index).map((path) => ({ path: PathMatch.prefix(path) })),
          action: HttpRouteAction.forward([
            Backend.service('httpbin', {
              port: SERVICE_PORT,
              subset: props.routeToVersionSubset ? version : undefined,
            }),
          ]),
        },
      ],
    });

    this.node.addValidation({
      validate: inputFirst(input, () => {
        if (this.paths.length === 0) {
          return [`paths is empty, so nothing would be exposed; give at least one path prefix such as ${q('/status')}, or ['/'] for everything.`];
        }
        const problems: string[] = [];
        this.paths.forEach((path, index) => {
          if (this.paths.indexOf(path) !== index) {
            problems.push(`path ${q(path)} is listed twice; list each path once.`);
            return;
          }
          // A path another prefix covers never matches by itself (Istio's IST0131): Istio's prefix is
          // one of characters, the Gateway API's one of path segments.
          const istio = (props.api ?? ApiFlavor.ISTIO) === ApiFlavor.ISTIO;
          const covers = (other: string) => other === '/' || path.startsWith(istio || other.endsWith('/') ? other : `${other}/`);
          const wider = this.paths.find((other) => other !== path && covers(other));
          if (wider !== undefined) problems.push(`path ${q(path)} is already exposed by the prefix ${q(wider)}, so it would never match by itself; remove it.`);
        });
        if (versionProblem) problems.push(versionProblem);
        if (!deploy) {
          for (const option of ['image', 'version'] as const) {
            if (props[option] !== undefined && !(option === 'version' && props.routeToVersionSubset)) {
              problems.push(`${option} is set, but deployWorkload is false, so nothing uses it; remove ${option}, or deploy httpbin.`);
            }
          }
        } else if (props.image !== undefined && (props.image.trim() === '' || props.image.trim() !== props.image)) {
          problems.push(`image ${q(props.image)} is not a container image (the apiserver refuses an empty image or blanks around it); give one like ${q(HttpbinExposure.DEFAULT_IMAGE)}, or leave image out.`);
        }
        return problems;
      }),
    });
  }
}

function httpbinWorkload(scope: Construct, namespace: string, image: string, version: string) {
  const app = { app: 'httpbin' };
  new (kube().KubeServiceAccount)(scope, 'ServiceAccount', { metadata: { name: 'httpbin', namespace } });
  const service = new (kube().KubeService)(scope, 'Service', {
    metadata: { name: 'httpbin', namespace, labels: { ...app, service: 'httpbin' } },
    spec: {
      ports: [{ name: 'http', port: SERVICE_PORT, targetPort: kube().IntOrString.fromNumber(CONTAINER_PORT) }],
      selector: app,
    },
  });
  const labels = { ...app, version };
  const deployment = new (kube().KubeDeployment)(scope, 'Deployment', {
    metadata: { name: 'httpbin', namespace },
    spec: {
      replicas: 1,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          serviceAccountName: 'httpbin',
          // The Pod Security Standard "restricted": the image runs as root by default, so it runs
          // as distroless's `nonroot` user (it listens on 8080 and writes no files).
          securityContext: {
            runAsNonRoot: true,
            runAsUser: NON_ROOT_USER,
            runAsGroup: NON_ROOT_USER,
            seccompProfile: { type: 'RuntimeDefault' },
          },
          containers: [
            {
              name: 'httpbin',
              image,
              imagePullPolicy: 'IfNotPresent',
              ports: [{ containerPort: CONTAINER_PORT }],
              securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
            },
          ],
        },
      },
    },
  });
  return { service, deployment };
}

/** The version labels the pods (a label value) and, routed to, names the subset (a DNS-1123 label). */
function httpbinVersionProblem(version: string, deploy: boolean, subset: boolean): string | undefined {
  if (typeof version !== 'string') return undefined;
  if (subset && !isDnsLabel(version)) {
    return `version ${q(version)} names the subset routeToVersionSubset routes to, which must be a DNS-1123 label; use lower-case letters, digits and '-', like "v1".`;
  }
  if (deploy && !isLabelValue(version)) {
    return `version ${q(version)} is not a label value (the pods' version label); use at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit, like "v1".`;
  }
  return undefined;
}
