import { ApiFlavor, EgressMode, EgressRoute, EgressRouteProps, LoadBalancerAlgorithm, OriginationTls } from '../src';
import { objectsOf, only, synthObjects, testChart, validationErrors } from './support/synth';

const ISTIO = ApiFlavor.ISTIO;
const GATEWAY_API = ApiFlavor.GATEWAY_API;
const CNN = { name: 'cnn', host: 'edition.cnn.com' };
const WIKIPEDIA = { name: 'wikipedia', host: '*.wikipedia.org', wildcardTarget: 'www.wikipedia.org', mode: EgressMode.TLS_PASSTHROUGH };

function egress(props: EgressRouteProps, namespace = 'default'): any[] {
  const chart = testChart(namespace);
  new EgressRoute(chart, 'egress', props);
  return synthObjects(chart);
}

/** The API version Istio 1.30 and the Gateway API v1.6 store (the tasks still write v1alpha3, v1beta1, v1alpha2). */
function current(apiVersion: string): string {
  return apiVersion.replace(/\/v1(alpha|beta)\d+$/, '/v1');
}

/**
 * An object with names aside: no metadata but annotations (names and namespaces), no port and
 * listener names, no sectionName (a listener by name), references to other objects mapped through
 * `renames` (ours → the task's) with their namespaces dropped, VirtualService gateways in sorted
 * order, and the weight 100 of a route's only destination dropped (it takes all traffic either way).
 */
function namesAside(object: any, renames: { [ours: string]: string } = {}): any {
  const o = JSON.parse(JSON.stringify(object));
  const rename = (name: string) => renames[name] ?? name;
  const unqualified = (ref: string) => rename(ref.replace(/^[^/]*\//, ''));
  o.apiVersion = current(o.apiVersion);
  o.metadata = o.metadata.annotations ? { annotations: o.metadata.annotations } : {};
  const spec = o.spec;
  for (const port of spec.ports ?? []) delete port.name;
  for (const server of spec.servers ?? []) {
    delete server.port.name;
    // Ours admit the route's own VirtualService only (`./host`); the tasks' admit any namespace.
    server.hosts = server.hosts.map((h: string) => h.replace(/^\.\//, ''));
  }
  for (const listener of spec.listeners ?? []) delete listener.name;
  if (spec.gateways) spec.gateways = spec.gateways.map(unqualified).sort();
  for (const section of ['http', 'tls', 'tcp']) {
    for (const rule of spec[section] ?? []) {
      for (const match of rule.match ?? []) if (match.gateways) match.gateways = match.gateways.map(unqualified);
      for (const r of rule.route ?? []) if (r.destination.subset) r.destination.subset = rename(r.destination.subset);
      if (rule.route?.length === 1 && rule.route[0].weight === 100) delete rule.route[0].weight;
    }
  }
  for (const subset of spec.subsets ?? []) subset.name = rename(subset.name);
  for (const parent of spec.parentRefs ?? []) {
    delete parent.namespace;
    delete parent.sectionName;
    parent.name = rename(parent.name);
  }
  for (const rule of spec.rules ?? []) {
    for (const backend of rule.backendRefs ?? []) {
      delete backend.namespace;
      backend.name = rename(backend.name);
    }
  }
  return o;
}

/** Objects in a stable order: by kind, then by the host they are about, then by their parent kind. */
function sorted(objects: any[]): any[] {
  const key = (o: any) => `${o.kind}|${o.spec.host ?? o.spec.hosts?.[0] ?? ''}|${o.spec.parentRefs?.[0]?.kind ?? ''}`;
  return [...objects].sort((a, b) => key(a).localeCompare(key(b)));
}

function expectTask(ours: any[], task: any[], renames: { [ours: string]: string } = {}): void {
  expect(sorted(ours.map((o) => namesAside(o, renames)))).toEqual(sorted(task.map((o) => namesAside(o))));
}

function byKind(objects: any[], kind: string): any[] {
  return objects.filter((o) => o.kind === kind);
}

// Istio's "Egress Gateways" task (HTTP traffic), as documented: Istio API and Gateway API tabs.
const HTTP_TASK_SERVICE_ENTRY = `
apiVersion: networking.istio.io/v1alpha3
kind: ServiceEntry
metadata:
  name: cnn
spec:
  hosts:
  - edition.cnn.com
  ports:
  - number: 80
    name: http-port
    protocol: HTTP
  - number: 443
    name: https
    protocol: HTTPS
  resolution: DNS
`;

const HTTP_TASK_ISTIO_API = objectsOf(`${HTTP_TASK_SERVICE_ENTRY}
---
apiVersion: networking.istio.io/v1alpha3
kind: Gateway
metadata:
  name: istio-egressgateway
spec:
  selector:
    istio: egressgateway
  servers:
  - port:
      number: 80
      name: http
      protocol: HTTP
    hosts:
    - edition.cnn.com
---
apiVersion: networking.istio.io/v1alpha3
kind: DestinationRule
metadata:
  name: egressgateway-for-cnn
spec:
  host: istio-egressgateway.istio-system.svc.cluster.local
  subsets:
  - name: cnn
---
apiVersion: networking.istio.io/v1alpha3
kind: VirtualService
metadata:
  name: direct-cnn-through-egress-gateway
spec:
  hosts:
  - edition.cnn.com
  gateways:
  - istio-egressgateway
  - mesh
  http:
  - match:
    - gateways:
      - mesh
      port: 80
    route:
    - destination:
        host: istio-egressgateway.istio-system.svc.cluster.local
        subset: cnn
        port:
          number: 80
      weight: 100
  - match:
    - gateways:
      - istio-egressgateway
      port: 80
    route:
    - destination:
        host: edition.cnn.com
        port:
          number: 80
      weight: 100
`);

const HTTP_TASK_GATEWAY_API = objectsOf(`${HTTP_TASK_SERVICE_ENTRY}
---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: Gateway
metadata:
  name: cnn-egress-gateway
  annotations:
    networking.istio.io/service-type: ClusterIP
spec:
  gatewayClassName: istio
  listeners:
  - name: http
    hostname: edition.cnn.com
    port: 80
    protocol: HTTP
    allowedRoutes:
      namespaces:
        from: Same
---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: HTTPRoute
metadata:
  name: direct-cnn-to-egress-gateway
spec:
  parentRefs:
  - kind: ServiceEntry
    group: networking.istio.io
    name: cnn
  rules:
  - backendRefs:
    - name: cnn-egress-gateway-istio
      port: 80
---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: HTTPRoute
metadata:
  name: forward-cnn-from-egress-gateway
spec:
  parentRefs:
  - name: cnn-egress-gateway
  hostnames:
  - edition.cnn.com
  rules:
  - backendRefs:
    - kind: Hostname
      group: networking.istio.io
      name: edition.cnn.com
      port: 80
`);

/**
 * The task's ServiceEntry also declares 443, which it routes through no gateway ("The HTTPS traffic
 * to port 443 went directly to edition.cnn.com"): a port without legs, which EgressRoute never
 * writes. Everything else is the task's.
 */
function withoutUnroutedPort(task: any[]): any[] {
  const entry = only(task, 'ServiceEntry');
  entry.spec.ports = entry.spec.ports.filter((p: any) => p.number === 80);
  return task;
}

// "Egress Gateways", HTTPS traffic (TLS passthrough).
const PASSTHROUGH_TASK_SERVICE_ENTRY = `
apiVersion: networking.istio.io/v1alpha3
kind: ServiceEntry
metadata:
  name: cnn
spec:
  hosts:
  - edition.cnn.com
  ports:
  - number: 443
    name: tls
    protocol: TLS
  resolution: DNS
`;

const PASSTHROUGH_TASK_ISTIO_API = objectsOf(`${PASSTHROUGH_TASK_SERVICE_ENTRY}
---
apiVersion: networking.istio.io/v1alpha3
kind: Gateway
metadata:
  name: istio-egressgateway
spec:
  selector:
    istio: egressgateway
  servers:
  - port:
      number: 443
      name: tls
      protocol: TLS
    hosts:
    - edition.cnn.com
    tls:
      mode: PASSTHROUGH
---
apiVersion: networking.istio.io/v1alpha3
kind: DestinationRule
metadata:
  name: egressgateway-for-cnn
spec:
  host: istio-egressgateway.istio-system.svc.cluster.local
  subsets:
  - name: cnn
---
apiVersion: networking.istio.io/v1alpha3
kind: VirtualService
metadata:
  name: direct-cnn-through-egress-gateway
spec:
  hosts:
  - edition.cnn.com
  gateways:
  - mesh
  - istio-egressgateway
  tls:
  - match:
    - gateways:
      - mesh
      port: 443
      sniHosts:
      - edition.cnn.com
    route:
    - destination:
        host: istio-egressgateway.istio-system.svc.cluster.local
        subset: cnn
        port:
          number: 443
  - match:
    - gateways:
      - istio-egressgateway
      port: 443
      sniHosts:
      - edition.cnn.com
    route:
    - destination:
        host: edition.cnn.com
        port:
          number: 443
      weight: 100
`);

const PASSTHROUGH_TASK_GATEWAY_API = objectsOf(`${PASSTHROUGH_TASK_SERVICE_ENTRY}
---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: Gateway
metadata:
  name: cnn-egress-gateway
  annotations:
    networking.istio.io/service-type: ClusterIP
spec:
  gatewayClassName: istio
  listeners:
  - name: tls
    hostname: edition.cnn.com
    port: 443
    protocol: TLS
    tls:
      mode: Passthrough
    allowedRoutes:
      namespaces:
        from: Same
---
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TLSRoute
metadata:
  name: direct-cnn-to-egress-gateway
spec:
  parentRefs:
  - kind: ServiceEntry
    group: networking.istio.io
    name: cnn
  rules:
  - backendRefs:
    - name: cnn-egress-gateway-istio
      port: 443
---
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TLSRoute
metadata:
  name: forward-cnn-from-egress-gateway
spec:
  parentRefs:
  - name: cnn-egress-gateway
  hostnames:
  - edition.cnn.com
  rules:
  - backendRefs:
    - kind: Hostname
      group: networking.istio.io
      name: edition.cnn.com
      port: 443
`);

// "Egress Gateways with TLS Origination": plain HTTP from the sidecars to the gateway over Istio
// mutual TLS, TLS originated by the gateway toward edition.cnn.com:443.
const ORIGINATION_TASK_COMMON = `
apiVersion: networking.istio.io/v1alpha3
kind: ServiceEntry
metadata:
  name: cnn
spec:
  hosts:
  - edition.cnn.com
  ports:
  - number: 80
    name: http
    protocol: HTTP
  - number: 443
    name: https
    protocol: HTTPS
  resolution: DNS
---
apiVersion: networking.istio.io/v1alpha3
kind: DestinationRule
metadata:
  name: originate-tls-for-edition-cnn-com
spec:
  host: edition.cnn.com
  trafficPolicy:
    loadBalancer:
      simple: ROUND_ROBIN
    portLevelSettings:
    - port:
        number: 443
      tls:
        mode: SIMPLE # initiates HTTPS for connections to edition.cnn.com
`;

const ORIGINATION_TASK_ISTIO_API = objectsOf(`${ORIGINATION_TASK_COMMON}
---
apiVersion: networking.istio.io/v1alpha3
kind: Gateway
metadata:
  name: istio-egressgateway
spec:
  selector:
    istio: egressgateway
  servers:
  - port:
      number: 80
      name: https-port-for-tls-origination
      protocol: HTTPS
    hosts:
    - edition.cnn.com
    tls:
      mode: ISTIO_MUTUAL
---
apiVersion: networking.istio.io/v1alpha3
kind: DestinationRule
metadata:
  name: egressgateway-for-cnn
spec:
  host: istio-egressgateway.istio-system.svc.cluster.local
  subsets:
  - name: cnn
    trafficPolicy:
      loadBalancer:
        simple: ROUND_ROBIN
      portLevelSettings:
      - port:
          number: 80
        tls:
          mode: ISTIO_MUTUAL
          sni: edition.cnn.com
---
apiVersion: networking.istio.io/v1alpha3
kind: VirtualService
metadata:
  name: direct-cnn-through-egress-gateway
spec:
  hosts:
  - edition.cnn.com
  gateways:
  - istio-egressgateway
  - mesh
  http:
  - match:
    - gateways:
      - mesh
      port: 80
    route:
    - destination:
        host: istio-egressgateway.istio-system.svc.cluster.local
        subset: cnn
        port:
          number: 80
      weight: 100
  - match:
    - gateways:
      - istio-egressgateway
      port: 80
    route:
    - destination:
        host: edition.cnn.com
        port:
          number: 443
      weight: 100
`);

const ORIGINATION_TASK_GATEWAY_API = objectsOf(`${ORIGINATION_TASK_COMMON}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: cnn-egress-gateway
  annotations:
    networking.istio.io/service-type: ClusterIP
spec:
  gatewayClassName: istio
  listeners:
  - name: https-listener-for-tls-origination
    hostname: edition.cnn.com
    port: 80
    protocol: HTTPS
    tls:
      mode: Terminate
      options:
        gateway.istio.io/tls-terminate-mode: ISTIO_MUTUAL
    allowedRoutes:
      namespaces:
        from: Same
---
apiVersion: networking.istio.io/v1alpha3
kind: DestinationRule
metadata:
  name: egressgateway-for-cnn
spec:
  host: cnn-egress-gateway-istio.default.svc.cluster.local
  trafficPolicy:
    loadBalancer:
      simple: ROUND_ROBIN
    portLevelSettings:
    - port:
        number: 80
      tls:
        mode: ISTIO_MUTUAL
        sni: edition.cnn.com
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: direct-cnn-to-egress-gateway
spec:
  parentRefs:
  - kind: ServiceEntry
    group: networking.istio.io
    name: cnn
  rules:
  - backendRefs:
    - name: cnn-egress-gateway-istio
      port: 80
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: forward-cnn-from-egress-gateway
spec:
  parentRefs:
  - name: cnn-egress-gateway
  hostnames:
  - edition.cnn.com
  rules:
  - backendRefs:
    - kind: Hostname
      group: networking.istio.io
      name: edition.cnn.com
      port: 443
`);

/**
 * EgressRoute also names the SNI of the originated TLS (the host, which Istio's automatic SNI would
 * send too), and verifies the host's certificate against the proxy's system roots (without it,
 * istioctl warns IST0129: SIMPLE TLS without caCertificates does not authenticate the server), and
 * makes the certificate carry the SNI as a name (with an SNI written, Istio checks no name by itself).
 */
function withOriginationSni(task: any[]): any[] {
  const rule = task.find((o) => o.kind === 'DestinationRule' && o.spec.host === 'edition.cnn.com');
  const tls = rule.spec.trafficPolicy.portLevelSettings[0].tls;
  tls.caCertificates = '/etc/ssl/certs/ca-certificates.crt';
  tls.sni = 'edition.cnn.com';
  tls.subjectAltNames = ['edition.cnn.com'];
  return task;
}

// "Egress using Wildcard Hosts": *.wikipedia.org through the gateway to www.wikipedia.org.
const WILDCARD_TASK_SERVICE_ENTRIES = `
apiVersion: networking.istio.io/v1alpha3
kind: ServiceEntry
metadata:
  name: wikipedia
spec:
  hosts:
  - "*.wikipedia.org"
  ports:
  - number: 443
    name: https
    protocol: HTTPS
---
apiVersion: networking.istio.io/v1alpha3
kind: ServiceEntry
metadata:
  name: www-wikipedia
spec:
  hosts:
  - www.wikipedia.org
  ports:
  - number: 443
    name: https
    protocol: HTTPS
  resolution: DNS
`;

const WILDCARD_TASK_ISTIO_API = objectsOf(`${WILDCARD_TASK_SERVICE_ENTRIES}
---
apiVersion: networking.istio.io/v1alpha3
kind: Gateway
metadata:
  name: istio-egressgateway
spec:
  selector:
    istio: egressgateway
  servers:
  - port:
      number: 443
      name: https
      protocol: HTTPS
    hosts:
    - "*.wikipedia.org"
    tls:
      mode: PASSTHROUGH
---
apiVersion: networking.istio.io/v1alpha3
kind: DestinationRule
metadata:
  name: egressgateway-for-wikipedia
spec:
  host: istio-egressgateway.istio-system.svc.cluster.local
  subsets:
    - name: wikipedia
---
apiVersion: networking.istio.io/v1alpha3
kind: VirtualService
metadata:
  name: direct-wikipedia-through-egress-gateway
spec:
  hosts:
  - "*.wikipedia.org"
  gateways:
  - mesh
  - istio-egressgateway
  tls:
  - match:
    - gateways:
      - mesh
      port: 443
      sniHosts:
      - "*.wikipedia.org"
    route:
    - destination:
        host: istio-egressgateway.istio-system.svc.cluster.local
        subset: wikipedia
        port:
          number: 443
      weight: 100
  - match:
    - gateways:
      - istio-egressgateway
      port: 443
      sniHosts:
      - "*.wikipedia.org"
    route:
    - destination:
        host: www.wikipedia.org
        port:
          number: 443
      weight: 100
`);

const WILDCARD_TASK_GATEWAY_API = objectsOf(`${WILDCARD_TASK_SERVICE_ENTRIES}
---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: Gateway
metadata:
  name: wikipedia-egress-gateway
  annotations:
    networking.istio.io/service-type: ClusterIP
spec:
  gatewayClassName: istio
  listeners:
  - name: tls
    hostname: "*.wikipedia.org"
    port: 443
    protocol: TLS
    tls:
      mode: Passthrough
    allowedRoutes:
      namespaces:
        from: Same
---
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TLSRoute
metadata:
  name: direct-wikipedia-to-egress-gateway
spec:
  parentRefs:
  - kind: ServiceEntry
    group: networking.istio.io
    name: wikipedia
  rules:
  - backendRefs:
    - name: wikipedia-egress-gateway-istio
      port: 443
---
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TLSRoute
metadata:
  name: forward-wikipedia-from-egress-gateway
spec:
  parentRefs:
  - name: wikipedia-egress-gateway
  hostnames:
  - "*.wikipedia.org"
  rules:
  - backendRefs:
    - kind: Hostname
      group: networking.istio.io
      name: www.wikipedia.org
      port: 443
`);

/**
 * What EgressRoute writes differently from the wildcard task, on purpose: TLS where the task writes
 * HTTPS for the passthrough ports (Istio passes both through by SNI alike; the "Egress Gateways"
 * task writes TLS), the wildcard entry's resolution NONE spelled out (the task leaves it at that
 * default), and the target entry exported to the egress gateway's namespace only (the clients must
 * not reach www.wikipedia.org around the gateway).
 */
function withWildcardChoices(task: any[], gatewayNamespace: string): any[] {
  for (const entry of byKind(task, 'ServiceEntry')) {
    for (const port of entry.spec.ports) port.protocol = 'TLS';
    if (entry.spec.hosts[0].startsWith('*')) entry.spec.resolution = 'NONE';
    else entry.spec.exportTo = [gatewayNamespace];
  }
  for (const server of only(task, 'Gateway').spec.servers ?? []) server.port.protocol = 'TLS';
  return task;
}

/** A TLSRoute v1 must name its SNI hosts (the task's v1alpha2 mesh route did not). */
function withMeshRouteHostnames(task: any[], host: string): any[] {
  const mesh = byKind(task, 'TLSRoute').find((r) => r.spec.parentRefs[0].kind === 'ServiceEntry');
  mesh.spec.hostnames = [host];
  return task;
}

describe('Istio\'s egress tasks, field for field (names aside)', () => {
  test('"Egress Gateways", HTTP, Istio API', () => {
    expectTask(egress({ ...CNN, mutualTls: false }), withoutUnroutedPort(HTTP_TASK_ISTIO_API), { 'cnn-egress-gateway': 'istio-egressgateway' });
  });

  test('"Egress Gateways", HTTP, Gateway API', () => {
    expectTask(egress({ ...CNN, api: GATEWAY_API, mutualTls: false }), withoutUnroutedPort(HTTP_TASK_GATEWAY_API));
  });

  test('"Egress Gateways", HTTPS (TLS passthrough), Istio API', () => {
    expectTask(egress({ ...CNN, mode: EgressMode.TLS_PASSTHROUGH }), PASSTHROUGH_TASK_ISTIO_API, { 'cnn-egress-gateway': 'istio-egressgateway' });
  });

  test('"Egress Gateways", HTTPS (TLS passthrough), Gateway API', () => {
    expectTask(
      egress({ ...CNN, api: GATEWAY_API, mode: EgressMode.TLS_PASSTHROUGH }),
      withMeshRouteHostnames(PASSTHROUGH_TASK_GATEWAY_API, 'edition.cnn.com'),
    );
  });

  test('"Egress Gateways with TLS Origination", Istio API (mutual TLS to the gateway is the default)', () => {
    const ours = egress({ ...CNN, mode: EgressMode.TLS_ORIGINATION, loadBalancer: LoadBalancerAlgorithm.ROUND_ROBIN });
    expectTask(ours, withOriginationSni(ORIGINATION_TASK_ISTIO_API), { 'cnn-egress-gateway': 'istio-egressgateway' });
  });

  test('"Egress Gateways with TLS Origination", Gateway API', () => {
    const ours = egress({ ...CNN, api: GATEWAY_API, mode: EgressMode.TLS_ORIGINATION, loadBalancer: LoadBalancerAlgorithm.ROUND_ROBIN });
    expectTask(ours, withOriginationSni(ORIGINATION_TASK_GATEWAY_API));
  });

  test('"Egress using Wildcard Hosts", Istio API', () => {
    expectTask(egress(WIKIPEDIA), withWildcardChoices(WILDCARD_TASK_ISTIO_API, 'istio-system'), {
      'wikipedia-egress-gateway': 'istio-egressgateway',
    });
  });

  test('"Egress using Wildcard Hosts", Gateway API', () => {
    const task = withMeshRouteHostnames(withWildcardChoices(WILDCARD_TASK_GATEWAY_API, '.'), '*.wikipedia.org');
    expectTask(egress({ ...WIKIPEDIA, api: GATEWAY_API }), task);
  });
});

describe('both legs for every port (held by construction)', () => {
  test('Istio API: each client port has a ServiceEntry port, a gateway server, a mesh leg and a gateway leg', () => {
    const objects = egress({ ...CNN, ports: [80, 8080] });
    expect(only(objects, 'ServiceEntry').spec.ports).toEqual([
      { number: 80, name: 'http', protocol: 'HTTP' },
      { number: 8080, name: 'http-8080', protocol: 'HTTP' },
    ]);
    expect(only(objects, 'Gateway').spec.servers.map((s: any) => [s.port.number, s.port.name, s.tls.mode])).toEqual([
      [80, 'https-80', 'ISTIO_MUTUAL'],
      [8080, 'https-8080', 'ISTIO_MUTUAL'],
    ]);
    const legs = only(objects, 'VirtualService').spec.http.map((r: any) => [
      r.match[0].gateways[0],
      r.match[0].port,
      r.route[0].destination.host,
      r.route[0].destination.port.number,
    ]);
    expect(legs).toEqual([
      ['mesh', 80, 'istio-egressgateway.istio-system.svc.cluster.local', 80],
      ['default/cnn-egress-gateway', 80, 'edition.cnn.com', 80],
      ['mesh', 8080, 'istio-egressgateway.istio-system.svc.cluster.local', 8080],
      ['default/cnn-egress-gateway', 8080, 'edition.cnn.com', 8080],
    ]);
    expect(only(objects, 'DestinationRule').spec.subsets[0].trafficPolicy.portLevelSettings.map((s: any) => s.port.number)).toEqual([80, 8080]);
  });

  test('Gateway API: each client port has a listener, a mesh route on that port of the ServiceEntry and a route from its listener', () => {
    const objects = egress({ ...CNN, api: GATEWAY_API, ports: [80, 8080], mode: EgressMode.TLS_ORIGINATION });
    expect(only(objects, 'Gateway').spec.listeners.map((l: any) => [l.name, l.port])).toEqual([
      ['https-80', 80],
      ['https-8080', 8080],
    ]);
    for (const port of [80, 8080]) {
      const mesh = only(objects, 'HTTPRoute', `direct-cnn-to-egress-gateway-${port}`);
      expect(mesh.spec.parentRefs).toEqual([{ group: 'networking.istio.io', kind: 'ServiceEntry', name: 'cnn', namespace: 'default', port }]);
      expect(mesh.spec.rules[0].backendRefs).toEqual([{ name: 'cnn-egress-gateway-istio', namespace: 'default', port }]);
      const forward = only(objects, 'HTTPRoute', `forward-cnn-from-egress-gateway-${port}`);
      expect(forward.spec.parentRefs).toEqual([{ name: 'cnn-egress-gateway', namespace: 'default', sectionName: `https-${port}` }]);
      expect(forward.spec.rules[0].backendRefs).toEqual([{ group: 'networking.istio.io', kind: 'Hostname', name: 'edition.cnn.com', port: 443 }]);
    }
    expect(only(objects, 'ServiceEntry').spec.ports.map((p: any) => p.number)).toEqual([80, 8080, 443]);
  });

  test('TLS origination: every client port\'s gateway leg goes to the TLS port, which the ServiceEntry declares as HTTPS', () => {
    const objects = egress({ ...CNN, mode: EgressMode.TLS_ORIGINATION, ports: [80, 8080], originationPort: 8443 });
    expect(only(objects, 'ServiceEntry').spec.ports).toEqual([
      { number: 80, name: 'http', protocol: 'HTTP' },
      { number: 8080, name: 'http-8080', protocol: 'HTTP' },
      { number: 8443, name: 'https-8443', protocol: 'HTTPS' },
    ]);
    const gatewayLegs = only(objects, 'VirtualService').spec.http.filter((r: any) => r.match[0].gateways[0] !== 'mesh');
    expect(gatewayLegs.map((r: any) => [r.match[0].port, r.route[0].destination.port.number])).toEqual([
      [80, 8443],
      [8080, 8443],
    ]);
    expect(only(objects, 'DestinationRule', 'originate-tls-for-cnn').spec.trafficPolicy.portLevelSettings[0].port).toEqual({ number: 8443 });
  });
});

describe('resolution and visibility', () => {
  test.each([
    [ISTIO, EgressMode.HTTP],
    [ISTIO, EgressMode.TLS_PASSTHROUGH],
    [ISTIO, EgressMode.TLS_ORIGINATION],
    [GATEWAY_API, EgressMode.HTTP],
    [GATEWAY_API, EgressMode.TLS_PASSTHROUGH],
    [GATEWAY_API, EgressMode.TLS_ORIGINATION],
  ])('%s, %s: a concrete host is resolved by DNS (NONE would make the gateway send to itself)', (api, mode) => {
    const entries = byKind(egress({ ...CNN, api, mode }), 'ServiceEntry');
    expect(entries.map((e) => [e.spec.hosts, e.spec.resolution])).toEqual([[['edition.cnn.com'], 'DNS']]);
  });

  test('a wildcard host: the wildcard entry with NONE, and the target resolved by DNS for the egress gateway only', () => {
    const entries = byKind(egress(WIKIPEDIA), 'ServiceEntry');
    expect(entries.map((e) => [e.metadata.name, e.spec.hosts, e.spec.resolution, e.spec.exportTo])).toEqual([
      ['wikipedia', ['*.wikipedia.org'], 'NONE', undefined],
      ['wikipedia-target', ['www.wikipedia.org'], 'DNS', ['istio-system']],
    ]);
  });

  test('a wildcard host over HTTP: the gateway leg sends to the target on the client port', () => {
    const objects = egress({ ...WIKIPEDIA, mode: EgressMode.HTTP, ports: [80] });
    const vs = only(objects, 'VirtualService');
    expect(vs.spec.http[1].route).toEqual([{ destination: { host: 'www.wikipedia.org', port: { number: 80 } }, weight: 100 }]);
    expect(only(objects, 'ServiceEntry', 'wikipedia-target').spec.ports).toEqual([{ number: 80, name: 'http', protocol: 'HTTP' }]);
    // Mutual TLS to the gateway names the target, which the gateway's server host covers.
    expect(only(objects, 'DestinationRule').spec.subsets[0].trafficPolicy.portLevelSettings[0].tls).toEqual({ mode: 'ISTIO_MUTUAL', sni: 'www.wikipedia.org' });
  });

  test('a wildcard host with TLS origination: the target is originated to, with the SNI of each request', () => {
    const objects = egress({ ...WIKIPEDIA, mode: EgressMode.TLS_ORIGINATION, ports: [80] });
    expect(only(objects, 'ServiceEntry', 'wikipedia').spec.ports).toEqual([{ number: 80, name: 'http', protocol: 'HTTP' }]);
    expect(only(objects, 'ServiceEntry', 'wikipedia-target').spec.ports).toEqual([{ number: 443, name: 'https', protocol: 'HTTPS' }]);
    expect(only(objects, 'DestinationRule', 'originate-tls-for-wikipedia').spec).toEqual({
      host: 'www.wikipedia.org',
      trafficPolicy: { portLevelSettings: [{ port: { number: 443 }, tls: { mode: 'SIMPLE', caCertificates: '/etc/ssl/certs/ca-certificates.crt' } }] },
    });
  });

  test('Istio API: each client namespace gets the DestinationRule that defines the subset (exportTo cannot reach past the lookup path)', () => {
    const objects = egress({ ...CNN, clientNamespaces: ['default', 'team-a'] });
    const rules = byKind(objects, 'DestinationRule');
    expect(rules.map((r) => [r.metadata.namespace, r.metadata.name, r.spec.host, r.spec.subsets[0].name])).toEqual([
      ['default', 'egressgateway-for-cnn', 'istio-egressgateway.istio-system.svc.cluster.local', 'cnn'],
      ['team-a', 'egressgateway-for-cnn', 'istio-egressgateway.istio-system.svc.cluster.local', 'cnn'],
    ]);
    expect(rules[0].spec).toEqual(rules[1].spec);
  });

  test('Gateway API: the DestinationRule for the gateway Istio deploys is in the Service\'s namespace, visible to every client', () => {
    const rules = byKind(egress({ ...CNN, api: GATEWAY_API, clientNamespaces: ['default', 'team-a'] }), 'DestinationRule');
    expect(rules.map((r) => [r.metadata.namespace, r.spec.host, r.spec.exportTo])).toEqual([
      ['default', 'cnn-egress-gateway-istio.default.svc.cluster.local', undefined],
    ]);
  });

  test('make-before-break: the legs are written after everything they send to', () => {
    const istio = egress({ ...CNN, mode: EgressMode.TLS_ORIGINATION, allowedClients: { namespaces: ['default'] }, clientNetworkPolicy: {} });
    expect(istio.map((o) => o.kind).pop()).toBe('VirtualService');
    const gatewayApi = egress({ ...CNN, api: GATEWAY_API, mode: EgressMode.TLS_ORIGINATION, allowedClients: { namespaces: ['default'] } });
    expect(gatewayApi.map((o) => `${o.kind}/${o.metadata.name}`).pop()).toBe('HTTPRoute/direct-cnn-to-egress-gateway');
  });
});

describe('modes and options', () => {
  test('mutual TLS to the gateway is on by default for HTTP and TLS origination, off for TLS passthrough', () => {
    const server = (mode: EgressMode) => only(egress({ ...CNN, mode }), 'Gateway').spec.servers[0];
    expect(server(EgressMode.HTTP)).toEqual({
      port: { number: 80, name: 'https-80', protocol: 'HTTPS' },
      hosts: ['./edition.cnn.com'],
      tls: { mode: 'ISTIO_MUTUAL' },
    });
    expect(server(EgressMode.TLS_ORIGINATION).tls).toEqual({ mode: 'ISTIO_MUTUAL' });
    expect(server(EgressMode.TLS_PASSTHROUGH).tls).toEqual({ mode: 'PASSTHROUGH' });
  });

  test('without mutual TLS, the gateway serves plain HTTP and the subset has no traffic policy', () => {
    const objects = egress({ ...CNN, mutualTls: false });
    expect(only(objects, 'Gateway').spec.servers[0]).toEqual({ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['./edition.cnn.com'] });
    expect(only(objects, 'DestinationRule').spec.subsets).toEqual([{ name: 'cnn' }]);
    expect(byKind(egress({ ...CNN, api: GATEWAY_API, mutualTls: false }), 'DestinationRule')).toEqual([]);
    const balanced = only(egress({ ...CNN, api: GATEWAY_API, mutualTls: false, loadBalancer: LoadBalancerAlgorithm.RANDOM }), 'DestinationRule');
    expect(balanced.spec).toEqual({ host: 'cnn-egress-gateway-istio.default.svc.cluster.local', trafficPolicy: { loadBalancer: { simple: 'RANDOM' } } });
  });

  test('TLS origination with a client certificate: MUTUAL with the credential and the SNI given', () => {
    const objects = egress({
      ...CNN,
      mode: EgressMode.TLS_ORIGINATION,
      originationTls: OriginationTls.mutual('client-credential', { sni: 'cnn.example.com' }),
    });
    expect(only(objects, 'DestinationRule', 'originate-tls-for-cnn').spec.trafficPolicy).toEqual({
      portLevelSettings: [
        { port: { number: 443 }, tls: { mode: 'MUTUAL', credentialName: 'client-credential', sni: 'cnn.example.com', subjectAltNames: ['cnn.example.com'] } },
      ],
    });
  });

  test('an existing egress gateway named by selector, Service and namespace', () => {
    const objects = egress({
      ...CNN,
      gatewaySelector: { app: 'egress' },
      gatewayServiceName: 'egress',
      gatewayNamespace: 'egress-system',
      allowedClients: { namespaces: ['default'] },
    });
    expect(only(objects, 'Gateway').spec.selector).toEqual({ app: 'egress' });
    expect(only(objects, 'DestinationRule').spec.host).toBe('egress.egress-system.svc.cluster.local');
    expect(only(objects, 'AuthorizationPolicy').metadata.namespace).toBe('egress-system');
  });

  test('a deployed egress gateway (Istio API): istio-egressgateway in istio-system, label egressgateway, ClusterIP, a port per client port', () => {
    const chart = testChart();
    const route = new EgressRoute(chart, 'egress', { ...CNN, ports: [80, 8080], workload: {} });
    const objects = synthObjects(chart);
    const service = only(objects, 'Service');
    expect(service.metadata).toMatchObject({ name: 'istio-egressgateway', namespace: 'istio-system' });
    expect(service.spec.type).toBe('ClusterIP');
    expect(service.spec.ports.map((p: any) => [p.name, p.port])).toEqual([
      ['status-port', 15021],
      ['http2', 80],
      ['http-8080', 8080],
    ]);
    expect(only(objects, 'Deployment').spec.template.metadata.labels.istio).toBe('egressgateway');
    expect(only(objects, 'Gateway').spec.selector).toEqual({ app: 'istio-egressgateway', istio: 'egressgateway' });
    expect(route.gatewayServiceHost).toBe('istio-egressgateway.istio-system.svc.cluster.local');
    expect(route.workload?.selectorLabels).toEqual({ app: 'istio-egressgateway', istio: 'egressgateway' });
  });

  test('a deployed egress gateway for TLS passthrough exposes https 443', () => {
    const chart = testChart();
    new EgressRoute(chart, 'egress', { ...CNN, mode: EgressMode.TLS_PASSTHROUGH, workload: { name: 'egress', namespace: 'egress-system' } });
    const objects = synthObjects(chart);
    expect(only(objects, 'Service').spec.ports.map((p: any) => [p.name, p.port])).toEqual([
      ['status-port', 15021],
      ['https', 443],
    ]);
    expect(only(objects, 'DestinationRule').spec.host).toBe('egress.egress-system.svc.cluster.local');
  });

  test('the construct exposes its objects; the ServiceEntry is the default child', () => {
    const chart = testChart();
    const route = new EgressRoute(chart, 'egress', { ...WIKIPEDIA, api: GATEWAY_API });
    expect(route.node.defaultChild).toBe(route.serviceEntry);
    expect(route.targetServiceEntry).toBeDefined();
    expect(route.routes.map((r) => r.kind)).toEqual(['TLSRoute', 'TLSRoute']);
    expect(route.destinationRules).toEqual([]);
    expect(route.authorizationPolicy).toBeUndefined();
    expect(route.networkPolicies).toEqual([]);
    expect(route.gatewayServiceHost).toBe('wikipedia-egress-gateway-istio.default.svc.cluster.local');
  });

  test('a name derived from a long construct path still fits the Service Istio deploys', () => {
    const chart = testChart();
    const route = new EgressRoute(chart, 'a-very-long-construct-id-for-the-egress-route-to-edition-cnn-com', { host: 'edition.cnn.com', api: GATEWAY_API });
    expect(validationErrors(chart)).toEqual([]);
    expect(route.gatewayServiceHost.split('.')[0].length).toBeLessThanOrEqual(63);
  });
});

describe('lock-down', () => {
  test('Istio API: an ALLOW AuthorizationPolicy on the egress gateway\'s pods, in their namespace, for the route\'s host', () => {
    const objects = egress({ ...CNN, ports: [80, 8080], clientNamespaces: ['default', 'team-a'], allowedClients: { serviceAccounts: ['default/curl'], namespaces: ['team-a'] } });
    const policy = only(objects, 'AuthorizationPolicy');
    expect(policy.apiVersion).toBe('security.istio.io/v1');
    expect(policy.metadata).toEqual({ name: 'cnn-egress-clients', namespace: 'istio-system' });
    expect(policy.spec).toEqual({
      selector: { matchLabels: { istio: 'egressgateway' } },
      action: 'ALLOW',
      rules: [
        {
          from: [{ source: { serviceAccounts: ['default/curl'] } }, { source: { namespaces: ['team-a'] } }],
          to: [{ operation: { hosts: ['edition.cnn.com', 'edition.cnn.com:80', 'edition.cnn.com:8080'] } }],
        },
      ],
    });
  });

  test('Gateway API: the AuthorizationPolicy selects the gateway Istio deploys, in the Gateway\'s namespace', () => {
    const policy = only(egress({ ...CNN, api: GATEWAY_API, allowedClients: { namespaces: ['default'] } }), 'AuthorizationPolicy');
    expect(policy.metadata.namespace).toBe('default');
    expect(policy.spec.selector).toEqual({ matchLabels: { 'gateway.networking.k8s.io/gateway-name': 'cnn-egress-gateway' } });
    expect(policy.spec.rules[0].from).toEqual([{ source: { namespaces: ['default'] } }]);
  });

  test('a NetworkPolicy per client namespace: DNS, the control plane, the gateway, its own and the allowed namespaces, nothing outside', () => {
    const objects = egress({ ...CNN, clientNamespaces: ['default', 'team-a'], clientNetworkPolicy: { allowedNamespaces: ['shared'] } });
    const policies = byKind(objects, 'NetworkPolicy');
    expect(policies.map((p) => [p.apiVersion, p.metadata.name, p.metadata.namespace])).toEqual([
      ['networking.k8s.io/v1', 'cnn-egress-lockdown', 'default'],
      ['networking.k8s.io/v1', 'cnn-egress-lockdown', 'team-a'],
    ]);
    const ns = (name: string) => ({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': name } } });
    expect(policies[1].spec).toEqual({
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [
        { to: [ns('kube-system')], ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }] },
        { to: [ns('team-a'), ns('istio-system'), ns('shared'), { ...ns('istio-system'), podSelector: { matchLabels: { istio: 'egressgateway' } } }] },
      ],
    });
  });

  test('Gateway API: the gateway Istio deploys in the route\'s namespace is reached by its namespace and its name label', () => {
    const policy = only(
      egress({ ...CNN, api: GATEWAY_API, namespace: 'egress', clientNamespaces: ['default'], clientNetworkPolicy: { controlPlaneNamespace: 'istiod', dnsNamespace: 'dns' } }),
      'NetworkPolicy',
    );
    expect(policy.spec.podSelector).toEqual({});
    expect(policy.spec.egress.map((e: any) => e.to)).toEqual([
      [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'dns' } } }],
      [
        { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'default' } } },
        { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'istiod' } } },
        {
          namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'egress' } },
          podSelector: { matchLabels: { 'gateway.networking.k8s.io/gateway-name': 'cnn-egress-gateway' } },
        },
      ],
    ]);
  });
});

describe('bad input to EgressRoute: one message per problem, naming the value and the fix', () => {
  function errors(props: Partial<EgressRouteProps>, namespace = 'default'): string[] {
    const chart = testChart(namespace);
    new EgressRoute(chart, 'egress', { ...CNN, ...props });
    return validationErrors(chart);
  }
  const at = (message: string) => `[test/egress] ${message}`;

  test('names and namespaces', () => {
    expect(errors({ name: 'Bad_Name' })).toEqual([
      at('name "Bad_Name" is not a DNS-1123 label; use lower-case letters, digits and \'-\' (the objects are named after it).'),
    ]);
    expect(errors({ api: GATEWAY_API, name: 'a'.repeat(43) })).toEqual([
      at(
        `name "${'a'.repeat(43)}" is too long for the Gateway API: the Service Istio deploys for the gateway, "${'a'.repeat(43)}-egress-gateway-istio", ` +
          'would be longer than 63 characters; use a name of at most 42.',
      ),
    ]);
    expect(errors({ api: GATEWAY_API, name: 'a'.repeat(42) })).toEqual([]);
    expect(errors({ namespace: 'Bad', clientNamespaces: ['default'] })).toEqual([at('namespace "Bad" is not a DNS-1123 label.')]);
    expect(errors({ clientNamespaces: [] })).toEqual([at('clientNamespaces is empty; name at least one namespace whose workloads send through this route.')]);
    expect(errors({ clientNamespaces: ['default', 'Team', 'default'] })).toEqual([
      at('client namespace "Team" is not a DNS-1123 label.'),
      at('client namespace "default" is listed twice; list each namespace once.'),
    ]);
  });

  test('hosts are DNS names; a wildcard needs a concrete target', () => {
    const notDns = (host: string) =>
      at(`host "${host}" is not a DNS name; use a lower-case name like "edition.cnn.com", or a wildcard like "*.wikipedia.org" with wildcardTarget.`);
    expect(errors({ host: 'edition_cnn.com' })).toEqual([notDns('edition_cnn.com')]);
    expect(errors({ host: '*' })).toEqual([notDns('*')]);
    expect(errors({ host: '*.wikipedia.org', mode: EgressMode.TLS_PASSTHROUGH })).toEqual([
      at(
        'host "*.wikipedia.org" is a wildcard, which cannot be resolved, and with resolution NONE the egress gateway would send the traffic to itself; ' +
          'set wildcardTarget to a concrete host that serves every name under it, e.g. "www.wikipedia.org".',
      ),
    ]);
    expect(errors({ ...WIKIPEDIA, wildcardTarget: '*.wikipedia.org' })).toEqual([
      at('wildcardTarget "*.wikipedia.org" is not a concrete DNS name; use a name like "www.wikipedia.org".'),
    ]);
    expect(errors({ wildcardTarget: 'www.cnn.com' })).toEqual([
      at('wildcardTarget "www.cnn.com" is set, but host "edition.cnn.com" is not a wildcard and the gateway leg sends to it; remove wildcardTarget.'),
    ]);
  });

  test('ports: 1 to 65535, each once, at least one', () => {
    expect(errors({ ports: [] })).toEqual([at('ports is empty; give at least one port the clients send to.')]);
    for (const api of [ISTIO, GATEWAY_API]) {
      expect(errors({ api, ports: [0, 70000, 8080, 8080] })).toEqual([
        at('port 0 is out of range; use a whole number from 1 to 65535.'),
        at('port 70000 is out of range; use a whole number from 1 to 65535.'),
        at('port 8080 is listed twice; list each port once.'),
      ]);
    }
  });

  test('mode and port combinations that make no sense', () => {
    expect(errors({ mode: EgressMode.TLS_PASSTHROUGH, ports: [80] })).toEqual([
      at('TLS passthrough on port 80: port 80 carries plain HTTP, which has no SNI to route by; use EgressMode.HTTP for port 80, or port 443.'),
    ]);
    const on443 = (mode: string) =>
      at(
        `${mode} on port 443: the legs read plain HTTP, but clients send TLS to port 443; ` +
          'use EgressMode.TLS_PASSTHROUGH for HTTPS the clients originate, or have the clients send plain HTTP to port 80.',
      );
    expect(errors({ ports: [443] })).toEqual([on443('EgressMode.HTTP')]);
    expect(errors({ mode: EgressMode.TLS_ORIGINATION, ports: [443] })).toEqual([
      on443('EgressMode.TLS_ORIGINATION'),
      at('originationPort 443 is also a client port; the clients\' plain HTTP and the TLS the gateway originates cannot share it: have the clients send to another port (usually 80).'),
    ]);
  });

  test('TLS origination options', () => {
    const onlyOrigination = (option: string) =>
      at(`${option} is set, but only EgressMode.TLS_ORIGINATION originates TLS; remove it, or set mode to EgressMode.TLS_ORIGINATION.`);
    expect(errors({ originationPort: 8443, originationTls: OriginationTls.simple() })).toEqual([
      onlyOrigination('originationPort'),
      onlyOrigination('originationTls'),
    ]);
    const origination = { mode: EgressMode.TLS_ORIGINATION };
    expect(errors({ ...origination, originationPort: 70000 })).toEqual([at('originationPort 70000 is out of range; use a whole number from 1 to 65535.')]);
    expect(errors({ ...origination, ports: [8080], originationPort: 80 })).toEqual([
      at('originationPort 80 is the plain HTTP port; originate TLS to the host\'s TLS port, usually 443.'),
    ]);
    expect(errors({ ...origination, originationTls: OriginationTls.mutual('') })).toEqual([
      at('originationTls: OriginationTls.mutual() needs the name of the Secret with the client certificate.'),
    ]);
    expect(errors({ ...origination, originationTls: OriginationTls.mutual('Client_Cert', { sni: '*.cnn.com' }) })).toEqual([
      at('originationTls: credential "Client_Cert" is not a valid Secret name.'),
      at('originationTls: sni "*.cnn.com" is not a concrete DNS name.'),
    ]);
  });

  test('mutual TLS to the gateway cannot wrap a TLS passthrough', () => {
    expect(errors({ mode: EgressMode.TLS_PASSTHROUGH, mutualTls: true })).toEqual([
      at(
        'mutualTls with EgressMode.TLS_PASSTHROUGH: the clients\' own TLS is passed through, so the gateway has no Istio mutual TLS to terminate; ' +
          'remove mutualTls, or use EgressMode.HTTP or EgressMode.TLS_ORIGINATION.',
      ),
    ]);
  });

  test('what the Gateway API cannot express: a workload of our own, and the Istio API\'s gateway options', () => {
    expect(errors({ api: GATEWAY_API, workload: {}, gatewaySelector: { istio: 'egress' }, gatewayServiceName: 'egress', gatewayNamespace: 'egress' })).toEqual([
      at(
        'workload is an Istio API option: with the Gateway API Istio deploys the egress gateway for the Gateway ("cnn-egress-gateway-istio", ClusterIP); ' +
          'remove workload, or render with ApiFlavor.ISTIO.',
      ),
      ...['gatewaySelector', 'gatewayServiceName', 'gatewayNamespace'].map((option) =>
        at(
          `${option} is an Istio API option: with the Gateway API the egress gateway is the one Istio deploys for the Gateway, in namespace "default"; ` +
            'remove it, or render with ApiFlavor.ISTIO.',
        ),
      ),
    ]);
  });

  test('the egress gateway: deployed or named, not both; names that are names', () => {
    expect(errors({ workload: {}, gatewaySelector: { istio: 'egress' }, gatewayServiceName: 'egress', gatewayNamespace: 'egress' })).toEqual([
      at('gatewaySelector and workload are both set; the Gateway selects the deployed workload\'s labels: remove gatewaySelector.'),
      at('gatewayServiceName and workload are both set; the deployed workload\'s Service is named after it: remove gatewayServiceName, or set workload.name.'),
      at('gatewayNamespace and workload are both set; the deployed workload runs in its own namespace: remove gatewayNamespace, or set workload.namespace.'),
    ]);
    expect(errors({ gatewaySelector: {}, gatewayServiceName: 'Egress', gatewayNamespace: 'Egress' })).toEqual([
      at('gatewaySelector is empty, so the Gateway would configure every gateway pod; give the egress gateway\'s labels, e.g. { istio: "egressgateway" }.'),
      at('gatewayServiceName "Egress" is not a DNS-1123 label.'),
      at('gatewayNamespace "Egress" is not a DNS-1123 label.'),
    ]);
  });

  test('allowedClients: the clients\' identity comes from Istio mutual TLS', () => {
    expect(errors({ mode: EgressMode.TLS_PASSTHROUGH, allowedClients: { namespaces: ['default'] } })).toEqual([
      at(
        'allowedClients needs the clients\' identity, which the egress gateway learns from Istio mutual TLS, and TLS passthrough carries none; ' +
          'lock the clients in with clientNetworkPolicy instead, or use EgressMode.HTTP or EgressMode.TLS_ORIGINATION.',
      ),
    ]);
    expect(errors({ mutualTls: false, allowedClients: { namespaces: ['default'] } })).toEqual([
      at('allowedClients needs the clients\' identity, which the egress gateway learns from Istio mutual TLS; set mutualTls to true (the default), or remove allowedClients.'),
    ]);
    expect(errors({ allowedClients: {} })).toEqual([
      at('allowedClients names no service account and no namespace, so no client could send; name at least one, or remove allowedClients.'),
    ]);
    const accounts = Array.from({ length: 17 }, (_, i) => `default/sa-${i}`);
    expect(errors({ allowedClients: { serviceAccounts: accounts } })).toEqual([
      at('allowedClients lists 17 service accounts; Istio accepts at most 16: allow their namespaces instead.'),
    ]);
    expect(errors({ allowedClients: { serviceAccounts: ['curl', 'a/b/c', 'Default/curl'], namespaces: ['Team'] } })).toEqual([
      at('allowedClients: service account "curl" is not "<namespace>/<name>"; write e.g. "default/curl".'),
      at('allowedClients: service account "a/b/c" is not "<namespace>/<name>"; write e.g. "default/curl".'),
      at('allowedClients: service account "Default/curl" is not "<namespace>/<name>"; write e.g. "default/curl".'),
      at('allowedClients: namespace "Team" is not a DNS-1123 label.'),
    ]);
  });

  test('clientNetworkPolicy: namespaces that are names, and never around the egress gateway itself', () => {
    expect(errors({ clientNetworkPolicy: { allowedNamespaces: ['Shared'], controlPlaneNamespace: 'Istio', dnsNamespace: 'Dns' } })).toEqual([
      at('clientNetworkPolicy: namespace "Shared" is not a DNS-1123 label.'),
      at('clientNetworkPolicy: namespace "Istio" is not a DNS-1123 label.'),
      at('clientNetworkPolicy: namespace "Dns" is not a DNS-1123 label.'),
    ]);
    expect(errors({ clientNetworkPolicy: {} }, 'istio-system')).toEqual([
      at(
        'clientNetworkPolicy would confine client namespace "istio-system", where the egress gateway runs, ' +
          'and cut the gateway off from the external host; run the clients in another namespace, or remove clientNetworkPolicy.',
      ),
    ]);
    // With the Gateway API the gateway runs in the route's namespace, which must not be a client's.
    expect(errors({ api: GATEWAY_API, clientNetworkPolicy: {} })).toEqual([
      at(
        'clientNetworkPolicy would confine client namespace "default", where Istio deploys the egress gateway for the Gateway, ' +
          'and a NetworkPolicy cannot tell the gateway\'s pods from a client pod that copies their labels; give the route a namespace of its own ' +
          '(namespace, e.g. "istio-egress") and list the clients in clientNamespaces, or remove clientNetworkPolicy.',
      ),
    ]);
    expect(errors({ api: GATEWAY_API, namespace: 'istio-egress', clientNamespaces: ['default'], clientNetworkPolicy: {} })).toEqual([]);
  });

  test('one host, one egress route', () => {
    const chart = testChart();
    new EgressRoute(chart, 'a', { ...CNN, name: 'cnn-http' });
    new EgressRoute(chart, 'b', { ...CNN, name: 'cnn-tls', mode: EgressMode.TLS_PASSTHROUGH });
    const contend = (path: string) =>
      `host "edition.cnn.com" is also sent through an egress gateway by ${path}; two ServiceEntries and routes for one host contend: route all of its ports with one EgressRoute.`;
    expect(validationErrors(chart)).toEqual([`[test/a] ${contend('test/b')}`, `[test/b] ${contend('test/a')}`]);
  });

  test('several problems are reported together, and a valid route has none', () => {
    expect(errors({ host: 'Bad Host', ports: [0], name: 'X' })).toHaveLength(3);
    expect(errors({})).toEqual([]);
  });
});
