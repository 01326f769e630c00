import * as fs from 'fs';
import * as path from 'path';
import { ApiObject, App, Chart, Testing } from 'cdk8s';
import {
  ApiFlavor,
  Backend,
  EastWestGateway,
  EgressMode,
  EgressRoute,
  EgressRouteProps,
  GatewayListener,
  HttpbinExposure,
  HttpRouteAction,
  IngressGateway,
  OriginationTls,
  RouteNamespaces,
  ServerTls,
} from '../src';
import { restrictedViolations, podSpecsOf } from './support/pod-security';
import { only, synthObjects, testChart, validationErrors } from './support/synth';
import { SampleApp } from '../examples/scenarios/sample-app';

const ISTIO = ApiFlavor.ISTIO;
const GATEWAY_API = ApiFlavor.GATEWAY_API;
const CNN = { name: 'cnn', host: 'edition.cnn.com' };

function egress(props: EgressRouteProps, namespace = 'default'): any[] {
  const chart = testChart(namespace);
  new EgressRoute(chart, 'egress', props);
  return synthObjects(chart);
}

function egressErrors(props: Partial<EgressRouteProps>, namespace = 'default'): string[] {
  const chart = testChart(namespace);
  new EgressRoute(chart, 'egress', { ...CNN, ...props });
  return validationErrors(chart);
}

/** The TLS settings of the origination DestinationRule's one port. */
function originationTls(objects: any[]): any {
  const rule = only(objects, 'DestinationRule', 'originate-tls-for-cnn');
  return rule.spec.trafficPolicy.portLevelSettings[0].tls;
}

describe('TLS origination verifies the server\'s name', () => {
  test.each([ISTIO, GATEWAY_API])('%s: the SNI written is also the name the certificate must carry', (api) => {
    const tls = originationTls(egress({ ...CNN, api, mode: EgressMode.TLS_ORIGINATION }));
    expect(tls).toEqual({ mode: 'SIMPLE', caCertificates: '/etc/ssl/certs/ca-certificates.crt', sni: 'edition.cnn.com', subjectAltNames: ['edition.cnn.com'] });
  });

  test('an explicit SNI is verified too, and explicit names replace it', () => {
    expect(originationTls(egress({ ...CNN, mode: EgressMode.TLS_ORIGINATION, originationTls: OriginationTls.simple({ sni: 'cnn.example.net' }) })).subjectAltNames)
      .toEqual(['cnn.example.net']);
    const mutual = originationTls(egress({
      ...CNN,
      mode: EgressMode.TLS_ORIGINATION,
      originationTls: OriginationTls.mutual('client-cert', { sni: 'edition.cnn.com', subjectAltNames: ['*.cnn.com'] }),
    }));
    expect(mutual).toEqual({ mode: 'MUTUAL', credentialName: 'client-cert', sni: 'edition.cnn.com', subjectAltNames: ['*.cnn.com'] });
  });

  test('a wildcard host without SNI leaves both to Istio, which then verifies each request\'s SNI (auto_san_validation)', () => {
    const objects = egress({ name: 'cnn', host: '*.cnn.com', wildcardTarget: 'edition.cnn.com', mode: EgressMode.TLS_ORIGINATION });
    const tls = originationTls(objects);
    expect(tls.sni).toBeUndefined();
    expect(tls.subjectAltNames).toBeUndefined();
  });

  test('nothing the library writes skips verification', () => {
    for (const api of [ISTIO, GATEWAY_API]) {
      const objects = egress({ ...CNN, api, mode: EgressMode.TLS_ORIGINATION, originationTls: OriginationTls.simple({ sni: 'x.cnn.com', skipServerNameCheckReason: 'legacy partner' }) });
      expect(JSON.stringify(objects)).not.toContain('insecureSkipVerify');
      expect(originationTls(objects).subjectAltNames).toBeUndefined();
    }
  });

  test('an empty name list, which would turn the name check off, is refused unless a reason is given', () => {
    expect(egressErrors({ mode: EgressMode.TLS_ORIGINATION, originationTls: OriginationTls.simple({ subjectAltNames: [] }) })).toEqual([
      '[test/egress] originationTls: subjectAltNames is empty, and with an SNI set Istio then checks the server\'s certificate chain but not its name, ' +
        'so any certificate a public CA issued for any name would pass; list the names the server\'s certificate carries, or leave subjectAltNames unset ' +
        'to verify the SNI (to accept any name: skipServerNameCheckReason).',
    ]);
    expect(egressErrors({ mode: EgressMode.TLS_ORIGINATION, originationTls: OriginationTls.simple({ skipServerNameCheckReason: ' ' }) })).toEqual([
      '[test/egress] originationTls: skipServerNameCheckReason is blank; say why the server\'s name need not be checked, or remove it.',
    ]);
    expect(egressErrors({ mode: EgressMode.TLS_ORIGINATION, originationTls: OriginationTls.simple({ subjectAltNames: ['edition.cnn.com'], skipServerNameCheckReason: 'x' }) })).toEqual([
      '[test/egress] originationTls: subjectAltNames and skipServerNameCheckReason are both set; the names would not be checked: remove one.',
    ]);
  });
});

describe('the egress lock-down cannot be escaped with labels a workload author sets', () => {
  const NAMESPACE_NAME = 'kubernetes.io/metadata.name';

  /** Every peer must name its namespace by the label the apiserver sets from its name. */
  function expectNoAuthorLabels(policy: any) {
    // Every pod of the client namespace is confined: no label a pod can carry leaves it out.
    expect(policy.spec.podSelector).toEqual({});
    for (const rule of policy.spec.egress) {
      for (const peer of rule.to) {
        expect(peer.ipBlock).toBeUndefined();
        expect(Object.keys(peer.namespaceSelector ?? {})).toEqual(['matchLabels']);
        expect(Object.keys(peer.namespaceSelector.matchLabels)).toEqual([NAMESPACE_NAME]);
      }
    }
  }

  test.each([ISTIO, GATEWAY_API])('%s: every peer is selected by namespace name; the gateway by its namespace and its labels', (api) => {
    const namespace = api === GATEWAY_API ? 'istio-egress' : 'default';
    const objects = egress({ ...CNN, api, namespace, clientNamespaces: ['default', 'team-a'], clientNetworkPolicy: { allowedNamespaces: ['shared'] } });
    const policies = objects.filter((o) => o.kind === 'NetworkPolicy');
    expect(policies).toHaveLength(2);
    for (const policy of policies) expectNoAuthorLabels(policy);
    const gatewayNamespace = api === GATEWAY_API ? 'istio-egress' : 'istio-system';
    const gatewayLabels = api === GATEWAY_API ? { 'gateway.networking.k8s.io/gateway-name': 'cnn-egress-gateway' } : { istio: 'egressgateway' };
    const peers = policies[1].spec.egress.flatMap((rule: any) => rule.to);
    const gatewayPeer = { namespaceSelector: { matchLabels: { [NAMESPACE_NAME]: gatewayNamespace } }, podSelector: { matchLabels: gatewayLabels } };
    expect(peers).toContainEqual(gatewayPeer);
  });

  test('a gateway in a client namespace is refused: a NetworkPolicy cannot tell its pods from a client pod with its labels', () => {
    expect(egressErrors({ api: GATEWAY_API, clientNetworkPolicy: {} })).toEqual([
      '[test/egress] clientNetworkPolicy would confine client namespace "default", where Istio deploys the egress gateway for the Gateway, ' +
        'and a NetworkPolicy cannot tell the gateway\'s pods from a client pod that copies their labels; give the route a namespace of its own ' +
        '(namespace, e.g. "istio-egress") and list the clients in clientNamespaces, or remove clientNetworkPolicy.',
    ]);
    expect(egressErrors({ api: GATEWAY_API, namespace: 'istio-egress', clientNamespaces: ['default'], clientNetworkPolicy: {} })).toEqual([]);
  });
});

describe('CORS that lets any origin send credentials is refused', () => {
  test.each([ISTIO, GATEWAY_API])('%s', (api) => {
    for (const origin of ['*', 'https://*', 'http://*:8080']) {
      const chart = testChart();
      new IngressGateway(chart, 'gw', { api, name: 'gw', listeners: [GatewayListener.http()] }).addHttpRoute('route', {
        name: 'route',
        rules: [{ action: HttpRouteAction.forward([Backend.service('svc', { port: 80 })]), cors: { allowOrigins: origin === '*' ? [origin] : ['https://app.example.com', origin], allowCredentials: true } }],
      });
      expect(validationErrors(chart)).toEqual([
        `[test/gw/route] rule #0: cors allows any origin ("${origin}") together with allowCredentials, so any web site could send requests with ` +
          'the user\'s cookies and read the answers; list the trusted origins, or set allowCredentials to false.',
      ]);
    }
  });
});

describe('every pod the library writes passes the Pod Security Standard "restricted"', () => {
  test('the helper finds what restricted forbids', () => {
    expect(restrictedViolations({ containers: [{ name: 'c' }] })).toEqual([
      'container c: allowPrivilegeEscalation is not false',
      'container c: runAsNonRoot is not true (pod or container)',
      'container c: seccompProfile not RuntimeDefault or Localhost (pod or container)',
      'container c: capabilities do not drop ALL',
    ]);
    expect(restrictedViolations({
      hostNetwork: true,
      securityContext: { sysctls: [{ name: 'net.ipv4.ip_forward', value: '1' }], seccompProfile: { type: 'RuntimeDefault' }, runAsNonRoot: true },
      volumes: [{ name: 'h', hostPath: { path: '/' } }],
      containers: [{ name: 'c', ports: [{ containerPort: 80, hostPort: 80 }], securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'], add: ['NET_ADMIN'] } } }],
    })).toEqual([
      'pod: hostNetwork',
      'container c: capabilities added beyond the baseline set',
      'volume h: hostPath',
      'container c: hostPort',
      'pod: unsafe sysctl net.ipv4.ip_forward',
      'volume h: type hostPath',
      'container c: capabilities added other than NET_BIND_SERVICE',
    ]);
  });

  function expectRestricted(objects: any[]) {
    const specs = podSpecsOf(objects);
    expect(specs.length).toBeGreaterThan(0);
    for (const { name, spec } of specs) expect([name, restrictedViolations(spec)]).toEqual([name, []]);
  }

  test('ingress, egress and east-west gateways, and httpbin', () => {
    const chart = testChart();
    new IngressGateway(chart, 'ingress', { name: 'gw', listeners: [GatewayListener.http({ hosts: ['shop.example.com'] })], workload: {} });
    new EgressRoute(chart, 'egress', { ...CNN, workload: {} });
    new EastWestGateway(chart, 'eastwest', { network: 'network1', exposeIstiod: true });
    new HttpbinExposure(chart, 'httpbin', {});
    expectRestricted(synthObjects(chart));
  });

  test('every example (the pods the library writes; the examples\' own sample apps aside)', () => {
    const examples = path.resolve(__dirname, '..', 'examples');
    let pods = 0;
    for (const name of fs.readdirSync(examples).filter((n) => fs.existsSync(path.join(examples, n, 'main.ts')))) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { build } = require(path.join(examples, name, 'main.ts'));
      const app: App = Testing.app();
      build(app);
      const objects = app.node
        .findAll()
        .filter((c): c is ApiObject => c instanceof ApiObject && !c.node.scopes.some((s) => s instanceof SampleApp))
        .map((o) => o.toJson());
      for (const { name: pod, spec } of podSpecsOf(objects)) {
        pods++;
        expect([name, pod, restrictedViolations(spec)]).toEqual([name, pod, []]);
      }
    }
    expect(pods).toBeGreaterThan(0);
  });
});

describe('Istio API: routes bind from the gateway\'s own namespace unless the listener opens it', () => {
  function serverHosts(listener = GatewayListener.http({ hosts: ['shop.example.com'] })): string[] {
    const chart = testChart();
    new IngressGateway(chart, 'gw', { name: 'gw', listeners: [listener] });
    return only(synthObjects(chart), 'Gateway').spec.servers[0].hosts;
  }

  test('hosts are scoped to the gateway\'s namespace by default', () => {
    expect(serverHosts()).toEqual(['./shop.example.com']);
    expect(serverHosts(GatewayListener.http({ hosts: ['shop.example.com'], routeNamespaces: RouteNamespaces.all() }))).toEqual(['*/shop.example.com']);
    expect(serverHosts(GatewayListener.http({ hosts: ['shop.example.com'], routeNamespaces: RouteNamespaces.named(['team-a']) }))).toEqual(['team-a/shop.example.com']);
    expect(serverHosts(GatewayListener.http({ hosts: ['team-a/shop.example.com'] }))).toEqual(['team-a/shop.example.com']);
  });

  test('a route from another namespace is refused by default, and admitted once the listener opens it', () => {
    const build = (listener: GatewayListener) => {
      const chart = testChart();
      new IngressGateway(chart, 'gw', { name: 'gw', listeners: [listener] }).addHttpRoute('route', {
        name: 'route',
        namespace: 'team-a',
        rules: [{ action: HttpRouteAction.forward([Backend.service('svc', { port: 80 })]) }],
      });
      return chart;
    };
    expect(validationErrors(build(GatewayListener.http()))).toEqual([
      '[test/gw/route] route host "*" is served by gateway default/gw to routes in its own namespace "default" only (a listener admits no other ' +
        'namespace unless it says so), and this route is in "team-a"; open the listener with routeNamespaces: RouteNamespaces.named(["team-a"]) ' +
        'or RouteNamespaces.all(), or put the route in "default" (to accept it: GatewayValidation.suppress(scope, SuppressibleRule.ROUTE_HOST_NOT_SERVED, reason)).',
    ]);
    expect(validationErrors(build(GatewayListener.http({ routeNamespaces: RouteNamespaces.named(['team-a']) })))).toEqual([]);
    expect(validationErrors(build(GatewayListener.http({ routeNamespaces: RouteNamespaces.all() })))).toEqual([]);
  });

  test.each([ISTIO, GATEWAY_API])('%s: a TLS or TCP route from another namespace is refused by default, and admitted once the listener opens it', (api) => {
    const build = (open: boolean) => {
      const chart = testChart();
      const routeNamespaces = open ? RouteNamespaces.named(['team-a']) : undefined;
      const gw = new IngressGateway(chart, 'gw', {
        api,
        name: 'gw',
        listeners: [GatewayListener.tlsPassthrough({ hosts: ['nginx.example.com'], routeNamespaces }), GatewayListener.tcp({ port: 9000, routeNamespaces })],
      });
      gw.addTlsRoute('tls', { name: 'tls', namespace: 'team-a', hosts: ['nginx.example.com'], backends: [Backend.service('nginx', { port: 443 })] });
      gw.addTcpRoute('tcp', { name: 'tcp', namespace: 'team-a', port: 9000, backends: [Backend.service('echo', { port: 9000 })] });
      return chart;
    };
    const refused = (what: string, protocol: string) =>
      `${what} in namespace "team-a" is not admitted by any ${protocol} listener of gateway default/gw (by default, a listener admits only routes ` +
      'in the gateway\'s namespace "default"); open the listener with routeNamespaces: RouteNamespaces.named(["team-a"]) or RouteNamespaces.all(), ' +
      'or put the route in "default".';
    expect(validationErrors(build(false))).toEqual([`[test/gw/tls] ${refused('TLS route', 'TLS')}`, `[test/gw/tcp] ${refused('TCP route', 'TCP')}`]);
    expect(validationErrors(build(true))).toEqual([]);
  });

  test('the egress gateway\'s hosts admit the route\'s own namespace only, where its VirtualService is', () => {
    const objects = egress({ ...CNN, namespace: 'egress' });
    expect(only(objects, 'Gateway').spec.servers[0].hosts).toEqual(['./edition.cnn.com']);
    expect(only(objects, 'VirtualService').metadata.namespace).toBe('egress');
  });

  test('the east-west gateway\'s auto-passthrough hosts are left unscoped (no route binds to them)', () => {
    const chart = testChart();
    new EastWestGateway(chart, 'eastwest', { network: 'network1', deployWorkload: false });
    expect(only(synthObjects(chart), 'Gateway').spec.servers[0].hosts).toEqual(['*.local']);
  });
});

describe('HTTPS and TLS passthrough listeners name their hosts', () => {
  function errors(listener: GatewayListener, api = ISTIO): string[] {
    const chart = new Chart(Testing.app(), 'test', { namespace: 'default' });
    new IngressGateway(chart, 'gw', { api, name: 'gw', listeners: [listener] });
    return validationErrors(chart);
  }

  test.each([ISTIO, GATEWAY_API])('%s', (api) => {
    expect(errors(GatewayListener.https({ tls: ServerTls.simple('cert') }), api)).toEqual([
      '[test/gw] listener "https": no hosts given; an HTTPS listener serves the hosts its certificate is for: list them ' +
        '(hosts: ["shop.example.com"]), or pass hosts: ["*"] to serve any host.',
    ]);
    expect(errors(GatewayListener.tlsPassthrough(), api)).toEqual([
      '[test/gw] listener "tls": no hosts given; a TLS passthrough listener routes by the SNI of the hosts it passes through: list them ' +
        '(hosts: ["shop.example.com"]), or pass hosts: ["*"] to pass any host through.',
    ]);
    expect(errors(GatewayListener.https({ tls: ServerTls.simple('cert'), hosts: ['*'] }), api)).toEqual([]);
    expect(errors(GatewayListener.tlsPassthrough({ hosts: ['*'] }), api)).toEqual([]);
    expect(errors(GatewayListener.http(), api)).toEqual([]);
  });
});
