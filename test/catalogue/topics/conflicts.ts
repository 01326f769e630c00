import { Chart } from 'cdk8s';
import { ApiFlavor, Backend, EgressRoute, GatewayListener, HttpRoute, IngressGateway, ServerTls } from '../../../src';
import { CatalogueTopic } from '../topic';

/**
 * Class 8, conflicts Istio resolves silently: two routes that claim one stream, two gateways that
 * configure the same pods through selectors written differently.
 */

const backend = (name: string, port = 443) => [Backend.service(name, { port })];

function streamGateway(c: Chart, api: ApiFlavor) {
  return new IngressGateway(c, 'gw', {
    api,
    name: 'gw',
    listeners: [
      GatewayListener.tlsPassthrough({ hosts: ['*.example.com'] }),
      GatewayListener.tcp({ name: 'db', port: 5432 }),
      GatewayListener.tcp({ name: 'cache', port: 6379 }),
    ],
  });
}

function twoTlsRoutes(api: ApiFlavor) {
  return (c: Chart) => {
    const gw = streamGateway(c, api);
    gw.addTlsRoute('a', { name: 'a', hosts: ['db.example.com'], backends: backend('a') });
    gw.addTlsRoute('b', { name: 'b', hosts: ['db.example.com'], backends: backend('b') });
  };
}

function twoTcpRoutes(api: ApiFlavor) {
  return (c: Chart) => {
    const gw = streamGateway(c, api);
    gw.addTcpRoute('a', { name: 'a', port: 5432, backends: backend('a', 5432) });
    gw.addTcpRoute('b', { name: 'b', port: 5432, backends: backend('b', 5432) });
  };
}

const http = (host: string) => [GatewayListener.http({ hosts: [host] })];

export const TOPIC: CatalogueTopic = {
  bad: [
    { name: 'conflict: two TLS routes for one SNI host (Istio API)', build: twoTlsRoutes(ApiFlavor.ISTIO) },
    { name: 'conflict: two TLS routes for one SNI host (Gateway API)', build: twoTlsRoutes(ApiFlavor.GATEWAY_API) },
    { name: 'conflict: two TCP routes for one gateway port (Istio API)', build: twoTcpRoutes(ApiFlavor.ISTIO) },
    { name: 'conflict: two TCP routes for one gateway port (Gateway API)', build: twoTcpRoutes(ApiFlavor.GATEWAY_API) },
    {
      name: 'conflict: a TLS route on every port and one on port 443 for one SNI host',
      build: (c) => {
        const gw = streamGateway(c, ApiFlavor.ISTIO);
        gw.addTlsRoute('a', { name: 'a', hosts: ['db.example.com', 'x.example.com'], backends: backend('a') });
        gw.addTlsRoute('b', { name: 'b', hosts: ['db.example.com'], port: 443, backends: backend('b') });
      },
    },
    {
      name: 'conflict: the default selector selects the pods of a deployed workload',
      build: (c) => {
        new IngressGateway(c, 'deployed', { name: 'deployed', listeners: http('a.example.com'), workload: {} });
        new IngressGateway(c, 'bound', { name: 'bound', listeners: http('a.example.com') });
      },
    },
    {
      name: 'conflict: two selectors that both select the pods of a deployed workload',
      build: (c) => {
        new IngressGateway(c, 'deployed', { name: 'deployed', listeners: http('admin.example.com'), workload: {} });
        new IngressGateway(c, 'by-app', { name: 'by-app', selector: { app: 'istio-ingressgateway' }, listeners: http('shop.example.com') });
        new IngressGateway(c, 'by-istio', { name: 'by-istio', selector: { istio: 'ingressgateway' }, listeners: http('shop.example.com') });
      },
    },
    {
      name: 'conflict: a selector that is a subset of another shares a credential',
      build: (c) => {
        const tls = ServerTls.simple('shop-cert');
        new IngressGateway(c, 'a', { name: 'a', selector: { istio: 'ingressgateway' }, listeners: [GatewayListener.https({ hosts: ['a.example.com'], tls })] });
        new IngressGateway(c, 'b', { name: 'b', selector: { istio: 'ingressgateway', app: 'shop' }, listeners: [GatewayListener.https({ hosts: ['b.example.com'], tls })] });
      },
    },
    {
      name: 'conflict: egress clients allowed in a namespace that gets no subset',
      build: (c) => {
        new EgressRoute(c, 'cnn', {
          host: 'edition.cnn.com',
          name: 'cnn',
          clientNamespaces: ['default'],
          allowedClients: { serviceAccounts: ['team-a/curl', 'default/curl'], namespaces: ['team-b'] },
        });
      },
    },
    {
      name: 'conflict: an egress route through a gateway another route locks down',
      build: (c) => {
        new EgressRoute(c, 'cnn', { host: 'edition.cnn.com', name: 'cnn', allowedClients: { namespaces: ['default'] } });
        new EgressRoute(c, 'wiki', { host: 'www.wikipedia.org', name: 'wiki' });
      },
    },
    {
      name: 'conflict: two Istio routes sharing a host, one bound through a reference to the gateway',
      build: (c) => {
        const gw = new IngressGateway(c, 'gw', { name: 'gw', listeners: [GatewayListener.http({ hosts: ['*.example.com'] })] });
        gw.addHttpRoute('shop', { name: 'shop', hosts: ['shop.example.com'], forwardTo: [{ service: 'a', port: 80 }] });
        new HttpRoute(c, 'other', { gateway: IngressGateway.fromGatewayName(c, 'ref', 'default/gw'), name: 'other', hosts: ['shop.example.com', 'blog.example.org'], forwardTo: [{ service: 'b', port: 80 }] });
      },
    },
    {
      name: 'conflict: a reference in the Istio API to a Gateway API gateway of the app',
      build: (c) => {
        new IngressGateway(c, 'gw', { api: ApiFlavor.GATEWAY_API, name: 'gw', listeners: [GatewayListener.http({ hosts: ['*.example.com'] })] });
        new HttpRoute(c, 'other', { gateway: IngressGateway.fromGatewayName(c, 'ref', 'default/gw'), name: 'other', hosts: ['shop.example.com'], forwardTo: [{ service: 'b', port: 80 }] });
      },
    },
    {
      name: 'conflict: two gateways on one workload, HTTP and HTTPS on one port',
      build: (c) => {
        new IngressGateway(c, 'a', { name: 'a', listeners: [GatewayListener.http({ port: 8080, hosts: ['a.example.com'] })] });
        new IngressGateway(c, 'b', { name: 'b', listeners: [GatewayListener.https({ port: 8080, hosts: ['b.example.com'], tls: ServerTls.simple('b-cert') })] });
      },
    },
    {
      name: 'conflict: an ingress gateway on the egress gateway pods an egress route locks down',
      build: (c) => {
        new EgressRoute(c, 'cnn', { host: 'edition.cnn.com', name: 'cnn', allowedClients: { namespaces: ['default'] } });
        new IngressGateway(c, 'gw', { name: 'gw', selector: { istio: 'egressgateway' }, listeners: [GatewayListener.http({ port: 8080, hosts: ['shop.example.com'] })] });
      },
    },
    {
      name: 'conflict: an ingress gateway serving plain HTTP on the egress gateway pods\' mutual TLS port',
      build: (c) => {
        new EgressRoute(c, 'cnn', { host: 'edition.cnn.com', name: 'cnn' });
        new IngressGateway(c, 'gw', { name: 'gw', selector: { istio: 'egressgateway' }, listeners: [GatewayListener.http({ hosts: ['shop.example.com'] })] });
      },
    },
    { name: 'conflict: a gateway reference with three parts', build: (c) => new HttpRoute(c, 'r', { gateway: IngressGateway.fromGatewayName(c, 'ref', 'istio-system/public/gw'), name: 'r', hosts: ['shop.example.com'], forwardTo: [{ service: 'b', port: 80 }] }) },
  ],
  expected: {
    'conflict: an ingress gateway serving plain HTTP on the egress gateway pods\' mutual TLS port': [
      '[c/gw] listener "http" (HTTP) shares port 80 on the egress gateway pods ("istio=egressgateway" in namespace "istio-system") with the HTTPS server of c/cnn; one port of a workload serves one protocol family (HTTP, HTTPS/TLS or TCP), and Istio does not serve both (it skips one, depending on the order it reads them): move the listener to another port, or select other pods for this gateway.',
    ],
    'conflict: an ingress gateway on the egress gateway pods an egress route locks down': [
      '[c/gw] selector "istio=egressgateway" selects the egress gateway pods ("istio=egressgateway" in namespace "istio-system") that c/cnn locks down (allowedClients), and Istio denies every request to them that no ALLOW AuthorizationPolicy matches, so this gateway\'s clients would be refused; select other pods for this gateway, or send the egress route through another egress gateway.',
    ],
    'conflict: two gateways on one workload, HTTP and HTTPS on one port': [
      '[c/a] listener "http-8080" (HTTP) shares port 8080 on the same workload (istio=ingressgateway) with listener "https-8080" (HTTPS) of gateway default/b; one port of a workload serves one protocol family (HTTP, HTTPS/TLS or TCP), and Istio does not serve both (it skips one, depending on the order it reads them): move one listener to another port.',
      '[c/b] listener "https-8080" (HTTPS) shares port 8080 on the same workload (istio=ingressgateway) with listener "http-8080" (HTTP) of gateway default/a; one port of a workload serves one protocol family (HTTP, HTTPS/TLS or TCP), and Istio does not serve both (it skips one, depending on the order it reads them): move one listener to another port.',
    ],
    'conflict: two Istio routes sharing a host, one bound through a reference to the gateway': [
      '[c/gw] routes c/gw/shop and c/other both serve host "shop.example.com" on this gateway; Istio merges them in creation order, so which rule matches first is undefined: put their rules in one route (to accept it: GatewayValidation.suppress(scope, SuppressibleRule.MERGED_ROUTES, reason)).',
      '[c/other] route host "blog.example.org" is not served by gateway default/gw for routes in namespace "default" (its HTTP/HTTPS listeners serve "*.example.com"); add the host to a listener, or remove it from the route (to accept it: GatewayValidation.suppress(scope, SuppressibleRule.ROUTE_HOST_NOT_SERVED, reason)).',
    ],
    'conflict: a reference in the Istio API to a Gateway API gateway of the app': [
      '[c/ref] gateway reference "default/gw" is for the Istio API, but this app\'s gateway c/gw of that name is written in the Gateway API, so the routes bound through it would name a Gateway that does not exist; pass ApiFlavor.GATEWAY_API to fromGatewayName(), or bind the routes to that gateway.',
    ],
    'conflict: a gateway reference with three parts': [
      '[c/ref] gateway reference "istio-system/public/gw" is not "<namespace>/<name>" with a DNS-1123 namespace and name; write e.g. "istio-system/public-gw".',
    ],
    'conflict: an egress route through a gateway another route locks down': [
      '[c/wiki] the egress gateway pods ("istio=egressgateway" in namespace "istio-system") are locked down by c/cnn (allowedClients), and Istio denies every request to them that no ALLOW AuthorizationPolicy matches, so this route\'s clients would be refused; give this route allowedClients too, or send it through another egress gateway.',
    ],
    'conflict: egress clients allowed in a namespace that gets no subset': [
      '[c/cnn] allowedClients: service account "team-a/curl" is in namespace "team-a", which gets no DestinationRule with the route\'s subset (it is not in clientNamespaces), so its requests fail at its own sidecar before they reach the egress gateway; add "team-a" to clientNamespaces.',
      '[c/cnn] allowedClients: namespace "team-b" gets no DestinationRule with the route\'s subset (it is not in clientNamespaces), so its requests fail at its own sidecar before they reach the egress gateway; add "team-b" to clientNamespaces.',
    ],
    'conflict: two TLS routes for one SNI host (Istio API)': [
      '[c/gw/a] TLS route SNI host "db.example.com" of gateway default/gw is also routed by c/gw/b; Istio keeps the oldest VirtualService\'s route for it only: route each SNI host with one route.',
      '[c/gw/b] TLS route SNI host "db.example.com" of gateway default/gw is also routed by c/gw/a; Istio keeps the oldest VirtualService\'s route for it only: route each SNI host with one route.',
    ],
    'conflict: two TLS routes for one SNI host (Gateway API)': [
      '[c/gw/a] TLS route SNI host "db.example.com" of gateway default/gw is also routed by c/gw/b; the oldest TLSRoute wins the hostname: route each SNI host with one route.',
      '[c/gw/b] TLS route SNI host "db.example.com" of gateway default/gw is also routed by c/gw/a; the oldest TLSRoute wins the hostname: route each SNI host with one route.',
    ],
    'conflict: two TCP routes for one gateway port (Istio API)': [
      '[c/gw/a] TCP route port 5432 of gateway default/gw is also routed by c/gw/b; Istio keeps the oldest VirtualService\'s route for it only: route each port with one TcpRoute.',
      '[c/gw/b] TCP route port 5432 of gateway default/gw is also routed by c/gw/a; Istio keeps the oldest VirtualService\'s route for it only: route each port with one TcpRoute.',
    ],
    'conflict: two TCP routes for one gateway port (Gateway API)': [
      '[c/gw/a] TCP route port 5432 of gateway default/gw is also routed by c/gw/b; only the oldest TCPRoute is attached to the listener: route each port with one TcpRoute.',
      '[c/gw/b] TCP route port 5432 of gateway default/gw is also routed by c/gw/a; only the oldest TCPRoute is attached to the listener: route each port with one TcpRoute.',
    ],
    'conflict: a TLS route on every port and one on port 443 for one SNI host': [
      '[c/gw/a] TLS route SNI host "db.example.com" on port 443 of gateway default/gw is also routed by c/gw/b; Istio keeps the oldest VirtualService\'s route for it only: route each SNI host with one route.',
      '[c/gw/b] TLS route SNI host "db.example.com" on port 443 of gateway default/gw is also routed by c/gw/a; Istio keeps the oldest VirtualService\'s route for it only: route each SNI host with one route.',
    ],
    'conflict: the default selector selects the pods of a deployed workload': [
      '[c/deployed] listener "http" serves port 80 for host "a.example.com" on the same pods (selectors "app=istio-ingressgateway,istio=ingressgateway" and "istio=ingressgateway") as gateway default/bound; Istio keeps only one of them (IST0145): merge the listeners into one gateway, or give them different hosts (a wildcard beside one of its hosts is fine).',
      '[c/bound] listener "http" serves port 80 for host "a.example.com" on the same pods (selectors "istio=ingressgateway" and "app=istio-ingressgateway,istio=ingressgateway") as gateway default/deployed; Istio keeps only one of them (IST0145): merge the listeners into one gateway, or give them different hosts (a wildcard beside one of its hosts is fine).',
    ],
    'conflict: two selectors that both select the pods of a deployed workload': [
      '[c/by-app] listener "http" serves port 80 for host "shop.example.com" on the same pods (selectors "app=istio-ingressgateway" and "istio=ingressgateway" both select workload default/istio-ingressgateway) as gateway default/by-istio; Istio keeps only one of them (IST0145): merge the listeners into one gateway, or give them different hosts (a wildcard beside one of its hosts is fine).',
      '[c/by-istio] listener "http" serves port 80 for host "shop.example.com" on the same pods (selectors "istio=ingressgateway" and "app=istio-ingressgateway" both select workload default/istio-ingressgateway) as gateway default/by-app; Istio keeps only one of them (IST0145): merge the listeners into one gateway, or give them different hosts (a wildcard beside one of its hosts is fine).',
    ],
    'conflict: a selector that is a subset of another shares a credential': [
      '[c/a] listener "https" uses credential "shop-cert", which gateway default/b on the same pods (selectors "istio=ingressgateway" and "istio=ingressgateway,app=shop") uses too; define the hosts that share a certificate in one gateway (to accept it: GatewayValidation.suppress(scope, SuppressibleRule.SHARED_CREDENTIAL, reason)).',
      '[c/b] listener "https" uses credential "shop-cert", which gateway default/a on the same pods (selectors "istio=ingressgateway,app=shop" and "istio=ingressgateway") uses too; define the hosts that share a certificate in one gateway (to accept it: GatewayValidation.suppress(scope, SuppressibleRule.SHARED_CREDENTIAL, reason)).',
    ],
  },
  valid: [
    {
      name: 'conflict: an ingress gateway on the egress gateway pods, plain HTTP beside the egress route\'s plain HTTP',
      build: (c) => {
        new EgressRoute(c, 'cnn', { host: 'edition.cnn.com', name: 'cnn', mutualTls: false });
        new IngressGateway(c, 'gw', { name: 'gw', selector: { istio: 'egressgateway' }, listeners: [GatewayListener.http({ hosts: ['shop.example.com'] })] });
      },
    },
    {
      name: 'conflict: an ingress gateway beside an egress route that locks its own gateway down',
      build: (c) => {
        new EgressRoute(c, 'cnn', { host: 'edition.cnn.com', name: 'cnn', allowedClients: { namespaces: ['default'] } });
        new IngressGateway(c, 'gw', { name: 'gw', listeners: [GatewayListener.http({ hosts: ['shop.example.com'] })] });
      },
    },
    {
      name: 'conflict: two gateways on one workload, HTTP and HTTPS on their own ports, TLS beside HTTPS on one port',
      build: (c) => {
        new IngressGateway(c, 'a', { name: 'a', listeners: [GatewayListener.http({ port: 8080, hosts: ['a.example.com'] }), GatewayListener.tlsPassthrough({ hosts: ['db.example.com'] })] });
        new IngressGateway(c, 'b', { name: 'b', listeners: [GatewayListener.http({ port: 8080, hosts: ['b.example.com'] }), GatewayListener.https({ hosts: ['b.example.com'], tls: ServerTls.simple('b-cert') })] });
      },
    },
    {
      name: 'conflict: routes of two hosts, one bound through a reference to the gateway (Gateway API)',
      build: (c) => {
        const gw = new IngressGateway(c, 'gw', { api: ApiFlavor.GATEWAY_API, name: 'gw', listeners: [GatewayListener.http({ hosts: ['*.example.com'] })] });
        gw.addHttpRoute('shop', { name: 'shop', hosts: ['shop.example.com'], forwardTo: [{ service: 'a', port: 80 }] });
        new HttpRoute(c, 'cart', { gateway: IngressGateway.fromGatewayName(c, 'ref', 'default/gw', ApiFlavor.GATEWAY_API), name: 'cart', hosts: ['cart.example.com'], forwardTo: [{ service: 'b', port: 80 }] });
      },
    },
    {
      name: 'conflict: egress routes that each name their clients, or use their own egress gateways',
      build: (c) => {
        new EgressRoute(c, 'cnn', { host: 'edition.cnn.com', name: 'cnn', allowedClients: { namespaces: ['default'] } });
        new EgressRoute(c, 'wiki', { host: 'www.wikipedia.org', name: 'wiki', allowedClients: { serviceAccounts: ['default/curl'] } });
        new EgressRoute(c, 'open', { host: 'api.example.com', name: 'open', gatewaySelector: { istio: 'open-egressgateway' }, gatewayServiceName: 'open-egressgateway' });
      },
    },
    {
      name: 'conflict: egress clients allowed in client namespaces, or through the gateway namespace\'s subset',
      build: (c) => {
        new EgressRoute(c, 'cnn', {
          host: 'edition.cnn.com',
          name: 'cnn',
          clientNamespaces: ['default', 'team-a'],
          allowedClients: { serviceAccounts: ['team-a/curl'], namespaces: ['default'] },
        });
        new EgressRoute(c, 'wiki', {
          host: 'www.wikipedia.org',
          name: 'wiki',
          clientNamespaces: ['istio-system'],
          allowedClients: { namespaces: ['team-b'] },
        });
        new EgressRoute(c, 'gapi', { api: ApiFlavor.GATEWAY_API, host: 'api.example.com', name: 'gapi', allowedClients: { namespaces: ['team-c'] } });
      },
    },
    {
      name: 'conflict: TLS routes for different SNI hosts, or a name and the wildcard above it',
      build: (c) => {
        const gw = streamGateway(c, ApiFlavor.ISTIO);
        gw.addTlsRoute('a', { name: 'a', hosts: ['db.example.com'], backends: backend('a') });
        gw.addTlsRoute('b', { name: 'b', hosts: ['cache.example.com'], backends: backend('b') });
        gw.addTlsRoute('c', { name: 'c', hosts: ['*.example.com'], backends: backend('c') });
      },
    },
    {
      name: 'conflict: TLS routes for different SNI hosts (Gateway API)',
      build: (c) => {
        const gw = streamGateway(c, ApiFlavor.GATEWAY_API);
        gw.addTlsRoute('a', { name: 'a', hosts: ['db.example.com'], backends: backend('a') });
        gw.addTlsRoute('b', { name: 'b', hosts: ['cache.example.com'], backends: backend('b') });
      },
    },
    {
      name: 'conflict: TCP routes on different ports',
      build: (c) => {
        for (const api of [ApiFlavor.ISTIO, ApiFlavor.GATEWAY_API]) {
          const gw = new IngressGateway(c, `gw-${api}`, {
            api,
            name: `gw-${api.toLowerCase().replace('_', '-')}`,
            listeners: [GatewayListener.tcp({ name: 'db', port: 5432 }), GatewayListener.tcp({ name: 'cache', port: 6379 })],
          });
          gw.addTcpRoute('a', { port: 5432, backends: backend('a', 5432) });
          gw.addTcpRoute('b', { port: 6379, backends: backend('b', 6379) });
        }
      },
    },
    {
      name: 'conflict: selectors sharing a label but not the pods of a known workload',
      build: (c) => {
        new IngressGateway(c, 'deployed', { name: 'deployed', listeners: http('a.example.com'), workload: { name: 'public-ingress' } });
        new IngressGateway(c, 'bound', { name: 'bound', listeners: http('a.example.com') });
        new IngressGateway(c, 'other', { name: 'other', selector: { app: 'x', team: 'b' }, listeners: http('x.example.com') });
        new IngressGateway(c, 'third', { name: 'third', selector: { app: 'x', team: 'c' }, listeners: http('x.example.com') });
      },
    },
  ],
};
