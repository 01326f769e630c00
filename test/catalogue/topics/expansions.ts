import { Chart } from 'cdk8s';
import { ApiFlavor, Backend, EgressRoute, GatewayListener, HttpRouteAction, HttpRouteMatch, IngressGateway, PathMatch, ServerTls } from '../../../src';
import { CatalogueTopic } from '../topic';

/**
 * Class 4: what the library expands one intent into stays a valid object. The Gateway API has one
 * hostname per listener (a listener becomes one per host, named `<name>-<index>`), list limits on
 * every object (64 listeners, 16 hostnames, rules and backendRefs, 32 parentRefs, 128 matches) and
 * validates client certificates per port.
 */

const GW = ApiFlavor.GATEWAY_API;
const svc = (name = 'svc', port = 80) => Backend.service(name, { port });
const forward = HttpRouteAction.forward([svc()]);
const hosts = (n: number, domain = 'example.com') => Array.from({ length: n }, (_, i) => `h${i}.${domain}`);

function gateway(c: Chart, listeners: GatewayListener[], api = GW): IngressGateway {
  return new IngressGateway(c, 'gw', { api, name: 'gw', listeners });
}

function route(c: Chart, options: object, listeners = [GatewayListener.http({ hosts: ['*.example.com'] })]) {
  gateway(c, listeners).addHttpRoute('route', { name: 'route', hosts: ['a.example.com'], rules: [{ action: forward }], ...options });
}

const prefixes = (n: number): HttpRouteMatch[] => Array.from({ length: n }, (_, i) => ({ path: PathMatch.prefix(`/p${i}`) }));

export const TOPIC: CatalogueTopic = {
  bad: [
    { name: 'expansion: listener with 70 hosts (Gateway API)', build: (c) => gateway(c, [GatewayListener.http({ hosts: hosts(70) })]) },
    {
      name: 'expansion: a derived listener name is another listener\'s name (Gateway API)',
      build: (c) => gateway(c, [GatewayListener.http({ name: 'web', hosts: ['a.example.com', 'b.example.com'] }), GatewayListener.http({ name: 'web-1', port: 8080 })]),
    },
    { name: 'expansion: one host twice in a listener (Gateway API)', build: (c) => gateway(c, [GatewayListener.http({ hosts: ['a.example.com', 'b.example.com', 'a.example.com'] })]) },
    {
      name: 'expansion: HTTPS redirect from a listener of 33 hosts (Gateway API)',
      build: (c) => gateway(c, [
        GatewayListener.http({ hosts: hosts(33), httpsRedirect: true }),
        GatewayListener.https({ hosts: ['*.example.com'], tls: ServerTls.simple('cert') }),
      ]),
    },
    { name: 'expansion: route with 20 hosts (Gateway API)', build: (c) => route(c, { hosts: hosts(20) }) },
    {
      name: 'expansion: route with 17 rules (Gateway API)',
      build: (c) => route(c, { rules: prefixes(17).map((m) => ({ matches: [m], action: forward })) }),
    },
    { name: 'expansion: rule with 17 backends (Gateway API)', build: (c) => route(c, { rules: [{ action: HttpRouteAction.forward(Array.from({ length: 17 }, (_, i) => svc(`s${i}`))) }] }) },
    {
      name: 'expansion: 132 matches in one route (Gateway API)',
      build: (c) => route(c, { rules: [0, 1, 2].map((r) => ({ matches: prefixes(44).map((m) => ({ ...m, method: ['GET', 'PUT', 'POST'][r] })), action: forward })) }),
    },
    {
      name: 'expansion: prefix rewrite with two prefixes (Gateway API)',
      build: (c) => route(c, { rules: [{ matches: [{ path: PathMatch.prefix('/a') }, { path: PathMatch.prefix('/b') }], rewrite: { pathPrefix: '/' }, action: forward }] }),
    },
    {
      name: 'expansion: 17 request headers set (Gateway API)',
      build: (c) => route(c, { rules: [{ action: forward, requestHeaders: { set: Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`x-h${i}`, 'v'])) } }] }),
    },
    {
      name: 'expansion: egress route on 65 ports (Gateway API)',
      build: (c) => new EgressRoute(c, 'egress', { api: GW, name: 'cnn', host: 'edition.cnn.com', ports: Array.from({ length: 65 }, (_, i) => 8000 + i) }),
    },
    {
      name: 'expansion: TLS route with 17 backends (Gateway API)',
      build: (c) => gateway(c, [GatewayListener.tlsPassthrough({ hosts: ['db.example.com'] })])
        .addTlsRoute('tls', { name: 'tls', hosts: ['db.example.com'], backends: Array.from({ length: 17 }, (_, i) => svc(`db${i}`, 5432)) }),
    },
    {
      name: 'expansion: MUTUAL and SIMPLE listeners on one port (Gateway API)',
      build: (c) => gateway(c, [
        GatewayListener.https({ name: 'partners', hosts: ['partners.example.com'], tls: ServerTls.mutual('partners-cert') }),
        GatewayListener.https({ name: 'shop', hosts: ['shop.example.com'], tls: ServerTls.simple('shop-cert') }),
      ]),
    },
    {
      name: 'expansion: two client CAs on one port (Gateway API)',
      build: (c) => gateway(c, [
        GatewayListener.https({ name: 'a', hosts: ['a.example.com'], tls: ServerTls.mutual('a-cert') }),
        GatewayListener.https({ name: 'b', hosts: ['b.example.com'], tls: ServerTls.mutual('b-cert') }),
      ]),
    },
  ],
  expected: {
    'expansion: listener with 70 hosts (Gateway API)': [
      '[c/gw] gateway default/gw becomes 70 Gateway API listeners (one per host; listener "http" has 70 hosts), more than the 64 a Gateway holds (spec.listeners); serve the hosts with a wildcard (e.g. "*.example.com"), or spread the listeners over several gateways.',
    ],
    "expansion: a derived listener name is another listener's name (Gateway API)": [
      '[c/gw] listener "web": its host "b.example.com" becomes Gateway API listener "web-1" (one listener per host), which is the name of listener #1 too; rename one of them.',
    ],
    'expansion: one host twice in a listener (Gateway API)': [
      '[c/gw] listener "http": host "a.example.com" is listed twice, so the Gateway API would get two listeners of one port, protocol and hostname (which its CEL rule refuses); list each host once.',
    ],
    'expansion: HTTPS redirect from a listener of 33 hosts (Gateway API)': [
      '[c/gw] gateway default/gw redirects to HTTPS, so the HTTPS redirect route binds to the redirecting listeners by name (one per host): 33 parentRefs, more than the 32 an HTTPRoute holds; serve the hosts with a wildcard (e.g. "*.example.com"), or use fewer hosts per gateway.',
    ],
    'expansion: route with 20 hosts (Gateway API)': [
      '[c/gw/route] route has 20 hosts, more than the 16 an HTTPRoute holds (spec.hostnames); split it into routes of at most 16 hosts, or use a wildcard host (e.g. "*.example.com").',
    ],
    'expansion: route with 17 rules (Gateway API)': [
      '[c/gw/route] route has 17 rules, more than the 16 an HTTPRoute holds (spec.rules); split it into several routes, e.g. one per path prefix.',
    ],
    'expansion: rule with 17 backends (Gateway API)': [
      '[c/gw/route] rule #0: 17 backends, more than the 16 an HTTPRoute rule holds (backendRefs); forward to at most 16.',
    ],
    'expansion: 132 matches in one route (Gateway API)': [
      '[c/gw/route] route has 132 matches in all, more than the 128 an HTTPRoute holds (CEL rule on spec.rules); split it into several routes.',
    ],
    'expansion: prefix rewrite with two prefixes (Gateway API)': [
      '[c/gw/route] rule #0: rewrite.pathPrefix with 2 matches; the Gateway API replaces a prefix only in a rule with exactly one PathPrefix match (HTTPRoute CEL rule); give each prefix its own rule.',
    ],
    'expansion: 17 request headers set (Gateway API)': [
      '[c/gw/route] rule #0: requestHeaders.set has 17 headers, more than the 16 an HTTPRoute header filter holds; edit at most 16.',
    ],
    'expansion: egress route on 65 ports (Gateway API)': [
      '[c/egress] ports lists 65 ports; with the Gateway API each is a listener of the egress Gateway, which holds at most 64 listeners: send through at most 64 ports.',
    ],
    'expansion: TLS route with 17 backends (Gateway API)': [
      '[c/gw/tls] TLS route has 17 backends, more than the 16 a Gateway API route rule holds (backendRefs); forward to at most 16.',
    ],
    'expansion: MUTUAL and SIMPLE listeners on one port (Gateway API)': [
      '[c/gw] listeners "partners" (MUTUAL) and "shop" (SIMPLE) share port 443, and the Gateway API validates client certificates per port (spec.tls.frontend.perPort), so "shop" would be MUTUAL too; move one of them to another port, or render with ApiFlavor.ISTIO (client certificates per server).',
    ],
    'expansion: two client CAs on one port (Gateway API)': [
      '[c/gw] listeners "a" and "b" validate client certificates on port 443 with the CAs of different credentials ("a-cert", "b-cert"), and the Gateway API has one client CA per port (spec.tls.frontend.perPort); move one of them to another port, or render with ApiFlavor.ISTIO (client certificates per server).',
    ],
  },
  valid: [
    {
      // 20 Services of one other namespace: two ReferenceGrants there (one lists at most 16).
      name: 'expansion: route reaching 20 Services of another namespace (Gateway API)',
      build: (c) => route(c, {
        rules: [0, 1].map((r) => ({
          matches: [{ path: PathMatch.prefix(`/r${r}`) }],
          action: HttpRouteAction.forward(Array.from({ length: 10 }, (_, i) => Backend.service(`s${r}-${i}`, { port: 80, namespace: 'shop' }))),
        })),
      }),
    },
    {
      name: 'expansion: egress route on 64 ports (Gateway API)',
      build: (c) => new EgressRoute(c, 'egress', { api: GW, name: 'cnn', host: 'edition.cnn.com', ports: Array.from({ length: 64 }, (_, i) => 8000 + i) }),
    },
    { name: 'expansion: listener with 64 hosts (Gateway API)', build: (c) => gateway(c, [GatewayListener.http({ hosts: hosts(64) })]) },
    { name: 'expansion: route with 16 hosts (Gateway API)', build: (c) => route(c, { hosts: hosts(16) }) },
    { name: 'expansion: route with 16 rules of 8 matches (Gateway API)', build: (c) => route(c, { rules: Array.from({ length: 16 }, (_, r) => ({ matches: prefixes(8).map((m) => ({ path: PathMatch.prefix(`/r${r}${m.path!.value}`) })), action: forward })) }) },
    ...[ApiFlavor.ISTIO, GW].map((api) => ({
      name: `expansion: two MUTUAL listeners on one port with one CA (${api})`,
      build: (c: Chart) => gateway(c, [
        GatewayListener.https({ name: 'a', hosts: ['a.example.com'], tls: ServerTls.mutual('partners-cert') }),
        GatewayListener.https({ name: 'b', hosts: ['b.example.com', 'c.example.com'], tls: ServerTls.mutual('partners-cert') }),
      ], api),
    })),
    ...[ApiFlavor.ISTIO, GW].map((api) => ({
      name: `expansion: MUTUAL on 8443 beside SIMPLE on 443 (${api})`,
      build: (c: Chart) => gateway(c, [
        GatewayListener.https({ name: 'partners', port: 8443, hosts: ['partners.example.com'], tls: ServerTls.mutual('partners-cert') }),
        GatewayListener.https({ name: 'shop', hosts: ['shop.example.com'], tls: ServerTls.simple('shop-cert') }),
      ], api),
    })),
    {
      name: 'expansion: MUTUAL and SIMPLE listeners on one port (Istio API: per server)',
      build: (c) => gateway(c, [
        GatewayListener.https({ name: 'partners', hosts: ['partners.example.com'], tls: ServerTls.mutual('partners-cert') }),
        GatewayListener.https({ name: 'shop', hosts: ['shop.example.com'], tls: ServerTls.simple('shop-cert') }),
      ], ApiFlavor.ISTIO),
    },
  ],
};
