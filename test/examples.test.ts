import * as fs from 'fs';
import * as path from 'path';
import { App, Testing } from 'cdk8s';
import { defaultCrdValidator, expectValid } from './support/crd-validator';
import { expectL1Json, objectsOf } from './support/synth';

const EXAMPLES = path.resolve(__dirname, '..', 'examples');
const names = fs.readdirSync(EXAMPLES).filter((n) => fs.existsSync(path.join(EXAMPLES, n, 'main.ts'))).sort();

/** Synthesizes one example app and returns its YAML as the CLI would write it. */
function synthExample(name: string): string {
  return buildExample(name).synthYaml();
}

function buildExample(name: string): App {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { build } = require(path.join(EXAMPLES, name, 'main.ts'));
  const app: App = Testing.app();
  build(app);
  return app;
}

test('there are examples', () => {
  expect(names).toEqual(expect.arrayContaining(['httpbin-istio-api', 'httpbin-gateway-api']));
});

describe.each(names)('example %s', (name) => {
  const yaml = synthExample(name);

  test('matches its snapshot', () => {
    expect(yaml).toMatchSnapshot();
  });

  test('has a cdk8s.yaml for the cdk8s CLI that writes into dist/<example>', () => {
    const config = fs.readFileSync(path.join(EXAMPLES, name, 'cdk8s.yaml'), 'utf8');
    expect(config).toContain('app: npx ts-node --transpile-only main.ts');
    expect(config).toContain(`output: ../../dist/${name}`);
  });

  test('every object passes the CRD schemas and CEL rules, and every route kind is covered by a CRD', () => {
    const objects = objectsOf(yaml);
    expectValid(objects);
    const skipped = Object.keys(defaultCrdValidator().coverage().skipped);
    expect(skipped.filter((k) => /istio\.io|gateway\.networking\.k8s\.io/.test(k))).toEqual([]);
  });

  test('every object written without its L1 class\'s conversion is written as the L1 class writes it', () => {
    const app = buildExample(name);
    app.synthYaml();
    const checked = expectL1Json(app);
    // Ingress and east-west gateways and their routes are written so; egress objects by the L1 classes.
    if (!name.startsWith('egress-')) expect(checked).toBeGreaterThan(0);
  });

  test('every object names its namespace', () => {
    for (const o of objectsOf(yaml)) expect(o.metadata.namespace).toMatch(/^(default|istio-ingress|istio-system|istio-egress)$/);
  });
});

/**
 * Our output with the names Istio's task leaves implicit spelled out (gateway and parent
 * references by `<namespace>/<name>`, backend hosts fully qualified, backendRef namespaces), mapped
 * back to the task's short forms. Our server hosts also admit routes from the gateway's namespace
 * only (`./host`), as the Gateway API's `from: Same` does; the task's admit any namespace.
 */
function withShortNames(o: any): any {
  const copy = JSON.parse(JSON.stringify(o));
  delete copy.metadata.namespace;
  if (copy.kind === 'Gateway' && copy.spec.servers) {
    for (const server of copy.spec.servers) server.hosts = server.hosts.map((h: string) => h.replace(/^\.\//, ''));
  }
  if (copy.kind === 'VirtualService') {
    copy.spec.gateways = copy.spec.gateways.map((g: string) => g.replace(/^default\//, ''));
    for (const r of copy.spec.http) for (const d of r.route) d.destination.host = d.destination.host.replace('.default.svc.cluster.local', '');
  }
  if (copy.kind === 'HTTPRoute') {
    for (const p of copy.spec.parentRefs) delete p.namespace;
    for (const r of copy.spec.rules) for (const b of r.backendRefs) delete b.namespace;
  }
  return copy;
}

// Istio's ingress-control task (Istio API and Gateway API tabs), as documented.
const ISTIO_TASK = objectsOf(`
apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: httpbin-gateway
spec:
  selector:
    istio: ingressgateway
  servers:
  - port:
      number: 80
      name: http
      protocol: HTTP
    hosts:
    - "httpbin.example.com"
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: httpbin
spec:
  hosts:
  - "httpbin.example.com"
  gateways:
  - httpbin-gateway
  http:
  - match:
    - uri:
        prefix: /status
    - uri:
        prefix: /delay
    route:
    - destination:
        port:
          number: 8000
        host: httpbin
`);

const GATEWAY_API_TASK = objectsOf(`
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: httpbin-gateway
spec:
  gatewayClassName: istio
  listeners:
  - name: http
    hostname: "httpbin.example.com"
    port: 80
    protocol: HTTP
    allowedRoutes:
      namespaces:
        from: Same
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: httpbin
spec:
  parentRefs:
  - name: httpbin-gateway
  hostnames: ["httpbin.example.com"]
  rules:
  - matches:
    - path:
        type: PathPrefix
        value: /status
    - path:
        type: PathPrefix
        value: /delay
    backendRefs:
    - name: httpbin
      port: 8000
`);

test.each([
  ['httpbin-istio-api', ISTIO_TASK],
  ['httpbin-gateway-api', GATEWAY_API_TASK],
])('example %s carries, field for field, the objects of Istio\'s ingress task', (name, expected) => {
  const ours = objectsOf(synthExample(name)).filter((o) => o.apiVersion.includes('networking'));
  expect(ours.map(withShortNames)).toEqual(expected);
});
