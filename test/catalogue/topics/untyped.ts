import { Chart, Duration } from 'cdk8s';
import {
  ApiFlavor,
  Backend,
  BackendPolicy,
  EastWestGateway,
  EgressRoute,
  FaultInjection,
  GatewayListener,
  GatewayValidation,
  HttpbinExposure,
  HttpRouteAction,
  HttpRouteRule,
  IngressGateway,
  PathMatch,
  RouteNamespaces,
  ServerTls,
  StringMatch,
  RemoteNetworkGateway,
  GatewayAddress,
  SuppressibleRule,
} from '../../../src';
import { CatalogueTopic } from '../topic';

/*
 * Untyped callers: plain JavaScript, and values read from YAML files or environment variables and
 * passed through untyped variables. TypeScript (and jsii's type checks for Python, Java and Go)
 * reject these at the call; here they must fail at synth with one message that names the field,
 * the value and the fix. `any` stands for what such a caller passes.
 */

const u = (value: unknown): any => value;

function gateway(chart: Chart, listeners: GatewayListener[] = [GatewayListener.http()], api = ApiFlavor.ISTIO) {
  return new IngressGateway(chart, 'gw', { api, name: 'gw', listeners });
}

function rule(chart: Chart, r: Partial<HttpRouteRule>) {
  gateway(chart).addHttpRoute('route', { name: 'route', rules: [{ forwardTo: [{ service: 'web', port: 80 }], ...r }] });
}

const svc = Backend.service('web', { port: 80 });

export const TOPIC: CatalogueTopic = {
  bad: [
    // Gateways and listeners
    { name: 'untyped: gateway api as an unknown string', build: (c) => new IngressGateway(c, 'gw', { api: u('GATEWAYAPI'), name: 'gw', listeners: [GatewayListener.http()] }) },
    { name: 'untyped: gateway api as the enum member name', build: (c) => new IngressGateway(c, 'gw', { api: u('GATEWAY_API'), name: 'gw', listeners: [GatewayListener.http()] }) },
    { name: 'untyped: gateway props not an object', build: (c) => new IngressGateway(c, 'gw', u('gw')) },
    { name: 'untyped: gateway namespace null', build: (c) => new IngressGateway(c, 'gw', { name: 'gw', namespace: u(null), listeners: [GatewayListener.http()] }) },
    { name: 'untyped: gateway selector value a number', build: (c) => new IngressGateway(c, 'gw', { name: 'gw', selector: u({ istio: 'ingressgateway', version: 2 }), listeners: [GatewayListener.http()] }) },
    { name: 'untyped: listener port as a string', build: (c) => gateway(c, [GatewayListener.http(), GatewayListener.http({ port: u('8080') })]) },
    { name: 'untyped: listener port NaN', build: (c) => gateway(c, [GatewayListener.tcp({ port: Number('port') })]) },
    { name: 'untyped: listener port Infinity', build: (c) => gateway(c, [GatewayListener.http({ port: Infinity })]) },
    { name: 'untyped: listener hosts as one string', build: (c) => gateway(c, [GatewayListener.http({ hosts: u('a.example.com') })]) },
    { name: 'untyped: listener hosts as an object', build: (c) => gateway(c, [GatewayListener.http({ hosts: u({ host: 'a.example.com' }) })]) },
    // eslint-disable-next-line no-sparse-arrays
    { name: 'untyped: hole in a listener host list', build: (c) => gateway(c, [GatewayListener.http({ hosts: u([, 'a.example.com']) })]) },
    { name: 'untyped: null in a listener host list', build: (c) => gateway(c, [GatewayListener.http({ hosts: u(['a.example.com', null]) })]) },
    { name: 'untyped: listener as a plain object', build: (c) => gateway(c, [u({ protocol: 'HTTP', port: 80, hosts: ['*'] })]) },
    { name: 'untyped: addListener() with a plain object', build: (c) => gateway(c).addListener(u({ protocol: 'TCP', port: 9000 })) },
    { name: 'untyped: httpsRedirect as the string "true"', build: (c) => gateway(c, [GatewayListener.http({ httpsRedirect: u('true') })]) },
    { name: 'untyped: TLS credential as an object', build: (c) => gateway(c, [GatewayListener.https({ tls: ServerTls.simple(u({ name: 'cert' })) })]) },
    { name: 'untyped: TLS version as an unknown string', build: (c) => gateway(c, [GatewayListener.https({ tls: ServerTls.simple('cert', { minProtocolVersion: u('TLSv1.3') }) })]) },
    { name: 'untyped: HTTPS listener tls as a plain object', build: (c) => gateway(c, [GatewayListener.https({ tls: u({ mode: 'SIMPLE', credentialName: 'cert' }) })]) },
    { name: 'untyped: routeNamespaces.named() with one string', build: (c) => gateway(c, [GatewayListener.http({ routeNamespaces: RouteNamespaces.named(u('team-a')) })]) },
    { name: 'untyped: fromGatewayName() api as an unknown string', build: (c) => IngressGateway.fromGatewayName(c, 'gw', 'istio-system/gw', u('k8s')) },

    // HTTP routes
    { name: 'untyped: route hosts as one string', build: (c) => gateway(c).addHttpRoute('route', { name: 'route', hosts: u('shop.example.com'), forwardTo: [{ service: 'web', port: 80 }] }) },
    { name: 'untyped: route options not an object', build: (c) => gateway(c).addHttpRoute('route', u('shop')) },
    {
      name: 'untyped: forwardTo weight as a string',
      build: (c) => rule(c, { forwardTo: [{ service: 'a', port: 80 }, { service: 'b', port: 80 }, { service: 'c', port: 80, weight: u('50') }] }),
    },
    { name: 'untyped: forwardTo as one object', build: (c) => rule(c, { forwardTo: u({ service: 'web', port: 80 }) }) },
    { name: 'untyped: Backend.service() port as a string', build: (c) => rule(c, { forwardTo: undefined, action: HttpRouteAction.forward([Backend.service('web', { port: u('80') })]) }) },
    { name: 'untyped: action as a plain object', build: (c) => rule(c, { forwardTo: undefined, action: u({ kind: 'forward', backends: [svc] }) }) },
    { name: 'untyped: backend as a plain object', build: (c) => rule(c, { forwardTo: undefined, action: HttpRouteAction.forward(u([{ serviceName: 'web', port: 80 }])) }) },
    { name: 'untyped: timeout as the string "30s"', build: (c) => rule(c, { timeout: u('30s') }) },
    { name: 'untyped: timeout as the number 0', build: (c) => rule(c, { timeout: u(0) }) },
    { name: 'untyped: timeout as a number without a unit', build: (c) => rule(c, { timeout: u(30) }) },
    { name: 'untyped: timeout Duration of zero', build: (c) => rule(c, { timeout: Duration.seconds(0) }) },
    { name: 'untyped: path match as a string', build: (c) => rule(c, { matches: [{ path: u('/api') }] }) },
    { name: 'untyped: path match as a plain object', build: (c) => rule(c, { matches: [{ path: u({ kind: 'prefix', value: '/api' }) }] }) },
    { name: 'untyped: PathMatch.prefix() of a number', build: (c) => rule(c, { matches: [{ path: PathMatch.prefix(u(42)) }] }) },
    { name: 'untyped: header match value as a string', build: (c) => rule(c, { matches: [{ headers: [{ name: 'x-user', value: u('alice') }] }] }) },
    { name: 'untyped: matches as one object', build: (c) => rule(c, { matches: u({ path: PathMatch.prefix('/api') }) }) },
    { name: 'untyped: retries as a number', build: (c) => rule(c, { retries: u(3) }) },
    { name: 'untyped: retry attempts as a string', build: (c) => rule(c, { retries: { attempts: u('3'), retryOn: u('5xx') } }) },
    { name: 'untyped: fault delay as a string', build: (c) => rule(c, { fault: FaultInjection.delay(u('2s'), u('50')) }) },
    { name: 'untyped: CORS allowCredentials as the string "false"', build: (c) => rule(c, { cors: { allowOrigins: ['https://app.example.com'], allowCredentials: u('false') } }) },
    { name: 'untyped: CORS maxAge as a number', build: (c) => rule(c, { cors: { allowOrigins: ['https://app.example.com'], maxAge: u(86400) } }) },
    { name: 'untyped: header edit value as an object', build: (c) => rule(c, { requestHeaders: { set: u({ 'x-env': { value: 'prod' } }) } }) },
    { name: 'untyped: mirror backend as a plain object', build: (c) => rule(c, { mirror: u({ backend: { serviceName: 'shadow', port: 80 } }) }) },
    { name: 'untyped: redirect status as a string', build: (c) => rule(c, { forwardTo: undefined, action: HttpRouteAction.redirect({ scheme: 'https', statusCode: u('301') }) }) },
    { name: 'untyped: addRule() with null', build: (c) => gateway(c).addHttpRoute('route', { name: 'route', forwardTo: [{ service: 'web', port: 80 }] }).addRule(u(null)) },
    {
      name: 'untyped: addHttpRoutes() id as a number',
      build: (c) => gateway(c).addHttpRoutes([u({ id: 'shop', name: 'shop', forwardTo: [{ service: 'web', port: 80 }] }), u({ id: 2, name: 'two', forwardTo: [{ service: 'two', port: 80 }] })]),
    },
    { name: 'untyped: addHttpRoutes() with one object', build: (c) => gateway(c).addHttpRoutes(u({ id: 'shop', forwardTo: [{ service: 'web', port: 80 }] })) },

    // TLS and TCP routes
    {
      name: 'untyped: TCP route port as a string',
      build: (c) => gateway(c, [GatewayListener.tcp({ port: 9000 })]).addTcpRoute('tcp', { name: 'tcp', port: u('9000'), backends: [Backend.service('db', { port: 5432 })] }),
    },
    {
      name: 'untyped: TLS route hosts as one string',
      build: (c) => gateway(c, [GatewayListener.tlsPassthrough({ hosts: ['*.example.com'] })]).addTlsRoute('tls', { name: 'tls', hosts: u('db.example.com'), backends: [Backend.service('db', { port: 443 })] }),
    },

    // Backend policies
    { name: 'untyped: subset label value as a number', build: (c) => new BackendPolicy(c, 'p', { serviceName: 'reviews', subsets: [{ name: 'v1', labels: u({ version: 1 }) }] }) },
    { name: 'untyped: policy TLS mode in lower case', build: (c) => new BackendPolicy(c, 'p', { serviceName: 'reviews', tls: u('istio_mutual') }) },
    { name: 'untyped: connect timeout as a string', build: (c) => new BackendPolicy(c, 'p', { serviceName: 'reviews', connectionPool: { connectTimeout: u('5s'), maxConnections: u('100') } }) },
    { name: 'untyped: subsets as one object', build: (c) => new BackendPolicy(c, 'p', { serviceName: 'reviews', subsets: u({ name: 'v1', labels: { version: 'v1' } }) }) },

    // Egress
    { name: 'untyped: egress mode as an unknown string', build: (c) => new EgressRoute(c, 'egress', { host: 'api.example.com', mode: u('tls') }) },
    { name: 'untyped: egress ports as one string', build: (c) => new EgressRoute(c, 'egress', { host: 'api.example.com', ports: u('443') }) },
    { name: 'untyped: egress mutualTls as the string "false"', build: (c) => new EgressRoute(c, 'egress', { host: 'api.example.com', mutualTls: u('false') }) },
    { name: 'untyped: egress host missing', build: (c) => new EgressRoute(c, 'egress', u({ mode: 'HTTP' })) },

    // East-west
    { name: 'untyped: east-west mode in upper case', build: (c) => new EastWestGateway(c, 'ew', { network: 'network1', api: ApiFlavor.GATEWAY_API, mode: u('AMBIENT') }) },
    { name: 'untyped: east-west network as a number', build: (c) => new EastWestGateway(c, 'ew', { network: u(1) }) },
    { name: 'untyped: east-west exposeIstiod as the string "false"', build: (c) => new EastWestGateway(c, 'ew', { network: 'network1', exposeIstiod: u('false') }) },

    // httpbin
    { name: 'untyped: httpbin paths as one string', build: (c) => new HttpbinExposure(c, 'httpbin', { paths: u('/status'), deployWorkload: false }) },
    { name: 'untyped: httpbin port as a string', build: (c) => new HttpbinExposure(c, 'httpbin', { port: u('80'), deployWorkload: false }) },

    // Gateway workload
    { name: 'untyped: workload replicas as a string', build: (c) => new IngressGateway(c, 'gw', { name: 'gw', listeners: [GatewayListener.http()], workload: { replicas: u('3'), autoscaling: { enabled: false } } }) },
    { name: 'untyped: workload service type in lower case', build: (c) => new IngressGateway(c, 'gw', { name: 'gw', listeners: [GatewayListener.http()], workload: { serviceType: u('loadbalancer') } }) },
    { name: 'untyped: workload as a string', build: (c) => new IngressGateway(c, 'gw', { name: 'gw', listeners: [GatewayListener.http()], workload: u('istio-ingressgateway') }) },
    { name: 'untyped: egress lock-down option misspelt', build: (c) => new EgressRoute(c, 'egress', u({ name: 'api', host: 'api.example.com', allowedClient: { namespaces: ['default'] } })) },
    {
      name: 'untyped: egress NetworkPolicy option misspelt',
      build: (c) => new EgressRoute(c, 'egress', { name: 'api', host: 'api.example.com', clientNetworkPolicy: u({ allowedNamespace: ['db'] }) }),
    },
    { name: 'untyped: remote network gateway given exposeIstiod', build: (c) => new RemoteNetworkGateway(c, 'remote', u({ network: 'network2', address: GatewayAddress.ip('192.0.2.10'), exposeIstiod: true })) },

    // Suppressions
    { name: 'untyped: suppression reason null', build: (c) => GatewayValidation.suppress(gateway(c), SuppressibleRule.SHARED_CREDENTIAL, u(null)) },
    { name: 'untyped: suppression of a rule given by its member name', build: (c) => GatewayValidation.suppress(gateway(c), u('SHARED_CREDENTIAL'), 'one wildcard certificate') },
  ],
  expected: {
    'untyped: suppression reason null': [
      '[c/gw] suppression of shared-credential needs a reason; say why it is safe here.',
    ],
    'untyped: suppression of a rule given by its member name': [
      '[c/gw] suppression: rule is the string "SHARED_CREDENTIAL", which is not a SuppressibleRule; use one of SuppressibleRule.ROUTE_HOST_NOT_SERVED ("route-host-not-served"), SuppressibleRule.SHARED_CREDENTIAL ("shared-credential"), SuppressibleRule.MERGED_ROUTES ("merged-routes"), SuppressibleRule.SERVICE_PORT_MISSING ("service-port-missing").',
    ],
    'untyped: gateway api as an unknown string': [
      '[c/gw] api is the string "GATEWAYAPI", which is not a value of ApiFlavor; use one of ApiFlavor.ISTIO ("istio"), ApiFlavor.GATEWAY_API ("gateway-api").',
    ],
    'untyped: gateway api as the enum member name': [
      '[c/gw] api is the string "GATEWAY_API", which is not a value of ApiFlavor; use ApiFlavor.GATEWAY_API (the string "gateway-api").',
    ],
    'untyped: gateway props not an object': [
      '[c/gw] props is the string "gw"; use an object like { listeners: [GatewayListener.http()] }.',
    ],
    'untyped: gateway namespace null': [
      '[c/gw] namespace is null; leave it out for the default.',
    ],
    'untyped: gateway selector value a number': [
      '[c/gw] selector.version is the number 2; use the string "2".',
    ],
    'untyped: listener port as a string': [
      '[c/gw] listeners[1].port is the string "8080"; use a number like 8080, not the string "8080".',
    ],
    'untyped: listener port NaN': [
      '[c/gw] listeners[0].port is NaN; use a finite number like 8080.',
    ],
    'untyped: listener port Infinity': [
      '[c/gw] listeners[0].port is Infinity; use a finite number like 8080.',
    ],
    'untyped: listener hosts as one string': [
      '[c/gw] listeners[0].hosts is the string "a.example.com"; use a list like ["a.example.com"].',
    ],
    'untyped: listener hosts as an object': [
      '[c/gw] listeners[0].hosts is the object {"host":"a.example.com"}; use a list like ["shop.example.com"].',
    ],
    'untyped: hole in a listener host list': [
      '[c/gw] listeners[0].hosts[0] is a hole in the list (an extra comma, as in [, "x"]); remove it.',
    ],
    'untyped: null in a listener host list': [
      '[c/gw] listeners[0].hosts[1] is null; remove it from the list.',
    ],
    'untyped: listener as a plain object': [
      '[c/gw] listeners[0] is a plain object, not a GatewayListener; make it with GatewayListener.http(), .https(), .tlsPassthrough(), .tcp(), .autoPassthrough() or .hbone().',
    ],
    'untyped: addListener() with a plain object': [
      '[c/gw] listeners[1] is a plain object, not a GatewayListener; make it with GatewayListener.http(), .https(), .tlsPassthrough(), .tcp(), .autoPassthrough() or .hbone().',
    ],
    'untyped: httpsRedirect as the string "true"': [
      '[c/gw] listeners[0].httpsRedirect is the string "true"; use true or false, not a string.',
    ],
    'untyped: TLS credential as an object': [
      '[c/gw] listeners[0].tls.credentialName is the object {"name":"cert"}; use a string like "my-cert".',
    ],
    'untyped: TLS version as an unknown string': [
      '[c/gw] listeners[0].tls.minProtocolVersion is the string "TLSv1.3", which is not a value of TlsVersion; use one of TlsVersion.TLS_V1_2 ("TLSV1_2"), TlsVersion.TLS_V1_3 ("TLSV1_3").',
    ],
    'untyped: HTTPS listener tls as a plain object': [
      '[c/gw] listeners[0].tls is a plain object, not a ServerTls; make it with ServerTls.simple(), ServerTls.mutual() or ServerTls.optionalMutual().',
    ],
    'untyped: routeNamespaces.named() with one string': [
      '[c/gw] listeners[0].routeNamespaces.namespaces is the string "team-a"; use a list like ["team-a"].',
    ],
    'untyped: fromGatewayName() api as an unknown string': [
      '[c/gw] api is the string "k8s", which is not a value of ApiFlavor; use one of ApiFlavor.ISTIO ("istio"), ApiFlavor.GATEWAY_API ("gateway-api").',
    ],
    'untyped: route hosts as one string': [
      '[c/gw/route] hosts is the string "shop.example.com"; use a list like ["shop.example.com"].',
    ],
    'untyped: route options not an object': [
      '[c/gw/route] options is the string "shop"; use an object like { hosts: ["shop.example.com"], rules: [...] }.',
    ],
    'untyped: forwardTo weight as a string': [
      '[c/gw/route] rules[0].forwardTo[2].weight is the string "50"; use a number like 50, not the string "50".',
    ],
    'untyped: forwardTo as one object': [
      '[c/gw/route] rules[0].forwardTo is the object {"service":"web","port":80}; use a list like [{ service: "web", port: 80 }].',
    ],
    'untyped: Backend.service() port as a string': [
      '[c/gw/route] rules[0].action.backends[0].port is the string "80"; use a number like 80, not the string "80".',
    ],
    'untyped: action as a plain object': [
      '[c/gw/route] rules[0].action is a plain object, not a HttpRouteAction; make it with HttpRouteAction.forward(), .forwardTo(), .redirect() or .directResponse().',
    ],
    'untyped: backend as a plain object': [
      '[c/gw/route] rules[0].action.backends[0] is a plain object, not a Backend; make it with Backend.service(name, { port }).',
    ],
    'untyped: timeout as the string "30s"': [
      '[c/gw/route] rules[0].timeout is the string "30s"; use Duration.seconds(30).',
    ],
    'untyped: timeout as the number 0': [
      '[c/gw/route] rules[0].timeout is the number 0; leave it out for no timeout.',
    ],
    'untyped: timeout as a number without a unit': [
      '[c/gw/route] rules[0].timeout is the number 30, which has no unit; use e.g. Duration.seconds(30) or Duration.millis(30).',
    ],
    'untyped: timeout Duration of zero': [
      '[c/gw/route] rule #0: timeout of 0ms is shorter than the 1ms Istio accepts; leave it out for no timeout.',
    ],
    'untyped: path match as a string': [
      '[c/gw/route] rules[0].matches[0].path is the string "/api", not a PathMatch; make it with PathMatch.prefix(), PathMatch.exact() or PathMatch.regex().',
    ],
    'untyped: path match as a plain object': [
      '[c/gw/route] rules[0].matches[0].path is a plain object, not a PathMatch; make it with PathMatch.prefix(), PathMatch.exact() or PathMatch.regex().',
    ],
    'untyped: PathMatch.prefix() of a number': [
      '[c/gw/route] rules[0].matches[0].path.value is the number 42; use the string "42".',
    ],
    'untyped: header match value as a string': [
      '[c/gw/route] rules[0].matches[0].headers[0].value is the string "alice", not a StringMatch; make it with StringMatch.exact(), StringMatch.prefix() or StringMatch.regex().',
    ],
    'untyped: matches as one object': [
      '[c/gw/route] rules[0].matches is the object {"path":{"kind":"prefix","value":"/api"}}; use a list like [{ path: PathMatch.prefix("/api") }].',
    ],
    'untyped: retries as a number': [
      '[c/gw/route] rules[0].retries is the number 3; use an object like { attempts: 3 }.',
    ],
    'untyped: retry attempts as a string': [
      '[c/gw/route] rules[0].retries.attempts is the string "3"; use a number like 3, not the string "3".',
      '[c/gw/route] rules[0].retries.retryOn is the string "5xx"; use a list like ["5xx"].',
    ],
    'untyped: fault delay as a string': [
      '[c/gw/route] rules[0].fault.delay is the string "2s"; use Duration.seconds(2).',
      '[c/gw/route] rules[0].fault.percentage is the string "50"; use a number like 50, not the string "50".',
    ],
    'untyped: CORS allowCredentials as the string "false"': [
      '[c/gw/route] rules[0].cors.allowCredentials is the string "false"; use false or true, not a string.',
    ],
    'untyped: CORS maxAge as a number': [
      '[c/gw/route] rules[0].cors.maxAge is the number 86400, which has no unit; use e.g. Duration.seconds(86400) or Duration.millis(86400).',
    ],
    'untyped: header edit value as an object': [
      '[c/gw/route] rules[0].requestHeaders.set["x-env"] is the object {"value":"prod"}; use a string like "value".',
    ],
    'untyped: mirror backend as a plain object': [
      '[c/gw/route] rules[0].mirror.backend is a plain object, not a Backend; make it with Backend.service(name, { port }).',
    ],
    'untyped: redirect status as a string': [
      '[c/gw/route] rules[0].action.statusCode is the string "301"; use a number like 301, not the string "301".',
    ],
    'untyped: addRule() with null': [
      '[c/gw/route] rules[0] is null; use an object like { matches: [...], forwardTo: [{ service: "web", port: 80 }] }.',
    ],
    'untyped: addHttpRoutes() id as a number': ['[c/gw] addHttpRoutes() routes[1].id is the number 2; use the string "2".'],
    'untyped: addHttpRoutes() with one object': [
      '[c/gw] addHttpRoutes() routes is the object {"id":"shop","forwardTo":[{"service":"web","port":80}]}; use a list like [{ id: "shop", hosts: ["shop.example.com"], forwardTo: [{ service: "web", port: 80 }] }].',
    ],
    'untyped: TCP route port as a string': [
      '[c/gw/tcp] port is the string "9000"; use a number like 9000, not the string "9000".',
    ],
    'untyped: TLS route hosts as one string': [
      '[c/gw/tls] hosts is the string "db.example.com"; use a list like ["db.example.com"].',
    ],
    'untyped: subset label value as a number': [
      '[c/p] subsets[0].labels.version is the number 1; use the string "1".',
    ],
    'untyped: policy TLS mode in lower case': [
      '[c/p] tls is the string "istio_mutual", which is not a value of BackendTlsMode; use BackendTlsMode.ISTIO_MUTUAL (the string "ISTIO_MUTUAL").',
    ],
    'untyped: connect timeout as a string': [
      '[c/p] connectionPool.maxConnections is the string "100"; use a number like 100, not the string "100".',
      '[c/p] connectionPool.connectTimeout is the string "5s"; use Duration.seconds(5).',
    ],
    'untyped: subsets as one object': [
      '[c/p] subsets is the object {"name":"v1","labels":{"version":"v1"}}; use a list like [{ name: "v1", labels: { version: "v1" } }].',
    ],
    'untyped: egress mode as an unknown string': [
      '[c/egress] mode is the string "tls", which is not a value of EgressMode; use one of EgressMode.HTTP ("HTTP"), EgressMode.TLS_PASSTHROUGH ("TLS_PASSTHROUGH"), EgressMode.TLS_ORIGINATION ("TLS_ORIGINATION").',
    ],
    'untyped: egress ports as one string': [
      '[c/egress] ports is the string "443"; use a list like [443].',
    ],
    'untyped: egress mutualTls as the string "false"': [
      '[c/egress] mutualTls is the string "false"; use false or true, not a string.',
    ],
    'untyped: egress host missing': [
      '[c/egress] host is missing; give the external host, like "api.example.com".',
    ],
    'untyped: east-west mode in upper case': [
      '[c/ew] mode is the string "AMBIENT", which is not a value of EastWestMode; use EastWestMode.AMBIENT (the string "ambient").',
    ],
    'untyped: east-west network as a number': [
      '[c/ew] network is the number 1; use the string "1".',
    ],
    'untyped: east-west exposeIstiod as the string "false"': [
      '[c/ew] exposeIstiod is the string "false"; use false or true, not a string.',
    ],
    'untyped: httpbin paths as one string': [
      '[c/httpbin] paths is the string "/status"; use a list like ["/status"].',
    ],
    'untyped: httpbin port as a string': [
      '[c/httpbin] port is the string "80"; use a number like 80, not the string "80".',
    ],
    'untyped: workload replicas as a string': [
      '[c/gw/Workload] replicas is the string "3"; use a number like 3, not the string "3".',
    ],
    'untyped: workload service type in lower case': [
      '[c/gw/Workload] serviceType is the string "loadbalancer", which is not a value of ServiceType; use ServiceType.LOAD_BALANCER (the string "LoadBalancer").',
    ],
    'untyped: workload as a string': [
      '[c/gw] workload is the string "istio-ingressgateway"; use an object like { replicas: 2 }.',
    ],
    'untyped: egress lock-down option misspelt': ['[c/egress] allowedClient is not an option here, so it would be ignored; did you mean allowedClients?'],
    'untyped: egress NetworkPolicy option misspelt': ['[c/egress] clientNetworkPolicy.allowedNamespace is not an option here, so it would be ignored; did you mean allowedNamespaces?'],
    'untyped: remote network gateway given exposeIstiod': [
      '[c/remote] exposeIstiod is not an option here, so it would be ignored; the options are network, address, port, name, namespace.',
    ],
  },
  valid: [
    { name: 'untyped: listener port as the number 8080', build: (c) => gateway(c, [GatewayListener.http({ port: 8080 })]) },
    { name: 'untyped: api as the plain string value "gateway-api"', build: (c) => gateway(c, [GatewayListener.http()], u('gateway-api')) },
    {
      name: 'untyped: forwardTo weights as numbers, timeout as a Duration',
      build: (c) => rule(c, { forwardTo: [{ service: 'a', port: 80, weight: 50 }, { service: 'b', port: 80, weight: 50 }], timeout: Duration.seconds(30) }),
    },
    { name: 'untyped: matches made by the factories', build: (c) => rule(c, { matches: [{ path: PathMatch.prefix('/api'), headers: [{ name: 'x-user', value: StringMatch.exact('alice') }] }] }) },
    { name: 'untyped: policy with string labels and a Duration', build: (c) => new BackendPolicy(c, 'p', { serviceName: 'reviews', subsets: [{ name: 'v1', labels: { version: 'v1' } }], connectionPool: { connectTimeout: Duration.seconds(5) } }) },
    { name: 'untyped: egress mode as its plain string value', build: (c) => new EgressRoute(c, 'egress', { host: 'api.example.com', mode: u('TLS_PASSTHROUGH'), ports: [443] }) },
  ],
};
