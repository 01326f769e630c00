import { Chart } from 'cdk8s';
import {
  ApiFlavor,
  Backend,
  BackendPolicy,
  EastWestGateway,
  EgressRoute,
  GatewayAddress,
  GatewayListener,
  GatewayWorkload,
  HttpRoute,
  HttpRouteAction,
  IngressGateway,
  RemoteNetworkGateway,
  RouteNamespaces,
  ServerTls,
  HttpbinExposure,
  StringMatch,
} from '../../../src';
import { CatalogueTopic } from '../topic';

// Class 2: names the receiving system checks, whether given, composed by the library
// (`<gateway>-https-redirect`, `<name>-egress-gateway`) or derived by Istio (the Deployment and
// Service `<gateway>-<gatewayClassName>` it creates for a Gateway API Gateway).

const forward = HttpRouteAction.forward([Backend.service('svc', { port: 80 })]);
/** A legal DNS-1123 subdomain of exactly `length` characters (labels of 63 joined by dots). */
function longName(length: number): string {
  const labels: string[] = [];
  let rest = length;
  while (rest > 0) {
    const size = Math.min(63, rest);
    labels.push('a'.repeat(size - 1) + 'b');
    rest -= size + 1;
  }
  const name = labels.join('.');
  return name.endsWith('.') ? name.slice(0, -1) : name;
}

const https = [GatewayListener.http({ httpsRedirect: true }), GatewayListener.https({ hosts: ['*'], tls: ServerTls.simple('cert') })];

export const TOPIC: CatalogueTopic = {
  bad: [
    { name: 'names: Istio Gateway name with dots', build: (c) => new IngressGateway(c, 'gw', { name: 'public.gw', listeners: [GatewayListener.http()] }) },
    {
      name: 'names: VirtualService bound to an imported Istio Gateway with dots',
      build: (c) => new HttpRoute(c, 'route', { gateway: IngressGateway.fromGatewayName(c, 'gw', 'istio-system/public.gw'), name: 'route', rules: [{ action: forward }] }),
    },
    { name: 'names: Gateway API gateway whose Service would start with a digit', build: (c) => new IngressGateway(c, 'gw', { api: ApiFlavor.GATEWAY_API, name: '1gw', listeners: [GatewayListener.http()] }) },
    { name: 'names: Gateway API gateway whose Service would be over 63', build: (c) => new IngressGateway(c, 'gw', { api: ApiFlavor.GATEWAY_API, name: 'g'.repeat(58), listeners: [GatewayListener.http()] }) },
    { name: 'names: Gateway API gatewayClassName that is not a name', build: (c) => new IngressGateway(c, 'gw', { api: ApiFlavor.GATEWAY_API, name: 'gw', gatewayClassName: 'Istio_Class', addresses: [GatewayAddress.hostname('gw.example.com')], listeners: [GatewayListener.http()] }) },
    {
      name: 'names: HTTPS redirect route name over 253',
      build: (c) => new IngressGateway(c, 'gw', { api: ApiFlavor.GATEWAY_API, name: longName(245), addresses: [GatewayAddress.hostname('gw.example.com')], listeners: https }),
    },
    {
      name: 'names: Gateway API addresses that are not a host name or an IP, and a repeat',
      build: (c) => new IngressGateway(c, 'gw', {
        api: ApiFlavor.GATEWAY_API,
        name: 'gw',
        listeners: [GatewayListener.http()],
        addresses: [GatewayAddress.hostname('Gateway_1.example.com'), GatewayAddress.ip('300.1.1.1'), GatewayAddress.ip('192.0.2.10'), GatewayAddress.ip('192.0.2.10')],
      }),
    },
    { name: 'names: Istio egress gateway name over 63', build: (c) => new EgressRoute(c, 'egress', { name: 'e'.repeat(49), host: 'edition.cnn.com' }) },
    { name: 'names: Gateway API egress Service starting with a digit', build: (c) => new EgressRoute(c, 'egress', { api: ApiFlavor.GATEWAY_API, name: '9cnn', host: 'edition.cnn.com' }) },
    { name: 'names: egress host copied as a URL', build: (c) => new EgressRoute(c, 'egress', { name: 'api', host: 'https://API.example.com:8443/v1' }) },
    { name: 'names: egress host with a port', build: (c) => new EgressRoute(c, 'egress', { name: 'api', host: 'api.example.com:443' }) },
    { name: 'names: egress host with a trailing dot', build: (c) => new EgressRoute(c, 'egress', { name: 'api', host: 'api.example.com.' }) },
    { name: 'names: egress host with a trailing newline', build: (c) => new EgressRoute(c, 'egress', { name: 'api', host: 'api.example.com\n' }) },
    { name: 'names: egress host that is a short name', build: (c) => new EgressRoute(c, 'egress', { name: 'local', host: 'localhost' }) },
    { name: 'names: workload annotation key with a blank', build: (c) => new GatewayWorkload(c, 'gw', { podAnnotations: { 'example.com/owner ': 'team-a' } }) },
    { name: 'names: workload name too long, labels derived from it', build: (c) => new GatewayWorkload(c, 'gw', { name: 'istio-' + 'a'.repeat(58) }) },
    {
      name: 'names: remote network that cannot name its Gateway',
      build: (c) => new RemoteNetworkGateway(c, 'remote', { network: 'Network_2', address: GatewayAddress.ip('192.0.2.10') }),
    },
    { name: 'names: remote network with a blank', build: (c) => new RemoteNetworkGateway(c, 'remote', { network: 'network 2', address: GatewayAddress.ip('192.0.2.10') }) },
    { name: 'names: east-west network with a blank (Gateway API)', build: (c) => new EastWestGateway(c, 'ew', { network: 'network 1', api: ApiFlavor.GATEWAY_API }) },
    { name: 'names: east-west network with a blank, deployed workload', build: (c) => new EastWestGateway(c, 'ew', { network: 'network 1' }) },
    {
      name: 'names: egress wildcard target that is a short name',
      build: (c) => new EgressRoute(c, 'egress', { name: 'wiki', host: '*.wikipedia.org', wildcardTarget: 'wikipedia' }),
    },
    { name: 'names: backend policy for a host name', build: (c) => new BackendPolicy(c, 'policy', { serviceName: 'reviews.default.svc.cluster.local' }) },
    { name: 'names: backend policy Service name in upper case', build: (c) => new BackendPolicy(c, 'policy', { serviceName: 'Reviews' }) },
    { name: 'names: httpbin version that is not a label value', build: (c) => new HttpbinExposure(c, 'httpbin', { version: 'v 1' }) },
    { name: 'names: httpbin version that cannot name the subset', build: (c) => new HttpbinExposure(c, 'httpbin', { version: 'V1', routeToVersionSubset: true }) },
    { name: 'names: gateway class in upper case (Gateway API)', build: (c) => new IngressGateway(c, 'gw', { api: ApiFlavor.GATEWAY_API, name: 'gw', gatewayClassName: 'Istio', listeners: [GatewayListener.http()] }) },
    {
      name: 'names: egress client given as a SPIFFE principal',
      build: (c) => new EgressRoute(c, 'egress', { name: 'api', host: 'api.example.com', allowedClients: { serviceAccounts: ['cluster.local/ns/default/sa/curl'] } }),
    },
    { name: 'names: listener host copied as a URL', build: (c) => new IngressGateway(c, 'gw', { name: 'gw', listeners: [GatewayListener.http({ hosts: ['https://shop.example.com'] })] }) },
    {
      name: 'names: route host with a port',
      build: (c) =>
        new IngressGateway(c, 'gw', { name: 'gw', listeners: [GatewayListener.http({ hosts: ['*'] })] }).addHttpRoute('route', { name: 'route', hosts: ['shop.example.com:8080'], rules: [{ action: forward }] }),
    },
    {
      name: 'names: header and query names copied with their punctuation',
      build: (c) => new IngressGateway(c, 'gw', { name: 'gw', listeners: [GatewayListener.http()] }).addHttpRoute('route', {
        name: 'route',
        rules: [{ matches: [{ headers: [{ name: 'x-user:', value: StringMatch.exact('bob') }], queryParams: [{ name: '?debug', value: StringMatch.exact('1') }] }], action: forward, requestHeaders: { set: { 'x-team: ': 'a' } } }],
      }),
    },
    {
      name: 'names: hosts copied from a URL, a DNS tool and a YAML file',
      build: (c) => new IngressGateway(c, 'gw', { name: 'gw', listeners: [GatewayListener.http({ hosts: ['https://shop.example.com', 'cart.example.com.', 'blog.example.com\n'] })] }),
    },
    {
      name: 'names: route hosts with a port and in Unicode',
      build: (c) => new IngressGateway(c, 'gw', { name: 'gw', listeners: [GatewayListener.http()] }).addHttpRoute('route', { name: 'route', hosts: ['shop.example.com:443', 'bücher.example'], rules: [{ action: forward }] }),
    },
    {
      name: 'names: TLS route SNI host with a trailing dot',
      build: (c) => new IngressGateway(c, 'gw', { name: 'gw', listeners: [GatewayListener.tlsPassthrough({ hosts: ['*'] })] }).addTlsRoute('tls', { name: 'tls', hosts: ['db.example.com.'], backends: [Backend.service('db', { port: 5432 })] }),
    },
    {
      name: 'names: redirect host with a port',
      build: (c) => new IngressGateway(c, 'gw', { name: 'gw', listeners: [GatewayListener.http()] }).addHttpRoute('route', { name: 'route', rules: [{ action: HttpRouteAction.redirect({ host: 'shop.example.com:8443' }) }] }),
    },
    {
      name: 'names: redirect host that is a wildcard',
      build: (c) => new IngressGateway(c, 'gw', { name: 'gw', listeners: [GatewayListener.http()] }).addHttpRoute('route', { name: 'route', rules: [{ action: HttpRouteAction.redirect({ host: '*.example.com' }) }] }),
    },
    { name: 'names: backend policy in a chart whose namespace is not a namespace name', build: (c) => new BackendPolicy(new Chart(c.node.scope!, 'other', { namespace: 'naïve' }), 'policy', { serviceName: 'web' }) },
    {
      name: 'names: route namespaces split from a comma list with blanks',
      build: (c) => new IngressGateway(c, 'gw', {
        name: 'gw',
        listeners: [GatewayListener.http({ hosts: ['shop.example.com'], routeNamespaces: RouteNamespaces.named('team-a, Team-B,'.split(',')) })],
      }),
    },
  ],
  expected: {
    'names: route namespaces split from a comma list with blanks': [
      '[c/gw] listener "http": routeNamespaces names " Team-B", which is not a namespace name (DNS-1123 label); write "team-b".',
      '[c/gw] listener "http": routeNamespaces names "", which is not a namespace name (DNS-1123 label); leave out the empty entry.',
    ],
    'names: header and query names copied with their punctuation': [
      '[c/gw/route] rule #0: header name "x-user:" is not a valid token; write "x-user" (the name alone).',
      '[c/gw/route] rule #0: query parameter name "?debug" is not a valid token; write "debug" (the name alone).',
      '[c/gw/route] rule #0: requestHeaders: header name "x-team: " is not a valid token; write "x-team" (the name alone).',
    ],
    'names: hosts copied from a URL, a DNS tool and a YAML file': [
      '[c/gw] listener "http": host "https://shop.example.com" is not a DNS name; write "shop.example.com" (a host is the name alone: no scheme, port, path, spaces or trailing dot, and non-ASCII labels in punycode).',
      '[c/gw] listener "http": host "cart.example.com." is not a DNS name; write "cart.example.com" (a host is the name alone: no scheme, port, path, spaces or trailing dot, and non-ASCII labels in punycode).',
      '[c/gw] listener "http": host "blog.example.com\\n" is not a DNS name; write "blog.example.com" (a host is the name alone: no scheme, port, path, spaces or trailing dot, and non-ASCII labels in punycode).',
    ],
    'names: route hosts with a port and in Unicode': [
      '[c/gw/route] route host "shop.example.com:443" is not a DNS name; write "shop.example.com" (a host is the name alone: no scheme, port, path, spaces or trailing dot, and non-ASCII labels in punycode).',
      '[c/gw/route] route host "bücher.example" is not a DNS name; write "xn--bcher-kva.example" (a host is the name alone: no scheme, port, path, spaces or trailing dot, and non-ASCII labels in punycode).',
    ],
    'names: TLS route SNI host with a trailing dot': [
      '[c/gw/tls] TLS route SNI host "db.example.com." is not a DNS name; write "db.example.com" (the name alone, as clients send it in SNI).',
    ],
    'names: redirect host with a port': [
      '[c/gw/route] rule #0: redirect host "shop.example.com:8443" is not a DNS name; give the host alone, host: "shop.example.com", and the port as port: 8443.',
    ],
    'names: redirect host that is a wildcard': [
      '[c/gw/route] rule #0: redirect host "*.example.com" is not a DNS name; give the name to redirect to, e.g. "shop.example.com" (no wildcard).',
    ],
    'names: backend policy in a chart whose namespace is not a namespace name': [
      '[other/policy] namespace "naïve" (the Service\'s, given or the chart\'s) is not a Kubernetes namespace name (a DNS-1123 label); use lower-case letters, digits and \'-\' (at most 63), e.g. "team-a".',
    ],
    'names: Istio Gateway name with dots': [
      "[c/gw] gateway name \"public.gw\" is not a DNS-1123 label, which Istio requires of a Gateway's name (and of the gateways a VirtualService names); use at most 63 lower-case letters, digits and '-', without dots.",
    ],
    'names: VirtualService bound to an imported Istio Gateway with dots': [
      "[c/gw] gateway reference \"istio-system/public.gw\" names \"public.gw\", which is not a DNS-1123 label, as Istio requires of a Gateway's name; name the Gateway without dots.",
    ],
    'names: Gateway API gateway whose Service would start with a digit': [
      "[c/gw] Istio deploys this gateway as Deployment and Service \"1gw-istio\" (<name>-<gatewayClassName>), which is not a Service name (a DNS-1035 label: at most 63 lower-case letters, digits and '-', starting with a letter); start the gateway name with a letter, or give addresses to use a gateway Service of your own.",
    ],
    'names: Gateway API gateway whose Service would be over 63': [
      "[c/gw] Istio deploys this gateway as Deployment and Service \"gggggggggggggggggggggggggggggggggggggggggggggggggggggggggg-istio\" (<name>-<gatewayClassName>), which is not a Service name (a DNS-1035 label: at most 63 lower-case letters, digits and '-', starting with a letter); shorten the gateway name to at most 57 characters, or give addresses to use a gateway Service of your own.",
    ],
    'names: Gateway API gatewayClassName that is not a name': [
      '[c/gw] gatewayClassName "Istio_Class" is not a DNS-1123 subdomain (the name of a GatewayClass); use e.g. "istio".',
    ],
    'names: HTTPS redirect route name over 253': [
      '[c/gw] the HTTPRoute that answers httpsRedirect is named after the gateway, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab-https-redirect", which is longer than 253 characters; shorten the gateway name to at most 238.',
    ],
    'names: Gateway API addresses that are not a host name or an IP, and a repeat': [
      '[c/gw] address "Gateway_1.example.com" is not a host name; use a lower-case DNS name such as "gateway.example.com", or GatewayAddress.ip().',
      '[c/gw] address "300.1.1.1" is not an IP address; use e.g. "192.0.2.10", or GatewayAddress.hostname().',
      '[c/gw] address "192.0.2.10" is listed twice, which the Gateway schema refuses; list each address once.',
    ],
    'names: Istio egress gateway name over 63': [
      '[c/egress] name "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee" is too long for the Istio API: the Gateway "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee-egress-gateway" would be longer than 63 characters, and Istio requires a Gateway name to be a DNS-1123 label; use a name of at most 48.',
    ],
    'names: Gateway API egress Service starting with a digit': [
      '[c/egress] name "9cnn" starts with a digit, so the Service Istio deploys for the gateway, "9cnn-egress-gateway-istio", is not a Service name (a DNS-1035 label starts with a letter); start the name with a letter.',
    ],
    'names: workload annotation key with a blank': [
      '[c/gw] podAnnotations: "example.com/owner " is not an annotation key, which the apiserver refuses; use an optional DNS subdomain prefix and \'/\', then a name: use at most 63 letters, digits, \'-\', \'_\' and \'.\', starting and ending with a letter or digit.',
    ],
    'names: workload name too long, labels derived from it': [
      `[c/gw] name "istio-${'a'.repeat(58)}" cannot name a Service; use at most 63 lower-case letters, digits and '-', starting with a letter.`,
    ],
    'names: remote network that cannot name its Gateway': [
      '[c/remote] network "Network_2" names the Gateway "Network_2-eastwestgateway", which is not a DNS-1123 subdomain; give name, e.g. "network-2-eastwestgateway".',
    ],
    'names: remote network with a blank': ["[c/remote] network \"network 2\" is not a valid label value; use letters, digits, '-', '_' and '.' (at most 63)."],
    'names: east-west network with a blank (Gateway API)': ["[c/ew] network \"network 1\" is not a valid label value; use letters, digits, '-', '_' and '.' (at most 63)."],
    'names: east-west network with a blank, deployed workload': ["[c/ew] network \"network 1\" is not a valid label value; use letters, digits, '-', '_' and '.' (at most 63)."],
    'names: egress host copied as a URL': [
      '[c/egress] host "https://API.example.com:8443/v1" is not a DNS name; give the host alone, without the scheme and the port: "api.example.com" (the port goes in ports: [8443]).',
    ],
    'names: egress host with a port': ['[c/egress] host "api.example.com:443" is not a DNS name; give the host alone, "api.example.com", and the port in ports: [443].'],
    'names: egress host with a trailing dot': ['[c/egress] host "api.example.com." is not a DNS name; leave out the trailing dot: "api.example.com".'],
    'names: egress host with a trailing newline': ['[c/egress] host "api.example.com\\n" is not a DNS name; write it without blanks: "api.example.com".'],
    'names: egress host that is a short name': [
      '[c/egress] host "localhost" is a short name, which Istio refuses on the egress gateway\'s server ("short names (non FQDN) are not allowed") and a sidecar would complete with its own namespace; give the fully qualified name, like "api.example.com".',
    ],
    'names: egress wildcard target that is a short name': [
      '[c/egress] wildcardTarget "wikipedia" is a short name, which the egress gateway would complete with its own namespace ("wikipedia.istio-system.svc.cluster.local"); give the fully qualified name, like "www.wikipedia.org".',
    ],
    'names: backend policy for a host name': ['[c/policy] Service name "reviews.default.svc.cluster.local" is a host name, not a Service name; give serviceName "reviews" and namespace "default".'],
    'names: backend policy Service name in upper case': [
      '[c/policy] Service name "Reviews" is not a DNS-1123 label; give the name of the Service: lower-case letters, digits and \'-\' (at most 63).',
    ],
    'names: httpbin version that is not a label value': [
      '[c/httpbin] version "v 1" is not a label value (the pods\' version label); use at most 63 letters, digits, \'-\', \'_\' and \'.\', starting and ending with a letter or digit, like "v1".',
    ],
    'names: httpbin version that cannot name the subset': [
      '[c/httpbin] version "V1" names the subset routeToVersionSubset routes to, which must be a DNS-1123 label; use lower-case letters, digits and \'-\', like "v1".',
    ],
    'names: gateway class in upper case (Gateway API)': ['[c/gw] gatewayClassName "Istio" is not a DNS-1123 subdomain (the name of a GatewayClass); use e.g. "istio".'],
    'names: egress client given as a SPIFFE principal': [
      '[c/egress] allowedClients: service account "cluster.local/ns/default/sa/curl" is not "<namespace>/<name>"; write "default/curl".',
    ],
    'names: listener host copied as a URL': ['[c/gw] listener "http": host "https://shop.example.com" is not a DNS name; write "shop.example.com" (a host is the name alone: no scheme, port, path, spaces or trailing dot, and non-ASCII labels in punycode).'],
    'names: route host with a port': ['[c/gw/route] route host "shop.example.com:8080" is not a DNS name; write "shop.example.com" (a host is the name alone: no scheme, port, path, spaces or trailing dot, and non-ASCII labels in punycode).'],
  },
  valid: [
    {
      name: 'names: route namespaces with digits and dashes',
      build: (c) => new IngressGateway(c, 'gw', {
        name: 'gw',
        listeners: [GatewayListener.http({ hosts: ['shop.example.com'], routeNamespaces: RouteNamespaces.named(['team-a', '1-payments', 'x']) })],
      }),
    },
    {
      name: 'names: punycode hosts on a listener and a route',
      build: (c) => new IngressGateway(c, 'gw', { name: 'gw', listeners: [GatewayListener.http({ hosts: ['xn--bcher-kva.example'] })] })
        .addHttpRoute('route', { name: 'route', hosts: ['xn--bcher-kva.example'], rules: [{ action: forward }] }),
    },
    {
      name: 'names: host of 253 characters (Gateway API)',
      build: (c) => new IngressGateway(c, 'gw', { api: ApiFlavor.GATEWAY_API, name: 'gw', listeners: [GatewayListener.http({ hosts: [longName(253)] })] })
        .addHttpRoute('route', { name: 'route', hosts: [longName(253)], rules: [{ action: forward }] }),
    },
    { name: 'names: HTTP route named with 253 characters', build: (c) => new IngressGateway(c, 'gw', { name: 'gw', listeners: [GatewayListener.http()] }).addHttpRoute('route', { name: longName(253), rules: [{ action: forward }] }) },
    { name: 'names: BackendPolicy named with 253 characters', build: (c) => new BackendPolicy(c, 'p', { serviceName: 'reviews', name: longName(253) }) },
    {
      name: 'names: unmanaged Gateway API gateway named with 238 characters and an HTTPS redirect',
      build: (c) => new IngressGateway(c, 'gw', { api: ApiFlavor.GATEWAY_API, name: longName(238), addresses: [GatewayAddress.hostname('gw.example.com')], listeners: https }),
    },
    { name: 'names: Gateway API gateway whose Service is exactly 63', build: (c) => new IngressGateway(c, 'gw', { api: ApiFlavor.GATEWAY_API, name: 'g'.repeat(57), listeners: [GatewayListener.http()] }) },
    {
      name: 'names: unnamed Gateway API gateway under a long construct path',
      build: (c) => new IngressGateway(c, 'public-ingress-gateway-for-the-storefront-and-the-checkout-api', { api: ApiFlavor.GATEWAY_API, listeners: [GatewayListener.http()] }),
    },
    { name: 'names: Gateway API addresses IPv6 and a wildcard host name', build: (c) => new IngressGateway(c, 'gw', { api: ApiFlavor.GATEWAY_API, name: 'gw', addresses: [GatewayAddress.ip('2001:db8::10'), GatewayAddress.hostname('*.gw.example.com')], listeners: [GatewayListener.http()] }) },
    {
      name: 'names: istio-east-west gateway named with 63 characters (Istio adds no class suffix)',
      build: (c) => new IngressGateway(c, 'gw', { api: ApiFlavor.GATEWAY_API, name: 'e'.repeat(63), gatewayClassName: 'istio-east-west', listeners: [GatewayListener.hbone()] }),
    },
    {
      name: 'names: istio-remote gateway named with 63 characters (Istio deploys nothing)',
      build: (c) => new IngressGateway(c, 'gw', { api: ApiFlavor.GATEWAY_API, name: 'r'.repeat(63), gatewayClassName: 'istio-remote', addresses: [GatewayAddress.ip('192.0.2.10')], listeners: [GatewayListener.http()] }),
    },
    { name: 'names: Istio Gateway named with 63 characters', build: (c) => new IngressGateway(c, 'gw', { name: 'g'.repeat(63), listeners: [GatewayListener.http()] }) },
    { name: 'names: Istio egress route named with 48 characters', build: (c) => new EgressRoute(c, 'egress', { name: 'e'.repeat(48), host: 'edition.cnn.com' }) },
    { name: 'names: Istio egress route named with a leading digit', build: (c) => new EgressRoute(c, 'egress', { name: '9cnn', host: 'edition.cnn.com' }) },
    {
      name: 'names: remote network in upper case, with a name of its own',
      build: (c) => new RemoteNetworkGateway(c, 'remote', { network: 'Network_2', name: 'network-2', address: GatewayAddress.ip('192.0.2.10') }),
    },
    { name: 'names: workload annotation key in upper case', build: (c) => new GatewayWorkload(c, 'gw', { podAnnotations: { 'Example.com/Owner': 'team-a' } }) },
    { name: 'names: egress to a cluster-local FQDN', build: (c) => new EgressRoute(c, 'egress', { name: 'legacy', host: 'legacy.corp.internal' }) },
    { name: 'names: httpbin with an empty version label', build: (c) => new HttpbinExposure(c, 'httpbin', { version: '' }) },
  ],
};
