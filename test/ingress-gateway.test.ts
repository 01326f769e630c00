import { Duration } from 'cdk8s';
import {
  ApiFlavor,
  Backend,
  BackendPolicy,
  FaultInjection,
  GatewayListener,
  HttpRoute,
  HttpRouteAction,
  IngressGateway,
  LoadBalancerAlgorithm,
  PathMatch,
  RouteNamespaces,
  ServerTls,
  StringMatch,
  TlsVersion,
} from '../src';
import { only, synthObjects, testChart, validationErrors } from './support/synth';

const svc = (name: string, port = 8000, extra = {}) => Backend.service(name, { port, ...extra });

function secureGateway(api: ApiFlavor) {
  const chart = testChart();
  const gateway = new IngressGateway(chart, 'gw', {
    api,
    name: 'secure',
    listeners: [
      GatewayListener.http({ hosts: ['httpbin.example.com'], httpsRedirect: true }),
      GatewayListener.https({ hosts: ['httpbin.example.com'], tls: ServerTls.simple('httpbin-credential') }),
      GatewayListener.https({
        name: 'https-mtls',
        port: 8443,
        hosts: ['mtls.example.com'],
        tls: ServerTls.mutual('mtls-credential'),
      }),
      GatewayListener.tlsPassthrough({ name: 'tls-passthrough', port: 9443, hosts: ['nginx.example.com'] }),
      GatewayListener.tcp({ port: 31400 }),
    ],
  });
  gateway.addHttpRoute('httpbin', {
    name: 'httpbin',
    hosts: ['httpbin.example.com', 'mtls.example.com'],
    rules: [{ matches: [{ path: PathMatch.prefix('/status') }], action: HttpRouteAction.forward([svc('httpbin')]) }],
  });
  gateway.addTlsRoute('nginx', { name: 'nginx', hosts: ['nginx.example.com'], backends: [svc('my-nginx', 443)] });
  gateway.addTcpRoute('echo', { name: 'tcp-echo', port: 31400, backends: [svc('tcp-echo', 9000)] });
  return synthObjects(chart);
}

describe('listeners with the Istio API', () => {
  const objects = secureGateway(ApiFlavor.ISTIO);
  const servers = only(objects, 'Gateway').spec.servers;

  test('HTTP redirects to HTTPS; HTTPS SIMPLE terminates with the credential at TLS 1.2 or later', () => {
    expect(servers[0]).toEqual({
      port: { number: 80, name: 'http', protocol: 'HTTP' },
      hosts: ['./httpbin.example.com'],
      tls: { httpsRedirect: true },
    });
    expect(servers[1]).toEqual({
      port: { number: 443, name: 'https', protocol: 'HTTPS' },
      hosts: ['./httpbin.example.com'],
      tls: { mode: 'SIMPLE', credentialName: 'httpbin-credential', minProtocolVersion: 'TLSV1_2' },
    });
  });

  test('MUTUAL checks client certificates against the credential; TLS passes through; TCP is opaque', () => {
    expect(servers[2].tls).toEqual({ mode: 'MUTUAL', credentialName: 'mtls-credential', minProtocolVersion: 'TLSV1_2' });
    expect(servers[3]).toEqual({
      port: { number: 9443, name: 'tls-passthrough', protocol: 'TLS' },
      hosts: ['./nginx.example.com'],
      tls: { mode: 'PASSTHROUGH' },
    });
    expect(servers[4]).toEqual({ port: { number: 31400, name: 'tcp-31400', protocol: 'TCP' }, hosts: ['./*'] });
  });

  test('the SNI route sends nginx.example.com to my-nginx:443 untouched; the TCP route sends 31400 to tcp-echo:9000', () => {
    const nginx = only(objects, 'VirtualService', 'nginx');
    expect(nginx.spec.tls).toEqual([
      {
        match: [{ sniHosts: ['nginx.example.com'] }],
        route: [{ destination: { host: 'my-nginx.default.svc.cluster.local', port: { number: 443 } } }],
      },
    ]);
    const echo = only(objects, 'VirtualService', 'tcp-echo');
    expect(echo.spec.tcp).toEqual([
      { match: [{ port: 31400 }], route: [{ destination: { host: 'tcp-echo.default.svc.cluster.local', port: { number: 9000 } } }] },
    ]);
    expect(echo.spec.gateways).toEqual(['default/secure']);
  });
});

describe('listeners with the Gateway API', () => {
  const objects = secureGateway(ApiFlavor.GATEWAY_API);
  const gateway = only(objects, 'Gateway');

  test('HTTPS terminates with a certificateRef; mutual TLS validates clients on its port with the credential\'s CA', () => {
    const https = gateway.spec.listeners.find((l: any) => l.name === 'https');
    expect(https.tls).toEqual({ mode: 'Terminate', certificateRefs: [{ kind: 'Secret', name: 'httpbin-credential' }] });
    expect(gateway.spec.tls.frontend.perPort).toEqual([
      {
        port: 8443,
        tls: { validation: { caCertificateRefs: [{ group: '', kind: 'Secret', name: 'mtls-credential' }], mode: 'AllowValidOnly' } },
      },
    ]);
    expect(gateway.spec.listeners.find((l: any) => l.name === 'tls-passthrough').tls).toEqual({ mode: 'Passthrough' });
    expect(gateway.spec.listeners.find((l: any) => l.name === 'tcp-31400').protocol).toBe('TCP');
  });

  test('the HTTPS redirect is an HTTPRoute bound to the HTTP listener only, answering 301 to https', () => {
    const redirect = only(objects, 'HTTPRoute', 'secure-https-redirect');
    expect(redirect.spec.parentRefs).toEqual([{ name: 'secure', namespace: 'default', sectionName: 'http' }]);
    expect(redirect.spec.rules).toEqual([{ filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } }] }]);
  });

  test('a redirecting listener admits the gateway\'s own namespace, where its redirect route is, whatever routeNamespaces says', () => {
    const chart = testChart('istio-ingress');
    const teams = RouteNamespaces.named(['team-a', 'team-b']);
    new IngressGateway(chart, 'gw', {
      api: ApiFlavor.GATEWAY_API,
      name: 'public',
      listeners: [
        GatewayListener.http({ hosts: ['shop.example.com'], httpsRedirect: true, routeNamespaces: teams }),
        GatewayListener.https({ hosts: ['shop.example.com'], tls: ServerTls.simple('cert'), routeNamespaces: teams }),
      ],
    });
    const out = synthObjects(chart);
    const listeners = only(out, 'Gateway').spec.listeners;
    expect(listeners.find((l: any) => l.name === 'http').allowedRoutes).toEqual({ namespaces: { from: 'Same' } });
    expect(listeners.find((l: any) => l.name === 'https').allowedRoutes.namespaces.from).toBe('Selector');
    expect(only(out, 'HTTPRoute', 'public-https-redirect').metadata.namespace).toBe('istio-ingress');
  });

  test('with a redirecting HTTP listener, a route binds to the HTTPS listeners that serve one of its hosts', () => {
    const chart = testChart();
    const gw = new IngressGateway(chart, 'gw', {
      api: ApiFlavor.GATEWAY_API,
      name: 'public',
      listeners: [
        GatewayListener.http({ hosts: ['shop.example.com', 'api.example.com'], httpsRedirect: true }),
        GatewayListener.https({ hosts: ['shop.example.com', 'api.example.com'], tls: ServerTls.simple('cert') }),
        GatewayListener.https({ name: 'partner', port: 8443, hosts: ['partner.example.com'], tls: ServerTls.mutual('partner-cert') }),
        GatewayListener.https({ name: 'any', port: 9443, hosts: ['*'], tls: ServerTls.simple('any-cert') }),
      ],
    });
    gw.addHttpRoute('api', { name: 'api', hosts: ['api.example.com', 'partner.example.com'], forwardTo: [{ service: 'api', port: 80 }] });
    const route = only(synthObjects(chart), 'HTTPRoute', 'api');
    expect(route.spec.parentRefs.map((p: any) => p.sectionName)).toEqual(['https-1', 'partner', 'any']);
  });

  test('with a redirecting HTTP listener, application routes bind to the HTTPS listeners only', () => {
    const httpbin = only(objects, 'HTTPRoute', 'httpbin');
    expect(httpbin.spec.parentRefs).toEqual([
      { name: 'secure', namespace: 'default', sectionName: 'https' },
      { name: 'secure', namespace: 'default', sectionName: 'https-mtls' },
    ]);
  });

  test('TLSRoute and TCPRoute carry the SNI host and the port', () => {
    const tls = only(objects, 'TLSRoute', 'nginx');
    expect(tls.spec).toEqual({
      parentRefs: [{ name: 'secure', namespace: 'default' }],
      hostnames: ['nginx.example.com'],
      rules: [{ backendRefs: [{ name: 'my-nginx', namespace: 'default', port: 443 }] }],
    });
    const tcp = only(objects, 'TCPRoute', 'tcp-echo');
    expect(tcp.spec.parentRefs).toEqual([{ name: 'secure', namespace: 'default', port: 31400 }]);
  });
});

describe('HTTP route features', () => {
  function route(api: ApiFlavor, rule: any) {
    const chart = testChart();
    const gateway = new IngressGateway(chart, 'gw', { api, name: 'gw', listeners: [GatewayListener.http()] });
    gateway.addHttpRoute('r', { name: 'r', rules: [rule] });
    return synthObjects(chart);
  }

  test('a 90/10 split with retries, a timeout, header edits and CORS (Istio API)', () => {
    const chart = testChart();
    new BackendPolicy(chart, 'reviews', {
      serviceName: 'reviews',
      subsets: [{ name: 'v1', labels: { version: 'v1' } }, { name: 'v2', labels: { version: 'v2' } }],
      loadBalancer: LoadBalancerAlgorithm.LEAST_REQUEST,
      connectionPool: { maxConnections: 100, maxPendingRequests: 10 },
      outlierDetection: { consecutive5xxErrors: 5, interval: Duration.seconds(10), baseEjectionTime: Duration.seconds(30) },
    });
    const gateway = new IngressGateway(chart, 'gw', { name: 'gw', listeners: [GatewayListener.http()] });
    gateway.addHttpRoute('r', {
      name: 'reviews',
      rules: [
        {
          action: HttpRouteAction.forward([svc('reviews', 9080, { subset: 'v1', weight: 90 }), svc('reviews', 9080, { subset: 'v2', weight: 10 })]),
          timeout: Duration.seconds(5),
          retries: { attempts: 3, perTryTimeout: Duration.seconds(2), retryOn: ['5xx', 'reset'] },
          requestHeaders: { set: { 'x-team': 'reviews' }, remove: ['x-debug'] },
          responseHeaders: { add: { 'x-served-by': 'gateway' } },
          cors: { allowOrigins: ['https://app.example.com'], allowMethods: ['GET'], maxAge: Duration.hours(1) },
        },
      ],
    });
    const objects = synthObjects(chart);
    const http = only(objects, 'VirtualService').spec.http[0];
    expect(http.route).toEqual([
      { destination: { host: 'reviews.default.svc.cluster.local', port: { number: 9080 }, subset: 'v1' }, weight: 90 },
      { destination: { host: 'reviews.default.svc.cluster.local', port: { number: 9080 }, subset: 'v2' }, weight: 10 },
    ]);
    expect(http.timeout).toBe('5s');
    expect(http.retries).toEqual({ attempts: 3, perTryTimeout: '2s', retryOn: '5xx,reset' });
    expect(http.headers).toEqual({ request: { set: { 'x-team': 'reviews' }, remove: ['x-debug'] }, response: { add: { 'x-served-by': 'gateway' } } });
    expect(http.corsPolicy).toEqual({ allowOrigins: [{ exact: 'https://app.example.com' }], allowMethods: ['GET'], maxAge: '3600s' });
    const dr = only(objects, 'DestinationRule');
    expect(dr.spec.trafficPolicy).toEqual({
      tls: { mode: 'ISTIO_MUTUAL' },
      loadBalancer: { simple: 'LEAST_REQUEST' },
      connectionPool: { tcp: { maxConnections: 100 }, http: { http1MaxPendingRequests: 10 } },
      outlierDetection: { consecutive5xxErrors: 5, interval: '10s', baseEjectionTime: '30s' },
    });
  });

  test('a wildcard CORS origin is a regular expression with the Istio API, as Istio converts the Gateway API\'s', () => {
    const chart = testChart();
    new IngressGateway(chart, 'gw', { name: 'gw', listeners: [GatewayListener.http()] }).addHttpRoute('r', {
      name: 'r',
      rules: [{ action: HttpRouteAction.forward([svc('app')]), cors: { allowOrigins: ['https://*.example.com', 'https://app.example.com', '*'] } }],
    });
    const cors = only(synthObjects(chart), 'VirtualService').spec.http[0].corsPolicy;
    // An exact "https://*.example.com" would match no Origin header a browser sends.
    expect(cors.allowOrigins).toEqual([{ regex: '^https://.*\\.example\\.com$' }, { exact: 'https://app.example.com' }, { regex: '.*' }]);
    expect(new RegExp(cors.allowOrigins[0].regex).test('https://shop.example.com')).toBe(true);
    expect(new RegExp(cors.allowOrigins[0].regex).test('https://example.com.evil.org')).toBe(false);
  });

  test('fault injection, mirroring and rewrites (Istio API)', () => {
    const http = only(
      route(ApiFlavor.ISTIO, {
        matches: [{ path: PathMatch.prefix('/api'), headers: [{ name: 'X-Test', value: StringMatch.exact('1') }] }],
        action: HttpRouteAction.forward([svc('api')]),
        fault: FaultInjection.delay(Duration.millis(1500), 10),
        mirror: { backend: svc('api-shadow'), percentage: 5 },
        rewrite: { pathPrefix: '/', host: 'api.internal' },
      }),
      'VirtualService',
    ).spec.http[0];
    expect(http.match).toEqual([{ uri: { prefix: '/api' }, headers: { 'x-test': { exact: '1' } } }]);
    expect(http.fault).toEqual({ delay: { fixedDelay: '1500ms', percentage: { value: 10 } } });
    expect(http.mirrors).toEqual([{ destination: { host: 'api-shadow.default.svc.cluster.local', port: { number: 8000 } }, percentage: { value: 5 } }]);
    // `/api` → `/` as Envoy's prefix_rewrite would send `/api/users` as `//users`: a segment-wise regex instead.
    expect(http.rewrite).toEqual({ uriRegexRewrite: { match: '^/api(?:/|$)(.*)$', rewrite: '/\\1' }, authority: 'api.internal' });
    const abort = only(route(ApiFlavor.ISTIO, { action: HttpRouteAction.forward([svc('api')]), fault: FaultInjection.abort(503, 50) }), 'VirtualService');
    expect(abort.spec.http[0].fault).toEqual({ abort: { httpStatus: 503, percentage: { value: 50 } } });
  });

  test('mirroring, rewrites, header edits, redirects and timeouts as HTTPRoute filters (Gateway API)', () => {
    const rule = only(
      route(ApiFlavor.GATEWAY_API, {
        matches: [{ path: PathMatch.prefix('/api'), method: 'GET', queryParams: [{ name: 'v', value: StringMatch.regex('[0-9]+') }] }],
        action: HttpRouteAction.forward([svc('api')]),
        mirror: { backend: svc('api-shadow'), percentage: 5 },
        rewrite: { pathPrefix: '/' },
        requestHeaders: { set: { 'x-team': 'api' } },
        timeout: Duration.millis(2500),
      }),
      'HTTPRoute',
    ).spec.rules[0];
    expect(rule.matches).toEqual([{ path: { type: 'PathPrefix', value: '/api' }, method: 'GET', queryParams: [{ name: 'v', value: '[0-9]+', type: 'RegularExpression' }] }]);
    expect(rule.filters).toEqual([
      { type: 'URLRewrite', urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/' } } },
      { type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'x-team', value: 'api' }] } },
      { type: 'RequestMirror', requestMirror: { backendRef: { name: 'api-shadow', namespace: 'default', port: 8000 }, percent: 5 } },
    ]);
    expect(rule.timeouts).toEqual({ request: '2s500ms' });
    const redirect = only(
      route(ApiFlavor.GATEWAY_API, { action: HttpRouteAction.redirect({ scheme: 'https', host: 'www.example.com', statusCode: 302 }) }),
      'HTTPRoute',
    ).spec.rules[0];
    expect(redirect.backendRefs).toBeUndefined();
    expect(redirect.filters).toEqual([{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', hostname: 'www.example.com', statusCode: 302 } }]);
  });

  test('what the Gateway API cannot say fails with the feature\'s name', () => {
    const chart = testChart();
    const gateway = new IngressGateway(chart, 'gw', {
      api: ApiFlavor.GATEWAY_API,
      name: 'gw',
      listeners: [GatewayListener.https({ hosts: ['*'], tls: ServerTls.simple('cert', { minProtocolVersion: TlsVersion.TLS_V1_3 }) })],
    });
    gateway.addHttpRoute('r', {
      name: 'r',
      rules: [
        { name: 'faulty', matches: [{ path: PathMatch.prefix('/a') }], action: HttpRouteAction.forward([svc('a')]), fault: FaultInjection.abort(500) },
        { name: 'direct', action: HttpRouteAction.directResponse(200, 'ok') },
      ],
    });
    expect(validationErrors(chart)).toEqual([
      '[test/gw] listener "https": TLS minProtocolVersion is an Istio API option the Gateway API cannot express; render with ApiFlavor.ISTIO, or leave it at its default.',
      '[test/gw/r] rule "faulty": fault injection is an Istio API feature the Gateway API cannot express; render this gateway with ApiFlavor.ISTIO, or leave it out.',
      '[test/gw/r] rule "direct": a direct response is an Istio API feature that the Gateway API cannot express; render this gateway with ApiFlavor.ISTIO, or forward to a backend.',
    ]);
  });
});

describe('tenancy and cross-namespace backends', () => {
  test('a listener shared with named namespaces: scoped hosts (Istio) and an allowedRoutes selector (Gateway API)', () => {
    for (const api of [ApiFlavor.ISTIO, ApiFlavor.GATEWAY_API]) {
      const chart = testChart('istio-ingress');
      new IngressGateway(chart, 'gw', {
        api,
        name: 'shared',
        listeners: [GatewayListener.http({ hosts: ['*.example.com'], routeNamespaces: RouteNamespaces.named(['team-a', 'team-b']) })],
      });
      const gateway = only(synthObjects(chart), 'Gateway');
      if (api === ApiFlavor.ISTIO) {
        expect(gateway.spec.servers[0].hosts).toEqual(['team-a/*.example.com', 'team-b/*.example.com']);
      } else {
        expect(gateway.spec.listeners[0].allowedRoutes).toEqual({
          namespaces: { from: 'Selector', selector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: ['team-a', 'team-b'] }] } },
        });
      }
    }
  });

  test('a route from a namespace the listener does not admit is rejected', () => {
    const chart = testChart('istio-ingress');
    const gateway = new IngressGateway(chart, 'gw', {
      name: 'shared',
      listeners: [GatewayListener.http({ hosts: ['*.example.com'], routeNamespaces: RouteNamespaces.same() })],
    });
    gateway.addHttpRoute('r', { name: 'a', namespace: 'team-a', hosts: ['a.example.com'], rules: [{ action: HttpRouteAction.forward([svc('a')]) }] });
    expect(validationErrors(chart)).toEqual([
      '[test/gw/r] route host "a.example.com" is not served by gateway istio-ingress/shared for routes in namespace "team-a" (its HTTP/HTTPS listeners serve "*.example.com"); add the host to a listener, or remove it from the route (to accept it: GatewayValidation.suppress(scope, SuppressibleRule.ROUTE_HOST_NOT_SERVED, reason)).',
    ]);
  });

  test('a Gateway API route to a Service in another namespace comes with a ReferenceGrant there, written first', () => {
    const chart = testChart('edge');
    const gateway = new IngressGateway(chart, 'gw', { api: ApiFlavor.GATEWAY_API, name: 'edge', listeners: [GatewayListener.http()] });
    gateway.addHttpRoute('r', { name: 'shop', rules: [{ action: HttpRouteAction.forward([svc('shop', 80, { namespace: 'shop' })]) }] });
    const objects = synthObjects(chart);
    const grant = only(objects, 'ReferenceGrant');
    expect(grant.metadata).toEqual({ name: 'shop-from-edge', namespace: 'shop' });
    expect(grant.spec).toEqual({
      from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'edge' }],
      to: [{ group: '', kind: 'Service', name: 'shop' }],
    });
    expect(objects.indexOf(grant)).toBeLessThan(objects.indexOf(only(objects, 'HTTPRoute')));
  });

  test('a Gateway API route with backends in two other namespaces gets a ReferenceGrant in each, both written before it', () => {
    // The grants once sat under the route, and cdk8s made each depend on the other: a cycle, no synth.
    const chart = testChart('edge');
    const gateway = new IngressGateway(chart, 'gw', {
      api: ApiFlavor.GATEWAY_API,
      name: 'edge',
      listeners: [GatewayListener.http(), GatewayListener.tlsPassthrough({ hosts: ['db.example.com'] })],
    });
    gateway.addHttpRoute('r', {
      name: 'shop',
      rules: [{ action: HttpRouteAction.forward([svc('cart', 80, { namespace: 'cart' }), svc('pay', 80, { namespace: 'pay' })]) }],
    });
    // Named as the HTTPRoute: its grants say their kind, so none replaces another.
    gateway.addTlsRoute('db', { name: 'shop', hosts: ['db.example.com'], backends: [svc('a', 5432, { namespace: 'db-a' }), svc('b', 5432, { namespace: 'db-b' })] });
    const objects = synthObjects(chart);
    const grants = objects.filter((o) => o.kind === 'ReferenceGrant');
    expect(grants.map((g) => `${g.metadata.namespace}/${g.metadata.name} ${g.spec.from[0].kind} ${g.spec.to[0].name}`).sort()).toEqual([
      'cart/shop-from-edge HTTPRoute cart',
      'db-a/shop-tlsroute-from-edge TLSRoute a',
      'db-b/shop-tlsroute-from-edge TLSRoute b',
      'pay/shop-from-edge HTTPRoute pay',
    ]);
    for (const grant of grants) {
      const route = only(objects, grant.spec.from[0].kind, 'shop');
      expect(objects.indexOf(grant)).toBeLessThan(objects.indexOf(route));
    }
  });

  test('a Gateway API route reaching more than 16 Services of one namespace gets one ReferenceGrant there per 16', () => {
    const chart = testChart('edge');
    const gateway = new IngressGateway(chart, 'gw', { api: ApiFlavor.GATEWAY_API, name: 'edge', listeners: [GatewayListener.http()] });
    gateway.addHttpRoute('r', {
      name: 'shop',
      rules: [0, 1].map((r) => ({
        matches: [{ path: PathMatch.prefix(`/r${r}`) }],
        action: HttpRouteAction.forward(Array.from({ length: 10 }, (_, i) => svc(`s${r}-${i}`, 80, { namespace: 'shop' }))),
      })),
    });
    const grants = synthObjects(chart).filter((o) => o.kind === 'ReferenceGrant');
    expect(grants.map((g) => [g.metadata.name, g.spec.to.length])).toEqual([['shop-from-edge', 16], ['shop-from-edge-2', 4]]);
    expect(new Set(grants.flatMap((g) => g.spec.to.map((t: any) => t.name))).size).toBe(20);
  });

  test('routes can bind to a gateway defined elsewhere', () => {
    const chart = testChart('shop');
    const gateway = IngressGateway.fromGatewayName(chart, 'public', 'istio-ingress/public');
    new HttpRoute(chart, 'r', {
      gateway,
      name: 'shop',
      hosts: ['shop.example.com'],
      rules: [{ action: HttpRouteAction.forward([svc('shop', 80)]) }],
    });
    expect(only(synthObjects(chart), 'VirtualService').spec.gateways).toEqual(['istio-ingress/public']);
  });
});

test('a subset policy declared after the route that uses it is still written before it', () => {
  const chart = testChart();
  const gateway = new IngressGateway(chart, 'gw', { name: 'gw', listeners: [GatewayListener.http()] });
  gateway.addHttpRoute('r', { name: 'r', rules: [{ action: HttpRouteAction.forward([svc('reviews', 9080, { subset: 'v1' })]) }] });
  new BackendPolicy(chart, 'policy', { serviceName: 'reviews', subsets: [{ name: 'v1', labels: { version: 'v1' } }] });
  const objects = synthObjects(chart);
  expect(objects.indexOf(only(objects, 'DestinationRule'))).toBeLessThan(objects.indexOf(only(objects, 'VirtualService')));
});

describe('a deployed gateway workload', () => {
  test.each([ApiFlavor.ISTIO, ApiFlavor.GATEWAY_API])('the gateway binds to the workload it deploys, whose Service exposes every listener (%s)', (api) => {
    const chart = testChart('istio-ingress');
    const gateway = new IngressGateway(chart, 'gw', {
      api,
      name: 'public',
      listeners: [GatewayListener.http({ hosts: ['a.example.com'] }), GatewayListener.https({ hosts: ['a.example.com'], tls: ServerTls.simple('a-cert') })],
      workload: { name: 'istio-ingressgateway', autoscaling: { minReplicas: 2, maxReplicas: 5 } },
    });
    gateway.addListener(GatewayListener.tcp({ port: 31400 }));
    const objects = synthObjects(chart);
    const service = only(objects, 'Service', 'istio-ingressgateway');
    expect(service.spec.type).toBe('LoadBalancer');
    expect(service.spec.ports.map((p: any) => [p.name, p.port])).toEqual([['status-port', 15021], ['http', 80], ['https', 443], ['tcp-31400', 31400]]);
    expect(only(objects, 'HorizontalPodAutoscaler').spec).toMatchObject({ minReplicas: 2, maxReplicas: 5 });
    expect(only(objects, 'PodDisruptionBudget').spec.minAvailable).toBe(1);
    const gw = only(objects, 'Gateway');
    if (api === ApiFlavor.ISTIO) {
      expect(gw.spec.selector).toEqual(only(objects, 'Deployment').spec.selector.matchLabels);
      expect(gw.spec.selector).toEqual({ app: 'istio-ingressgateway', istio: 'ingressgateway' });
    } else {
      expect(gw.spec.addresses).toEqual([{ type: 'Hostname', value: 'istio-ingressgateway.istio-ingress.svc.cluster.local' }]);
    }
  });
});

test('addHttpRoutes() and HttpRouteAction.forwardTo() write what addHttpRoute() and forward([Backend.service()]) write', () => {
  const build = (bulk: boolean) => {
    const chart = testChart();
    const gw = new IngressGateway(chart, 'gw', { name: 'gw', listeners: [GatewayListener.http({ hosts: ['*.example.com'] })] });
    const hosts = ['a.example.com', 'b.example.com'];
    if (bulk) {
      const routes = gw.addHttpRoutes(hosts.map((h, i) => ({ id: `r${i}`, name: `r${i}`, hosts: [h], rules: [{ action: HttpRouteAction.forwardTo(`svc-${i}`, { port: 8080 }) }] })));
      expect(routes.map((r) => r.routeName)).toEqual(['r0', 'r1']);
    } else {
      hosts.forEach((h, i) => gw.addHttpRoute(`r${i}`, { name: `r${i}`, hosts: [h], rules: [{ action: HttpRouteAction.forward([svc(`svc-${i}`, 8080)]) }] }));
    }
    return synthObjects(chart);
  };
  expect(build(true)).toEqual(build(false));
});

test('forwardTo: [{ service, port, ... }] writes what action: HttpRouteAction.forward([Backend.service()]) writes', () => {
  const build = (asData: boolean) => {
    const chart = testChart();
    new BackendPolicy(chart, 'policy', { serviceName: 'reviews', subsets: [{ name: 'v1', labels: { version: 'v1' } }] });
    const gw = new IngressGateway(chart, 'gw', { name: 'gw', listeners: [GatewayListener.http({ hosts: ['shop.example.com'] })] });
    gw.addHttpRoutes([{
      id: 'shop',
      name: 'shop',
      hosts: ['shop.example.com'],
      rules: [
        asData
          ? { matches: [{ path: PathMatch.prefix('/api') }], forwardTo: [{ service: 'api', port: 8080, weight: 90 }, { service: 'api-canary', port: 8080, namespace: 'canary', weight: 10 }] }
          : { matches: [{ path: PathMatch.prefix('/api') }], action: HttpRouteAction.forward([svc('api', 8080, { weight: 90 }), svc('api-canary', 8080, { namespace: 'canary', weight: 10 })]) },
        asData
          ? { forwardTo: [{ service: 'reviews', port: 9080, subset: 'v1' }] }
          : { action: HttpRouteAction.forward([svc('reviews', 9080, { subset: 'v1' })]) },
      ],
    }]);
    return synthObjects(chart);
  };
  const objects = build(true);
  expect(objects).toEqual(build(false));
  const vs = only(objects, 'VirtualService', 'shop');
  expect(vs.spec.http[0].route).toEqual([
    { destination: { host: 'api.default.svc.cluster.local', port: { number: 8080 } }, weight: 90 },
    { destination: { host: 'api-canary.canary.svc.cluster.local', port: { number: 8080 } }, weight: 10 },
  ]);
  expect(vs.spec.http[1].route).toEqual([{ destination: { host: 'reviews.default.svc.cluster.local', port: { number: 9080 }, subset: 'v1' } }]);
});

test('a rule gives action or forwardTo, exactly one', () => {
  const chart = testChart();
  const gw = new IngressGateway(chart, 'gw', { name: 'gw', listeners: [GatewayListener.http({ hosts: ['shop.example.com'] })] });
  gw.addHttpRoute('shop', {
    name: 'shop',
    hosts: ['shop.example.com'],
    rules: [
      { name: 'both', action: HttpRouteAction.forward([svc('api', 8080)]), forwardTo: [{ service: 'api', port: 8080 }] },
      { name: 'neither', matches: [{ path: PathMatch.prefix('/x') }] },
    ],
  });
  expect(validationErrors(chart)).toEqual([
    '[test/gw/shop] rule "neither": says nothing to do with a matching request; give action (e.g. HttpRouteAction.forward([...])) or forwardTo: [{ service, port }].',
    '[test/gw/shop] rule "both": gives both action and forwardTo; keep one (forwardTo is HttpRouteAction.forward() written as data).',
  ]);
});

describe.each([ApiFlavor.ISTIO, ApiFlavor.GATEWAY_API])('a route\'s own forwardTo (%s)', (api) => {
  const gatewayIn = (chart = testChart()) => ({
    chart,
    gw: new IngressGateway(chart, 'gw', { api, name: 'gw', listeners: [GatewayListener.http({ hosts: ['shop.example.com'] })] }),
  });

  test('{ hosts, forwardTo } writes what { hosts, rules: [{ forwardTo }] } writes', () => {
    const build = (short: boolean) => {
      const { chart, gw } = gatewayIn();
      const forwardTo = [{ service: 'shop', port: 8080 }];
      gw.addHttpRoute('shop', short ? { name: 'shop', hosts: ['shop.example.com'], forwardTo } : { name: 'shop', hosts: ['shop.example.com'], rules: [{ forwardTo }] });
      return synthObjects(chart);
    };
    const objects = build(true);
    expect(objects).toEqual(build(false));
    const route = only(objects, api === ApiFlavor.ISTIO ? 'VirtualService' : 'HTTPRoute', 'shop');
    if (api === ApiFlavor.ISTIO) {
      expect(route.spec.http).toEqual([{ route: [{ destination: { host: 'shop.default.svc.cluster.local', port: { number: 8080 } } }] }]);
    } else {
      expect(route.spec.rules).toEqual([{ backendRefs: [{ name: 'shop', namespace: 'default', port: 8080 }] }]);
    }
  });

  test('it is the last rule, after rules with conditions, even those added later', () => {
    const { chart, gw } = gatewayIn();
    const route = gw.addHttpRoute('shop', {
      name: 'shop',
      hosts: ['shop.example.com'],
      rules: [{ matches: [{ path: PathMatch.prefix('/api') }], forwardTo: [{ service: 'api', port: 8080 }] }],
      forwardTo: [{ service: 'web', port: 80 }],
    });
    route.addRule({ matches: [{ path: PathMatch.exact('/login') }], forwardTo: [{ service: 'auth', port: 9000 }] });
    const objects = synthObjects(chart);
    if (api === ApiFlavor.ISTIO) {
      const http = only(objects, 'VirtualService', 'shop').spec.http;
      expect(http.map((h: any) => h.route[0].destination.host.split('.')[0])).toEqual(['auth', 'api', 'web']);
      expect(http[2].match).toBeUndefined();
    } else {
      const rules = only(objects, 'HTTPRoute', 'shop').spec.rules;
      expect(rules.map((r: any) => r.backendRefs[0].name)).toEqual(['auth', 'api', 'web']);
      expect(rules[2].matches).toBeUndefined();
    }
  });

  test('after a rule that matches every request it never applies: one message', () => {
    const { chart, gw } = gatewayIn();
    const route = gw.addHttpRoute('shop', { name: 'shop', hosts: ['shop.example.com'], forwardTo: [{ service: 'web', port: 80 }] });
    expect(validationErrors(chart)).toEqual([]);
    route.addRule({ forwardTo: [{ service: 'other', port: 80 }] });
    expect(validationErrors(chart)).toEqual([
      '[test/gw/shop] forwardTo never applies: rule #0 matches every request already; remove forwardTo, or give that rule a match.',
    ]);
  });
});
