/**
 * Intents for the differential test: random descriptions of what a user asks the library for,
 * over every construct and option, as plain JSON data (so a finding can be printed and replayed),
 * and a builder that turns one intent into constructs in an App.
 *
 * Values are mostly legal, with hostile ones mixed in at a rate chosen per intent (none, a few,
 * many): names as copied from DNS (trailing dot, upper case), numbers that arrive as strings from
 * YAML or the environment, long names, unicode, regular expressions that JavaScript accepts but
 * RE2 does not, empty strings, huge numbers, values outside an enum, duplicates, and two teams'
 * charts in one App with the same construct ids and object names.
 *
 * The builder passes the values through as they are (`as any`): that a string arrives where a
 * number is declared is exactly what a jsii caller from Python or a YAML-driven app can do.
 */
import { App, Chart, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import * as fc from 'fast-check';
import {
  ApiFlavor,
  Backend,
  BackendPolicy,
  EastWestGateway,
  EgressRoute,
  FaultInjection,
  ForwardTarget,
  GatewayAddress,
  GatewayListener,
  GatewayValidation,
  GatewayWorkload,
  HttpbinExposure,
  HttpRoute,
  HttpRouteAction,
  HttpRouteMatch,
  HttpRouteRule,
  IGateway,
  IngressGateway,
  OriginationTls,
  PathMatch,
  RouteNamespaces,
  ServerTls,
  StringMatch,
  SuppressibleRule,
  TcpRoute,
  TlsRoute,
} from '../../src';
import { RemoteNetworkGateway } from '../../src/east-west-gateway';

/* eslint-disable @typescript-eslint/no-explicit-any */

// ---------------------------------------------------------------------------------------------
// The intent data model (plain JSON).
// ---------------------------------------------------------------------------------------------

/** Any JSON value: hostile values keep their type (a port may be the string "80"). */
export type Value = any;

export interface Intent {
  /** How hostile its values are (0: legal values only; informative, the builder ignores it). */
  readonly hostility?: Hostility;
  readonly charts: ChartIntent[];
}

export interface ChartIntent {
  /** Construct id of the chart (two teams may use the same id in different apps... or the same app). */
  readonly id: string;
  readonly namespace?: Value;
  readonly items: ItemIntent[];
  readonly suppress?: SuppressIntent[];
}

export interface SuppressIntent {
  readonly rule: Value;
  readonly reason: Value;
}

export type ItemIntent =
  | IngressIntent
  | ImportedGatewayIntent
  | BackendPolicyIntent
  | EgressIntent
  | EastWestIntent
  | RemoteNetworkIntent
  | HttpbinIntent
  | WorkloadIntent;

export interface RoutesIntent {
  readonly httpRoutes?: HttpRouteIntent[];
  readonly tlsRoutes?: TlsRouteIntent[];
  readonly tcpRoutes?: TcpRouteIntent[];
}

export interface IngressIntent extends RoutesIntent {
  readonly type: 'ingress';
  readonly id: string;
  readonly props: {
    readonly api?: Value;
    readonly name?: Value;
    readonly namespace?: Value;
    readonly listeners?: ListenerIntent[];
    readonly selector?: Value;
    readonly gatewayClassName?: Value;
    readonly cluster?: Value;
    readonly labels?: Value;
    readonly addresses?: AddressIntent[];
    readonly workload?: WorkloadPropsIntent;
  };
  /** Listeners added after construction with addListener(). */
  readonly addListeners?: ListenerIntent[];
  readonly suppress?: SuppressIntent[];
}

/** Routes attached to a gateway that is only referenced (IngressGateway.fromGatewayName). */
export interface ImportedGatewayIntent extends RoutesIntent {
  readonly type: 'imported';
  readonly id: string;
  readonly reference: Value;
  readonly api?: Value;
}

export interface AddressIntent {
  readonly ip?: Value;
  readonly hostname?: Value;
}

export interface ListenerIntent {
  readonly kind: 'http' | 'https' | 'tlsPassthrough' | 'tcp' | 'autoPassthrough' | 'hbone';
  readonly port?: Value;
  readonly name?: Value;
  readonly hosts?: Value[];
  readonly routeNamespaces?: { readonly kind: 'same' | 'all' | 'named'; readonly namespaces?: Value[] };
  readonly httpsRedirect?: Value;
  readonly tls?: ServerTlsIntent;
}

export interface ServerTlsIntent {
  readonly mode: 'simple' | 'mutual' | 'optionalMutual';
  readonly credentialName: Value;
  readonly minProtocolVersion?: Value;
  readonly cipherSuites?: Value[];
  readonly subjectAltNames?: Value[];
}

export interface HttpRouteIntent {
  readonly id: string;
  /** addHttpRoute (default), addHttpRoutes (entry form) or `new HttpRoute` in the chart. */
  readonly via?: 'add' | 'entries' | 'new';
  readonly name?: Value;
  readonly namespace?: Value;
  readonly hosts?: Value[];
  readonly rules?: RuleIntent[];
  readonly forwardTo?: BackendIntent[];
  /** Rules added after construction with addRule(). */
  readonly addRules?: RuleIntent[];
}

export interface RuleIntent {
  readonly name?: Value;
  readonly matches?: MatchIntent[];
  readonly action?: ActionIntent;
  readonly forwardTo?: BackendIntent[];
  readonly timeoutMs?: Value;
  readonly retries?: { readonly attempts: Value; readonly perTryTimeoutMs?: Value; readonly retryOn?: Value[] };
  readonly fault?: { readonly kind: 'delay'; readonly delayMs: Value; readonly percentage?: Value } | { readonly kind: 'abort'; readonly status: Value; readonly percentage?: Value };
  readonly mirror?: { readonly backend: BackendIntent; readonly percentage?: Value };
  readonly rewrite?: { readonly pathPrefix?: Value; readonly host?: Value };
  readonly cors?: CorsIntent;
  readonly requestHeaders?: HeaderEditsIntent;
  readonly responseHeaders?: HeaderEditsIntent;
}

export interface CorsIntent {
  readonly allowOrigins: Value[];
  readonly allowMethods?: Value[];
  readonly allowHeaders?: Value[];
  readonly exposeHeaders?: Value[];
  readonly maxAgeMs?: Value;
  readonly allowCredentials?: Value;
}

export interface HeaderEditsIntent {
  readonly set?: Record<string, Value>;
  readonly add?: Record<string, Value>;
  readonly remove?: Value[];
}

export interface MatchIntent {
  readonly path?: { readonly kind: 'prefix' | 'exact' | 'regex'; readonly value: Value };
  readonly headers?: NamedMatchIntent[];
  readonly queryParams?: NamedMatchIntent[];
  readonly method?: Value;
}

export interface NamedMatchIntent {
  readonly name: Value;
  readonly kind: 'exact' | 'prefix' | 'regex';
  readonly value: Value;
}

export type ActionIntent =
  | { readonly kind: 'forward'; readonly backends: BackendIntent[] }
  | { readonly kind: 'forwardTo'; readonly backend: BackendIntent }
  | { readonly kind: 'redirect'; readonly scheme?: Value; readonly host?: Value; readonly port?: Value; readonly path?: Value; readonly statusCode?: Value }
  | { readonly kind: 'directResponse'; readonly status: Value; readonly body?: Value };

export interface BackendIntent {
  readonly service: Value;
  readonly port: Value;
  readonly namespace?: Value;
  readonly subset?: Value;
  readonly weight?: Value;
}

export interface TlsRouteIntent {
  readonly id: string;
  readonly via?: 'add' | 'new';
  readonly name?: Value;
  readonly namespace?: Value;
  readonly hosts: Value[];
  readonly backends: BackendIntent[];
  readonly port?: Value;
  readonly addRules?: { readonly hosts: Value[]; readonly backends: BackendIntent[]; readonly port?: Value }[];
}

export interface TcpRouteIntent {
  readonly id: string;
  readonly via?: 'add' | 'new';
  readonly name?: Value;
  readonly namespace?: Value;
  readonly port: Value;
  readonly backends: BackendIntent[];
}

export interface BackendPolicyIntent {
  readonly type: 'backendPolicy';
  readonly id: string;
  readonly props: {
    readonly serviceName: Value;
    readonly namespace?: Value;
    readonly name?: Value;
    readonly subsets?: { readonly name: Value; readonly labels: Value }[];
    readonly tls?: Value;
    readonly loadBalancer?: Value;
    readonly connectionPool?: {
      readonly maxConnections?: Value;
      readonly connectTimeoutMs?: Value;
      readonly maxPendingRequests?: Value;
      readonly maxRequests?: Value;
      readonly maxRequestsPerConnection?: Value;
    };
    readonly outlierDetection?: {
      readonly consecutive5xxErrors?: Value;
      readonly intervalMs?: Value;
      readonly baseEjectionTimeMs?: Value;
      readonly maxEjectionPercent?: Value;
    };
  };
  readonly addSubsets?: { readonly name: Value; readonly labels: Value }[];
}

export interface EgressIntent {
  readonly type: 'egress';
  readonly id: string;
  readonly props: {
    readonly host: Value;
    readonly wildcardTarget?: Value;
    readonly mode?: Value;
    readonly ports?: Value[];
    readonly originationPort?: Value;
    readonly originationTls?: {
      readonly kind: 'simple' | 'mutual';
      readonly credentialName?: Value;
      readonly sni?: Value;
      readonly caCertificates?: Value;
      readonly subjectAltNames?: Value[];
      readonly skipServerNameCheckReason?: Value;
    };
    readonly mutualTls?: Value;
    readonly api?: Value;
    readonly name?: Value;
    readonly namespace?: Value;
    readonly clientNamespaces?: Value[];
    readonly gatewaySelector?: Value;
    readonly gatewayServiceName?: Value;
    readonly gatewayNamespace?: Value;
    readonly workload?: WorkloadPropsIntent;
    readonly loadBalancer?: Value;
    readonly allowedClients?: { readonly serviceAccounts?: Value[]; readonly namespaces?: Value[] };
    readonly clientNetworkPolicy?: { readonly allowedNamespaces?: Value[]; readonly controlPlaneNamespace?: Value; readonly dnsNamespace?: Value };
  };
}

export interface EastWestIntent {
  readonly type: 'eastWest';
  readonly id: string;
  readonly props: {
    readonly network: Value;
    readonly cluster?: Value;
    readonly api?: Value;
    readonly mode?: Value;
    readonly namespace?: Value;
    readonly name?: Value;
    readonly exposeIstiod?: Value;
    readonly deployWorkload?: Value;
    readonly workload?: WorkloadPropsIntent;
  };
}

export interface RemoteNetworkIntent {
  readonly type: 'remoteNetwork';
  readonly id: string;
  readonly props: {
    readonly network: Value;
    readonly address: AddressIntent;
    readonly port?: Value;
    readonly name?: Value;
    readonly namespace?: Value;
  };
}

export interface HttpbinIntent {
  readonly type: 'httpbin';
  readonly id: string;
  readonly props: {
    readonly api?: Value;
    readonly namespace?: Value;
    readonly hosts?: Value[];
    readonly paths?: Value[];
    readonly deployWorkload?: Value;
    readonly image?: Value;
    readonly version?: Value;
    readonly routeToVersionSubset?: Value;
    readonly gatewayName?: Value;
    readonly routeName?: Value;
    readonly gatewaySelector?: Value;
    readonly gatewayClassName?: Value;
    readonly port?: Value;
  };
}

export interface WorkloadIntent {
  readonly type: 'workload';
  readonly id: string;
  readonly props: WorkloadPropsIntent;
  readonly addPorts?: Value[];
}

export interface WorkloadPropsIntent {
  readonly name?: Value;
  readonly namespace?: Value;
  readonly appLabel?: Value;
  readonly istioLabel?: Value;
  readonly labels?: Value;
  readonly revision?: Value;
  readonly network?: Value;
  readonly serviceType?: Value;
  readonly ports?: Value[];
  readonly serviceAnnotations?: Value;
  readonly serviceSelectorLabels?: Value;
  readonly replicas?: Value;
  readonly autoscaling?: Value;
  readonly podDisruptionBudget?: Value;
  readonly resources?: Value;
  readonly podAnnotations?: Value;
  readonly env?: Value;
  readonly envVarFrom?: Value[];
  /** true: GatewayWorkload.statusPortReadinessProbe(); an object: given as is. */
  readonly readinessProbe?: Value;
  readonly imagePullPolicy?: Value;
  readonly terminationGracePeriodSeconds?: Value;
}

// ---------------------------------------------------------------------------------------------
// Value pools: legal values, and hostile ones.
// ---------------------------------------------------------------------------------------------

const LONG = 'a'.repeat(64);
const LONGER = `${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.${'e'.repeat(63)}.com`;

const P = {
  label: { good: ['web', 'api', 'shop', 'team-a', 'v1', 'reviews', 'backend-2', 'x'], bad: ['Web', 'web.', 'web_app', '', LONG, 'café', '-web', 'web-', 'a.b', ' web', 'web\n', 'WEB', '1'] },
  namespace: { good: ['default', 'team-a', 'team-b', 'istio-system', 'shop'], bad: ['Default', 'team_a', '', LONG, 'ns.', 'naïve', 'a.b', 'kube system'] },
  objectName: { good: ['main', 'public', 'web', 'api-gw', 'route-1', 'a.b', 'edge'], bad: ['Main', 'main.', 'main_gw', '', LONG + LONG + LONG + LONG, 'main..x', 'ünï', '-main', 'main/x'] },
  host: {
    good: ['*', 'example.com', '*.example.com', 'api.example.com', 'shop.example.com', 'httpbin.example.com', 'www.example.org'],
    bad: ['Example.COM', 'api.example.com.', '*.', 'a..b', '', 'bücher.de', 'xn--bcher-kva.de', `${LONG}.com`, LONGER, '10.0.0.1', 'api.example.com:443',
      '*.*.example.com', 'api*.example.com', 'team-a/api.example.com', ' example.com', '*example.com', 'localhost', '.example.com', '*/*'],
  },
  egressHost: { good: ['api.github.com', 'httpbin.org', 'example.com', '*.wikipedia.org', 'www.google.com'], bad: ['API.github.com', 'httpbin.org.', '', '*', '10.0.0.1', 'bücher.de', '*.', 'a..b', 'httpbin.org:443', LONGER] },
  port: { good: [80, 443, 8080, 8443, 9000, 15443, 3306, 5432], bad: [0, -1, 65536, 1.5, '80', '8080', 1e21, 15021, 15008, 15090, 15000, 15001, 15006, 65535, 1] },
  path: { good: ['/', '/api', '/status', '/delay', '/v1/items', '/a-b_c', '/static/'], bad: ['', 'api', '/a b', '/ä', '/a?b=1', '/a#frag', '//', '/a//b', '/%zz', '/' + 'p'.repeat(300), '*', '/a\nb', '/..'] },
  regex: { good: ['^/api/.*$', '/v[0-9]+/.*', '.*', '/items/[a-z]+', '(?i)/admin'], bad: ['(?=x)', '(a)\\1', '[', '', '(?<name>x)', 'a{1001}', '\\p{Lu}+', '(?<!a)b', '*'] },
  headerName: { good: ['x-user', 'x-version', 'cookie', 'user-agent', 'x-b3-sampled'], bad: ['X-User', ':authority', 'Host', '', 'bad header', 'x_y', 'x-üser', ':path', 'content-length', LONG + LONG + LONG + LONG + LONG] },
  headerValue: { good: ['v1', 'true', 'mobile', 'a=b', ''], bad: ['line\nbreak', 'x'.repeat(9000), 'ü', ' spaced '] },
  method: { good: ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'], bad: ['get', 'FOO', '', 'CONNECT', 'TRACE', 'G E T'] },
  status: { good: [200, 204, 404, 503, 500, 418], bad: [99, 600, 0, -1, '404', 1000, 200.5, 301] },
  redirectStatus: { good: [301, 302], bad: [303, 307, 308, 200, 404, '301', 0, 600] },
  percentage: { good: [0, 10, 50, 100, 0.1, 25.5], bad: [-1, 101, 100.5, '50', 1e9, 0.0001] },
  attempts: { good: [0, 1, 2, 3, 5], bad: [-1, 1.5, 1e9, '3', 2147483648] },
  retryOn: {
    good: ['5xx', 'gateway-error', 'connect-failure', 'reset', 'retriable-4xx', 'refused-stream', 'retriable-status-codes', '503', 'cancelled', 'deadline-exceeded', 'unavailable'],
    bad: ['bogus', '', '5XX', '5xx,reset', ' 5xx', '99', '600', 'retriable-headers', 'http3-post-connect-failure'],
  },
  durationMs: { good: [1, 500, 1000, 1500, 2000, 30000, 60000, 3600000], bad: [0, 0.5, 1e12, 315576000000000, 999] },
  weight: { good: [0, 10, 50, 90, 100, 1], bad: [-1, 1.5, 1e6, '50', 2147483648] },
  scheme: { good: ['http', 'https'], bad: ['HTTPS', 'ftp', '', 'https://'] },
  origin: { good: ['https://a.example.com', 'http://localhost:3000', '*', 'https://example.org'], bad: ['', 'a.example.com', 'https://*.example.com', 'HTTPS://A.EXAMPLE.COM', 'null', 'https://example.com/'] },
  credential: { good: ['tls-cert', 'web-cert', 'api-cert', 'wildcard-cert'], bad: ['', 'Tls_Cert', 'team-a/tls-cert', 'kubernetes://tls-cert', LONG + LONG + LONG + LONG, 'cert.'] },
  cipher: { good: ['ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-ECDSA-AES256-GCM-SHA384'], bad: ['bogus', '', 'ecdhe-rsa-aes128-gcm-sha256', 'ECDHE-RSA-AES128-GCM-SHA256 '] },
  san: { good: ['spiffe://cluster.local/ns/default/sa/client', 'client.example.com'], bad: ['', ' '] },
  tlsVersion: { good: ['TLSV1_2', 'TLSV1_3'], bad: ['TLSV1_1', 'TLSV1_0', 'tlsv1_2', '', 'TLS_AUTO'] },
  api: { good: [ApiFlavor.ISTIO, ApiFlavor.GATEWAY_API], bad: ['Istio', 'gateway', ''] },
  labelKey: { good: ['app', 'version', 'tier', 'example.com/team', 'istio'], bad: ['', 'App Name', '-app', 'a/b/c', 'example.com/' + LONG, LONG] },
  labelValue: { good: ['v1', 'v2', 'web', 'blue', 'ingressgateway', ''], bad: ['v 1', LONG, 'ü', '-v1', 'v1.'] },
  cluster: { good: ['cluster-1', 'cluster-2', 'east'], bad: ['', 'Cluster_1', LONG] },
  network: { good: ['network1', 'network2', 'net-a'], bad: ['', 'Network 1', LONG, 'net/1'] },
  gatewayClass: { good: ['istio', 'istio-waypoint', 'custom-class'], bad: ['', 'Istio', LONG + LONG + LONG + LONG] },
  body: { good: ['ok', 'not found', '{"status":"ok"}', ''], bad: ['x'.repeat(5000), 'ü\n\t', '\u0000'] },
  image: { good: ['docker.io/mccutchen/go-httpbin:v2.15.0', 'httpbin:latest'], bad: ['', 'Bad Image', 'image:'] },
  quantity: { good: ['100m', '1', '500Mi', '2Gi', '0.5'], bad: ['', 'lots', '100 m', '-1', '1.5.5'] },
  serviceType: { good: ['LoadBalancer', 'ClusterIP', 'NodePort'], bad: ['loadbalancer', 'ExternalName', ''] },
  pullPolicy: { good: ['Always', 'IfNotPresent', 'Never'], bad: ['always', ''] },
  portProtocol: { good: ['TCP', 'UDP', 'SCTP'], bad: ['tcp', 'HTTP', ''] },
  lb: { good: ['ROUND_ROBIN', 'LEAST_REQUEST', 'RANDOM', 'PASSTHROUGH'], bad: ['LEAST_CONN', 'round_robin', ''] },
  backendTls: { good: ['ISTIO_MUTUAL', 'AUTO', 'DISABLE'], bad: ['SIMPLE', 'MUTUAL', 'istio_mutual', ''] },
  egressMode: { good: ['HTTP', 'TLS_PASSTHROUGH', 'TLS_ORIGINATION'], bad: ['HTTPS', 'http', ''] },
  eastWestMode: { good: ['sidecar', 'ambient'], bad: ['Ambient', 'waypoint', ''] },
  count: { good: [1, 2, 3, 10, 100], bad: [0, -1, 1.5, '10', 1e10, 2147483648] },
  bool: { good: [true, false], bad: ['true', 'false', 0, 1, 'yes'] },
  suppressRule: { good: ['route-host-not-served', 'shared-credential', 'merged-routes', 'service-port-missing'], bad: ['bogus-rule', ''] },
  reason: { good: ['one wildcard certificate for *.example.com', 'routes for a host served elsewhere'], bad: ['', '   '] },
  envName: { good: ['LOG_LEVEL', 'ISTIO_META_ROUTER_MODE', 'FOO'], bad: ['', '1FOO', 'FOO BAR', 'föo'] },
  annotationKey: { good: ['example.com/owner', 'prometheus.io/scrape', 'service.beta.kubernetes.io/aws-load-balancer-type'], bad: ['', 'Bad Key', 'a/b/c'] },
};
type Pool = keyof typeof P;

/** How hostile an intent is: weight of a legal value against one hostile value. */
export type Hostility = 0 | 1 | 2;

export class Gen {
  public constructor(public readonly hostility: Hostility, public readonly gatewayApi = false) {}

  /** The same odds, for the routes of a gateway rendered in `api`. */
  public forApi(api: Value): Gen {
    return new Gen(this.hostility, api === ApiFlavor.GATEWAY_API);
  }

  /** Legal intents of a Gateway API gateway leave out what only the Istio API expresses. */
  public get istioOnlyOff(): boolean {
    return this.gatewayApi && this.hostility === 0;
  }

  /** `arb`, or always absent when `off`. */
  public unless<T>(off: boolean, arb: fc.Arbitrary<T | undefined>): fc.Arbitrary<T | undefined> {
    return off ? fc.constant(undefined) : arb;
  }

  /** A value of the pool: legal, or hostile with the intent's odds. */
  public v(pool: Pool): fc.Arbitrary<Value> {
    const { good, bad } = P[pool] as { good: Value[]; bad: Value[] };
    const g = fc.constantFrom(...good);
    if (this.hostility === 0) return g;
    // Very hostile intents also get null, as a YAML key without a value reads.
    const hostile = fc.constantFrom(...bad, ...(this.hostility === 2 ? [null] : []));
    return fc.oneof({ arbitrary: g, weight: this.hostility === 1 ? 30 : 4 }, { arbitrary: hostile, weight: 1 });
  }

  /** Given, or absent (the option left to its default): given with odds presence : 3. */
  public opt<T>(arb: fc.Arbitrary<T>, presence = 3): fc.Arbitrary<T | undefined> {
    return fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: arb, weight: presence });
  }

  public list<T>(arb: fc.Arbitrary<T>, min = 0, max = 3): fc.Arbitrary<T[]> {
    const list = fc.array(arb, { minLength: min, maxLength: max });
    if (this.hostility < 2) return list;
    // Very hostile intents sometimes give one string where a list of strings belongs (`hosts: example.com` in YAML).
    return fc.oneof({ weight: 15, arbitrary: list }, { weight: 1, arbitrary: arb.map((x) => (typeof x === 'string' ? x : [x]) as unknown as T[]) });
  }

  /** A required value, which very hostile intents sometimes leave out (plain data has no type checker). */
  public req<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
    return this.hostility < 2 ? arb : fc.oneof({ weight: 15, arbitrary: arb }, { weight: 1, arbitrary: fc.constant(undefined) });
  }

  /** A list that a legal or slightly hostile intent gives at least one element (very hostile intents may leave it empty). */
  public some<T>(arb: fc.Arbitrary<T>, max = 3): fc.Arbitrary<T[]> {
    return this.list(arb, this.hostility < 2 ? 1 : 0, max);
  }

  public map(key: Pool, value: Pool, max = 3): fc.Arbitrary<Record<string, Value>> {
    return fc.array(fc.tuple(this.v(key), this.v(value)), { maxLength: max }).map((entries) => Object.fromEntries(entries));
  }
}

/** Drops undefined fields of plain objects and arrays (never of class instances such as a Duration). */
function clean<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clean) as unknown as T;
  // fc.record() makes objects without a prototype; the result is always an ordinary object.
  const proto = value && typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
  if (proto === Object.prototype || proto === null) {
    return Object.fromEntries(Object.entries(value as object).filter(([, v]) => v !== undefined).map(([k, v]) => [k, clean(v)])) as T;
  }
  return value;
}

function record<T>(shape: { [K in keyof T]: fc.Arbitrary<T[K]> }): fc.Arbitrary<T> {
  return fc.record(shape as any).map((r) => clean(r) as T);
}

// ---------------------------------------------------------------------------------------------
// Arbitraries.
// ---------------------------------------------------------------------------------------------

function backend(g: Gen): fc.Arbitrary<BackendIntent> {
  return record<BackendIntent>({
    service: g.req(g.v('label')),
    port: g.req(g.v('port')),
    namespace: g.opt(g.v('namespace'), 1),
    // A subset needs a BackendPolicy that defines it: rare unless the intent is very hostile.
    subset: g.istioOnlyOff ? fc.constant(undefined) : g.hostility === 2 ? g.opt(g.v('label'), 1) : fc.oneof({ weight: 12, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom('v1', 'v2') }),
    weight: g.opt(g.v('weight'), 1),
  });
}

function listener(g: Gen): fc.Arbitrary<ListenerIntent> {
  const hosts = g.opt(g.some(g.v('host'), 3));
  const routeNamespaces = g.opt(
    fc.oneof(
      fc.constant({ kind: 'same' as const }),
      fc.constant({ kind: 'all' as const }),
      record({ kind: fc.constant('named' as const), namespaces: g.list(g.v('namespace'), 0, 3) }),
    ),
    1,
  );
  const tls = record<ServerTlsIntent>({
    mode: fc.constantFrom('simple' as const, 'mutual' as const, 'optionalMutual' as const),
    credentialName: g.req(g.v('credential')),
    minProtocolVersion: g.opt(g.v('tlsVersion'), 1),
    cipherSuites: g.unless(g.istioOnlyOff, g.opt(g.list(g.v('cipher'), 0, 2), 1)),
    subjectAltNames: g.unless(g.istioOnlyOff, g.opt(g.list(g.v('san'), 0, 2), 1)),
  });
  const name = g.opt(g.v('label'), 1);
  return fc.oneof(
    { weight: 4, arbitrary: record<ListenerIntent>({ kind: fc.constant('http' as const), port: g.opt(g.v('port'), 1), name, hosts, routeNamespaces, httpsRedirect: g.opt(g.v('bool'), 1) }) },
    { weight: 3, arbitrary: record<ListenerIntent>({ kind: fc.constant('https' as const), port: g.opt(g.v('port'), 1), name, hosts, routeNamespaces, tls }) },
    { weight: 1, arbitrary: record<ListenerIntent>({ kind: fc.constant('tlsPassthrough' as const), port: g.opt(g.v('port'), 1), name, hosts, routeNamespaces }) },
    { weight: 1, arbitrary: record<ListenerIntent>({ kind: fc.constant('tcp' as const), port: g.v('port'), name, hosts, routeNamespaces }) },
    { weight: 1, arbitrary: record<ListenerIntent>({ kind: fc.constant('autoPassthrough' as const), port: g.opt(g.v('port'), 1), name, hosts, routeNamespaces }) },
    // HBONE exists only in the Gateway API (the ambient east-west gateway renders it legally).
    { weight: g.hostility < 2 ? 0 : 1, arbitrary: record<ListenerIntent>({ kind: fc.constant('hbone' as const), port: g.opt(g.v('port'), 1), name }) },
  );
}

/** Effective port of a listener (its default when not given). */
function listenerPort(l: ListenerIntent): Value {
  return l.port ?? { http: 80, https: 443, tlsPassthrough: 443, tcp: undefined, autoPassthrough: 15443, hbone: 15008 }[l.kind];
}

/** Listeners on distinct ports with distinct names; very hostile intents: anything. */
function listeners(g: Gen): fc.Arbitrary<ListenerIntent[]> {
  if (g.hostility === 2) return g.list(listener(g), 0, 4);
  return fc.uniqueArray(listener(g), { minLength: 1, maxLength: 3, selector: (l) => String(listenerPort(l)) })
    .filter((ls) => new Set(ls.map((l) => l.name ?? `${l.kind}${l.port}`)).size === ls.length);
}

function match(g: Gen): fc.Arbitrary<MatchIntent> {
  const named = (valuePool: Pool) => record<NamedMatchIntent>({
    name: g.v('headerName'),
    kind: g.istioOnlyOff ? fc.constantFrom('exact' as const, 'regex' as const) : fc.constantFrom('exact' as const, 'prefix' as const, 'regex' as const),
    value: valuePool === 'headerValue' ? fc.oneof(g.v('headerValue'), g.v('regex')) : g.v(valuePool),
  });
  return record<MatchIntent>({
    path: g.opt(
      fc.oneof(
        record({ kind: fc.constantFrom('prefix' as const, 'exact' as const), value: g.v('path') }),
        record({ kind: fc.constant('regex' as const), value: g.v('regex') }),
      ),
      4,
    ),
    headers: g.opt(g.list(named('headerValue'), 1, 2), 1),
    queryParams: g.opt(g.list(named('headerValue'), 1, 2), 1),
    method: g.opt(g.v('method'), 1),
  });
}

function action(g: Gen): fc.Arbitrary<ActionIntent> {
  return fc.oneof(
    { weight: 6, arbitrary: record<ActionIntent>({ kind: fc.constant('forward' as const), backends: g.list(backend(g), 1, 3) } as any) },
    { weight: 2, arbitrary: record<ActionIntent>({ kind: fc.constant('forwardTo' as const), backend: backend(g) } as any) },
    {
      weight: 2,
      arbitrary: record<ActionIntent>({
        kind: fc.constant('redirect' as const),
        scheme: g.opt(g.v('scheme'), 1),
        host: g.opt(g.v('host'), 1),
        port: g.opt(g.v('port'), 1),
        path: g.opt(g.v('path'), 1),
        statusCode: g.opt(g.v('redirectStatus'), 1),
      } as any),
    },
    { weight: g.istioOnlyOff ? 0 : 2, arbitrary: record<ActionIntent>({ kind: fc.constant('directResponse' as const), status: g.v('status'), body: g.opt(g.v('body'), 1) } as any) },
  );
}

function headerEdits(g: Gen): fc.Arbitrary<HeaderEditsIntent> {
  return record<HeaderEditsIntent>({
    set: g.opt(g.map('headerName', 'headerValue', 2), 1),
    add: g.opt(g.map('headerName', 'headerValue', 2), 1),
    remove: g.opt(g.list(g.v('headerName'), 0, 2), 1),
  });
}

function rule(g: Gen): fc.Arbitrary<RuleIntent> {
  // Most rules say what to do either with action or with forwardTo; sometimes both or neither.
  const how = fc.oneof(
    { weight: 5, arbitrary: action(g).map((a) => ({ action: a })) },
    { weight: 4, arbitrary: g.list(backend(g), 1, 2).map((f) => ({ forwardTo: f })) },
    { weight: g.hostility < 2 ? 0 : 1, arbitrary: fc.tuple(action(g), g.list(backend(g), 1, 1)).map(([a, f]) => ({ action: a, forwardTo: f })) },
    { weight: g.hostility < 2 ? 0 : 1, arbitrary: fc.constant({}) },
  );
  const rest = record<RuleIntent>({
    name: g.opt(g.v('label'), 1),
    matches: g.opt(g.list(match(g), 0, 3), 3),
    timeoutMs: g.opt(g.v('durationMs'), 1),
    retries: g.unless(g.istioOnlyOff, g.opt(record({ attempts: g.req(g.v('attempts')), perTryTimeoutMs: g.opt(g.v('durationMs'), 1), retryOn: g.opt(g.list(g.v('retryOn'), 0, 3), 1) }), 1)),
    fault: g.unless(g.istioOnlyOff, g.opt(
      fc.oneof(
        record({ kind: fc.constant('delay' as const), delayMs: g.v('durationMs'), percentage: g.opt(g.v('percentage'), 1) }),
        record({ kind: fc.constant('abort' as const), status: g.v('status'), percentage: g.opt(g.v('percentage'), 1) }),
      ) as fc.Arbitrary<RuleIntent['fault']>,
      1,
    )),
    mirror: g.opt(record({ backend: backend(g), percentage: g.opt(g.v('percentage'), 1) }), 1),
    rewrite: g.opt(record({ pathPrefix: g.opt(g.v('path'), 1), host: g.opt(g.v('host'), 1) }), 1),
    cors: g.opt(
      record<CorsIntent>({
        allowOrigins: g.some(g.v('origin'), 2),
        allowMethods: g.opt(g.list(g.v('method'), 0, 3), 1),
        allowHeaders: g.opt(g.list(g.v('headerName'), 0, 2), 1),
        exposeHeaders: g.opt(g.list(g.v('headerName'), 0, 2), 1),
        maxAgeMs: g.opt(g.v('durationMs'), 1),
        allowCredentials: g.opt(g.v('bool'), 1),
      }),
      1,
    ),
    requestHeaders: g.opt(headerEdits(g), 1),
    responseHeaders: g.opt(headerEdits(g), 1),
  });
  return fc.tuple(how, rest).map(([h, r]) => clean({ ...r, ...h }));
}

function httpRoute(g: Gen, id: string): fc.Arbitrary<HttpRouteIntent> {
  // What the route does: rules, a forwardTo, or (very hostile) both or neither.
  const body = fc.oneof(
    { weight: 5, arbitrary: record({ rules: g.some(rule(g), 3) }) },
    { weight: 1, arbitrary: record({ forwardTo: g.list(backend(g), 1, 2) }) },
    { weight: g.hostility < 2 ? 0 : 2, arbitrary: record({ rules: g.opt(g.list(rule(g), 0, 3), 3), forwardTo: g.opt(g.list(backend(g), 1, 2), 1) }) },
  );
  return fc.tuple(body, record<HttpRouteIntent>({
    id: fc.constant(id),
    via: fc.constantFrom('add' as const, 'add' as const, 'entries' as const, 'new' as const),
    name: g.opt(g.v('objectName'), 2),
    namespace: g.opt(g.v('namespace'), 1),
    hosts: g.opt(g.some(g.v('host'), 3), 4),
    addRules: g.opt(g.list(rule(g), 1, 2), 1),
  })).map(([b, r]) => clean({ ...r, ...b }));
}

function tlsRoute(g: Gen, id: string): fc.Arbitrary<TlsRouteIntent> {
  return record<TlsRouteIntent>({
    id: fc.constant(id),
    via: fc.constantFrom('add' as const, 'new' as const),
    name: g.opt(g.v('objectName'), 1),
    namespace: g.opt(g.v('namespace'), 1),
    hosts: g.some(g.v('host'), 2),
    backends: g.some(backend(g), 2),
    port: g.opt(g.v('port'), 1),
    addRules: g.unless(g.istioOnlyOff, g.opt(g.list(record({ hosts: g.some(g.v('host'), 2), backends: g.list(backend(g), 1, 2), port: g.opt(g.v('port'), 1) }), 1, 2), 1)),
  });
}

function tcpRoute(g: Gen, id: string): fc.Arbitrary<TcpRouteIntent> {
  return record<TcpRouteIntent>({
    id: fc.constant(id),
    via: fc.constantFrom('add' as const, 'new' as const),
    name: g.opt(g.v('objectName'), 1),
    namespace: g.opt(g.v('namespace'), 1),
    port: g.v('port'),
    backends: g.some(backend(g), 2),
  });
}

function routes(g: Gen): fc.Arbitrary<RoutesIntent> {
  return record<RoutesIntent>({
    httpRoutes: g.opt(fc.array(fc.nat(), { minLength: 1, maxLength: 3 }).chain((ns) => fc.tuple(...ns.map((_, i) => httpRoute(g, `route${i}`)))), 4),
    tlsRoutes: g.opt(fc.array(fc.nat(), { minLength: 1, maxLength: 2 }).chain((ns) => fc.tuple(...ns.map((_, i) => tlsRoute(g, `tls${i}`)))), 1),
    tcpRoutes: g.opt(fc.array(fc.nat(), { minLength: 1, maxLength: 2 }).chain((ns) => fc.tuple(...ns.map((_, i) => tcpRoute(g, `tcp${i}`)))), 1),
  });
}

function servicePort(g: Gen): fc.Arbitrary<Value> {
  return record({
    name: g.v('label'),
    port: g.v('port'),
    protocol: g.opt(g.v('portProtocol'), 1),
    targetPort: g.opt(g.v('port'), 1),
    nodePort: g.opt(fc.oneof(fc.constantFrom(30080, 30443, 32767), g.v('port')), 1),
  });
}

function workloadProps(g: Gen): fc.Arbitrary<WorkloadPropsIntent> {
  return record<WorkloadPropsIntent>({
    name: g.opt(g.v('label'), 2),
    namespace: g.opt(g.v('namespace'), 1),
    appLabel: g.opt(g.v('labelValue'), 1),
    istioLabel: g.opt(g.v('labelValue'), 1),
    labels: g.opt(g.map('labelKey', 'labelValue'), 1),
    revision: g.opt(fc.oneof(fc.constantFrom('1-30', 'canary'), g.v('labelValue')), 1),
    network: g.opt(g.v('network'), 1),
    serviceType: g.opt(g.v('serviceType'), 1),
    ports: g.opt(g.list(servicePort(g), 0, 3), 1),
    serviceAnnotations: g.opt(g.map('annotationKey', 'labelValue'), 1),
    serviceSelectorLabels: g.opt(g.map('labelKey', 'labelValue'), 1),
    replicas: g.opt(g.v('count'), 1),
    autoscaling: g.opt(record({
      enabled: g.opt(g.v('bool'), 1),
      minReplicas: g.opt(g.v('count'), 1),
      maxReplicas: g.opt(g.v('count'), 1),
      targetCpuUtilizationPercentage: g.opt(g.v('percentage'), 1),
      targetMemoryUtilizationPercentage: g.opt(g.v('percentage'), 1),
    }), 1),
    podDisruptionBudget: g.opt(record({ enabled: g.opt(g.v('bool'), 1), minAvailable: g.opt(g.v('count'), 1), maxUnavailable: g.opt(g.v('count'), 1) }), 1),
    resources: g.opt(record({
      requests: g.opt(record({ cpu: g.opt(g.v('quantity'), 1), memory: g.opt(g.v('quantity'), 1) }), 1),
      limits: g.opt(record({ cpu: g.opt(g.v('quantity'), 1), memory: g.opt(g.v('quantity'), 1) }), 1),
    }), 1),
    podAnnotations: g.opt(g.map('annotationKey', 'labelValue'), 1),
    env: g.opt(g.map('envName', 'labelValue'), 1),
    envVarFrom: g.opt(g.list(record({ name: g.v('envName'), valueFrom: fc.constant({ fieldRef: { fieldPath: 'spec.nodeName' } }) }), 0, 2), 1),
    // A probe written as data: a port inside it would need IntOrString, which plain data cannot give.
    readinessProbe: g.opt(fc.constantFrom(true, { exec: { command: ['pilot-agent', 'request', 'GET', 'healthz/ready'] }, periodSeconds: 5 }), 1),
    imagePullPolicy: g.opt(g.v('pullPolicy'), 1),
    terminationGracePeriodSeconds: g.opt(g.v('count'), 1),
  });
}

function address(g: Gen): fc.Arbitrary<AddressIntent> {
  return fc.oneof(
    fc.constantFrom('192.0.2.10', '2001:db8::1', '10.0.0.300', '', 'not-an-ip').map((ip) => ({ ip })),
    g.v('host').map((hostname) => ({ hostname })),
  );
}

function ingress(g: Gen, id: string): fc.Arbitrary<IngressIntent> {
  return g.opt(g.v('api'), 6).chain((api) => ingressFor(g.forApi(api), id, api));
}

function ingressFor(g: Gen, id: string, api: Value): fc.Arbitrary<IngressIntent> {
  return fc.tuple(
    record({
      api: fc.constant(api),
      name: g.opt(g.v('objectName'), 2),
      namespace: g.opt(g.v('namespace'), 1),
      listeners: g.opt(listeners(g), 8),
      selector: g.opt(g.map('labelKey', 'labelValue', 2), 1),
      gatewayClassName: g.opt(g.v('gatewayClass'), 1),
      cluster: g.opt(g.v('cluster'), 1),
      labels: g.opt(g.map('labelKey', 'labelValue', 2), 1),
      addresses: g.opt(g.list(address(g), 0, 2), 1),
      workload: g.opt(workloadProps(g), 1),
    }),
    g.hostility === 2 ? g.opt(g.list(listener(g), 1, 2), 1) : fc.constant(undefined),
    routes(g),
    g.opt(g.list(record({ rule: g.v('suppressRule'), reason: g.v('reason') }), 1, 2), 1),
  ).map(([props, addListeners, r, suppress]) => clean({ type: 'ingress' as const, id, props, addListeners, ...r, suppress }));
}

function imported(g: Gen, id: string): fc.Arbitrary<ImportedGatewayIntent> {
  return g.opt(g.v('api'), 3).chain((api) => fc.tuple(
    fc.oneof(fc.constantFrom('istio-system/ingress', 'team-a/public', 'public', 'shared/edge'), g.v('objectName')),
    fc.constant(api),
    routes(g.forApi(api)),
  )).map(([reference, api, r]) => clean({ type: 'imported' as const, id, reference, api, ...r }));
}

function backendPolicy(g: Gen, id: string): fc.Arbitrary<BackendPolicyIntent> {
  const subset = record({ name: g.v('label'), labels: g.map('labelKey', 'labelValue', 2).filter((l) => g.hostility > 0 || Object.keys(l).length > 0) });
  return record<BackendPolicyIntent>({
    type: fc.constant('backendPolicy' as const),
    id: fc.constant(id),
    props: record({
      serviceName: g.req(g.v('label')),
      namespace: g.opt(g.v('namespace'), 1),
      name: g.opt(g.v('objectName'), 1),
      subsets: g.opt(g.list(subset, 0, 3), 3),
      tls: g.opt(g.v('backendTls'), 1),
      loadBalancer: g.opt(g.v('lb'), 1),
      connectionPool: g.opt(record({
        maxConnections: g.opt(g.v('count'), 1),
        connectTimeoutMs: g.opt(g.v('durationMs'), 1),
        maxPendingRequests: g.opt(g.v('count'), 1),
        maxRequests: g.opt(g.v('count'), 1),
        maxRequestsPerConnection: g.opt(g.v('count'), 1),
      }), 1),
      outlierDetection: g.opt(record({
        consecutive5xxErrors: g.opt(g.v('count'), 1),
        intervalMs: g.opt(g.v('durationMs'), 1),
        baseEjectionTimeMs: g.opt(g.v('durationMs'), 1),
        maxEjectionPercent: g.opt(g.v('percentage'), 1),
      }), 1),
    }),
    addSubsets: g.opt(g.list(subset, 1, 2), 1),
  });
}

function egress(g: Gen, id: string): fc.Arbitrary<EgressIntent> {
  return record<EgressIntent>({
    type: fc.constant('egress' as const),
    id: fc.constant(id),
    props: record({
      host: g.req(g.v('egressHost')),
      wildcardTarget: g.opt(fc.oneof(fc.constantFrom('en.wikipedia.org', 'api.github.com'), g.v('egressHost')), 1),
      mode: g.opt(g.v('egressMode'), 4),
      ports: g.opt(g.list(g.v('port'), 0, 2), 1),
      originationPort: g.opt(g.v('port'), 1),
      originationTls: g.opt(
        fc.oneof(
          record({ kind: fc.constant('simple' as const), sni: g.opt(g.v('egressHost'), 1), caCertificates: g.opt(fc.constantFrom('/etc/certs/ca.pem', ''), 1), subjectAltNames: g.opt(g.list(g.v('san'), 0, 2), 1), skipServerNameCheckReason: g.opt(fc.constantFrom('the partner presents a certificate for its IP address only', '', ' '), 1) }),
          record({ kind: fc.constant('mutual' as const), credentialName: g.v('credential'), sni: g.opt(g.v('egressHost'), 1), caCertificates: g.opt(fc.constantFrom('/etc/certs/ca.pem', ''), 1), subjectAltNames: g.opt(g.list(g.v('san'), 0, 2), 1), skipServerNameCheckReason: g.opt(fc.constantFrom('the partner presents a certificate for its IP address only', '', ' '), 1) }),
        ) as fc.Arbitrary<any>,
        1,
      ),
      mutualTls: g.opt(g.v('bool'), 1),
      api: g.opt(g.v('api'), 4),
      name: g.opt(g.v('label'), 2),
      namespace: g.opt(g.v('namespace'), 1),
      clientNamespaces: g.opt(g.list(g.v('namespace'), 0, 2), 1),
      gatewaySelector: g.opt(g.map('labelKey', 'labelValue', 2), 1),
      gatewayServiceName: g.opt(g.v('label'), 1),
      gatewayNamespace: g.opt(g.v('namespace'), 1),
      workload: g.opt(workloadProps(g), 1),
      loadBalancer: g.opt(g.v('lb'), 1),
      allowedClients: g.opt(record({ serviceAccounts: g.opt(g.list(g.v('label'), 0, 2), 1), namespaces: g.opt(g.list(g.v('namespace'), 0, 2), 1) }), 1),
      clientNetworkPolicy: g.opt(record({
        allowedNamespaces: g.opt(g.list(g.v('namespace'), 0, 2), 1),
        controlPlaneNamespace: g.opt(g.v('namespace'), 1),
        dnsNamespace: g.opt(g.v('namespace'), 1),
      }), 1),
    }),
  });
}

function eastWest(g: Gen, id: string): fc.Arbitrary<EastWestIntent> {
  return record<EastWestIntent>({
    type: fc.constant('eastWest' as const),
    id: fc.constant(id),
    props: record({
      network: g.req(g.v('network')),
      cluster: g.opt(g.v('cluster'), 1),
      api: g.opt(g.v('api'), 3),
      mode: g.opt(g.v('eastWestMode'), 3),
      namespace: g.opt(g.v('namespace'), 1),
      name: g.opt(g.v('label'), 1),
      exposeIstiod: g.opt(g.v('bool'), 2),
      deployWorkload: g.opt(g.v('bool'), 1),
      workload: g.opt(workloadProps(g), 1),
    }),
  });
}

function remoteNetwork(g: Gen, id: string): fc.Arbitrary<RemoteNetworkIntent> {
  return record<RemoteNetworkIntent>({
    type: fc.constant('remoteNetwork' as const),
    id: fc.constant(id),
    props: record({ network: g.v('network'), address: address(g), port: g.opt(g.v('port'), 1), name: g.opt(g.v('objectName'), 1), namespace: g.opt(g.v('namespace'), 1) }),
  });
}

function httpbin(g: Gen, id: string): fc.Arbitrary<HttpbinIntent> {
  return record<HttpbinIntent>({
    type: fc.constant('httpbin' as const),
    id: fc.constant(id),
    props: record({
      api: g.opt(g.v('api'), 3),
      namespace: g.opt(g.v('namespace'), 1),
      hosts: g.opt(g.list(g.v('host'), 0, 2), 1),
      paths: g.opt(g.list(g.v('path'), 0, 3), 1),
      deployWorkload: g.opt(g.v('bool'), 1),
      image: g.opt(g.v('image'), 1),
      version: g.opt(g.v('labelValue'), 1),
      routeToVersionSubset: g.opt(g.v('bool'), 1),
      gatewayName: g.opt(g.v('objectName'), 1),
      routeName: g.opt(g.v('objectName'), 1),
      gatewaySelector: g.opt(g.map('labelKey', 'labelValue', 2), 1),
      gatewayClassName: g.opt(g.v('gatewayClass'), 1),
      port: g.opt(g.v('port'), 1),
    }),
  });
}

function workload(g: Gen, id: string): fc.Arbitrary<WorkloadIntent> {
  return record<WorkloadIntent>({
    type: fc.constant('workload' as const),
    id: fc.constant(id),
    props: workloadProps(g),
    addPorts: g.opt(g.list(servicePort(g), 1, 2), 1),
  });
}

type ItemType = ItemIntent['type'];
const ITEM_WEIGHTS: [ItemType, number][] = [
  ['ingress', 10],
  ['imported', 2],
  ['backendPolicy', 3],
  ['egress', 3],
  ['eastWest', 2],
  ['remoteNetwork', 1],
  ['httpbin', 2],
  ['workload', 1],
];

function item(g: Gen, type: ItemType, id: string): fc.Arbitrary<ItemIntent> {
  switch (type) {
    case 'ingress': return ingress(g, id);
    case 'imported': return imported(g, id);
    case 'backendPolicy': return backendPolicy(g, id);
    case 'egress': return egress(g, id);
    case 'eastWest': return eastWest(g, id);
    case 'remoteNetwork': return remoteNetwork(g, id);
    case 'httpbin': return httpbin(g, id);
    case 'workload': return workload(g, id);
  }
}

function items(g: Gen): fc.Arbitrary<ItemIntent[]> {
  const type = fc.oneof(...ITEM_WEIGHTS.map(([t, weight]) => ({ weight, arbitrary: fc.constant(t) })));
  // Construct ids: mostly distinct per chart; the same id in two charts is the "two teams" case.
  return fc.array(type, { minLength: 1, maxLength: 3 }).chain((types) => fc.tuple(...types.map((t, i) => item(g, t, `${t}${i}`))));
}

function chart(g: Gen, id: string): fc.Arbitrary<ChartIntent> {
  return record<ChartIntent>({
    id: fc.constant(id),
    namespace: g.opt(g.v('namespace'), 6),
    items: items(g),
    suppress: g.opt(g.list(record({ rule: g.v('suppressRule'), reason: g.v('reason') }), 1, 1), 1),
  });
}

/** One intent: one or two charts (two teams) in one App; hostility chosen per intent. */
export function intentArbitrary(): fc.Arbitrary<Intent> {
  return fc.constantFrom<Hostility>(0, 0, 0, 1, 1, 2).chain((h) => {
    const g = new Gen(h);
    return fc.oneof(
      { weight: 4, arbitrary: chart(g, 'team-a').map((c) => [c]) },
      // Two teams: same construct ids and (often) the same names, in one App.
      { weight: 1, arbitrary: fc.tuple(chart(g, 'team-a'), chart(g, 'team-b')) },
      // The same chart intent twice (a copy-paste), in two charts.
      { weight: 1, arbitrary: chart(g, 'team-a').map((c) => [c, { ...c, id: 'team-b' }]) },
    ).map((charts) => ({ hostility: h, charts }));
  });
}

/** `count` intents from `seed`, deterministically. */
export function sampleIntents(seed: number, count: number): Intent[] {
  return fc.sample(intentArbitrary(), { seed, numRuns: count });
}

// ---------------------------------------------------------------------------------------------
// The builder: an intent as constructs in an App.
// ---------------------------------------------------------------------------------------------

const ms = (value: Value): Duration | undefined => (value === undefined ? undefined : Duration.millis(value));

function toBackend(b: BackendIntent): Backend {
  return Backend.service(b.service, { port: b.port, namespace: b.namespace, subset: b.subset, weight: b.weight });
}

function toTarget(b: BackendIntent): ForwardTarget {
  return clean({ service: b.service, port: b.port, namespace: b.namespace, subset: b.subset, weight: b.weight });
}

function toListener(l: ListenerIntent): GatewayListener {
  const routeNamespaces = l.routeNamespaces === undefined ? undefined
    : l.routeNamespaces.kind === 'same' ? RouteNamespaces.same()
      : l.routeNamespaces.kind === 'all' ? RouteNamespaces.all()
        : RouteNamespaces.named(l.routeNamespaces.namespaces ?? []);
  const common: any = clean({ name: l.name, hosts: l.hosts, routeNamespaces });
  switch (l.kind) {
    case 'http': return GatewayListener.http(clean({ ...common, port: l.port, httpsRedirect: l.httpsRedirect }));
    case 'https': return GatewayListener.https(clean({ ...common, port: l.port, tls: toServerTls(l.tls!) }));
    case 'tlsPassthrough': return GatewayListener.tlsPassthrough(clean({ ...common, port: l.port }));
    case 'tcp': return GatewayListener.tcp(clean({ ...common, port: l.port }));
    case 'autoPassthrough': return GatewayListener.autoPassthrough(clean({ ...common, port: l.port }));
    case 'hbone': return GatewayListener.hbone(clean({ name: l.name, port: l.port }));
  }
}

function toServerTls(t: ServerTlsIntent): ServerTls {
  const options: any = clean({ minProtocolVersion: t.minProtocolVersion, cipherSuites: t.cipherSuites, subjectAltNames: t.subjectAltNames });
  switch (t.mode) {
    case 'simple': return ServerTls.simple(t.credentialName, clean({ minProtocolVersion: t.minProtocolVersion, cipherSuites: t.cipherSuites }));
    case 'mutual': return ServerTls.mutual(t.credentialName, options);
    case 'optionalMutual': return ServerTls.optionalMutual(t.credentialName, options);
  }
}

function toMatch(m: MatchIntent): HttpRouteMatch {
  const str = (n: NamedMatchIntent) => ({
    name: n.name,
    value: n.kind === 'exact' ? StringMatch.exact(n.value) : n.kind === 'prefix' ? StringMatch.prefix(n.value) : StringMatch.regex(n.value),
  });
  const path = m.path === undefined ? undefined
    : m.path.kind === 'prefix' ? PathMatch.prefix(m.path.value) : m.path.kind === 'exact' ? PathMatch.exact(m.path.value) : PathMatch.regex(m.path.value);
  return clean({ path, headers: m.headers?.map(str), queryParams: m.queryParams?.map(str), method: m.method });
}

function toAction(a: ActionIntent): HttpRouteAction {
  switch (a.kind) {
    case 'forward': return HttpRouteAction.forward(a.backends.map(toBackend));
    case 'forwardTo': return HttpRouteAction.forwardTo(a.backend.service, clean({ port: a.backend.port, namespace: a.backend.namespace, subset: a.backend.subset, weight: a.backend.weight }));
    case 'redirect': return HttpRouteAction.redirect(clean({ scheme: a.scheme, host: a.host, port: a.port, path: a.path, statusCode: a.statusCode }));
    case 'directResponse': return a.body === undefined ? HttpRouteAction.directResponse(a.status) : HttpRouteAction.directResponse(a.status, a.body);
  }
}

function toRule(r: RuleIntent): HttpRouteRule {
  return clean({
    name: r.name,
    matches: r.matches?.map(toMatch),
    action: r.action && toAction(r.action),
    forwardTo: r.forwardTo?.map(toTarget),
    timeout: ms(r.timeoutMs),
    retries: r.retries && clean({ attempts: r.retries.attempts, perTryTimeout: ms(r.retries.perTryTimeoutMs), retryOn: r.retries.retryOn }),
    fault: r.fault && (r.fault.kind === 'delay'
      ? FaultInjection.delay(Duration.millis(r.fault.delayMs), r.fault.percentage)
      : FaultInjection.abort(r.fault.status, r.fault.percentage)),
    mirror: r.mirror && clean({ backend: toBackend(r.mirror.backend), percentage: r.mirror.percentage }),
    rewrite: r.rewrite,
    cors: r.cors && clean({
      allowOrigins: r.cors.allowOrigins,
      allowMethods: r.cors.allowMethods,
      allowHeaders: r.cors.allowHeaders,
      exposeHeaders: r.cors.exposeHeaders,
      maxAge: ms(r.cors.maxAgeMs),
      allowCredentials: r.cors.allowCredentials,
    }),
    requestHeaders: r.requestHeaders,
    responseHeaders: r.responseHeaders,
  }) as HttpRouteRule;
}

function toWorkloadProps(w: WorkloadPropsIntent): any {
  return clean({ ...w, readinessProbe: w.readinessProbe === true ? GatewayWorkload.statusPortReadinessProbe() : w.readinessProbe });
}

function toAddress(a: AddressIntent): GatewayAddress {
  return a.ip !== undefined ? GatewayAddress.ip(a.ip) : GatewayAddress.hostname(a.hostname);
}

function addRoutes(scope: Construct, gateway: IGateway, r: RoutesIntent, add: IngressGateway | undefined): void {
  for (const route of r.httpRoutes ?? []) {
    const options: any = clean({
      name: route.name,
      namespace: route.namespace,
      hosts: route.hosts,
      rules: route.rules?.map(toRule),
      forwardTo: route.forwardTo?.map(toTarget),
    });
    let built: HttpRoute;
    if (add && route.via === 'entries') built = add.addHttpRoutes([{ id: route.id, ...options }])[0];
    else if (add && route.via !== 'new') built = add.addHttpRoute(route.id, options);
    else built = new HttpRoute(scope, `${gateway.node.id}-${route.id}`, { ...options, gateway });
    for (const extra of route.addRules ?? []) built.addRule(toRule(extra));
  }
  for (const route of r.tlsRoutes ?? []) {
    const options: any = clean({
      name: route.name,
      namespace: route.namespace,
      hosts: route.hosts,
      backends: route.backends.map(toBackend),
      port: route.port,
    });
    const built = add && route.via !== 'new' ? add.addTlsRoute(route.id, options) : new TlsRoute(scope, `${gateway.node.id}-${route.id}`, { ...options, gateway });
    for (const extra of route.addRules ?? []) built.addRule(clean({ hosts: extra.hosts, backends: extra.backends.map(toBackend), port: extra.port }));
  }
  for (const route of r.tcpRoutes ?? []) {
    const options: any = clean({ name: route.name, namespace: route.namespace, port: route.port, backends: route.backends.map(toBackend) });
    if (add && route.via !== 'new') add.addTcpRoute(route.id, options);
    else new TcpRoute(scope, `${gateway.node.id}-${route.id}`, { ...options, gateway });
  }
}

function buildItem(c: Chart, it: ItemIntent): void {
  switch (it.type) {
    case 'ingress': {
      const p = it.props;
      const gw = new IngressGateway(c, it.id, clean({
        ...p,
        listeners: p.listeners?.map(toListener),
        addresses: p.addresses?.map(toAddress),
        workload: p.workload && toWorkloadProps(p.workload),
      }) as any);
      for (const l of it.addListeners ?? []) gw.addListener(toListener(l));
      addRoutes(c, gw, it, gw);
      for (const s of it.suppress ?? []) GatewayValidation.suppress(gw, s.rule, s.reason);
      return;
    }
    case 'imported': {
      const gw = it.api === undefined
        ? IngressGateway.fromGatewayName(c, it.id, it.reference)
        : IngressGateway.fromGatewayName(c, it.id, it.reference, it.api);
      addRoutes(c, gw, it, undefined);
      return;
    }
    case 'backendPolicy': {
      const p = it.props;
      const policy = new BackendPolicy(c, it.id, clean({
        ...p,
        connectionPool: p.connectionPool && clean({
          ...p.connectionPool,
          connectTimeoutMs: undefined,
          connectTimeout: ms(p.connectionPool.connectTimeoutMs),
        }),
        outlierDetection: p.outlierDetection && clean({
          ...p.outlierDetection,
          intervalMs: undefined,
          baseEjectionTimeMs: undefined,
          interval: ms(p.outlierDetection.intervalMs),
          baseEjectionTime: ms(p.outlierDetection.baseEjectionTimeMs),
        }),
      }) as any);
      for (const s of it.addSubsets ?? []) policy.addSubset(s);
      return;
    }
    case 'egress': {
      const p = it.props;
      const t = p.originationTls;
      const originationTls = t === undefined ? undefined
        : t.kind === 'simple' ? OriginationTls.simple(originationOptions(t))
          : OriginationTls.mutual(t.credentialName, originationOptions(t));
      new EgressRoute(c, it.id, clean({ ...p, originationTls, workload: p.workload && toWorkloadProps(p.workload) }) as any);
      return;
    }
    case 'eastWest':
      new EastWestGateway(c, it.id, clean({ ...it.props, workload: it.props.workload && toWorkloadProps(it.props.workload) }) as any);
      return;
    case 'remoteNetwork':
      new RemoteNetworkGateway(c, it.id, clean({ ...it.props, address: toAddress(it.props.address) }) as any);
      return;
    case 'httpbin':
      new HttpbinExposure(c, it.id, it.props as any);
      return;
    case 'workload': {
      const w = new GatewayWorkload(c, it.id, toWorkloadProps(it.props));
      for (const port of it.addPorts ?? []) w.addPort(port);
      return;
    }
  }
}

/** The intent as constructs in a new App writing to `outdir`. Throws what a constructor throws. */
export function buildIntent(intent: Intent, outdir: string): App {
  const app = new App({ outdir });
  for (const ci of intent.charts) {
    const c = new Chart(app, ci.id, ci.namespace === undefined ? {} : { namespace: ci.namespace });
    for (const it of ci.items) buildItem(c, it);
    for (const s of ci.suppress ?? []) GatewayValidation.suppress(c, s.rule as SuppressibleRule, s.reason);
  }
  return app;
}

/** The options of an intent's origination TLS, as a caller passes them. */
function originationOptions(t: NonNullable<EgressIntent['props']['originationTls']>): any {
  const { sni, caCertificates, subjectAltNames, skipServerNameCheckReason } = t;
  return clean({ sni, caCertificates, subjectAltNames, skipServerNameCheckReason });
}
