import { Chart } from 'cdk8s';
import {
  ApiFlavor,
  Backend,
  CorsPolicy,
  EgressMode,
  EgressRoute,
  GatewayListener,
  HttpbinExposure,
  HttpRouteAction,
  IngressGateway,
  OriginationTls,
  OriginationTlsOptions,
  RouteNamespaces,
  ServerTls,
  GatewayWorkload,
  ServiceType,
} from '../../../src';
import { CatalogueTopic } from '../topic';

/*
 * Secure defaults: what the library refuses, or writes, so that the secure choice is the one made
 * without asking (the server's name verified, no escape from the egress lock-down, no credentialed
 * CORS for any origin, routes bound from the gateway's namespace only, HTTPS hosts named).
 */

const forward = HttpRouteAction.forward([Backend.service('svc', { port: 80 })]);

function gateway(chart: Chart, listeners: GatewayListener[], api = ApiFlavor.ISTIO) {
  return new IngressGateway(chart, 'gw', { api, name: 'gw', listeners });
}

function cors(chart: Chart, policy: CorsPolicy, api = ApiFlavor.ISTIO) {
  gateway(chart, [GatewayListener.http()], api).addHttpRoute('route', { name: 'route', rules: [{ action: forward, cors: policy }] });
}

function routeFrom(chart: Chart, namespace: string, listener: GatewayListener, api = ApiFlavor.ISTIO) {
  gateway(chart, [listener], api).addHttpRoute('route', { name: 'route', namespace, rules: [{ action: forward }] });
}

function origination(chart: Chart, options: OriginationTlsOptions) {
  new EgressRoute(chart, 'egress', { name: 'cnn', host: 'edition.cnn.com', mode: EgressMode.TLS_ORIGINATION, originationTls: OriginationTls.simple(options) });
}

const SUPPRESS = '(to accept it: GatewayValidation.suppress(scope, SuppressibleRule.ROUTE_HOST_NOT_SERVED, reason)).';

export const TOPIC: CatalogueTopic = {
  bad: [
    { name: 'secure: HTTPS listener without hosts', build: (c) => gateway(c, [GatewayListener.https({ tls: ServerTls.simple('cert') })]) },
    { name: 'secure: TLS passthrough listener without hosts (Gateway API)', build: (c) => gateway(c, [GatewayListener.tlsPassthrough()], ApiFlavor.GATEWAY_API) },
    { name: 'secure: CORS for any origin with credentials', build: (c) => cors(c, { allowOrigins: ['*'], allowCredentials: true }) },
    {
      name: 'secure: CORS for any https origin with credentials (Gateway API)',
      build: (c) => cors(c, { allowOrigins: ['https://app.example.com', 'https://*'], allowCredentials: true }, ApiFlavor.GATEWAY_API),
    },
    { name: 'secure: route from another namespace, listener at its default (Istio API)', build: (c) => routeFrom(c, 'team-a', GatewayListener.http()) },
    {
      name: 'secure: TCP route from another namespace, listener at its default (Istio API)',
      build: (c) =>
        gateway(c, [GatewayListener.tcp({ port: 9000 })]).addTcpRoute('tcp', { name: 'tcp', namespace: 'team-a', port: 9000, backends: [Backend.service('echo', { port: 9000 })] }),
    },
    { name: 'secure: TLS origination with an empty name list', build: (c) => origination(c, { subjectAltNames: [] }) },
    { name: 'secure: TLS origination with a blank reason to skip the name check', build: (c) => origination(c, { skipServerNameCheckReason: '' }) },
    {
      name: 'secure: TLS origination with names and a reason to skip them',
      build: (c) => origination(c, { subjectAltNames: ['edition.cnn.com'], skipServerNameCheckReason: 'legacy partner' }),
    },
    {
      name: 'secure: egress lock-down of the namespace the Gateway API gateway runs in',
      build: (c) => new EgressRoute(c, 'egress', { api: ApiFlavor.GATEWAY_API, name: 'cnn', host: 'edition.cnn.com', clientNetworkPolicy: {} }),
    },
    { name: 'secure: gateway workload injected from the sidecar template', build: (c) => new GatewayWorkload(c, 'gw', { podAnnotations: { 'inject.istio.io/templates': 'sidecar' } }) },
    { name: 'secure: gateway workload with injection turned off', build: (c) => new GatewayWorkload(c, 'gw', { podAnnotations: { 'sidecar.istio.io/inject': 'false' } }) },
    {
      name: 'secure: TLS passthrough egress gateway behind a load balancer',
      build: (c) =>
        new EgressRoute(c, 'egress', { name: 'api', host: 'api.example.com', mode: EgressMode.TLS_PASSTHROUGH, workload: { serviceType: ServiceType.LOAD_BALANCER } }),
    },
    {
      name: 'secure: TLS passthrough egress through the public ingress gateway',
      build: (c) => {
        new IngressGateway(c, 'ingress', { name: 'public', namespace: 'istio-system', listeners: [GatewayListener.http({ hosts: ['shop.example.com'] })], workload: { namespace: 'istio-system' } });
        new EgressRoute(c, 'egress', { name: 'api', host: 'api.example.com', mode: EgressMode.TLS_PASSTHROUGH, gatewaySelector: { istio: 'ingressgateway' } });
      },
    },
    {
      name: 'secure: egress lock-down of the cluster DNS namespace',
      build: (c) => new EgressRoute(c, 'egress', { name: 'api', host: 'api.example.com', clientNamespaces: ['default', 'kube-system'], clientNetworkPolicy: {} }),
    },
    {
      name: 'secure: egress lock-down of the control plane namespace',
      build: (c) =>
        new EgressRoute(c, 'egress', { name: 'api', host: 'api.example.com', gatewayNamespace: 'istio-egress', clientNamespaces: ['default', 'istio-system'], clientNetworkPolicy: {} }),
    },
    {
      name: 'secure: TCP route from a namespace the listener\'s routeNamespaces do not name',
      build: (c) => {
        const gw = new IngressGateway(c, 'gw', { name: 'gw', listeners: [GatewayListener.tcp({ port: 5432, routeNamespaces: RouteNamespaces.named(['team-db']) })] });
        gw.addTcpRoute('tcp', { name: 'tcp', namespace: 'team-x', port: 5432, backends: [Backend.service('pg', { port: 5432 })] });
      },
    },
  ],
  expected: {
    'secure: TCP route from a namespace the listener\'s routeNamespaces do not name': [
      '[c/gw/tcp] TCP route in namespace "team-x" is not admitted by any TCP listener of gateway default/gw (their routeNamespaces name "team-db"); add it: routeNamespaces: RouteNamespaces.named(["team-db", "team-x"]), or put the route in one of those namespaces.',
    ],
    'secure: HTTPS listener without hosts': [
      '[c/gw] listener "https": no hosts given; an HTTPS listener serves the hosts its certificate is for: list them (hosts: ["shop.example.com"]), or pass hosts: ["*"] to serve any host.',
    ],
    'secure: TLS passthrough listener without hosts (Gateway API)': [
      '[c/gw] listener "tls": no hosts given; a TLS passthrough listener routes by the SNI of the hosts it passes through: list them (hosts: ["shop.example.com"]), or pass hosts: ["*"] to pass any host through.',
    ],
    'secure: CORS for any origin with credentials': [
      '[c/gw/route] rule #0: cors allows any origin ("*") together with allowCredentials, so any web site could send requests with the user\'s cookies and read the answers; list the trusted origins, or set allowCredentials to false.',
    ],
    'secure: CORS for any https origin with credentials (Gateway API)': [
      '[c/gw/route] rule #0: cors allows any origin ("https://*") together with allowCredentials, so any web site could send requests with the user\'s cookies and read the answers; list the trusted origins, or set allowCredentials to false.',
    ],
    'secure: route from another namespace, listener at its default (Istio API)': [
      '[c/gw/route] route host "*" is served by gateway default/gw to routes in its own namespace "default" only (a listener admits no other namespace unless it says so), ' +
        `and this route is in "team-a"; open the listener with routeNamespaces: RouteNamespaces.named(["team-a"]) or RouteNamespaces.all(), or put the route in "default" ${SUPPRESS}`,
    ],
    'secure: TCP route from another namespace, listener at its default (Istio API)': [
      '[c/gw/tcp] TCP route in namespace "team-a" is not admitted by any TCP listener of gateway default/gw (by default, a listener admits only routes ' +
        'in the gateway\'s namespace "default"); open the listener with routeNamespaces: RouteNamespaces.named(["team-a"]) or RouteNamespaces.all(), ' +
        'or put the route in "default".',
    ],
    'secure: TLS origination with an empty name list': [
      '[c/egress] originationTls: subjectAltNames is empty, and with an SNI set Istio then checks the server\'s certificate chain but not its name, ' +
        'so any certificate a public CA issued for any name would pass; list the names the server\'s certificate carries, or leave subjectAltNames unset ' +
        'to verify the SNI (to accept any name: skipServerNameCheckReason).',
    ],
    'secure: TLS origination with a blank reason to skip the name check': [
      '[c/egress] originationTls: skipServerNameCheckReason is blank; say why the server\'s name need not be checked, or remove it.',
    ],
    'secure: TLS origination with names and a reason to skip them': [
      '[c/egress] originationTls: subjectAltNames and skipServerNameCheckReason are both set; the names would not be checked: remove one.',
    ],
    'secure: egress lock-down of the namespace the Gateway API gateway runs in': [
      '[c/egress] clientNetworkPolicy would confine client namespace "default", where Istio deploys the egress gateway for the Gateway, ' +
        'and a NetworkPolicy cannot tell the gateway\'s pods from a client pod that copies their labels; give the route a namespace of its own ' +
        '(namespace, e.g. "istio-egress") and list the clients in clientNamespaces, or remove clientNetworkPolicy.',
    ],
    'secure: gateway workload injected from the sidecar template': [
      '[c/gw] podAnnotations sets "inject.istio.io/templates" to "sidecar", which the workload sets itself (the gateway\'s proxy is injected from Istio\'s "gateway" template first; more templates may follow it, as in "gateway,custom"); remove it from podAnnotations.',
    ],
    'secure: gateway workload with injection turned off': [
      '[c/gw] podAnnotations sets "sidecar.istio.io/inject" to "false", which the workload sets itself (the gateway\'s proxy is always injected); remove it from podAnnotations.',
    ],
    'secure: TLS passthrough egress gateway behind a load balancer': [
      '[c/egress] workload.serviceType "LoadBalancer" makes the egress gateway reachable from outside the cluster, and without Istio mutual TLS (TLS passthrough carries none) anyone who reaches it could send through it to "api.example.com"; leave serviceType at ServiceType.CLUSTER_IP (the default for an egress gateway).',
    ],
    'secure: TLS passthrough egress through the public ingress gateway': [
      '[c/egress] gatewaySelector "istio=ingressgateway" selects the pods of istio-system/istio-ingressgateway, whose Service is of type LoadBalancer and reachable from outside the cluster, and without Istio mutual TLS (TLS passthrough carries none) anyone who reaches it could send through it to "api.example.com"; send through an egress gateway behind a ClusterIP Service.',
    ],
    'secure: egress lock-down of the cluster DNS namespace': [
      '[c/egress] clientNetworkPolicy would confine client namespace "kube-system", which runs the cluster DNS (dnsNamespace), and cut it off from the resolvers outside the cluster, so no external name would resolve, the host\'s included; remove "kube-system" from clientNamespaces.',
    ],
    'secure: egress lock-down of the control plane namespace': [
      '[c/egress] clientNetworkPolicy would confine client namespace "istio-system", where the control plane runs (controlPlaneNamespace), and cut istiod off from the Kubernetes API server; remove "istio-system" from clientNamespaces.',
    ],
  },
  valid: [
    {
      name: 'secure: TCP route from a namespace the listener\'s routeNamespaces name',
      build: (c) => {
        const gw = new IngressGateway(c, 'gw', { name: 'gw', listeners: [GatewayListener.tcp({ port: 5432, routeNamespaces: RouteNamespaces.named(['team-db', 'team-x']) })] });
        gw.addTcpRoute('tcp', { name: 'tcp', namespace: 'team-x', port: 5432, backends: [Backend.service('pg', { port: 5432 })] });
      },
    },
    { name: 'secure: HTTPS listener for any host, said explicitly', build: (c) => gateway(c, [GatewayListener.https({ hosts: ['*'], tls: ServerTls.simple('cert') })]) },
    { name: 'secure: TLS passthrough listener for named hosts', build: (c) => gateway(c, [GatewayListener.tlsPassthrough({ hosts: ['nginx.example.com'] })], ApiFlavor.GATEWAY_API) },
    { name: 'secure: plain HTTP listener keeps its default host "*"', build: (c) => gateway(c, [GatewayListener.http()]) },
    { name: 'secure: CORS for any origin without credentials', build: (c) => cors(c, { allowOrigins: ['*'] }) },
    {
      name: 'secure: CORS for named origins with credentials (Gateway API)',
      build: (c) => cors(c, { allowOrigins: ['https://app.example.com', 'https://*.example.com'], allowCredentials: true }, ApiFlavor.GATEWAY_API),
    },
    { name: 'secure: route from another namespace, listener open to all', build: (c) => routeFrom(c, 'team-a', GatewayListener.http({ routeNamespaces: RouteNamespaces.all() })) },
    { name: 'secure: route from a named namespace', build: (c) => routeFrom(c, 'team-a', GatewayListener.http({ routeNamespaces: RouteNamespaces.named(['team-a']) })) },
    {
      name: 'secure: TCP route from a namespace the listener names (Gateway API)',
      build: (c) =>
        gateway(c, [GatewayListener.tcp({ port: 9000, routeNamespaces: RouteNamespaces.named(['team-a']) })], ApiFlavor.GATEWAY_API)
          .addTcpRoute('tcp', { name: 'tcp', namespace: 'team-a', port: 9000, backends: [Backend.service('echo', { namespace: 'team-a', port: 9000 })] }),
    },
    { name: 'secure: route from the namespace a host is scoped to', build: (c) => routeFrom(c, 'team-a', GatewayListener.http({ hosts: ['team-a/shop.example.com'] })) },
    { name: 'secure: TLS origination with the names the certificate carries', build: (c) => origination(c, { sni: 'edition.cnn.com', subjectAltNames: ['*.cnn.com'] }) },
    { name: 'secure: TLS origination that accepts any name, with a reason', build: (c) => origination(c, { skipServerNameCheckReason: 'the partner\'s certificate names its CDN only' }) },
    {
      name: 'secure: egress lock-down with the Gateway API gateway in a namespace of its own',
      build: (c) =>
        new EgressRoute(c, 'egress', {
          api: ApiFlavor.GATEWAY_API,
          name: 'cnn',
          host: 'edition.cnn.com',
          namespace: 'istio-egress',
          clientNamespaces: ['default'],
          clientNetworkPolicy: {},
        }),
    },
    { name: 'secure: httpbin deployed under the restricted Pod Security Standard', build: (c) => new HttpbinExposure(c, 'httpbin', {}) },
    { name: 'secure: gateway workload with a custom template after the gateway one', build: (c) => new GatewayWorkload(c, 'gw', { podAnnotations: { 'inject.istio.io/templates': 'gateway,spire' } }) },
    {
      name: 'secure: egress gateway behind a load balancer, clients with Istio mutual TLS',
      build: (c) => new EgressRoute(c, 'egress', { name: 'api', host: 'api.example.com', workload: { serviceType: ServiceType.LOAD_BALANCER } }),
    },
  ],
};
