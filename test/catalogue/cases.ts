import { Duration } from 'cdk8s';
import { forward, gateway, rule, svc } from './builders';
import { BadInput, ValidInput } from './topic';
import { TOPICS } from './topics';
import {
  ApiFlavor,
  BackendPolicy,
  EastWestGateway,
  EastWestMode,
  FaultInjection,
  GatewayListener,
  HttpbinExposure,
  HttpRouteAction,
  IngressGateway,
  PathMatch,
  RouteNamespaces,
  ServerTls,
  StringMatch,
  TlsVersion,
} from '../../src';


export type { BadInput, ValidInput } from './topic';


const CORE_BAD_INPUTS: BadInput[] = [
  // HttpbinExposure
  { name: 'httpbin: host that is not a DNS name', build: (c) => new HttpbinExposure(c, 'httpbin', { hosts: ['httpbin_example.com'], deployWorkload: false }) },
  { name: 'httpbin: path without a leading slash', build: (c) => new HttpbinExposure(c, 'httpbin', { paths: ['status'], deployWorkload: false }) },
  { name: 'httpbin: empty path list', build: (c) => new HttpbinExposure(c, 'httpbin', { paths: [], deployWorkload: false }) },
  { name: 'httpbin: port out of range', build: (c) => new HttpbinExposure(c, 'httpbin', { port: 70000, deployWorkload: false }) },
  { name: 'httpbin: subset with the Gateway API', build: (c) => new HttpbinExposure(c, 'httpbin', { api: ApiFlavor.GATEWAY_API, routeToVersionSubset: true, deployWorkload: false }) },

  // Gateways and listeners
  { name: 'gateway: no listener', build: (c) => gateway(c, []) },
  { name: 'gateway: name that is not a DNS name', build: (c) => gateway(c, undefined, ApiFlavor.ISTIO, 'Public_GW') },
  { name: 'listener: port 0', build: (c) => gateway(c, [GatewayListener.tcp({ port: 0 })]) },
  { name: 'listener: fractional port', build: (c) => gateway(c, [GatewayListener.http({ port: 80.5 })]) },
  { name: 'listener: name that is not a DNS label', build: (c) => gateway(c, [GatewayListener.http({ name: 'HTTP_Port' })]) },
  { name: 'listener: duplicate names', build: (c) => gateway(c, [GatewayListener.http({ name: 'web', hosts: ['a.example.com'] }), GatewayListener.http({ name: 'web', port: 8080 })]) },
  { name: 'listener: no hosts', build: (c) => gateway(c, [GatewayListener.http({ hosts: [] })]) },
  { name: 'listener: upper-case host', build: (c) => gateway(c, [GatewayListener.http({ hosts: ['Shop.Example.com'] })]) },
  { name: 'listener: wildcard in the middle of a host', build: (c) => gateway(c, [GatewayListener.http({ hosts: ['shop.*.com'] })]) },
  { name: 'listener: bad namespace scope', build: (c) => gateway(c, [GatewayListener.http({ hosts: ['Team_A/shop.example.com'] })]) },
  { name: 'listener: namespace scope with the Gateway API', build: (c) => gateway(c, [GatewayListener.http({ hosts: ['team-a/shop.example.com'] })], ApiFlavor.GATEWAY_API) },
  { name: 'listener: scoped hosts and routeNamespaces together', build: (c) => gateway(c, [GatewayListener.http({ hosts: ['team-a/shop.example.com'], routeNamespaces: RouteNamespaces.all() })]) },
  { name: 'listener: routeNamespaces.named() with no namespace', build: (c) => gateway(c, [GatewayListener.http({ routeNamespaces: RouteNamespaces.named([]) })]) },
  { name: 'listener: two servers on one port, overlapping hosts', build: (c) => gateway(c, [GatewayListener.http({ name: 'a', hosts: ['*.example.com', 'shop.example.com'] }), GatewayListener.http({ name: 'b', hosts: ['shop.example.com'] })]) },
  { name: 'listener: HTTP and TCP on one port', build: (c) => gateway(c, [GatewayListener.http({ port: 8080 }), GatewayListener.tcp({ port: 8080 })]) },
  { name: 'listener: two TCP listeners on one port', build: (c) => gateway(c, [GatewayListener.tcp({ name: 'a', port: 9000 }), GatewayListener.tcp({ name: 'b', port: 9000 })]) },
  { name: 'TLS: HTTPS without a credential', build: (c) => gateway(c, [GatewayListener.https({ hosts: ['*'], tls: ServerTls.simple('') })]) },
  { name: 'TLS: credential that is not a Secret name', build: (c) => gateway(c, [GatewayListener.https({ hosts: ['*'], tls: ServerTls.simple('My Cert') })]) },
  { name: 'TLS: httpsRedirect on a gateway without HTTPS', build: (c) => gateway(c, [GatewayListener.http({ httpsRedirect: true })]) },
  { name: 'TLS: minimum version with the Gateway API', build: (c) => gateway(c, [GatewayListener.https({ hosts: ['*'], tls: ServerTls.simple('cert', { minProtocolVersion: TlsVersion.TLS_V1_3 }) })], ApiFlavor.GATEWAY_API) },
  { name: 'TLS: client SANs with the Gateway API', build: (c) => gateway(c, [GatewayListener.https({ hosts: ['*'], tls: ServerTls.mutual('cert', { subjectAltNames: ['spiffe://x'] }) })], ApiFlavor.GATEWAY_API) },
  { name: 'HBONE listener with the Istio API', build: (c) => gateway(c, [GatewayListener.hbone()]) },

  // HTTP routes
  { name: 'route: host no listener serves', build: (c) => gateway(c, [GatewayListener.http({ hosts: ['a.example.com'] })]).addHttpRoute('route', { name: 'route', hosts: ['b.example.com'], rules: [{ action: forward }] }) },
  { name: 'route: gateway without HTTP listener', build: (c) => gateway(c, [GatewayListener.tcp({ port: 9000 })]).addHttpRoute('route', { name: 'route', rules: [{ action: forward }] }) },
  { name: 'route: no rules', build: (c) => gateway(c).addHttpRoute('route', { name: 'route' }) },
  { name: 'route: no hosts', build: (c) => gateway(c).addHttpRoute('route', { name: 'route', hosts: [], rules: [{ action: forward }] }) },
  { name: 'route: name that is not a DNS name', build: (c) => gateway(c).addHttpRoute('route', { name: 'My Route', rules: [{ action: forward }] }) },
  { name: 'route: from a namespace the listener does not admit', build: (c) => new IngressGateway(c, 'gw', { name: 'gw', listeners: [GatewayListener.http({ routeNamespaces: RouteNamespaces.same() })] }).addHttpRoute('route', { name: 'route', namespace: 'team-a', rules: [{ action: forward }] }) },
  { name: 'match: exact path without a slash', build: (c) => rule(c, { matches: [{ path: PathMatch.exact('health') }] }) },
  { name: 'match: invalid regular expression', build: (c) => rule(c, { matches: [{ path: PathMatch.regex('/api/(') }] }) },
  { name: 'match: method that is not HTTP', build: (c) => rule(c, { matches: [{ method: 'FETCH' }] }) },
  { name: 'match: header name with a space', build: (c) => rule(c, { matches: [{ headers: [{ name: 'x user', value: StringMatch.exact('1') }] }] }) },
  { name: 'match: prefix header match with the Gateway API', build: (c) => rule(c, { matches: [{ headers: [{ name: 'x-user', value: StringMatch.prefix('a') }] }] }, ApiFlavor.GATEWAY_API) },
  { name: 'backend: port 0', build: (c) => rule(c, { action: HttpRouteAction.forward([svc('svc', 0)]) }) },
  { name: 'backend: Service name that is not a DNS label', build: (c) => rule(c, { action: HttpRouteAction.forward([svc('My.Service')]) }) },
  { name: 'backend: negative weight', build: (c) => rule(c, { action: HttpRouteAction.forward([svc('a', 80, { weight: -1 }), svc('b', 80, { weight: 1 })]) }) },
  { name: 'backend: every weight zero', build: (c) => rule(c, { action: HttpRouteAction.forward([svc('a', 80, { weight: 0 }), svc('b', 80, { weight: 0 })]) }) },
  { name: 'backend: no backend', build: (c) => rule(c, { action: HttpRouteAction.forward([]) }) },
  { name: 'rule: both action and forwardTo', build: (c) => rule(c, { forwardTo: [{ service: 'a', port: 80 }] }) },
  { name: 'rule: neither action nor forwardTo', build: (c) => rule(c, { action: undefined }) },
  {
    name: 'route: forwardTo after a rule that matches every request',
    build: (c) => gateway(c).addHttpRoute('route', { name: 'route', rules: [{ name: 'all', action: forward }], forwardTo: [{ service: 'b', port: 80 }] }),
  },
  { name: 'route: forwardTo to no backend', build: (c) => gateway(c).addHttpRoute('route', { name: 'route', forwardTo: [] }) },
  { name: 'backend: subset no DestinationRule defines', build: (c) => rule(c, { action: HttpRouteAction.forward([svc('reviews', 9080, { subset: 'v3' })]) }) },
  { name: 'redirect: status that is not a redirect', build: (c) => rule(c, { action: HttpRouteAction.redirect({ statusCode: 200 }) }) },
  { name: 'redirect: scheme ftp', build: (c) => rule(c, { action: HttpRouteAction.redirect({ scheme: 'ftp' }) }) },
  { name: 'redirect: path without a slash', build: (c) => rule(c, { action: HttpRouteAction.redirect({ path: 'login' }) }) },
  { name: 'redirect and rewrite together', build: (c) => rule(c, { action: HttpRouteAction.redirect({ scheme: 'https' }), rewrite: { host: 'x.example.com' } }) },
  { name: 'direct response: status 42', build: (c) => rule(c, { action: HttpRouteAction.directResponse(42) }) },
  { name: 'direct response with the Gateway API', build: (c) => rule(c, { action: HttpRouteAction.directResponse(200) }, ApiFlavor.GATEWAY_API) },
  { name: 'timeout: under 1ms', build: (c) => rule(c, { timeout: Duration.millis(0.5) }) },
  { name: 'retries: negative attempts', build: (c) => rule(c, { retries: { attempts: -1 } }) },
  { name: 'retries with the Gateway API', build: (c) => rule(c, { retries: { attempts: 2 } }, ApiFlavor.GATEWAY_API) },
  { name: 'fault: percentage over 100', build: (c) => rule(c, { fault: FaultInjection.abort(503, 150) }) },
  { name: 'fault: abort status 99', build: (c) => rule(c, { fault: FaultInjection.abort(99) }) },
  { name: 'fault with the Gateway API', build: (c) => rule(c, { fault: FaultInjection.delay(Duration.seconds(1)) }, ApiFlavor.GATEWAY_API) },
  { name: 'mirror: percentage under 0', build: (c) => rule(c, { mirror: { backend: svc('shadow'), percentage: -5 } }) },
  { name: 'rewrite: prefix without prefix matches', build: (c) => rule(c, { matches: [{ path: PathMatch.exact('/a') }], rewrite: { pathPrefix: '/' } }) },
  { name: 'CORS: no origins', build: (c) => rule(c, { cors: { allowOrigins: [] } }) },
  { name: 'CORS: max age under a second', build: (c) => rule(c, { cors: { allowOrigins: ['*'], maxAge: Duration.millis(500) } }) },
  { name: 'header edits: invalid header name', build: (c) => rule(c, { requestHeaders: { set: { 'x team': 'a' } } }) },

  // TLS and TCP routes
  { name: 'TLS route: SNI host no listener serves', build: (c) => gateway(c, [GatewayListener.tlsPassthrough({ hosts: ['a.example.com'] })]).addTlsRoute('tls', { name: 'tls', hosts: ['b.example.com'], backends: [svc('b', 443)] }) },
  { name: 'TLS route: no TLS passthrough listener', build: (c) => gateway(c).addTlsRoute('tls', { name: 'tls', hosts: ['a.example.com'], backends: [svc('a', 443)] }) },
  { name: 'TLS route: SNI "*" with the Gateway API', build: (c) => gateway(c, [GatewayListener.tlsPassthrough({ hosts: ['*'] })], ApiFlavor.GATEWAY_API).addTlsRoute('tls', { name: 'tls', hosts: ['*'], backends: [svc('a', 443)] }) },
  { name: 'TCP route: no TCP listener on its port', build: (c) => gateway(c, [GatewayListener.tcp({ port: 9000 })]).addTcpRoute('tcp', { name: 'tcp', port: 9001, backends: [svc('echo', 9000)] }) },
  { name: 'TCP route: no backend', build: (c) => gateway(c, [GatewayListener.tcp({ port: 9000 })]).addTcpRoute('tcp', { name: 'tcp', port: 9000, backends: [] }) },

  // Backend policies
  { name: 'policy: subset without labels', build: (c) => new BackendPolicy(c, 'p', { serviceName: 'reviews', subsets: [{ name: 'v1', labels: {} }] }) },
  { name: 'policy: subset defined twice', build: (c) => new BackendPolicy(c, 'p', { serviceName: 'reviews', subsets: [{ name: 'v1', labels: { version: 'v1' } }, { name: 'v1', labels: { version: 'v2' } }] }) },
  { name: 'policy: max ejection percent over 100', build: (c) => new BackendPolicy(c, 'p', { serviceName: 'reviews', outlierDetection: { maxEjectionPercent: 101 } }) },
  { name: 'policy: connection limit 0', build: (c) => new BackendPolicy(c, 'p', { serviceName: 'reviews', connectionPool: { maxConnections: 0 } }) },

  // Across gateways
  {
    name: 'two gateways on one workload, port and host (IST0145)',
    build: (c) => {
      new IngressGateway(c, 'a', { name: 'a', listeners: [GatewayListener.http({ hosts: ['shop.example.com'] })] });
      new IngressGateway(c, 'b', { name: 'b', listeners: [GatewayListener.http({ hosts: ['shop.example.com'] })] });
    },
  },
  {
    name: 'one credential on two gateways of one workload',
    build: (c) => {
      new IngressGateway(c, 'a', { name: 'a', listeners: [GatewayListener.https({ hosts: ['a.example.com'], tls: ServerTls.simple('wildcard-cert') })] });
      new IngressGateway(c, 'b', { name: 'b', listeners: [GatewayListener.https({ hosts: ['b.example.com'], tls: ServerTls.simple('wildcard-cert') })] });
    },
  },
  {
    name: 'two Istio routes on one gateway sharing a host',
    build: (c) => {
      const gw = gateway(c, [GatewayListener.http({ hosts: ['shop.example.com'] })]);
      gw.addHttpRoute('cart', { name: 'cart', hosts: ['shop.example.com'], rules: [{ matches: [{ path: PathMatch.prefix('/cart') }], action: forward }] });
      gw.addHttpRoute('api', { name: 'api', hosts: ['shop.example.com'], rules: [{ matches: [{ path: PathMatch.prefix('/api') }], action: forward }] });
    },
  },
  {
    name: 'a listener port the deployed Service does not expose (IST0162)',
    build: (c) => new IngressGateway(c, 'gw', { name: 'gw', listeners: [GatewayListener.http({ port: 8080 })], workload: { ports: [{ name: 'http', port: 80 }] } }),
  },

  // East-west
  { name: 'east-west: network that is not a label value', build: (c) => new EastWestGateway(c, 'ew', { network: 'net/1', deployWorkload: false }) },
  { name: 'east-west: ambient with the Istio API', build: (c) => new EastWestGateway(c, 'ew', { network: 'network1', mode: EastWestMode.AMBIENT }) },
  {
    name: 'east-west: two clusters claiming one network',
    build: (c) => {
      new EastWestGateway(c, 'c1', { network: 'network1', cluster: 'cluster1', deployWorkload: false });
      new EastWestGateway(c, 'c2', { network: 'network1', cluster: 'cluster2', deployWorkload: false });
    },
  },
];

/** Every bad input: the core cases above, then each topic's. */
export const BAD_INPUTS: BadInput[] = [...CORE_BAD_INPUTS, ...TOPICS.flatMap((t) => t.bad)];

/** Valid inputs that must synthesize (a rule is never stricter than the system it protects). */
export const VALID_INPUTS: ValidInput[] = TOPICS.flatMap((t) => t.valid);
