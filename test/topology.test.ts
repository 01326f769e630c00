import * as fs from 'fs';
import * as path from 'path';
import { App, Testing } from 'cdk8s';
import { exampleNames, galleryFiles } from '../scripts/gallery';
import { buildTopology, K8sObject, parseObjects, renderSvg, toDot, toMermaid } from '../scripts/topology';

const EXAMPLES = path.resolve(__dirname, '..', 'examples');
const names = exampleNames(EXAMPLES);
const synthesized = new Map<string, K8sObject[]>();

/** Synthesizes one example app (once) and returns its objects. */
function synthExample(name: string): K8sObject[] {
  if (!synthesized.has(name)) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { build } = require(path.join(EXAMPLES, name, 'main.ts'));
    const app: App = Testing.app();
    build(app);
    synthesized.set(name, parseObjects(app.synthYaml()));
  }
  return synthesized.get(name)!;
}

// ---------------------------------------------------------------------------------------------
// Reading a picture back from its Mermaid text

interface Picture {
  /** Label lines of each node id. */
  readonly labels: Map<string, string[]>;
  /** Mermaid shape opener of each node id (`([` for hosts). */
  readonly shapes: Map<string, string>;
  /** Title of the subgraph each node is drawn in. */
  readonly groupOf: Map<string, string>;
  readonly edges: { from: string; to: string; label?: string; dashed: boolean }[];
}

function decode(text: string): string {
  return text.replace(/#(\d+);/g, (_, code) => String.fromCharCode(Number(code)));
}

function readMermaid(text: string): Picture {
  const picture: Picture = { labels: new Map(), shapes: new Map(), groupOf: new Map(), edges: [] };
  const lines = text.trimEnd().split('\n');
  expect(lines[0]).toBe('flowchart LR');
  let group: string | undefined;
  for (const line of lines.slice(1)) {
    const sub = /^\s*subgraph \w+\["(.*)"\]$/.exec(line);
    const node = /^\s*(\w+)(\(\[|\[\(|\{\{|\[|\()"(.*)"(\]\)|\)\]|\}\}|\]|\))$/.exec(line);
    const edge = /^\s*(\w+) (-->|-\.->)(?:\|"(.*)"\|)? (\w+)$/.exec(line);
    if (sub) {
      group = decode(sub[1]);
    } else if (/^\s*end$/.test(line)) {
      group = undefined;
    } else if (node) {
      picture.labels.set(node[1], node[3].split('<br/>').map(decode));
      picture.shapes.set(node[1], node[2]);
      if (group) picture.groupOf.set(node[1], group);
    } else if (edge) {
      const label = edge[3] === undefined ? undefined : edge[3].split('<br/>').map(decode).join('\n');
      picture.edges.push({ from: edge[1], to: edge[4], label, dashed: edge[2] === '-.->' });
    } else if (!/^\s*(classDef|class) /.test(line)) {
      throw new Error(`unexpected Mermaid line: ${line}`);
    }
  }
  return picture;
}

function pictureOf(objects: readonly K8sObject[]): Picture {
  return readMermaid(toMermaid(buildTopology(objects)));
}

// ---------------------------------------------------------------------------------------------
// What each route of the objects must show, worked out here independently of the drawing code

interface ExpectedRule {
  /** `VirtualService default/httpbin #http0` */
  readonly name: string;
  /** Subgraph title of the route object. */
  readonly group: string;
  /** One text per match that must appear on a line of the rule's label. */
  readonly fragments: string[];
  /** Each backend's first label line and the arrow's label (subset and share). */
  readonly backends: { node: string; edge?: string }[];
  /** `namespace/name` of the gateways it binds to (`mesh` for the sidecars). */
  readonly gateways: string[];
}

const shortHost = (host: string, ns: string) =>
  (host.includes('.') || host.includes('*') ? host : `${host}.${ns}`).replace(/\.svc\.cluster\.local$/, '');

function shares(weights: (number | undefined)[], unset: number): (string | undefined)[] {
  if (weights.length < 2) return weights.map(() => undefined);
  const ws = weights.map((w) => w ?? unset);
  const total = ws.reduce((a, b) => a + b, 0);
  return ws.map((w) => `${Math.round((w * 100) / total)}%`);
}

function istioRules(vs: K8sObject): ExpectedRule[] {
  const ns = vs.metadata.namespace ?? 'default';
  const gateways = (vs.spec.gateways ?? ['mesh']).map((g: string) => (g === 'mesh' || g.includes('/') ? g : `${ns}/${g}`));
  const uri = (m: any) => (m.uri?.prefix !== undefined ? `${m.uri.prefix} (prefix)` : m.uri?.exact !== undefined ? `${m.uri.exact} (exact)` : m.uri?.regex !== undefined ? `${m.uri.regex} (regex)` : '');
  const fragments: Record<string, (m: any) => string[]> = {
    http: (m) => [uri(m)],
    tls: (m) => m.sniHosts.map((h: string) => `SNI ${h}`),
    tcp: (m) => [m.port !== undefined ? `port ${m.port}` : ''],
  };
  const none: Record<string, string> = { http: 'any request', tls: 'any SNI', tcp: 'any connection' };
  return ['http', 'tls', 'tcp'].flatMap((section) => (vs.spec[section] ?? []).map((rule: any, i: number) => {
    const route: any[] = rule.route ?? [];
    const pct = shares(route.map((d) => d.weight), route.some((d) => d.weight !== undefined) ? 0 : 1);
    return {
      name: `VirtualService ${ns}/${vs.metadata.name} #${section}${i}`,
      group: `VirtualService ${ns}/${vs.metadata.name}`,
      fragments: (rule.match ?? []).length > 0 ? rule.match.flatMap(fragments[section]) : [none[section]],
      backends: route.map((d, j) => ({
        node: `${shortHost(d.destination.host, ns)}${d.destination.port ? `:${d.destination.port.number}` : ''}`,
        edge: [d.destination.subset, pct[j]].filter((p) => p).join(' ') || undefined,
      })),
      gateways,
    };
  }));
}

function gatewayApiRules(route: K8sObject): ExpectedRule[] {
  const ns = route.metadata.namespace ?? 'default';
  // A parentRef to a Service (GAMMA) or a ServiceEntry (egress) binds the route to the mesh's sidecars.
  const gateways = route.spec.parentRefs.map((p: any) => (['Service', 'ServiceEntry'].includes(p.kind) ? 'mesh' : `${p.namespace ?? ns}/${p.name}`));
  return (route.spec.rules ?? []).map((rule: any, i: number) => {
    const refs: any[] = rule.backendRefs ?? [];
    const pct = shares(refs.map((b) => b.weight), 1);
    let fragments: string[];
    if (route.kind === 'TLSRoute') fragments = route.spec.hostnames.map((h: string) => `SNI ${h}`);
    else if (route.kind === 'TCPRoute') fragments = [`port ${route.spec.parentRefs[0].port}`];
    else fragments = (rule.matches ?? []).length > 0 ? rule.matches.map((m: any) => (m.path ? `${m.path.value} (${{ PathPrefix: 'prefix', Exact: 'exact', RegularExpression: 'regex' }[m.path.type as string]})` : '')) : ['any request'];
    return {
      name: `${route.kind} ${ns}/${route.metadata.name} #${i}`,
      group: `${route.kind} ${ns}/${route.metadata.name}`,
      fragments,
      backends: refs.map((b, j) => ({ node: `${b.kind === 'Hostname' ? b.name : `${b.name}.${b.namespace ?? ns}`}:${b.port}`, edge: pct[j] })),
      gateways,
    };
  });
}

function expectedRules(objects: readonly K8sObject[]): ExpectedRule[] {
  return objects.flatMap((o) => {
    if (o.apiVersion.startsWith('networking.istio.io/') && o.kind === 'VirtualService') return istioRules(o);
    if (o.apiVersion.startsWith('gateway.networking.k8s.io/') && ['HTTPRoute', 'TLSRoute', 'TCPRoute', 'GRPCRoute'].includes(o.kind)) return gatewayApiRules(o);
    return [];
  });
}

/** Whether a host node leads to `id` (directly, or through other hops such as an egress gateway's Service). */
function reachedFromHost(picture: Picture, id: string, seen = new Set<string>()): boolean {
  if (picture.shapes.get(id) === '([') return true;
  if (seen.has(id)) return false;
  seen.add(id);
  return picture.edges.some((e) => e.to === id && reachedFromHost(picture, e.from, seen));
}

/** Checks that `rule` is drawn: its node in its route's frame, reached from a host through a listener of its gateway, with each backend. */
function expectDrawn(picture: Picture, rule: ExpectedRule): void {
  const candidates = [...picture.labels].filter(([id, lines]) =>
    picture.groupOf.get(id) === rule.group && rule.fragments.every((f) => lines.some((l) => l.includes(f))));
  if (candidates.length === 0) throw new Error(`${rule.name}: no node in "${rule.group}" shows ${JSON.stringify(rule.fragments)}`);
  const drawn = candidates.filter(([id]) => {
    const reached = picture.edges.some((e) => e.to === id && reachedFromHost(picture, e.from) &&
      rule.gateways.some((g) => (g === 'mesh' ? picture.labels.get(e.from)?.[0] === 'mesh (sidecars)' : picture.groupOf.get(e.from)?.startsWith(`Gateway ${g}`))));
    const backends = rule.backends.every((b) => picture.edges.some((e) =>
      e.from === id && !e.dashed && picture.labels.get(e.to)?.[0] === b.node && e.label === b.edge));
    return reached && backends;
  });
  if (drawn.length === 0) {
    throw new Error(`${rule.name}: not reached from a host through gateway ${rule.gateways.join(' or ')}, or not with backends ${JSON.stringify(rule.backends)}`);
  }
}

// ---------------------------------------------------------------------------------------------

test('there are examples', () => {
  expect(names).toEqual(expect.arrayContaining(['httpbin-istio-api', 'httpbin-gateway-api', 'canary-istio-api']));
});

describe.each(names)('the picture of example %s', (name) => {
  test('shows every route rule, reached from a host through its gateway, with each backend, subset and weight', () => {
    const objects = synthExample(name);
    const picture = pictureOf(objects);
    const rules = expectedRules(objects);
    for (const rule of rules) expectDrawn(picture, rule);
    const ruleNodes = [...picture.groupOf].filter(([, g]) => /^(VirtualService|HTTPRoute|TLSRoute|TCPRoute|GRPCRoute) /.test(g));
    expect(ruleNodes).toHaveLength(rules.length);
  });

  test('is the same whatever order the objects come in', () => {
    const objects = synthExample(name);
    const reversed = [...objects].reverse();
    expect(toMermaid(buildTopology(reversed))).toBe(toMermaid(buildTopology(objects)));
    expect(toDot(buildTopology(reversed), name)).toBe(toDot(buildTopology(objects), name));
  });
});

test('node labels read as hosts, listeners, matches, backends and shares', () => {
  const canary = toMermaid(buildTopology(synthExample('canary-istio-api')));
  expect(canary).toContain('(["httpbin.example.com"])');
  expect(canary).toContain('[":80 HTTP"]');
  expect(canary).toContain('[("httpbin.default:8000<br/>subsets v1, v2 · TLS ISTIO_MUTUAL")]');
  expect(canary).toContain('-->|"v1 90%"|');
  expect(canary).toContain('-->|"v2 10%"|');
  const httpbin = toMermaid(buildTopology(synthExample('httpbin-gateway-api')));
  expect(httpbin).toContain('("/status (prefix)<br/>/delay (prefix)")');
});

test('the committed gallery (examples/README.md and each topology.svg) is current', async () => {
  const files = await galleryFiles(names.map((name) => ({ name, objects: synthExample(name) })), EXAMPLES);
  const read = (rel: string) => (fs.existsSync(path.join(EXAMPLES, rel)) ? fs.readFileSync(path.join(EXAMPLES, rel), 'utf8') : undefined);
  const stale = [...files].filter(([rel, text]) => read(rel) !== text).map(([rel]) => `examples/${rel}`);
  if (stale.length > 0) {
    throw new Error(`not current: ${stale.join(', ')}; run \`npx projen synth && npx ts-node --transpile-only scripts/gallery.ts\``);
  }
  for (const name of names) expect(files.get('README.md')).toContain(`[SVG](${name}/topology.svg)`);
});

test('an SVG renders through Graphviz (WebAssembly)', async () => {
  const svg = await renderSvg(toDot(buildTopology(synthExample('canary-istio-api')), 'canary-istio-api'));
  expect(svg).toMatch(/^<\?xml/);
  expect(svg).toContain('<svg');
  expect(svg).toContain('<title>canary&#45;istio&#45;api</title>');
  for (const text of ['httpbin.example.com', ':80 HTTP', 'httpbin.default:8000', 'v1 90%']) expect(svg).toContain(`>${text}</text>`);
});

// ---------------------------------------------------------------------------------------------
// Shapes the examples do not have yet: egress, east-west, mesh routes

const EGRESS = parseObjects(`
apiVersion: v1
kind: Service
metadata: {name: istio-egressgateway, namespace: istio-system}
spec:
  selector: {istio: egressgateway}
  ports: [{name: http, port: 80}]
---
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: cnn, namespace: default}
spec:
  hosts: [edition.cnn.com]
  ports: [{number: 80, name: http, protocol: HTTP}]
  resolution: DNS
---
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: wikipedia, namespace: default}
spec:
  hosts: ['*.wikipedia.org']
  ports: [{number: 443, name: tls, protocol: TLS}]
  resolution: NONE
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: egress, namespace: istio-system}
spec:
  selector: {istio: egressgateway}
  servers:
  - port: {number: 80, name: http, protocol: HTTP}
    hosts: [edition.cnn.com]
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: egressgateway-for-cnn, namespace: default}
spec:
  host: istio-egressgateway.istio-system.svc.cluster.local
  subsets: [{name: cnn}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: cnn-through-egress, namespace: default}
spec:
  hosts: [edition.cnn.com]
  gateways: [istio-system/egress, mesh]
  http:
  - match: [{gateways: [mesh], port: 80}]
    route: [{destination: {host: istio-egressgateway.istio-system.svc.cluster.local, subset: cnn, port: {number: 80}}, weight: 100}]
  - match: [{gateways: [istio-system/egress], port: 80}]
    route: [{destination: {host: edition.cnn.com, port: {number: 80}}, weight: 100}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews, namespace: bookinfo}
spec:
  hosts: [reviews]
  http:
  - match: [{headers: {end-user: {exact: jason}}}]
    route: [{destination: {host: reviews, subset: v2}}]
  - route: [{destination: {host: reviews, subset: v1}}]
`);

const EAST_WEST = parseObjects(`
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: cross-network-gateway, namespace: istio-system}
spec:
  selector: {istio: eastwestgateway}
  servers:
  - port: {number: 15443, name: tls, protocol: TLS}
    tls: {mode: AUTO_PASSTHROUGH}
    hosts: ['*.local']
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: eastwest, namespace: istio-system}
spec:
  gatewayClassName: istio-east-west
  listeners:
  - name: cross-network
    port: 15443
    protocol: TLS
    tls: {mode: Passthrough, options: {gateway.istio.io/listener-protocol: auto-passthrough}}
  - name: mesh
    port: 15008
    protocol: HBONE
    tls: {mode: Terminate, options: {gateway.istio.io/tls-terminate-mode: ISTIO_MUTUAL}}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: reviews, namespace: bookinfo}
spec:
  parentRefs: [{group: '', kind: Service, name: reviews, port: 9080}]
  rules:
  - backendRefs: [{name: reviews-v1, port: 9080, weight: 90}, {name: reviews-v2, port: 9080, weight: 10}]
`);

/** The id of the one node whose label starts with `first`. */
function nodeId(picture: Picture, first: string): string {
  const ids = [...picture.labels].filter(([, lines]) => lines[0] === first).map(([id]) => id);
  expect(ids).toHaveLength(1);
  return ids[0];
}

function arrows(picture: Picture, from: string): string[] {
  return picture.edges.filter((e) => e.from === from).map((e) => `${picture.labels.get(e.to)![0]}${e.label ? ` [${e.label}]` : ''}`).sort();
}

test('egress: a VirtualService bound to mesh and a gateway applies each rule where its match says, ServiceEntry hosts marked', () => {
  const picture = pictureOf(EGRESS);
  for (const rule of expectedRules(EGRESS)) expectDrawn(picture, rule);
  const mesh = nodeId(picture, 'mesh (sidecars)');
  const egress = nodeId(picture, ':80 HTTP');
  expect(arrows(picture, mesh)).toEqual([
    '*.wikipedia.org:443 [direct]', // no route: the sidecars go straight to the ServiceEntry host
    'any request [reviews.bookinfo]',
    'header end-user: jason [reviews.bookinfo]',
    'port 80 [edition.cnn.com]',
  ]);
  expect(arrows(picture, egress)).toEqual(['port 80']);
  const viaGateway = picture.edges.find((e) => e.from === egress)!.to;
  expect(arrows(picture, viaGateway)).toEqual(['edition.cnn.com:80']);
  expect(picture.labels.get(nodeId(picture, 'edition.cnn.com:80'))).toEqual(['edition.cnn.com:80', 'external (ServiceEntry cnn)']);
  // The egress gateway's Service leads on to the gateway's listener: sidecars → gateway → external host.
  const egressService = nodeId(picture, 'istio-egressgateway.istio-system:80');
  expect(picture.labels.get(egressService)).toEqual(['istio-egressgateway.istio-system:80', 'subsets cnn', 'Service of Gateway istio-system/egress']);
  expect(arrows(picture, egressService)).toEqual([':80 HTTP']);
  expect(picture.edges.filter((e) => e.to === egress).map((e) => e.from)).toEqual([egressService]);
  const hosts = [...picture.shapes].filter(([, s]) => s === '([').map(([id]) => picture.labels.get(id)![0]).sort();
  expect(hosts).toEqual(['*.wikipedia.org', 'edition.cnn.com', 'reviews.bookinfo']);
});

test('east-west: AUTO_PASSTHROUGH and HBONE listeners forward to mesh services; a route on a Service is applied by the mesh', () => {
  const picture = pictureOf(EAST_WEST);
  for (const rule of expectedRules(EAST_WEST)) expectDrawn(picture, rule);
  const istio = [...picture.labels].find(([id, l]) => l[0] === ':15443 TLS' && picture.groupOf.get(id)?.startsWith('Gateway istio-system/cross-network-gateway'))!;
  expect(istio[1]).toEqual([':15443 TLS', 'TLS AUTO_PASSTHROUGH']);
  expect(arrows(picture, istio[0])).toEqual(['services in *.local [auto passthrough]']);
  const gatewayApi = [...picture.labels].find(([id, l]) => l[0] === ':15443 TLS' && picture.groupOf.get(id)?.startsWith('Gateway istio-system/eastwest'))!;
  expect(arrows(picture, gatewayApi[0])).toEqual(['any mesh service [auto passthrough]']);
  const hbone = nodeId(picture, ':15008 HBONE');
  expect(picture.labels.get(hbone)).toEqual([':15008 HBONE', 'TLS Terminate (ISTIO_MUTUAL)']);
  expect(arrows(picture, hbone)).toEqual(['any mesh service [HBONE]']);
  expect(arrows(picture, nodeId(picture, 'mesh (sidecars)'))).toEqual(['any request']);
  expect(picture.edges.some((e) => picture.labels.get(e.from)![0] === 'reviews.bookinfo:9080' && e.to === nodeId(picture, 'mesh (sidecars)'))).toBe(true);
});

test('a rule serving only some of a listener\'s hosts names them on its arrow; an HTTPS redirect answers at the listener', () => {
  const objects = parseObjects(`
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: public, namespace: default}
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 80, name: http, protocol: HTTP}
    hosts: [a.example.com, b.example.com]
    tls: {httpsRedirect: true}
  - port: {number: 443, name: https, protocol: HTTPS}
    hosts: [a.example.com, b.example.com]
    tls: {mode: SIMPLE, credentialName: cred}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: a, namespace: default}
spec:
  hosts: [a.example.com]
  gateways: [public]
  http:
  - match: [{uri: {regex: '^/v[0-9]+"<x>|#'}}]
    route: [{destination: {host: a, port: {number: 80}}}]
    mirror: {host: shadow, port: {number: 80}}
    mirrorPercentage: {value: 25}
`);
  const mermaid = toMermaid(buildTopology(objects));
  expect(mermaid).toContain('^/v[0-9]+#34;#60;x#62;#124;#35; (regex)');
  const picture = readMermaid(mermaid);
  expect(arrows(picture, nodeId(picture, ':80 HTTP'))).toEqual(['301 redirect']);
  expect(arrows(picture, nodeId(picture, ':443 HTTPS'))).toEqual(['^/v[0-9]+"<x>|# (regex) [a.example.com]']);
  const rule = nodeId(picture, '^/v[0-9]+"<x>|# (regex)');
  expect(picture.edges.filter((e) => e.from === rule).map((e) => [picture.labels.get(e.to)![0], e.label, e.dashed])).toEqual([
    ['a.default:80', undefined, false],
    ['shadow.default:80', 'mirror 25%', true],
  ]);
  expect(toDot(buildTopology(objects))).toContain('label="^/v[0-9]+\\"<x>|# (regex)"');
});
