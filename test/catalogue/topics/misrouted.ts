import { Chart } from 'cdk8s';
import { ApiFlavor, Backend, EastWestGateway, EastWestMode, EgressMode, EgressRoute, GatewayAddress, GatewayListener, GatewayWorkload, HttpbinExposure, HttpRouteAction, HttpRouteRule, IngressGateway, OriginationTls, PathMatch, RouteNamespaces, ServerTls, ServiceType, StringMatch } from '../../../src';
import { CatalogueTopic } from '../topic';

/**
 * Class 5: objects both APIs accept, that route nowhere or somewhere else than asked: a redirect to
 * a port or host nothing serves, hosts that never match (an IP as SNI, a short name Istio expands),
 * paths holding '?' or '#', backends that all weigh 0, a selector that picks every gateway.
 */

const APIS = [ApiFlavor.ISTIO, ApiFlavor.GATEWAY_API];
const svc = (name = 'svc', port = 80, extra = {}) => Backend.service(name, { port, ...extra });
const forward = HttpRouteAction.forward([svc()]);

function gateway(c: Chart, listeners: GatewayListener[], api: ApiFlavor, extra = {}): IngressGateway {
  return new IngressGateway(c, 'gw', { api, name: 'gw', listeners, ...extra });
}

function rule(c: Chart, r: Partial<HttpRouteRule>, api: ApiFlavor, hosts?: string[]) {
  gateway(c, [GatewayListener.http()], api).addHttpRoute('route', { name: 'route', hosts, rules: [{ action: forward, ...r }] });
}

const perApi = (name: string, build: (c: Chart, api: ApiFlavor) => void) => APIS.map((api) => ({ name: `${name} (${api})`, build: (c: Chart) => build(c, api) }));

export const TOPIC: CatalogueTopic = {
  bad: [
    ...perApi('misrouted: HTTPS redirect while HTTPS is on port 8443', (c, api) => gateway(c, [
      GatewayListener.http({ httpsRedirect: true }),
      GatewayListener.https({ port: 8443, hosts: ['*'], tls: ServerTls.simple('cert') }),
    ], api)),
    ...perApi('misrouted: HTTPS redirect for a host the HTTPS listener does not serve', (c, api) => gateway(c, [
      GatewayListener.http({ hosts: ['shop.example.com', 'blog.example.org'], httpsRedirect: true }),
      GatewayListener.https({ hosts: ['*.example.com'], tls: ServerTls.simple('cert') }),
    ], api)),
    { name: 'misrouted: HTTPS listener host that is an IP address (istio)', build: (c) => gateway(c, [GatewayListener.https({ hosts: ['10.0.0.1'], tls: ServerTls.simple('cert') })], ApiFlavor.ISTIO) },
    { name: 'misrouted: TLS passthrough listener host that is an IP address (gateway-api)', build: (c) => gateway(c, [GatewayListener.tlsPassthrough({ hosts: ['10.0.0.1'] })], ApiFlavor.GATEWAY_API) },
    { name: 'misrouted: HTTP listener host that is an IP address (gateway-api)', build: (c) => gateway(c, [GatewayListener.http({ hosts: ['10.0.0.1'] })], ApiFlavor.GATEWAY_API) },
    { name: 'misrouted: route host that is an IP address (gateway-api)', build: (c) => rule(c, {}, ApiFlavor.GATEWAY_API, ['10.0.0.1']) },
    { name: 'misrouted: short route host (istio)', build: (c) => rule(c, {}, ApiFlavor.ISTIO, ['httpbin']) },
    ...perApi('misrouted: prefix path holding "?"', (c, api) => rule(c, { matches: [{ path: PathMatch.prefix('/search?q=') }] }, api)),
    ...perApi('misrouted: exact path holding "#"', (c, api) => rule(c, { matches: [{ path: PathMatch.exact('/docs#intro') }] }, api)),
    ...perApi('misrouted: one backend of weight 0', (c, api) => rule(c, { action: HttpRouteAction.forward([svc('a', 80, { weight: 0 })]) }, api)),
    ...perApi('misrouted: one header matched twice', (c, api) => rule(c, {
      matches: [{ headers: [{ name: 'x-env', value: StringMatch.exact('a') }, { name: 'X-Env', value: StringMatch.exact('b') }] }],
    }, api)),
    { name: 'misrouted: selector with the Gateway API', build: (c) => gateway(c, [GatewayListener.http()], ApiFlavor.GATEWAY_API, { selector: { istio: 'ingressgateway' } }) },
    { name: 'misrouted: gatewayClassName with the Istio API', build: (c) => gateway(c, [GatewayListener.http()], ApiFlavor.ISTIO, { gatewayClassName: 'istio' }) },
    { name: 'misrouted: addresses with the Istio API', build: (c) => gateway(c, [GatewayListener.http()], ApiFlavor.ISTIO, { addresses: [GatewayAddress.ip('10.0.0.9')] }) },
    ...perApi('misrouted: TLS route SNI host that is an IP address', (c, api) => gateway(c, [GatewayListener.tlsPassthrough({ hosts: ['*'] })], api)
      .addTlsRoute('tls', { name: 'tls', hosts: ['10.0.0.1'], backends: [svc('db', 5432)] })),
    { name: 'misrouted: empty gateway selector (istio)', build: (c) => gateway(c, [GatewayListener.http()], ApiFlavor.ISTIO, { selector: {} }) },
    { name: 'misrouted: path with a trailing blank (Istio API)', build: (c) => rule(c, { matches: [{ path: PathMatch.prefix('/status ') }] }, ApiFlavor.ISTIO) },
    { name: 'misrouted: httpbin path listed twice', build: (c) => new HttpbinExposure(c, 'httpbin', { paths: ['/status', '/delay', '/status'] }) },
    { name: 'misrouted: httpbin image without the workload', build: (c) => new HttpbinExposure(c, 'httpbin', { deployWorkload: false, image: 'kong/httpbin:0.2.2' }) },
    {
      name: 'misrouted: egress workload ports without the client port',
      build: (c) => new EgressRoute(c, 'egress', { name: 'api', host: 'api.example.com', workload: { ports: [{ name: 'https', port: 443 }] } }),
    },
    { name: 'misrouted: east-west workload ports', build: (c) => new EastWestGateway(c, 'ew', { network: 'network1', workload: { ports: [{ name: 'tls', port: 15443 }, { name: 'extra', port: 8080 }] } }) },
    { name: 'misrouted: east-west workload without deploying it', build: (c) => new EastWestGateway(c, 'ew', { network: 'network1', deployWorkload: false, workload: { replicas: 3 } }) },
    { name: 'misrouted: east-west workload with the Gateway API', build: (c) => new EastWestGateway(c, 'ew', { network: 'network1', api: ApiFlavor.GATEWAY_API, workload: { replicas: 3 } }) },
    {
      name: 'misrouted: ambient east-west gateway exposing istiod',
      build: (c) => new EastWestGateway(c, 'ew', { network: 'network1', api: ApiFlavor.GATEWAY_API, mode: EastWestMode.AMBIENT, exposeIstiod: true }),
    },
    { name: 'misrouted: workload autoscaling bounds with autoscaling off', build: (c) => new GatewayWorkload(c, 'gw', { autoscaling: { enabled: false, minReplicas: 2, maxReplicas: 4 } }) },
    { name: 'misrouted: workload budget with the budget off', build: (c) => new GatewayWorkload(c, 'gw', { replicas: 3, autoscaling: { enabled: false }, podDisruptionBudget: { enabled: false, minAvailable: 2 } }) },
    {
      name: 'misrouted: TLS origination name with a trailing newline',
      build: (c) =>
        new EgressRoute(c, 'egress', { name: 'api', host: 'api.example.com', mode: EgressMode.TLS_ORIGINATION, originationTls: OriginationTls.simple({ subjectAltNames: ['api.example.com\n'] }) }),
    },
    { name: 'misrouted: httpbin path under another path', build: (c) => new HttpbinExposure(c, 'httpbin', { paths: ['/status', '/status/418'] }) },
    { name: 'misrouted: httpbin path a character prefix covers (Istio API)', build: (c) => new HttpbinExposure(c, 'httpbin', { paths: ['/status', '/status200'] }) },
    { name: 'misrouted: egress on the proxy\'s health check port', build: (c) => new EgressRoute(c, 'egress', { name: 'api', host: 'api.example.com', ports: [15021], workload: {} }) },
    ...perApi('misrouted: a regex rule after a rule of prefix "/"', (c, api) => gateway(c, [GatewayListener.http()], api).addHttpRoute('route', {
      name: 'route',
      rules: [
        { name: 'web', matches: [{ path: PathMatch.prefix('/') }], action: HttpRouteAction.forward([svc('web')]) },
        { name: 'api', matches: [{ path: PathMatch.regex('/api/v[0-9]+') }], action: HttpRouteAction.forward([svc('api')]) },
      ],
    })),
    ...perApi('misrouted: two rules with the same match, one repeated', (c, api) => gateway(c, [GatewayListener.http()], api).addHttpRoute('route', {
      name: 'route',
      rules: [
        { name: 'a', matches: [{ path: PathMatch.prefix('/a') }, { path: PathMatch.prefix('/a') }], action: HttpRouteAction.forward([svc('a')]) },
        { name: 'b', matches: [{ path: PathMatch.prefix('/a') }], action: HttpRouteAction.forward([svc('b')]) },
      ],
    })),
    ...perApi('misrouted: header value read from a file with its line break', (c, api) => rule(c, { matches: [{ headers: [{ name: 'x-env', value: StringMatch.exact('prod\n') }] }] }, api)),
    ...perApi('misrouted: backend given as a cluster DNS name', (c, api) => rule(c, { action: HttpRouteAction.forward([svc('reviews.bookinfo.svc.cluster.local', 9080)]) }, api)),
    { name: 'misrouted: TCP listener with a host (gateway-api)', build: (c) => gateway(c, [GatewayListener.tcp({ port: 5432, hosts: ['db.example.com'] })], ApiFlavor.GATEWAY_API) },
    ...perApi('misrouted: route in the gateway\'s namespace, listener open to another one only', (c, api) => gateway(c, [
      GatewayListener.http({ hosts: ['shop.example.com'], routeNamespaces: RouteNamespaces.named(['team-a']) }),
    ], api).addHttpRoute('route', { name: 'route', hosts: ['shop.example.com'], rules: [{ action: forward }] })),
    {
      name: 'misrouted: route in a namespace the listener\'s scoped host does not name (istio)',
      build: (c) => gateway(c, [
        GatewayListener.http({ hosts: ['team-a/shop.example.com'] }),
      ], ApiFlavor.ISTIO).addHttpRoute('route', { name: 'route', namespace: 'team-b', hosts: ['shop.example.com'], rules: [{ action: forward }] }),
    },
    ...perApi('misrouted: prefix path written as a glob', (c, api) => rule(c, { matches: [{ path: PathMatch.prefix('/api/*') }] }, api)),
    ...perApi('misrouted: exact path written as a glob', (c, api) => rule(c, { matches: [{ path: PathMatch.exact('/*') }] }, api)),
    ...perApi('misrouted: method in lower case', (c, api) => rule(c, { matches: [{ method: 'get' }] }, api)),
    {
      name: 'misrouted: CORS origins without scheme, with a path, as a regex (istio)',
      build: (c) => rule(c, {
        cors: { allowOrigins: ['shop.example.com', 'https://shop.example.com/', 'https://.*\\.example\\.com'] },
      }, ApiFlavor.ISTIO),
    },
    ...perApi('misrouted: listener on the gateway proxy\'s health port', (c, api) => gateway(c, [GatewayListener.http({ port: 15021 })], api)),
  ],
  expected: {
    'misrouted: listener on the gateway proxy\'s health port (istio)': [
      '[c/gw] listener "http-15021": port 15021 is the gateway proxy\'s own port for health checks (status-port), so no server can listen on it; use another port (e.g. 8080).',
    ],
    'misrouted: listener on the gateway proxy\'s health port (gateway-api)': [
      '[c/gw] listener "http-15021": port 15021 is the gateway proxy\'s own port for health checks (status-port), so no server can listen on it; use another port (e.g. 8080).',
    ],
    'misrouted: route in the gateway\'s namespace, listener open to another one only (istio)': [
      '[c/gw/route] route host "shop.example.com" is served by listener "http" of gateway default/gw only to routes in "team-a", and this route is in "default"; add "default" to its RouteNamespaces.named([...]), or put the route in "team-a" (to accept it: GatewayValidation.suppress(scope, SuppressibleRule.ROUTE_HOST_NOT_SERVED, reason)).',
    ],
    'misrouted: route in the gateway\'s namespace, listener open to another one only (gateway-api)': [
      '[c/gw/route] route host "shop.example.com" is served by listener "http" of gateway default/gw only to routes in "team-a", and this route is in "default"; add "default" to its RouteNamespaces.named([...]), or put the route in "team-a" (to accept it: GatewayValidation.suppress(scope, SuppressibleRule.ROUTE_HOST_NOT_SERVED, reason)).',
    ],
    'misrouted: route in a namespace the listener\'s scoped host does not name (istio)': [
      '[c/gw/route] route host "shop.example.com" is served by listener "http" of gateway default/gw only to routes in "team-a", and this route is in "team-b"; add the host "team-b/shop.example.com" to it, or put the route in "team-a" (to accept it: GatewayValidation.suppress(scope, SuppressibleRule.ROUTE_HOST_NOT_SERVED, reason)).',
    ],
    'misrouted: TCP listener with a host (gateway-api)': [
      '[c/gw] listener "tcp-5432": a TCP listener carries no host name in the Gateway API (a TCP stream has none to route by), so host "db.example.com" would be dropped; leave hosts out, or use GatewayListener.tlsPassthrough() to route TLS by SNI.',
    ],
    'misrouted: header value read from a file with its line break (istio)': [
      '[c/gw/route] rule #0: header "x-env" matches "prod\\n", with a control character or a leading or trailing space that no request\'s header value holds, so it would never match; write "prod".',
    ],
    'misrouted: backend given as a cluster DNS name (istio)': [
      '[c/gw/route] rule #0: backend "reviews.bookinfo.svc.cluster.local.default:9080": the Service name is not a DNS-1123 label; give the Service and its namespace apart: Backend.service("reviews", { namespace: "bookinfo", port: 9080 }).',
    ],
    'misrouted: header value read from a file with its line break (gateway-api)': [
      '[c/gw/route] rule #0: header "x-env" matches "prod\\n", with a control character or a leading or trailing space that no request\'s header value holds, so it would never match; write "prod".',
    ],
    'misrouted: backend given as a cluster DNS name (gateway-api)': [
      '[c/gw/route] rule #0: backend "reviews.bookinfo.svc.cluster.local.default:9080": the Service name is not a DNS-1123 label; give the Service and its namespace apart: Backend.service("reviews", { namespace: "bookinfo", port: 9080 }).',
    ],
    'misrouted: a regex rule after a rule of prefix "/" (istio)': [
      '[c/gw/route] rule "api" never applies: rule "web" matches every request and is evaluated first (a rule without conditions, or with the path prefix "/" alone, ranks before a regular expression and before a rule without matches); give that rule a condition, or make it the route\'s forwardTo.',
    ],
    'misrouted: two rules with the same match, one repeated (istio)': [
      '[c/gw/route] rule "a": match #1 repeats match #0, so Istio reports it unused (IST0131); remove it.',
      '[c/gw/route] rule "b" never applies: rule "a" matches the same requests and is evaluated first, so Istio reports this rule unused (IST0130); merge the two rules, or give this one other conditions.',
    ],
    'misrouted: a regex rule after a rule of prefix "/" (gateway-api)': [
      '[c/gw/route] rule "api" never applies: rule "web" matches every request and is evaluated first (a rule without conditions, or with the path prefix "/" alone, ranks before a regular expression and before a rule without matches); give that rule a condition, or make it the route\'s forwardTo.',
    ],
    'misrouted: two rules with the same match, one repeated (gateway-api)': [
      '[c/gw/route] rule "a": match #1 repeats match #0, so Istio reports it unused (IST0131); remove it.',
      '[c/gw/route] rule "b" never applies: rule "a" matches the same requests and is evaluated first, so Istio reports this rule unused (IST0130); merge the two rules, or give this one other conditions.',
    ],
    'misrouted: prefix path written as a glob (istio)': [
      '[c/gw/route] rule #0: path "/api/*" ends in "*", which a prefix match reads as the character \'*\', not as a wildcard, so only paths holding a literal \'*\' match; match the prefix "/api" instead (it covers "/api" and every path below it).',
    ],
    'misrouted: exact path written as a glob (istio)': [
      '[c/gw/route] rule #0: path "/*" ends in "*", which an exact match reads as the character \'*\', not as a wildcard, so only paths holding a literal \'*\' match; match the prefix "/" instead (it covers "/" and every path below it).',
    ],
    'misrouted: method in lower case (istio)': [
      '[c/gw/route] rule #0: method "get" is not an HTTP method as requests spell it (upper case, no spaces); write "GET".',
    ],
    'misrouted: prefix path written as a glob (gateway-api)': [
      '[c/gw/route] rule #0: path "/api/*" ends in "*", which a prefix match reads as the character \'*\', not as a wildcard, so only paths holding a literal \'*\' match; match the prefix "/api" instead (it covers "/api" and every path below it).',
    ],
    'misrouted: exact path written as a glob (gateway-api)': [
      '[c/gw/route] rule #0: path "/*" ends in "*", which an exact match reads as the character \'*\', not as a wildcard, so only paths holding a literal \'*\' match; match the prefix "/" instead (it covers "/" and every path below it).',
    ],
    'misrouted: method in lower case (gateway-api)': [
      '[c/gw/route] rule #0: method "get" is not an HTTP method as requests spell it (upper case, no spaces); write "GET".',
    ],
    'misrouted: CORS origins without scheme, with a path, as a regex (istio)': [
      '[c/gw/route] rule #0: cors.allowOrigins "shop.example.com" would never match: browsers send the Origin header as scheme://host[:port], without a path, and an origin is compared as written (\'*\' being its only wildcard); write "https://shop.example.com".',
      '[c/gw/route] rule #0: cors.allowOrigins "https://shop.example.com/" would never match: browsers send the Origin header as scheme://host[:port], without a path, and an origin is compared as written (\'*\' being its only wildcard); write "https://shop.example.com".',
      '[c/gw/route] rule #0: cors.allowOrigins "https://.*\\\\.example\\\\.com" would never match: browsers send the Origin header as scheme://host[:port], without a path, and an origin is compared as written (\'*\' being its only wildcard); write "https://*.example.com".',
    ],
    'misrouted: HTTPS redirect while HTTPS is on port 8443 (istio)': [
      '[c/gw] listener "http" redirects to HTTPS, which clients then reach on port 443, but gateway default/gw serves HTTPS on port 8443 only; move the HTTPS listener to port 443, or remove httpsRedirect.',
    ],
    'misrouted: HTTPS redirect while HTTPS is on port 8443 (gateway-api)': [
      '[c/gw] listener "http" redirects to HTTPS, which clients then reach on port 443, but gateway default/gw serves HTTPS on port 8443 only; move the HTTPS listener to port 443, or remove httpsRedirect.',
    ],
    'misrouted: HTTPS redirect for a host the HTTPS listener does not serve (istio)': [
      '[c/gw] listener "http" redirects host "blog.example.org" to HTTPS on port 443, where no listener of gateway default/gw serves it; add the host to the HTTPS listener on port 443, or remove httpsRedirect.',
    ],
    'misrouted: HTTPS redirect for a host the HTTPS listener does not serve (gateway-api)': [
      '[c/gw] listener "http" redirects host "blog.example.org" to HTTPS on port 443, where no listener of gateway default/gw serves it; add the host to the HTTPS listener on port 443, or remove httpsRedirect.',
    ],
    'misrouted: HTTPS listener host that is an IP address (istio)': [
      '[c/gw] listener "https": host "10.0.0.1" is an IP address, which TLS clients never send as SNI (RFC 6066), so this listener would never be chosen for it; use the DNS name clients connect to, or "*".',
    ],
    'misrouted: TLS passthrough listener host that is an IP address (gateway-api)': [
      '[c/gw] listener "tls": host "10.0.0.1" is an IP address, which TLS clients never send as SNI (RFC 6066), so this listener would never be chosen for it; use the DNS name clients connect to, or "*".',
    ],
    'misrouted: HTTP listener host that is an IP address (gateway-api)': [
      '[c/gw] listener "http": host "10.0.0.1" is an IP address, which a Gateway API hostname must not be; use a DNS name, or "*" to accept requests by IP.',
    ],
    'misrouted: route host that is an IP address (gateway-api)': [
      '[c/gw/route] route host "10.0.0.1" is an IP address, which a Gateway API hostname must not be; use a DNS name, or "*" for requests by IP.',
    ],
    'misrouted: short route host (istio)': [
      '[c/gw/route] route host "httpbin" is a short name, which Istio reads as "httpbin.default.svc.cluster.local" in a VirtualService, so requests for Host "httpbin" never match it; use the full host name clients send (e.g. "httpbin.example.com").',
    ],
    'misrouted: prefix path holding "?" (istio)': [
      '[c/gw/route] rule #0: path "/search?q=" holds "?", which starts the query string, so no request path ever matches it; match the query with queryParams.',
    ],
    'misrouted: prefix path holding "?" (gateway-api)': [
      '[c/gw/route] rule #0: path "/search?q=" holds "?", which starts the query string, so no request path ever matches it; match the query with queryParams.',
    ],
    'misrouted: exact path holding "#" (istio)': [
      '[c/gw/route] rule #0: path "/docs#intro" holds "#", which starts the fragment (never sent), so no request path ever matches it; drop the fragment.',
    ],
    'misrouted: exact path holding "#" (gateway-api)': [
      '[c/gw/route] rule #0: path "/docs#intro" holds "#", which starts the fragment (never sent), so no request path ever matches it; drop the fragment.',
    ],
    'misrouted: one backend of weight 0 (istio)': [
      '[c/gw/route] rule #0: every backend has weight 0, so no request would be served; give at least one a positive weight.',
    ],
    'misrouted: one backend of weight 0 (gateway-api)': [
      '[c/gw/route] rule #0: every backend has weight 0, so no request would be served; give at least one a positive weight.',
    ],
    'misrouted: one header matched twice (istio)': [
      '[c/gw/route] rule #0: header "X-Env" is matched twice in one match (header names ignore case); the Istio API would keep only the last condition and the Gateway API refuses the pair: give one condition per name (a regex can accept either value).',
    ],
    'misrouted: one header matched twice (gateway-api)': [
      '[c/gw/route] rule #0: header "X-Env" is matched twice in one match (header names ignore case); the Istio API would keep only the last condition and the Gateway API refuses the pair: give one condition per name (a regex can accept either value).',
    ],
    'misrouted: selector with the Gateway API': [
      '[c/gw] selector is an Istio API option; a Gateway API gateway has none (Istio deploys its workload, or the gateway points at the one given with workload): leave it out, or render with ApiFlavor.ISTIO.',
    ],
    'misrouted: gatewayClassName with the Istio API': [
      '[c/gw] gatewayClassName is a Gateway API option, which an Istio API Gateway has no field for; leave it out, or render with ApiFlavor.GATEWAY_API.',
    ],
    'misrouted: addresses with the Istio API': [
      '[c/gw] addresses is a Gateway API option, which an Istio API Gateway has no field for (it is bound by selector); leave it out, or render with ApiFlavor.GATEWAY_API.',
    ],
    'misrouted: TLS route SNI host that is an IP address (istio)': [
      '[c/gw/tls] TLS route SNI host "10.0.0.1" is an IP address, which TLS clients never send as SNI (RFC 6066); use the DNS name clients connect to.',
    ],
    'misrouted: TLS route SNI host that is an IP address (gateway-api)': [
      '[c/gw/tls] TLS route SNI host "10.0.0.1" is an IP address, which TLS clients never send as SNI (RFC 6066); use the DNS name clients connect to.',
    ],
    'misrouted: empty gateway selector (istio)': [
      "[c/gw] gateway default/gw has an empty selector, which Istio reads as every gateway workload of the cluster (any namespace); give the labels of this gateway's pods, e.g. { istio: 'ingressgateway' }.",
    ],
    'misrouted: path with a trailing blank (Istio API)': [
      '[c/gw/route] rule #0: path "/status " holds a blank or control character, which no request path carries (a request sends a blank as %20), so no request ever matches it; remove it, or write it as %20.',
    ],
    'misrouted: httpbin path listed twice': ['[c/httpbin] path "/status" is listed twice; list each path once.'],
    'misrouted: httpbin image without the workload': ['[c/httpbin] image is set, but deployWorkload is false, so nothing uses it; remove image, or deploy httpbin.'],
    'misrouted: egress workload ports without the client port': [
      '[c/egress] workload.ports does not expose port 80, which the clients send to: the mesh leg sends to the egress gateway\'s Service on port 80, so the requests would fail; add { name: "http2", port: 80 } to workload.ports, or leave ports out to derive them from the route.',
    ],
    'misrouted: east-west workload ports': ['[c/ew] workload.ports is set, but the east-west gateway sets it itself (they follow exposeIstiod); remove it from workload.'],
    'misrouted: east-west workload without deploying it': ['[c/ew] workload is set, but deployWorkload is false, so no workload is deployed; remove workload, or deploy it.'],
    'misrouted: east-west workload with the Gateway API': [
      '[c/ew] workload is an Istio API option: with the Gateway API Istio deploys the gateway for the Gateway; remove workload, or render with ApiFlavor.ISTIO.',
    ],
    'misrouted: ambient east-west gateway exposing istiod': [
      '[c/ew] exposeIstiod is set, but the ambient east-west gateway does not expose istiod; remove exposeIstiod, or use EastWestMode.SIDECAR.',
    ],
    'misrouted: workload autoscaling bounds with autoscaling off': [
      '[c/gw] autoscaling.minReplicas and autoscaling.maxReplicas are set, but autoscaling is off (enabled: false), so they would have no effect; remove them, or turn autoscaling on (with autoscaling off, replicas sets the pod count).',
    ],
    'misrouted: workload budget with the budget off': [
      '[c/gw] podDisruptionBudget.minAvailable is set, but podDisruptionBudget is off (enabled: false), so it would have no effect; remove it, or turn podDisruptionBudget on.',
    ],
    'misrouted: TLS origination name with a trailing newline': [
      '[c/egress] originationTls: subject alternative name "api.example.com\\n" has blanks around it, so no certificate would match it and every connection would fail; write "api.example.com".',
    ],
    'misrouted: httpbin path under another path': ['[c/httpbin] path "/status/418" is already exposed by the prefix "/status", so it would never match by itself; remove it.'],
    'misrouted: httpbin path a character prefix covers (Istio API)': ['[c/httpbin] path "/status200" is already exposed by the prefix "/status", so it would never match by itself; remove it.'],
    'misrouted: egress on the proxy\'s health check port': [
      '[c/egress] port 15021 is the egress gateway proxy\'s own port for health checks (status-port), so its server cannot listen on it; have the clients send to another port (usually 80, or 443 with EgressMode.TLS_PASSTHROUGH).',
    ],
  },
  valid: [
    { name: 'misrouted: TCP listener with a host (istio)', build: (c) => gateway(c, [GatewayListener.tcp({ port: 5432, hosts: ['db.example.com'] })], ApiFlavor.ISTIO) },
    ...perApi('misrouted: header regex with a space inside', (c, api) => rule(c, { matches: [{ headers: [{ name: 'authorization', value: StringMatch.regex('Bearer .+') }] }] }, api)),
    { name: 'misrouted: header prefix ending in a space (istio)', build: (c) => rule(c, { matches: [{ headers: [{ name: 'authorization', value: StringMatch.prefix('Bearer ') }] }] }, ApiFlavor.ISTIO) },
    ...perApi('misrouted: a regex rule beside a prefix "/" for one header, and the rest to forwardTo', (c, api) => gateway(c, [GatewayListener.http()], api).addHttpRoute('route', {
      name: 'route',
      rules: [
        { name: 'canary', matches: [{ path: PathMatch.prefix('/'), headers: [{ name: 'x-canary', value: StringMatch.exact('1') }] }], action: HttpRouteAction.forward([svc('canary')]) },
        { name: 'api', matches: [{ path: PathMatch.regex('/api/v[0-9]+') }], action: HttpRouteAction.forward([svc('api')]) },
      ],
      forwardTo: [{ service: 'web', port: 80 }],
    })),
    ...perApi('misrouted: one path for two values of a header', (c, api) => gateway(c, [GatewayListener.http()], api).addHttpRoute('route', {
      name: 'route',
      rules: [
        { name: 'a', matches: [{ path: PathMatch.prefix('/a'), headers: [{ name: 'x-env', value: StringMatch.exact('a') }] }], action: HttpRouteAction.forward([svc('a')]) },
        { name: 'b', matches: [{ path: PathMatch.prefix('/a'), headers: [{ name: 'x-env', value: StringMatch.exact('b') }] }], action: HttpRouteAction.forward([svc('b')]) },
      ],
    })),
    ...perApi('misrouted: CORS for a wildcard subdomain origin and a local port', (c, api) => rule(c, { cors: { allowOrigins: ['https://*.example.com', 'http://localhost:3000'] } }, api)),
    { name: 'misrouted: CORS for the null origin (istio)', build: (c) => rule(c, { cors: { allowOrigins: ['null'] } }, ApiFlavor.ISTIO) },
    ...perApi('misrouted: prefix path holding a literal * before its end', (c, api) => rule(c, { matches: [{ path: PathMatch.prefix('/files/*/raw') }] }, api)),
    ...perApi('misrouted: prefix /api rewritten to /', (c, api) => rule(c, { matches: [{ path: PathMatch.prefix('/api') }], rewrite: { pathPrefix: '/' } }, api)),
    ...perApi('misrouted: prefix /api/ rewritten to /v2', (c, api) => rule(c, { matches: [{ path: PathMatch.prefix('/api/') }], rewrite: { pathPrefix: '/v2' } }, api)),
    ...perApi('misrouted: HTTPS redirect from any host to a wildcard HTTPS listener on 443', (c, api) => gateway(c, [
      GatewayListener.http({ httpsRedirect: true }),
      GatewayListener.https({ hosts: ['*.example.com'], tls: ServerTls.simple('cert') }),
    ], api)),
    ...perApi('misrouted: HTTPS redirect to a TLS passthrough listener on 443', (c, api) => gateway(c, [
      GatewayListener.http({ hosts: ['db.example.com', 'shop.example.com'], httpsRedirect: true }),
      GatewayListener.https({ hosts: ['shop.example.com'], tls: ServerTls.simple('cert') }),
      GatewayListener.tlsPassthrough({ name: 'tls', hosts: ['db.example.com'] }),
    ], api)),
    ...perApi('misrouted: HTTPS redirect on a listener open to team namespaces only', (c, api) => gateway(c, [
      GatewayListener.http({ hosts: ['shop.example.com'], httpsRedirect: true, routeNamespaces: RouteNamespaces.named(['team-a', 'team-b']) }),
      GatewayListener.https({ hosts: ['shop.example.com'], tls: ServerTls.simple('cert'), routeNamespaces: RouteNamespaces.named(['team-a', 'team-b']) }),
    ], api)),
    ...perApi('misrouted: mirror of half a percent of requests', (c, api) => rule(c, { mirror: { backend: svc('shadow'), percentage: 0.5 } }, api)),
    { name: 'misrouted: short route host (gateway-api)', build: (c) => rule(c, {}, ApiFlavor.GATEWAY_API, ['httpbin']) },
    { name: 'misrouted: HTTP listener and route host that are an IP address (istio)', build: (c) => gateway(c, [GatewayListener.http({ hosts: ['10.0.0.1'] })], ApiFlavor.ISTIO).addHttpRoute('route', { name: 'route', hosts: ['10.0.0.1'], rules: [{ action: forward }] }) },
    ...perApi('misrouted: a weight-0 backend beside a weighted one', (c, api) => rule(c, { action: HttpRouteAction.forward([svc('a', 80, { weight: 0 }), svc('b', 80, { weight: 1 })]) }, api)),
    ...perApi('misrouted: one header matched in two alternatives', (c, api) => rule(c, {
      matches: [{ headers: [{ name: 'x-env', value: StringMatch.exact('a') }] }, { headers: [{ name: 'x-env', value: StringMatch.exact('b') }] }],
    }, api)),
    { name: 'misrouted: httpbin subset of a version deployed elsewhere', build: (c) => new HttpbinExposure(c, 'httpbin', { deployWorkload: false, version: 'v2', routeToVersionSubset: true }) },
    {
      name: 'misrouted: egress workload ports with the client port and more',
      build: (c) => new EgressRoute(c, 'egress', { name: 'api', host: 'api.example.com', workload: { ports: [{ name: 'http2', port: 80 }, { name: 'https', port: 443 }] } }),
    },
    {
      name: 'misrouted: east-west workload with settings of its own',
      build: (c) => new EastWestGateway(c, 'ew', { network: 'network1', workload: { replicas: 2, autoscaling: { enabled: false }, serviceType: ServiceType.NODE_PORT } }),
    },
    { name: 'misrouted: workload with autoscaling off and a pod count', build: (c) => new GatewayWorkload(c, 'gw', { replicas: 3, autoscaling: { enabled: false }, podDisruptionBudget: { enabled: false } }) },
    {
      name: 'misrouted: httpbin paths that share characters, not segments (Gateway API)',
      build: (c) => new HttpbinExposure(c, 'httpbin', { api: ApiFlavor.GATEWAY_API, paths: ['/status', '/status200'] }),
    },
  ],
};
