/**
 * The traffic picture of a set of synthesized objects (one example's `dist/<example>/`): which hosts
 * reach which entry (a gateway listener, or the mesh's sidecars), which rule takes the request
 * there, and which backend it goes to, drawn as a Mermaid flowchart (GitHub shows it inline) and as
 * Graphviz DOT (rendered to SVG by `@viz-js/viz`, Graphviz compiled to WebAssembly).
 *
 * Both APIs are read: Istio's (Gateway, VirtualService, DestinationRule, ServiceEntry) and the
 * Kubernetes Gateway API's (Gateway, HTTPRoute, GRPCRoute, TLSRoute, TCPRoute). Also drawn: routes
 * bound to `mesh` (alone or with gateways, per-match `gateways` honoured), ServiceEntry hosts
 * (backends marked as such; hosts no mesh route covers go straight to them) and AUTO_PASSTHROUGH
 * servers (east-west: the service named by the SNI).
 *
 * The picture depends on the objects only, never on their order: the same objects give the same
 * bytes.
 *
 * Usage: ts-node --transpile-only scripts/topology.ts DIR|FILE... [--format mermaid|dot|svg|json] [--out FILE]
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';

/** A Kubernetes object as read from YAML. */
export interface K8sObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace?: string };
  readonly spec?: any;
}

/** The columns of the picture, left to right. */
export type NodeKind = 'host' | 'entry' | 'rule' | 'response' | 'backend';

/** One box of the picture. */
export interface TopologyNode {
  /** Identity derived from the objects (not from their order). */
  readonly key: string;
  readonly kind: NodeKind;
  /** The label, one element per line. */
  readonly lines: readonly string[];
  /** Key of the {@link TopologyGroup} drawn around it (the object it comes from). */
  readonly group?: string;
}

/** One arrow of the picture. */
export interface TopologyEdge {
  readonly from: string;
  readonly to: string;
  /** Several lines are separated by `\n`. */
  readonly label?: string;
  /** A copy of the traffic (mirroring) rather than the traffic itself. */
  readonly dashed?: boolean;
}

/** A frame around the nodes of one object (a Gateway, a VirtualService, an HTTPRoute). */
export interface TopologyGroup {
  readonly key: string;
  readonly label: string;
}

/** The traffic graph: nodes, groups and edges in a canonical order. */
export interface Topology {
  readonly nodes: readonly TopologyNode[];
  readonly groups: readonly TopologyGroup[];
  readonly edges: readonly TopologyEdge[];
}

const KIND_ORDER: readonly NodeKind[] = ['host', 'entry', 'rule', 'response', 'backend'];
const ID_PREFIX: Record<NodeKind, string> = { host: 'h', entry: 'e', rule: 'r', response: 'a', backend: 'b' };
const CLUSTER_SUFFIX = '.svc.cluster.local';
const MESH = 'mesh';

// ---------------------------------------------------------------------------------------------
// Hosts

/** A host name as Istio reads it in `namespace`: a name without a dot is a Service there. */
function fqdn(host: string, namespace: string): string {
  return host.includes('.') || host.includes('*') ? host : `${host}.${namespace}${CLUSTER_SUFFIX}`;
}

/** `httpbin.default.svc.cluster.local` → `httpbin.default`; other names unchanged. */
function shortHost(host: string): string {
  return host.endsWith(CLUSTER_SUFFIX) ? host.slice(0, -CLUSTER_SUFFIX.length) : host;
}

/** The hosts both patterns match (the narrower one), or undefined when they are disjoint. */
function hostMeet(a: string, b: string): string | undefined {
  if (a === b || b === '*') return a;
  if (a === '*') return b;
  if (a.startsWith('*.') && b.endsWith(a.slice(1))) return b;
  if (b.startsWith('*.') && a.endsWith(b.slice(1))) return a;
  return undefined;
}

function meetAll(as: readonly string[], bs: readonly string[]): string[] {
  return uniqueSorted(as.flatMap((a) => bs.map((b) => hostMeet(a, b)).filter((h): h is string => h !== undefined)));
}

function uniqueSorted(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}

function hostLabel(host: string): string {
  return host === '*' ? '* (any host)' : host;
}

// ---------------------------------------------------------------------------------------------
// The graph under construction

/** Where traffic comes in: a gateway listener (Istio server), the mesh, or a gateway not in the objects. */
interface Entry {
  readonly key: string;
  /** `namespace/name` of the gateway, or `mesh`. */
  readonly gateway: string;
  readonly port?: number;
  /** Gateway API listener name (a parentRef's sectionName). */
  readonly section?: string;
  /** Hosts served, with the namespace whose routes may use each (`*`: any); undefined: the route's own. */
  readonly hosts?: readonly { readonly scope: string; readonly host: string }[];
  /** What binds to it: VirtualService sections (`http`, `tls`, `tcp`) or route kinds; undefined: anything. */
  readonly accepts?: ReadonlySet<string>;
  /** Whether routes of a namespace may bind (Gateway API `allowedRoutes`). */
  readonly admits: (namespace: string) => boolean;
}

class GraphBuilder {
  private readonly nodes = new Map<string, TopologyNode>();
  private readonly groups = new Map<string, string>();
  private readonly edges = new Map<string, TopologyEdge>();
  /** entry → rule bindings, with the hosts for which each applies. */
  private readonly bindings = new Map<string, { from: string; to: string; hosts: Set<string> }>();
  private readonly entryHosts = new Map<string, Set<string>>();

  public node(key: string, kind: NodeKind, lines: readonly string[], group?: string): string {
    if (!this.nodes.has(key)) this.nodes.set(key, { key, kind, lines, group });
    return key;
  }

  public group(key: string, label: string): string {
    this.groups.set(key, label);
    return key;
  }

  public edge(from: string, to: string, label?: string, dashed?: boolean): void {
    const id = JSON.stringify([from, to, label ?? '', dashed ?? false]);
    this.edges.set(id, { from, to, label: label || undefined, dashed: dashed || undefined });
  }

  /** A host that clients ask `entry` for. */
  public host(host: string, entry: string): void {
    this.edge(this.node(`host:${host}`, 'host', [hostLabel(host)]), entry);
    const hosts = this.entryHosts.get(entry) ?? new Set<string>();
    hosts.add(host);
    this.entryHosts.set(entry, hosts);
  }

  /** Traffic for `hosts` at `entry` is handled by `rule`. */
  public bind(entry: string, rule: string, hosts: readonly string[]): void {
    const id = JSON.stringify([entry, rule]);
    const binding = this.bindings.get(id) ?? { from: entry, to: rule, hosts: new Set<string>() };
    hosts.forEach((h) => binding.hosts.add(h));
    this.bindings.set(id, binding);
  }

  public build(): Topology {
    // An entry → rule arrow names its hosts when the rule takes only some of the entry's hosts.
    for (const b of this.bindings.values()) {
      const everyHost = uniqueSorted([...this.entryHosts.get(b.from) ?? []]);
      const mine = uniqueSorted([...b.hosts]);
      this.edge(b.from, b.to, mine.join(' ') === everyHost.join(' ') ? undefined : mine.map(hostLabel).join('\n'));
    }
    // A listener fed by a gateway's Service (egress: sidecars → egress gateway) is drawn behind
    // it; the hosts also reach the first hop, so their direct arrows to the listener go.
    const kindOf = (key: string) => this.nodes.get(key)?.kind;
    const all = [...this.edges];
    const fed = new Set(all.filter(([, e]) => kindOf(e.from) === 'backend' && kindOf(e.to) === 'entry').map(([, e]) => e.to));
    for (const [id, e] of all) {
      if (kindOf(e.from) === 'host' && fed.has(e.to) && all.some(([, o]) => o.from === e.from && !fed.has(o.to))) this.edges.delete(id);
    }
    const rank = (n: TopologyNode) => KIND_ORDER.indexOf(n.kind);
    const nodes = [...this.nodes.values()].sort((a, b) => rank(a) - rank(b) || compare(a.group ?? '', b.group ?? '') || compare(a.key, b.key));
    const order = new Map(nodes.map((n, i) => [n.key, i]));
    const edges = [...this.edges.values()].sort((a, b) =>
      order.get(a.from)! - order.get(b.from)! || order.get(a.to)! - order.get(b.to)! ||
      compare(a.label ?? '', b.label ?? '') || Number(a.dashed ?? false) - Number(b.dashed ?? false));
    const groups = [...this.groups.entries()].map(([key, label]) => ({ key, label })).sort((a, b) => compare(a.key, b.key));
    return { nodes, groups, edges };
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Index within an object, zero-padded so keys sort in rule order. */
function pad(i: number): string {
  return String(i).padStart(3, '0');
}

// ---------------------------------------------------------------------------------------------
// Reading the objects

const ISTIO = 'networking.istio.io/';
const GATEWAY_API = 'gateway.networking.k8s.io/';
const GATEWAY_API_ROUTES = ['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute'];

function isIstio(o: K8sObject, kind: string): boolean {
  return o.apiVersion.startsWith(ISTIO) && o.kind === kind;
}

function isGatewayApi(o: K8sObject, kind: string): boolean {
  return o.apiVersion.startsWith(GATEWAY_API) && o.kind === kind;
}

function nsOf(o: K8sObject): string {
  return o.metadata.namespace ?? 'default';
}

function ref(o: K8sObject): string {
  return `${nsOf(o)}/${o.metadata.name}`;
}

/** What the picture is drawn from, indexed. */
class Context {
  public readonly b = new GraphBuilder();
  /** Entries of each gateway (`namespace/name`) in the objects. */
  public readonly gateways = new Map<string, Entry[]>();
  /** Hosts (fully qualified) that some route bound to the mesh covers. */
  public readonly meshRouted = new Set<string>();
  /** The Service in front of each gateway's workload (fully qualified host → gateway). */
  public readonly gatewayServices = new Map<string, string>();
  private readonly destinationRules: K8sObject[];
  private readonly serviceEntries: K8sObject[];

  public constructor(objects: readonly K8sObject[]) {
    this.destinationRules = objects.filter((o) => isIstio(o, 'DestinationRule'));
    this.serviceEntries = objects.filter((o) => isIstio(o, 'ServiceEntry'));
  }

  /** The hosts of a ServiceEntry (`namespace/name`), or none when it is not in the objects. */
  public serviceEntry(name: string): string[] {
    return this.serviceEntries.find((o) => ref(o) === name)?.spec?.hosts ?? [];
  }

  /** The mesh's sidecars, as an entry that takes each route's own hosts. */
  public mesh(): Entry {
    const key = this.b.node('entry:mesh', 'entry', ['mesh (sidecars)']);
    return { key, gateway: MESH, admits: () => true };
  }

  /** The entries of a gateway, or a stand-in for one defined elsewhere. */
  public gatewayEntries(gateway: string): Entry[] {
    const known = this.gateways.get(gateway);
    if (known) return known;
    const key = this.b.node(`entry:ref:${gateway}`, 'entry', [`gateway ${gateway}`, '(not in these objects)']);
    return [{ key, gateway, admits: () => true }];
  }

  /** The node of a backend, annotated with the ServiceEntry and DestinationRule that apply to it. */
  public backend(host: string, port?: number): string {
    const lines = [`${shortHost(host)}${port !== undefined ? `:${port}` : ''}`];
    const entries = this.serviceEntries.filter((o) => (o.spec?.hosts ?? []).some((h: string) => hostMeet(h, host) === host));
    if (entries.length > 0) {
      const where = entries.some((o) => o.spec?.location !== 'MESH_INTERNAL') ? 'external' : 'mesh-internal';
      lines.push(`${where} (ServiceEntry ${entries.map((o) => o.metadata.name).join(', ')})`);
    }
    // The DestinationRule Istio applies: an exact host before a wildcard one.
    const rules = this.destinationRules.filter((o) => hostMeet(fqdn(o.spec?.host ?? '', nsOf(o)), host) === host);
    const dr = rules.find((o) => fqdn(o.spec?.host, nsOf(o)) === host) ?? rules[0];
    if (dr) lines.push(destinationRuleSummary(dr, port));
    const gateway = this.gatewayServices.get(host);
    if (gateway) lines.push(`Service of Gateway ${gateway}`);
    const key = this.b.node(`backend:${host}:${port ?? ''}`, 'backend', lines);
    // Traffic sent to a gateway's Service goes on through that gateway's listener on the port.
    for (const entry of gateway ? this.gateways.get(gateway) ?? [] : []) {
      if (port === undefined || entry.port === port) this.b.edge(key, entry.key);
    }
    return key;
  }

  public serviceEntryHosts(): { host: string; ports: (number | undefined)[] }[] {
    return this.serviceEntries.flatMap((o) => (o.spec?.hosts ?? []).map((host: string) => ({
      host,
      ports: (o.spec?.ports ?? []).length > 0 ? o.spec.ports.map((p: any) => p.number) : [undefined],
    })));
  }
}

/** Subsets, then the TLS and load balancing toward `port` (port-level settings first). */
function destinationRuleSummary(dr: K8sObject, port?: number): string {
  const parts: string[] = [];
  const subsets: string[] = (dr.spec?.subsets ?? []).map((s: any) => s.name);
  if (subsets.length > 0) parts.push(`subsets ${subsets.join(', ')}`);
  const policy = dr.spec?.trafficPolicy ?? {};
  const atPort = (policy.portLevelSettings ?? []).find((p: any) => port !== undefined && p.port?.number === port) ?? {};
  const tls = atPort.tls ?? policy.tls;
  if (tls?.mode) parts.push(`TLS ${tls.mode}${tls.sni ? ` (SNI ${tls.sni})` : ''}`);
  const lb = atPort.loadBalancer?.simple ?? policy.loadBalancer?.simple;
  if (lb) parts.push(lb);
  return parts.length > 0 ? parts.join(' · ') : `DestinationRule ${dr.metadata.name}`;
}

/** Pod labels `selector` asks for, as a comparable list. */
function labelPairs(selector: Record<string, string> | undefined): string[] {
  return Object.entries(selector ?? {}).map(([k, v]) => `${k}=${v}`);
}

/**
 * Finds the Service in front of each gateway's workload: for the Istio API, a Service of the
 * objects that selects the Gateway's pods; for the Gateway API, the Hostname address, else the
 * Service Istio deploys (`<name>-<class>`).
 */
function findGatewayServices(ctx: Context, objects: readonly K8sObject[]): void {
  const services = objects.filter((o) => o.apiVersion === 'v1' && o.kind === 'Service');
  for (const gw of objects.filter((o) => isIstio(o, 'Gateway'))) {
    const wanted = labelPairs(gw.spec?.selector);
    for (const svc of services) {
      const has = labelPairs(svc.spec?.selector);
      const same = has.length > 0 && wanted.length > 0 && (has.every((p) => wanted.includes(p)) || wanted.every((p) => has.includes(p)));
      if (same) ctx.gatewayServices.set(`${svc.metadata.name}.${nsOf(svc)}${CLUSTER_SUFFIX}`, ref(gw));
    }
  }
  for (const gw of objects.filter((o) => isGatewayApi(o, 'Gateway'))) {
    const address = (gw.spec?.addresses ?? []).find((a: any) => a.type === 'Hostname')?.value;
    const host = address ?? `${gw.metadata.name}-${gw.spec?.gatewayClassName}.${nsOf(gw)}${CLUSTER_SUFFIX}`;
    ctx.gatewayServices.set(host, ref(gw));
  }
}

/** Percent labels for weighted backends; nothing for a single backend. */
function weightLabels(weights: readonly (number | undefined)[], unset: number): (string | undefined)[] {
  if (weights.length < 2) return weights.map(() => undefined);
  const resolved = weights.map((w) => w ?? unset);
  const total = resolved.reduce((a, w) => a + w, 0);
  return resolved.map((w) => `${total === 0 ? 0 : Math.round((w * 100) / total)}%`);
}

function joinLabel(...parts: (string | undefined)[]): string | undefined {
  const text = parts.filter((p) => p).join(' ');
  return text || undefined;
}

// ---------------------------------------------------------------------------------------------
// Istio API

/** Which VirtualService section a server carries: `http`, `tls` (passthrough) or `tcp`. */
function istioServerSection(protocol: string, mode: string | undefined): string | undefined {
  if (['HTTP', 'HTTP2', 'GRPC', 'GRPC-WEB'].includes(protocol)) return 'http';
  if (protocol === 'HTTPS') return mode === 'PASSTHROUGH' ? 'tls' : 'http';
  if (protocol === 'TLS') return mode === 'AUTO_PASSTHROUGH' ? undefined : mode === 'PASSTHROUGH' || !mode ? 'tls' : 'tcp';
  return 'tcp';
}

function addIstioGateway(ctx: Context, gw: K8sObject): void {
  const ns = nsOf(gw);
  const selector = Object.entries(gw.spec?.selector ?? {}).map(([k, v]) => `${k}=${v}`).sort().join(',');
  const group = ctx.b.group(`group:Gateway:${ref(gw)}`, `Gateway ${ref(gw)}${selector ? ` · ${selector}` : ''}`);
  const entries: Entry[] = (gw.spec?.servers ?? []).map((server: any, i: number) => {
    const protocol = String(server.port?.protocol ?? 'HTTP').toUpperCase();
    const tls = server.tls ?? {};
    const lines = [`:${server.port?.number} ${protocol}`];
    if (tls.mode || ['HTTPS', 'TLS'].includes(protocol)) {
      const credential = tls.credentialName ?? (tls.credentialNames ?? []).join(', ');
      lines.push(`TLS ${tls.mode ?? 'PASSTHROUGH'}${credential ? ` · ${credential}` : ''}`);
    }
    if (tls.httpsRedirect) lines.push('redirects to HTTPS');
    const key = ctx.b.node(`entry:istio:${ref(gw)}#${pad(i)}`, 'entry', lines, group);
    const hosts = (server.hosts ?? []).map((h: string) => {
      const [scope, host] = h.includes('/') ? h.split('/', 2) : ['*', h];
      return { scope: scope === '.' ? ns : scope, host };
    });
    for (const h of hosts) ctx.b.host(h.host, key);
    const section = istioServerSection(protocol, tls.mode);
    if (tls.httpsRedirect) {
      ctx.b.edge(key, ctx.b.node(`response:${key}`, 'response', ['301 redirect', 'to https://']));
    } else if (tls.mode === 'AUTO_PASSTHROUGH') {
      meshForward(ctx, key, hosts.map((h: { host: string }) => h.host), 'auto passthrough');
    }
    const accepts = new Set(section && !tls.httpsRedirect ? [section] : []);
    return { key, gateway: ref(gw), port: server.port?.number, hosts, accepts, admits: () => true };
  });
  ctx.gateways.set(ref(gw), entries);
}

/**
 * East-west, without routes: an AUTO_PASSTHROUGH listener forwards to the mesh service the SNI
 * names; an HBONE listener to the one the tunnel names.
 */
function meshForward(ctx: Context, entry: string, hosts: readonly string[], how: 'auto passthrough' | 'HBONE'): void {
  const names = uniqueSorted(hosts).join(', ');
  const lines = [names === '*' ? 'any mesh service' : `services in ${names}`, how === 'HBONE' ? 'named in the HBONE tunnel' : 'named by the SNI'];
  ctx.b.edge(entry, ctx.b.node(`backend:${how}:${names}`, 'backend', lines), how);
}

/** An Istio StringMatch; `exact` says so only where a bare value would read as something else. */
function stringMatch(m: any, sayExact = false): string {
  if (m?.exact !== undefined) return sayExact ? `${m.exact} (exact)` : String(m.exact);
  if (m?.prefix !== undefined) return `${m.prefix} (prefix)`;
  if (m?.regex !== undefined) return `${m.regex} (regex)`;
  return '(present)';
}

function istioHttpMatch(m: any): string {
  const parts: string[] = [];
  if (m.uri) parts.push(stringMatch(m.uri, true));
  if (m.method) parts.push(stringMatch(m.method));
  if (m.authority) parts.push(`authority ${stringMatch(m.authority)}`);
  for (const [name, v] of Object.entries(m.headers ?? {}).sort()) parts.push(`header ${name}: ${stringMatch(v)}`);
  for (const [name, v] of Object.entries(m.queryParams ?? {}).sort()) parts.push(`?${name}=${stringMatch(v)}`);
  if (m.port !== undefined) parts.push(`port ${m.port}`);
  for (const [k, v] of Object.entries(m.sourceLabels ?? {}).sort()) parts.push(`from ${k}=${v}`);
  return parts.length > 0 ? parts.join(', ') : 'any request';
}

function istioRuleLines(section: string, rule: any): string[] {
  const matches: any[] = rule.match ?? [];
  let lines: string[];
  if (section === 'http') {
    lines = matches.length > 0 ? matches.map(istioHttpMatch) : ['any request'];
  } else if (section === 'tls') {
    lines = matches.length > 0
      ? matches.flatMap((m) => (m.sniHosts ?? ['*']).map((h: string) => `SNI ${h}${m.port !== undefined ? `, port ${m.port}` : ''}`))
      : ['any SNI'];
  } else {
    lines = matches.length > 0
      ? matches.map((m) => [m.port !== undefined ? `port ${m.port}` : '', ...(m.destinationSubnets ?? []).map((s: string) => `to ${s}`)].filter((p) => p).join(', ') || 'any connection')
      : ['any connection'];
  }
  const policy: string[] = [];
  if (rule.timeout) policy.push(`timeout ${rule.timeout}`);
  if (rule.retries?.attempts !== undefined) policy.push(`retries ${rule.retries.attempts}${rule.retries.perTryTimeout ? ` × ${rule.retries.perTryTimeout}` : ''}`);
  if (rule.fault?.delay) policy.push(`fault delay ${rule.fault.delay.fixedDelay}`);
  if (rule.fault?.abort) policy.push(`fault abort ${rule.fault.abort.httpStatus}`);
  if (rule.rewrite?.uri !== undefined) policy.push(`rewrite ${rule.rewrite.uri}`);
  return [...(rule.name ? [`rule ${rule.name}`] : []), ...lines, ...(policy.length > 0 ? [policy.join(', ')] : [])];
}

/** Whether some match of a VirtualService rule applies at `entry`. */
function istioRuleApplies(rule: any, entry: Entry, vsNamespace: string): boolean {
  const matches: any[] = rule.match ?? [];
  if (matches.length === 0) return true;
  return matches.some((m) =>
    (!m.gateways || m.gateways.map((g: string) => normalizeGateway(g, vsNamespace)).includes(entry.gateway)) &&
    (m.port === undefined || entry.port === undefined || m.port === entry.port));
}

function normalizeGateway(gateway: string, namespace: string): string {
  return gateway === MESH || gateway.includes('/') ? gateway : `${namespace}/${gateway}`;
}

/** The hosts of a route that `entry` serves for routes of `namespace`; the route's own at the mesh. */
function servedHosts(ctx: Context, entry: Entry, routeHosts: readonly string[], namespace: string): string[] {
  if (!entry.hosts) {
    routeHosts.forEach((h) => ctx.b.host(h, entry.key));
    return uniqueSorted(routeHosts);
  }
  const admitted = entry.hosts.filter((h) => h.scope === '*' || h.scope === namespace).map((h) => h.host);
  return meetAll(admitted, routeHosts);
}

function addVirtualService(ctx: Context, vs: K8sObject): void {
  const ns = nsOf(vs);
  const group = ctx.b.group(`group:VirtualService:${ref(vs)}`, `VirtualService ${ref(vs)}`);
  const gateways: string[] = (vs.spec?.gateways ?? [MESH]).map((g: string) => normalizeGateway(g, ns));
  const hosts: string[] = vs.spec?.hosts ?? [];
  for (const section of ['http', 'tls', 'tcp']) {
    (vs.spec?.[section] ?? []).forEach((rule: any, i: number) => {
      const key = ctx.b.node(`rule:VirtualService:${ref(vs)}:${section}#${pad(i)}`, 'rule', istioRuleLines(section, rule), group);
      for (const gateway of gateways) {
        const meshHosts = hosts.map((h) => shortHost(fqdn(h, ns)));
        if (gateway === MESH) hosts.forEach((h) => ctx.meshRouted.add(fqdn(h, ns)));
        for (const entry of gateway === MESH ? [ctx.mesh()] : ctx.gatewayEntries(gateway)) {
          if (entry.accepts && !entry.accepts.has(section)) continue;
          if (!istioRuleApplies(rule, entry, ns)) continue;
          const served = servedHosts(ctx, entry, entry.hosts ? hosts : meshHosts, ns);
          if (served.length > 0) ctx.b.bind(entry.key, key, served);
        }
      }
      addIstioActions(ctx, key, rule, ns);
    });
  }
}

function addIstioActions(ctx: Context, rule: string, r: any, ns: string): void {
  const route: any[] = r.route ?? [];
  const unset = route.some((d) => d.weight !== undefined) ? 0 : 1;
  const weights = weightLabels(route.map((d) => d.weight), unset);
  route.forEach((d, i) => {
    const dest = d.destination ?? {};
    ctx.b.edge(rule, ctx.backend(fqdn(dest.host, ns), dest.port?.number), joinLabel(dest.subset, weights[i]));
  });
  const mirrors: { destination: any; percent?: number }[] = [
    ...(r.mirror ? [{ destination: r.mirror, percent: r.mirrorPercentage?.value ?? r.mirrorPercent }] : []),
    ...(r.mirrors ?? []).map((m: any) => ({ destination: m.destination, percent: m.percentage?.value })),
  ];
  for (const m of mirrors) {
    ctx.b.edge(rule, ctx.backend(fqdn(m.destination.host, ns), m.destination.port?.number), joinLabel('mirror', m.destination.subset, `${m.percent ?? 100}%`), true);
  }
  if (r.redirect) {
    const x = r.redirect;
    const target = `${x.scheme ? `${x.scheme}://` : ''}${x.authority ?? ''}${x.port ? `:${x.port}` : ''}${x.uri ?? ''}`;
    ctx.b.edge(rule, ctx.b.node(`response:${rule}`, 'response', [`${x.redirectCode ?? 301} redirect`, ...(target ? [`to ${target}`] : [])]));
  }
  if (r.directResponse) {
    ctx.b.edge(rule, ctx.b.node(`response:${rule}`, 'response', [`${r.directResponse.status} direct response`]));
  }
  if (r.delegate) {
    const target = `${r.delegate.namespace ?? ns}/${r.delegate.name}`;
    ctx.b.edge(rule, ctx.b.node(`response:${rule}`, 'response', ['delegated to', `VirtualService ${target}`]));
  }
}

/** ServiceEntry hosts that no mesh route covers: sidecars send to them directly. */
function addUnroutedServiceEntries(ctx: Context): void {
  for (const { host, ports } of ctx.serviceEntryHosts()) {
    if ([...ctx.meshRouted].some((h) => hostMeet(h, host) !== undefined)) continue;
    const mesh = ctx.mesh();
    ctx.b.host(host, mesh.key);
    for (const port of ports) ctx.b.edge(mesh.key, ctx.backend(host, port), 'direct');
  }
}

// ---------------------------------------------------------------------------------------------
// Kubernetes Gateway API

const ROUTE_KINDS_BY_PROTOCOL: Record<string, string[]> = {
  HTTP: ['HTTPRoute', 'GRPCRoute'],
  HTTPS: ['HTTPRoute', 'GRPCRoute'],
  TLS: ['TLSRoute'],
  TCP: ['TCPRoute'],
  UDP: ['UDPRoute'],
};

function admitsNamespaces(allowed: any, gatewayNamespace: string): (namespace: string) => boolean {
  const from = allowed?.namespaces?.from ?? 'Same';
  if (from === 'All') return () => true;
  if (from === 'Same') return (ns) => ns === gatewayNamespace;
  const selector = allowed?.namespaces?.selector ?? {};
  const NAME = 'kubernetes.io/metadata.name';
  return (ns) =>
    (selector.matchLabels?.[NAME] === undefined || selector.matchLabels[NAME] === ns) &&
    (selector.matchExpressions ?? []).every((e: any) => e.key !== NAME || (e.operator === 'In') === (e.values ?? []).includes(ns));
}

function addGatewayApiGateway(ctx: Context, gw: K8sObject): void {
  const ns = nsOf(gw);
  const cls = gw.spec?.gatewayClassName;
  const group = ctx.b.group(`group:Gateway:${ref(gw)}`, `Gateway ${ref(gw)}${cls ? ` · class ${cls}` : ''}`);
  const entries: Entry[] = (gw.spec?.listeners ?? []).map((l: any) => {
    const protocol = String(l.protocol);
    const auto = l.tls?.options?.['gateway.istio.io/listener-protocol'] === 'auto-passthrough';
    const lines = [`:${l.port} ${protocol}`];
    if (auto) {
      lines.push('TLS auto passthrough');
    } else if (l.tls || protocol === 'HTTPS') {
      const certs = (l.tls?.certificateRefs ?? []).map((c: any) => c.name).join(', ');
      const terminate = l.tls?.options?.['gateway.istio.io/tls-terminate-mode'];
      lines.push(`TLS ${l.tls?.mode ?? 'Terminate'}${terminate ? ` (${terminate})` : ''}${certs ? ` · ${certs}` : ''}`);
      const frontend = gw.spec?.tls?.frontend;
      const validation = (frontend?.perPort ?? []).find((p: any) => p.port === l.port)?.tls?.validation ?? frontend?.default?.validation;
      if (validation?.caCertificateRefs?.length) lines.push(`client cert ${validation.mode ?? 'AllowValidOnly'}`);
    }
    const key = ctx.b.node(`entry:gateway:${ref(gw)}/${l.name}`, 'entry', lines, group);
    const host = l.hostname ?? '*';
    ctx.b.host(host, key);
    if (auto) meshForward(ctx, key, [host], 'auto passthrough');
    if (protocol === 'HBONE') meshForward(ctx, key, [host], 'HBONE');
    const kinds: string[] = l.allowedRoutes?.kinds?.map((k: any) => k.kind) ?? ROUTE_KINDS_BY_PROTOCOL[protocol] ?? [];
    if (protocol === 'TLS' && (l.tls?.mode ?? 'Terminate') === 'Terminate' && !l.allowedRoutes?.kinds) kinds.push('TCPRoute');
    return {
      key,
      gateway: ref(gw),
      port: l.port,
      section: l.name,
      hosts: [{ scope: '*', host }],
      accepts: new Set(auto ? [] : kinds),
      admits: admitsNamespaces(l.allowedRoutes, ns),
    };
  });
  ctx.gateways.set(ref(gw), entries);
}

function gatewayApiHttpMatch(m: any, grpc: boolean): string {
  const parts: string[] = [];
  if (m.path) {
    const type = m.path.type ?? 'PathPrefix';
    parts.push(`${m.path.value ?? '/'}${type === 'Exact' ? ' (exact)' : type === 'RegularExpression' ? ' (regex)' : ' (prefix)'}`);
  }
  if (grpc && m.method) parts.push(`grpc ${m.method.service ?? '*'}/${m.method.method ?? '*'}`);
  if (!grpc && m.method) parts.push(m.method);
  const typed = (kind: string, h: any) => `${kind} ${h.name}: ${h.value}${h.type === 'RegularExpression' ? ' (regex)' : ''}`;
  for (const h of [...(m.headers ?? [])].sort((a, b) => compare(a.name, b.name))) parts.push(typed('header', h));
  for (const q of [...(m.queryParams ?? [])].sort((a, b) => compare(a.name, b.name))) parts.push(`?${q.name}=${q.value}${q.type === 'RegularExpression' ? ' (regex)' : ''}`);
  return parts.length > 0 ? parts.join(', ') : 'any request';
}

function gatewayApiRuleLines(route: K8sObject, rule: any): string[] {
  const kind = route.kind;
  let lines: string[];
  if (kind === 'TLSRoute') {
    const sni: string[] = route.spec?.hostnames ?? [];
    lines = sni.length > 0 ? sni.map((h) => `SNI ${h}`) : ['any SNI'];
  } else if (kind === 'TCPRoute' || kind === 'UDPRoute') {
    const ports = uniqueSorted((route.spec?.parentRefs ?? []).filter((p: any) => p.port !== undefined).map((p: any) => String(p.port)));
    lines = [ports.length > 0 ? `port ${ports.join(', ')}` : 'any connection'];
  } else {
    const matches: any[] = rule.matches ?? [];
    lines = matches.length > 0 ? matches.map((m) => gatewayApiHttpMatch(m, kind === 'GRPCRoute')) : ['any request'];
  }
  const policy: string[] = [];
  if (rule.timeouts?.request) policy.push(`timeout ${rule.timeouts.request}`);
  if (rule.retry?.attempts !== undefined) policy.push(`retries ${rule.retry.attempts}`);
  for (const f of rule.filters ?? []) {
    if (f.type !== 'URLRewrite') continue;
    const p = f.urlRewrite?.path;
    if (p) policy.push(`rewrite ${p.replacePrefixMatch ?? p.replaceFullPath}`);
    if (f.urlRewrite?.hostname) policy.push(`rewrite host ${f.urlRewrite.hostname}`);
  }
  return [...(rule.name ? [`rule ${rule.name}`] : []), ...lines, ...(policy.length > 0 ? [policy.join(', ')] : [])];
}

function backendRefHost(b: any, namespace: string): string {
  const group = b.group ?? '';
  const kind = b.kind ?? 'Service';
  if ((group === '' || group === 'core') && kind === 'Service') return `${b.name}.${b.namespace ?? namespace}${CLUSTER_SUFFIX}`;
  if (group === 'networking.istio.io' && kind === 'Hostname') return b.name;
  return `${kind} ${b.namespace ?? namespace}/${b.name}`;
}

function addGatewayApiRoute(ctx: Context, route: K8sObject): void {
  const ns = nsOf(route);
  const group = ctx.b.group(`group:${route.kind}:${ref(route)}`, `${route.kind} ${ref(route)}`);
  const hostnames: string[] = route.spec?.hostnames ?? [];
  const routeHosts = hostnames.length > 0 && route.kind !== 'TCPRoute' && route.kind !== 'UDPRoute' ? hostnames : ['*'];
  const rules: string[] = (route.spec?.rules ?? []).map((rule: any, i: number) => {
    const key = ctx.b.node(`rule:${route.kind}:${ref(route)}#${pad(i)}`, 'rule', gatewayApiRuleLines(route, rule), group);
    addGatewayApiActions(ctx, key, rule, ns);
    return key;
  });
  for (const p of route.spec?.parentRefs ?? []) {
    const pns = p.namespace ?? ns;
    const meshHosts = meshParentHosts(ctx, p, pns);
    if (meshHosts) {
      const mesh = ctx.mesh();
      for (const host of meshHosts) ctx.b.host(host, mesh.key);
      rules.forEach((r) => ctx.b.bind(mesh.key, r, meshHosts));
      continue;
    }
    for (const entry of ctx.gatewayEntries(`${pns}/${p.name}`)) {
      if (p.sectionName !== undefined && entry.section !== undefined && p.sectionName !== entry.section) continue;
      if (p.port !== undefined && entry.port !== undefined && p.port !== entry.port) continue;
      if (entry.accepts && !entry.accepts.has(route.kind)) continue;
      if (!entry.admits(ns)) continue;
      const served = servedHosts(ctx, entry, routeHosts, ns);
      rules.forEach((r) => served.length > 0 && ctx.b.bind(entry.key, r, served));
    }
  }
}

/**
 * The hosts of a parentRef the mesh applies the route to: a Service (GAMMA), or a ServiceEntry
 * (Istio's egress with the Gateway API); undefined for a Gateway.
 */
function meshParentHosts(ctx: Context, p: any, namespace: string): string[] | undefined {
  const kind = p.kind ?? 'Gateway';
  if (kind === 'Service' && (p.group ?? '') === '') {
    ctx.meshRouted.add(`${p.name}.${namespace}${CLUSTER_SUFFIX}`);
    return [`${p.name}.${namespace}${p.port !== undefined ? `:${p.port}` : ''}`];
  }
  if (kind === 'ServiceEntry' && p.group === 'networking.istio.io') {
    const hosts = ctx.serviceEntry(`${namespace}/${p.name}`);
    hosts.forEach((h) => ctx.meshRouted.add(h));
    return hosts.length > 0 ? hosts : [`ServiceEntry ${namespace}/${p.name}`];
  }
  return undefined;
}

function addGatewayApiActions(ctx: Context, rule: string, r: any, ns: string): void {
  const refs: any[] = r.backendRefs ?? [];
  const weights = weightLabels(refs.map((b) => b.weight), 1);
  refs.forEach((b, i) => ctx.b.edge(rule, ctx.backend(backendRefHost(b, ns), b.port), weights[i]));
  for (const f of r.filters ?? []) {
    if (f.type === 'RequestMirror' && f.requestMirror?.backendRef) {
      const b = f.requestMirror.backendRef;
      ctx.b.edge(rule, ctx.backend(backendRefHost(b, ns), b.port), `mirror ${f.requestMirror.percent ?? 100}%`, true);
    }
    if (f.type === 'RequestRedirect') {
      const x = f.requestRedirect ?? {};
      const p = x.path?.replaceFullPath ?? x.path?.replacePrefixMatch ?? '';
      const target = `${x.scheme ? `${x.scheme}://` : ''}${x.hostname ?? ''}${x.port ? `:${x.port}` : ''}${p}`;
      ctx.b.edge(rule, ctx.b.node(`response:${rule}`, 'response', [`${x.statusCode ?? 302} redirect`, ...(target ? [`to ${target}`] : [])]));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Public API

/**
 * Builds the traffic graph of `objects`: hosts → entries (gateway listeners, the mesh) → rules →
 * backends. Objects other than gateways, routes, DestinationRules and ServiceEntries are ignored.
 *
 * @param objects the synthesized objects, in any order
 * @returns the graph, in a canonical order that depends on the objects only
 */
export function buildTopology(objects: readonly K8sObject[]): Topology {
  const sorted = [...objects].filter((o) => o?.metadata?.name).sort((a, b) => compare(`${a.apiVersion} ${a.kind} ${ref(a)}`, `${b.apiVersion} ${b.kind} ${ref(b)}`));
  const ctx = new Context(sorted);
  sorted.filter((o) => isIstio(o, 'Gateway')).forEach((o) => addIstioGateway(ctx, o));
  sorted.filter((o) => isGatewayApi(o, 'Gateway')).forEach((o) => addGatewayApiGateway(ctx, o));
  findGatewayServices(ctx, sorted);
  sorted.filter((o) => isIstio(o, 'VirtualService')).forEach((o) => addVirtualService(ctx, o));
  sorted.filter((o) => GATEWAY_API_ROUTES.some((k) => isGatewayApi(o, k))).forEach((o) => addGatewayApiRoute(ctx, o));
  addUnroutedServiceEntries(ctx);
  return ctx.b.build();
}

/** Short, stable ids for Mermaid and DOT (`h1`, `e1`, `r1`, `a1`, `b1`, groups `g1`), in graph order. */
function ids(topology: Topology): { node: Map<string, string>; group: Map<string, string> } {
  const counts = new Map<string, number>();
  const node = new Map<string, string>();
  for (const n of topology.nodes) {
    const count = (counts.get(n.kind) ?? 0) + 1;
    counts.set(n.kind, count);
    node.set(n.key, `${ID_PREFIX[n.kind]}${count}`);
  }
  return { node, group: new Map(topology.groups.map((g, i) => [g.key, `g${i + 1}`])) };
}

/** Text for a quoted Mermaid string: Mermaid's entity codes for the characters its syntax uses. */
function mermaidText(text: string): string {
  return text.replace(/[#"<>&|`]/g, (c) => `#${c.charCodeAt(0)};`);
}

const MERMAID_SHAPES: Record<NodeKind, [string, string]> = {
  host: ['([', '])'],
  entry: ['[', ']'],
  rule: ['(', ')'],
  response: ['{{', '}}'],
  backend: ['[(', ')]'],
};

const STYLES: Record<NodeKind, { fill: string; stroke: string }> = {
  host: { fill: '#e3f2fd', stroke: '#1e88e5' },
  entry: { fill: '#ede7f6', stroke: '#5e35b1' },
  rule: { fill: '#fff8e1', stroke: '#f9a825' },
  response: { fill: '#fce4ec', stroke: '#d81b60' },
  backend: { fill: '#e8f5e9', stroke: '#43a047' },
};

/**
 * Renders the graph as a Mermaid `flowchart LR` (for a ```` ```mermaid ```` block, which GitHub
 * draws inline): one subgraph per object, labels escaped with Mermaid's entity codes.
 *
 * @param topology the graph from {@link buildTopology}
 * @returns the diagram text, ending with a newline
 */
export function toMermaid(topology: Topology): string {
  const id = ids(topology);
  const out = ['flowchart LR'];
  const decl = (n: TopologyNode, indent: string) => {
    const [open, close] = MERMAID_SHAPES[n.kind];
    out.push(`${indent}${id.node.get(n.key)}${open}"${n.lines.map(mermaidText).join('<br/>')}"${close}`);
  };
  topology.nodes.filter((n) => !n.group && n.kind === 'host').forEach((n) => decl(n, '  '));
  for (const g of topology.groups) {
    out.push(`  subgraph ${id.group.get(g.key)}["${mermaidText(g.label)}"]`);
    topology.nodes.filter((n) => n.group === g.key).forEach((n) => decl(n, '    '));
    out.push('  end');
  }
  topology.nodes.filter((n) => !n.group && n.kind !== 'host').forEach((n) => decl(n, '  '));
  for (const e of topology.edges) {
    const arrow = e.dashed ? '-.->' : '-->';
    const label = e.label ? `|"${e.label.split('\n').map(mermaidText).join('<br/>')}"|` : '';
    out.push(`  ${id.node.get(e.from)} ${arrow}${label} ${id.node.get(e.to)}`);
  }
  for (const kind of KIND_ORDER) {
    const members = topology.nodes.filter((n) => n.kind === kind).map((n) => id.node.get(n.key));
    if (members.length === 0) continue;
    out.push(`  classDef ${kind} fill:${STYLES[kind].fill},stroke:${STYLES[kind].stroke},color:#000`);
    out.push(`  class ${members.join(',')} ${kind}`);
  }
  return out.join('\n') + '\n';
}

/** A quoted DOT string; `\n` in `text` becomes a centred line break. */
function dotString(text: string): string {
  return `"${text.split('\n').map((line) => line.replace(/\\/g, '\\\\').replace(/"/g, '\\"')).join('\\n')}"`;
}

const DOT_SHAPES: Record<NodeKind, string> = {
  host: 'shape=oval',
  entry: 'shape=box',
  rule: 'shape=box, style="rounded,filled"',
  response: 'shape=hexagon',
  backend: 'shape=cylinder',
};

/**
 * Renders the graph as Graphviz DOT (left to right, one cluster per object), for
 * {@link renderSvg} or any Graphviz.
 *
 * @param topology the graph from {@link buildTopology}
 * @param title the graph's name (shown as the SVG's title)
 * @returns the DOT text, ending with a newline
 */
export function toDot(topology: Topology, title = 'topology'): string {
  const id = ids(topology);
  const out = [
    `digraph ${dotString(title)} {`,
    '  graph [rankdir=LR, newrank=true, fontname="Helvetica", fontsize=11, nodesep=0.25, ranksep=0.5];',
    '  node [fontname="Helvetica", fontsize=11, style=filled, margin="0.2,0.08"];',
    '  edge [fontname="Helvetica", fontsize=10, color="#555555"];',
  ];
  const decl = (n: TopologyNode, indent: string) => {
    const style = STYLES[n.kind];
    out.push(`${indent}${id.node.get(n.key)} [label=${dotString(n.lines.join('\n'))}, ${DOT_SHAPES[n.kind]}, fillcolor="${style.fill}", color="${style.stroke}"];`);
  };
  topology.nodes.filter((n) => !n.group).forEach((n) => decl(n, '  '));
  for (const g of topology.groups) {
    out.push(`  subgraph cluster_${id.group.get(g.key)} {`);
    out.push(`    label=${dotString(g.label)}; style="rounded,dashed"; color="#888888"; fontcolor="#333333";`);
    topology.nodes.filter((n) => n.group === g.key).forEach((n) => decl(n, '    '));
    out.push('  }');
  }
  for (const e of topology.edges) {
    const attrs = [e.label ? `label=${dotString(e.label)}` : '', e.dashed ? 'style=dashed' : ''].filter((a) => a);
    out.push(`  ${id.node.get(e.from)} -> ${id.node.get(e.to)}${attrs.length > 0 ? ` [${attrs.join(', ')}]` : ''};`);
  }
  out.push('}');
  return out.join('\n') + '\n';
}

/** The part of `@viz-js/viz` used here. */
interface VizModule {
  instance(): Promise<{ renderString(dot: string, options: { format: string; engine: string }): string }>;
}

let viz: ReturnType<VizModule['instance']> | undefined;

/**
 * Renders DOT to SVG with `@viz-js/viz` (Graphviz in WebAssembly: no network, no browser). The same
 * DOT and the same `@viz-js/viz` version give the same bytes.
 *
 * @param dot a graph from {@link toDot}
 * @returns the SVG document
 */
export async function renderSvg(dot: string): Promise<string> {
  if (!viz) {
    let mod: VizModule;
    try {
      // A require (its CommonJS build): this module is CommonJS and @viz-js/viz is an ES module
      // package. Drop the import/ rule here once @viz-js/viz is in package.json's devDependencies.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      mod = require('@viz-js/viz');
    } catch {
      throw new Error('rendering SVG needs the dev dependency @viz-js/viz; run `npm install`');
    }
    viz = mod.instance();
  }
  return (await viz).renderString(dot, { format: 'svg', engine: 'dot' });
}

/**
 * Reads Kubernetes objects from YAML files, or from the `*.yaml` / `*.yml` files of folders (in
 * name order).
 *
 * @param paths files or folders
 * @returns every non-empty document, as plain objects
 */
export function loadObjects(paths: readonly string[]): K8sObject[] {
  const files = paths.flatMap((p) => fs.statSync(p).isDirectory()
    ? fs.readdirSync(p).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => path.join(p, f))
    : [p]);
  return files.flatMap((f) => parseObjects(fs.readFileSync(f, 'utf8')));
}

/**
 * Parses a multi-document YAML text (what `app.synthYaml()` returns) into objects.
 *
 * @param yaml the YAML text
 * @returns every non-empty document, as plain objects
 */
export function parseObjects(yaml: string): K8sObject[] {
  return parseAllDocuments(yaml).map((d) => d.toJS()).filter((o) => o && typeof o === 'object');
}

async function main(argv: string[]): Promise<number> {
  let format = 'mermaid';
  let out: string | undefined;
  const inputs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--format') format = argv[++i];
    else if (argv[i] === '--out') out = argv[++i];
    else inputs.push(argv[i]);
  }
  if (inputs.length === 0 || !['mermaid', 'dot', 'svg', 'json'].includes(format)) {
    console.error('usage: topology.ts DIR|FILE... [--format mermaid|dot|svg|json] [--out FILE]');
    return 2;
  }
  const topology = buildTopology(loadObjects(inputs));
  const title = path.basename(path.resolve(inputs[0]));
  const text = format === 'mermaid' ? toMermaid(topology)
    : format === 'dot' ? toDot(topology, title)
      : format === 'svg' ? await renderSvg(toDot(topology, title))
        : JSON.stringify(topology, undefined, 2) + '\n';
  if (out) fs.writeFileSync(out, text);
  else process.stdout.write(text);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (e) => { console.error(`topology: ${(e as Error).message}`); process.exitCode = 1; },
  );
}
