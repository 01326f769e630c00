/**
 * Reads an example's routing table (`examples/<example>/routing.yaml`, the requests that
 * `test/simulation` routes through the config istiod builds) and renders it for readers: one row
 * per request, what is sent where and what must happen to it.
 *
 * The schema is `test/simulation/README.md`'s; the Go harness is what enforces it. This module
 * only reads the fields it shows, and rejects a table it cannot show with one clear error.
 */
import * as fs from 'fs';
import { parse } from 'yaml';

/** A proxy of a routing table: who handles a request. */
export interface RoutingProxy {
  readonly type?: string;
  readonly namespace?: string;
  readonly labels?: Record<string, string>;
  readonly deployment?: string;
  readonly gateway?: string;
}

/** Where a request must (or must not) go: exactly one of the outcome fields is set. */
export interface RoutingExpect {
  readonly cluster?: string;
  readonly passthrough?: string;
  readonly split?: Record<string, number>;
  readonly notFound?: boolean;
  readonly directResponse?: number;
  readonly redirect?: { scheme?: string; host?: string; port?: number; path?: string; status?: number };
  readonly hbone?: string;
  readonly error?: string;
}

/** One request of a routing table. */
export interface RoutingRequest {
  readonly name: string;
  readonly proxy?: string;
  readonly port: number;
  readonly protocol?: string;
  readonly tls?: string;
  readonly host?: string;
  readonly path?: string;
  readonly headers?: Record<string, string>;
  readonly sni?: string;
  readonly alpn?: string;
  readonly expect: RoutingExpect;
}

/** A routing table, as far as the gallery reads it. */
export interface RoutingTable {
  readonly istiod?: { readonly env?: Record<string, string> };
  readonly proxies: Record<string, RoutingProxy>;
  readonly requests: readonly RoutingRequest[];
}

const OUTCOMES = ['cluster', 'passthrough', 'split', 'notFound', 'directResponse', 'redirect', 'hbone', 'error'] as const;

/** The simulator's errors, by the names tables use, as a reader would say them. */
const ERRORS: Record<string, string> = {
  noListener: 'refused: nothing listens on that port',
  noFilterChain: 'refused: no filter chain takes it (SNI, ALPN or TLS mode not served)',
  multipleFilterChains: 'ambiguous: several filter chains take it',
  noVirtualHost: '404: no virtual host for that host',
  noRoute: '404: no route for that path',
  tlsRedirect: 'redirected to HTTPS (the host requires TLS)',
  protocolError: 'refused: the listener speaks another protocol',
  tlsError: 'refused: the listener requires TLS',
  mtlsError: 'refused: the listener requires Istio mutual TLS',
};

/**
 * Reads and checks a routing table file.
 *
 * @param file the `routing.yaml` to read
 * @returns the table
 * @throws Error naming the file and what is wrong, if the table cannot be shown
 */
export function readRoutingTable(file: string): RoutingTable {
  let doc: unknown;
  try {
    doc = parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: not YAML: ${(e as Error).message}`);
  }
  return checkRoutingTable(doc, file);
}

/**
 * Checks a parsed routing table: proxies by name, requests with a name, a port, a known proxy and
 * exactly one expected outcome.
 *
 * @param doc the parsed YAML
 * @param where the file name, for error messages
 * @returns the table
 * @throws Error naming the file, the request and what is wrong
 */
export function checkRoutingTable(doc: unknown, where: string): RoutingTable {
  const t = doc as Partial<RoutingTable> | null;
  if (t === null || typeof t !== 'object' || Array.isArray(t)) throw new Error(`${where}: a routing table is a mapping with proxies and requests`);
  const proxies = t.proxies ?? {};
  if (typeof proxies !== 'object' || Array.isArray(proxies) || Object.keys(proxies).length === 0) {
    throw new Error(`${where}: proxies must name at least one proxy`);
  }
  if (!Array.isArray(t.requests) || t.requests.length === 0) throw new Error(`${where}: requests must list at least one request`);
  const names = new Set<string>();
  for (const [i, r] of t.requests.entries()) {
    const label = `${where}: request ${i + 1}${r && typeof r.name === 'string' ? ` "${r.name}"` : ''}`;
    if (!r || typeof r.name !== 'string' || r.name === '') throw new Error(`${label}: needs a name`);
    if (names.has(r.name)) throw new Error(`${label}: the name is used twice`);
    names.add(r.name);
    if (!Number.isInteger(r.port)) throw new Error(`${label}: needs a port`);
    const proxy = proxyName(t as RoutingTable, r);
    if (proxy === undefined) throw new Error(`${label}: names no proxy, and the table has ${Object.keys(proxies).length}`);
    if (!(proxy in proxies)) throw new Error(`${label}: proxy "${proxy}" is not in proxies (${Object.keys(proxies).join(', ')})`);
    const set = OUTCOMES.filter((k) => r.expect?.[k] !== undefined && r.expect?.[k] !== false);
    if (set.length !== 1) {
      throw new Error(`${label}: expect needs exactly one of ${OUTCOMES.join(', ')} (has ${set.length === 0 ? 'none' : set.join(', ')})`);
    }
  }
  return t as RoutingTable;
}

function proxyName(t: RoutingTable, r: RoutingRequest): string | undefined {
  if (r.proxy !== undefined) return r.proxy;
  const names = Object.keys(t.proxies);
  return names.length === 1 ? names[0] : undefined;
}

/**
 * An Envoy cluster name as a reader would say it: `outbound|80|cnn|egw.istio-system.svc.cluster.local`
 * is `egw.istio-system:80` (subset `cnn`); the auto-passthrough form `outbound_.8000_._.httpbin.default.svc.cluster.local`
 * is `httpbin.default:8000`.
 *
 * @param cluster the cluster name
 */
export function describeCluster(cluster: string): string {
  if (cluster === 'PassthroughCluster') return 'the address asked for, directly (`PassthroughCluster`)';
  const short = (host: string) => host.replace(/\.svc\.cluster\.local$/, '');
  const std = /^(outbound|inbound)\|(\d+)\|([^|]*)\|(.+)$/.exec(cluster);
  if (std) return `\`${short(std[4])}:${std[2]}\`${std[3] ? ` (subset \`${std[3]}\`)` : ''}`;
  const auto = /^outbound_\.(\d+)_\.([^_]*)_\.(.+)$/.exec(cluster);
  if (auto) return `\`${short(auto[3])}:${auto[1]}\`${auto[2] ? ` (subset \`${auto[2]}\`)` : ''}`;
  return `\`${cluster}\``;
}

/** What must happen to a request, in words. */
export function describeOutcome(e: RoutingExpect): string {
  if (e.cluster !== undefined) return `routed to ${describeCluster(e.cluster)}`;
  if (e.passthrough !== undefined) return `forwarded as is (L4, no HTTP routing) to ${describeCluster(e.passthrough)}`;
  if (e.split !== undefined) {
    const total = Object.values(e.split).reduce((a, b) => a + b, 0);
    return 'split: ' + Object.entries(e.split).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([c, w]) => `${total === 100 ? `${w}%` : `weight ${w}`} to ${describeCluster(c)}`).join('; ');
  }
  if (e.notFound) return '404: not routed';
  if (e.directResponse !== undefined) return `answered by the gateway with ${e.directResponse}`;
  if (e.redirect !== undefined) {
    const r = e.redirect;
    const target = `${r.scheme ? `${r.scheme}://` : ''}${r.host ?? ''}${r.port ? `:${r.port}` : ''}${r.path ?? ''}`;
    return `redirected${r.status ? ` (${r.status})` : ''}${target ? ` to \`${target}\`` : ''}`;
  }
  if (e.hbone !== undefined) return `HBONE terminated; the tunnel goes to ${describeCluster(e.hbone)} (read from the listener: the simulator cannot follow CONNECT)`;
  return ERRORS[e.error!] ?? `refused: ${e.error}`;
}

/** A proxy in words: `sidecar (default)`, `Gateway cnn-egress-gateway`, `Deployment istio-system/istio-egressgateway`. */
export function describeProxy(name: string, p: RoutingProxy): string {
  if (p.type === 'sidecar') return `${name}: a sidecar in ${p.namespace ?? 'default'}`;
  if (p.gateway !== undefined && p.type === 'waypoint') {
    return `${name}: the proxy Istio deploys for Gateway ${p.namespace ?? 'default'}/${p.gateway} (waypoint template)`;
  }
  if (p.gateway !== undefined) return `${name}: the proxy Istio deploys for Gateway ${p.namespace ?? 'default'}/${p.gateway}`;
  if (p.deployment !== undefined) return `${name}: Deployment ${p.namespace ?? 'default'}/${p.deployment}`;
  const labels = Object.entries(p.labels ?? {}).map(([k, v]) => `${k}=${v}`).join(', ');
  return `${name}: the gateway pods labelled ${labels || '(none)'} in ${p.namespace ?? 'istio-system'}`;
}

/** What is sent, in words: `HTTP :80 edition.cnn.com/politics`, `TLS :443 SNI edition.cnn.com`. */
export function describeRequest(r: RoutingRequest): string {
  const protocol = (r.protocol ?? 'http').toLowerCase();
  const names: Record<string, string> = { http: 'HTTP', http2: 'HTTP/2', https: 'HTTPS', tcp: 'TCP', tls: 'TLS', hbone: 'HBONE' };
  const opaque = protocol === 'tcp' || protocol === 'tls' || protocol === 'hbone';
  const sni = r.sni ?? (protocol === 'https' || protocol === 'tls' ? r.host : undefined);
  const parts: string[] = [];
  if (!opaque) parts.push(`${r.host ?? '*'}${r.path ?? '/'}`);
  if (sni && (opaque || sni !== r.host)) parts.push(`SNI ${sni}`);
  if (r.alpn) parts.push(`ALPN ${r.alpn}`);
  for (const [k, v] of Object.entries(r.headers ?? {})) parts.push(`${k}: ${v}`);
  if (r.tls === 'mtls') parts.push('Istio mTLS');
  if (r.tls === 'plaintext') parts.push('plain text');
  if (r.tls === 'tls') parts.push('TLS');
  return `${names[protocol] ?? protocol} :${r.port}${parts.length > 0 ? ' ' + parts.join(', ') : ''}`;
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/**
 * The table as Markdown: the proxies, then one row per request (what it checks, what is sent, to
 * which proxy, and what must happen).
 *
 * @param t the routing table
 */
export function routingMarkdown(t: RoutingTable): string[] {
  const names = Object.keys(t.proxies).sort();
  const env = Object.entries(t.istiod?.env ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const out = [
    ...(env.length > 0 ? [`- istiod runs with ${env.map(([k, v]) => `\`${k}=${v}\``).join(', ')}`] : []),
    ...names.map((n) => `- ${describeProxy(n, t.proxies[n])}`),
    '',
    '| request | sent | to | must be |',
    '| --- | --- | --- | --- |',
  ];
  for (const r of t.requests) {
    out.push(`| ${cell(r.name)} | ${cell('`' + describeRequest(r) + '`')} | ${cell(proxyName(t, r)!)} | ${cell(describeOutcome(r.expect))} |`);
  }
  return out;
}
