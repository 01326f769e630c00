import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { exampleNames, routingSection } from '../scripts/gallery';
import {
  checkRoutingTable, describeCluster, describeOutcome, describeRequest, readRoutingTable, routingMarkdown, RoutingTable,
} from '../scripts/routing-table';

const EXAMPLES = path.resolve(__dirname, '..', 'examples');
const README = fs.readFileSync(path.join(EXAMPLES, 'README.md'), 'utf8');

/** The lines of one example's section of the committed gallery. */
function section(name: string): string[] {
  const lines = README.split('\n');
  const start = lines.indexOf(`## ${name}`);
  if (start < 0) throw new Error(`no section for ${name} in examples/README.md`);
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  return lines.slice(start, end < 0 ? undefined : end);
}

describe('cluster names read as host:port', () => {
  test('a Service cluster, with and without a subset', () => {
    expect(describeCluster('outbound|8000||httpbin.default.svc.cluster.local')).toBe('`httpbin.default:8000`');
    expect(describeCluster('outbound|80|cnn|istio-egressgateway.istio-system.svc.cluster.local'))
      .toBe('`istio-egressgateway.istio-system:80` (subset `cnn`)');
  });
  test('an external host keeps its name', () => {
    expect(describeCluster('outbound|443||edition.cnn.com')).toBe('`edition.cnn.com:443`');
  });
  test('the auto-passthrough form and the passthrough cluster', () => {
    expect(describeCluster('outbound_.8000_._.httpbin.default.svc.cluster.local')).toBe('`httpbin.default:8000`');
    expect(describeCluster('PassthroughCluster')).toContain('directly');
  });
});

describe('outcomes read as what happens to the request', () => {
  test('each kind says something different', () => {
    const said = [
      describeOutcome({ cluster: 'outbound|80||a.b.svc.cluster.local' }),
      describeOutcome({ passthrough: 'outbound|80||a.b.svc.cluster.local' }),
      describeOutcome({ split: { 'outbound|80|v1|a.b.svc.cluster.local': 90, 'outbound|80|v2|a.b.svc.cluster.local': 10 } }),
      describeOutcome({ notFound: true }),
      describeOutcome({ directResponse: 503 }),
      describeOutcome({ redirect: { scheme: 'https', status: 301 } }),
      describeOutcome({ error: 'noListener' }),
      describeOutcome({ error: 'noFilterChain' }),
      describeOutcome({ hbone: 'main_internal' }),
    ];
    expect(new Set(said).size).toBe(said.length);
    expect(said[0]).toBe('routed to `a.b:80`');
    expect(said[2]).toBe('split: 90% to `a.b:80` (subset `v1`); 10% to `a.b:80` (subset `v2`)');
    expect(said[3]).toMatch(/^404/);
    expect(said[4]).toContain('503');
    expect(said[5]).toBe('redirected (301) to `https://`');
    expect(said[8]).toMatch(/^HBONE terminated; the tunnel goes to `main_internal`/);
  });
  test('a simulator message given verbatim is shown as is', () => {
    expect(describeOutcome({ error: 'no virtual host matched' })).toBe('refused: no virtual host matched');
  });
});

describe('requests read as what is sent', () => {
  test('HTTP shows host and path; TLS shows the SNI; options follow', () => {
    expect(describeRequest({ name: 'a', port: 80, host: 'h.example.com', path: '/x', expect: {} })).toBe('HTTP :80 h.example.com/x');
    expect(describeRequest({ name: 'a', port: 443, protocol: 'tls', host: 'h.example.com', expect: {} })).toBe('TLS :443 SNI h.example.com');
    expect(describeRequest({ name: 'a', port: 80, tls: 'mtls', host: 'h', sni: 'other', expect: {} })).toBe('HTTP :80 h/, SNI other, Istio mTLS');
  });
});

describe('a table the gallery cannot show is one clear error', () => {
  const ok = { proxies: { p: {} }, requests: [{ name: 'r', port: 80, expect: { notFound: true } }] };
  const bad: Array<[string, unknown, RegExp]> = [
    ['not a mapping', ['x'], /a mapping with proxies and requests/],
    ['no proxies', { ...ok, proxies: {} }, /proxies must name at least one proxy/],
    ['no requests', { ...ok, requests: [] }, /requests must list at least one request/],
    ['a request without a name', { ...ok, requests: [{ port: 80, expect: { notFound: true } }] }, /request 1: needs a name/],
    ['the same name twice', { ...ok, requests: [ok.requests[0], ok.requests[0]] }, /request 2 "r": the name is used twice/],
    ['no port', { ...ok, requests: [{ name: 'r', expect: { notFound: true } }] }, /"r": needs a port/],
    ['an unknown proxy', { ...ok, requests: [{ ...ok.requests[0], proxy: 'q' }] }, /proxy "q" is not in proxies \(p\)/],
    ['no proxy among several', { ...ok, proxies: { p: {}, q: {} } }, /names no proxy, and the table has 2/],
    ['no outcome', { ...ok, requests: [{ name: 'r', port: 80, expect: {} }] }, /exactly one of .* \(has none\)/],
    ['two outcomes', { ...ok, requests: [{ name: 'r', port: 80, expect: { notFound: true, error: 'noRoute' } }] }, /\(has notFound, error\)/],
  ];
  test.each(bad)('%s', (_, doc, message) => {
    expect(() => checkRoutingTable(doc, 'routing.yaml')).toThrow(message);
  });
  test('a valid table passes', () => {
    expect(checkRoutingTable(ok, 'routing.yaml').requests).toHaveLength(1);
  });
  test('a file that is not YAML names the file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'routing-'));
    const file = path.join(dir, 'routing.yaml');
    fs.writeFileSync(file, 'requests: [\n');
    try {
      expect(() => readRoutingTable(file)).toThrow(`${file}: not YAML`);
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
  });
});

describe('the gallery shows each example\'s routing table', () => {
  const withTables = exampleNames(EXAMPLES).filter((n) => fs.existsSync(path.join(EXAMPLES, n, 'routing.yaml')));

  test('every example has one', () => {
    expect(withTables).toEqual(exampleNames(EXAMPLES));
  });

  test.each(withTables)('%s: one row per request, each with its outcome', (name) => {
    const table: RoutingTable = readRoutingTable(path.join(EXAMPLES, name, 'routing.yaml'));
    const lines = section(name);
    const header = lines.indexOf('| request | sent | to | must be |');
    expect(header).toBeGreaterThan(0);
    const rows = lines.slice(header + 2).filter((l) => l.startsWith('| '));
    expect(rows).toHaveLength(table.requests.length);
    table.requests.forEach((r, i) => {
      expect(rows[i].startsWith(`| ${r.name.replace(/\|/g, '\\|')} |`)).toBe(true);
      expect(rows[i].endsWith(` | ${describeOutcome(r.expect).replace(/\|/g, '\\|')} |`)).toBe(true);
    });
    expect(lines).toContain(`(\`npm run simulate\`; table: [routing.yaml](${name}/routing.yaml)):`);
  });

  test('a routing table renders its proxies and rows; an example without one says so', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gallery-'));
    try {
      fs.mkdirSync(path.join(dir, 'with'));
      fs.mkdirSync(path.join(dir, 'without'));
      fs.writeFileSync(path.join(dir, 'with', 'routing.yaml'), [
        'proxies:',
        '  client: {type: sidecar, namespace: apps}',
        'requests:',
        '  - name: out through the gateway',
        '    port: 80',
        '    host: edition.cnn.com',
        '    expect: {cluster: "outbound|80||egress.default.svc.cluster.local"}',
      ].join('\n'));
      const shown = routingSection(dir, 'with');
      expect(shown).toContain('- client: a sidecar in apps');
      expect(shown).toContain('| out through the gateway | `HTTP :80 edition.cnn.com/` | client | routed to `egress.default:80` |');
      expect(routingSection(dir, 'without')).toEqual(['No routing table: its routing is not checked by simulation.']);
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
  });

  test('istiod\'s environment, when the table sets it, is listed first', () => {
    const t: RoutingTable = {
      istiod: { env: { PILOT_ENABLE_AMBIENT: 'true', AMBIENT_ENABLE_MULTI_NETWORK: 'true' } },
      proxies: { w: { type: 'waypoint', gateway: 'ew', namespace: 'istio-system' } },
      requests: [{ name: 'r', port: 15008, protocol: 'hbone', expect: { hbone: 'main_internal' } }],
    };
    expect(routingMarkdown(t).slice(0, 2)).toEqual([
      '- istiod runs with `AMBIENT_ENABLE_MULTI_NETWORK=true`, `PILOT_ENABLE_AMBIENT=true`',
      '- w: the proxy Istio deploys for Gateway istio-system/ew (waypoint template)',
    ]);
    expect(routingMarkdown(t)[5]).toMatch(/^\| r \| `HBONE :15008` \| w \| HBONE terminated/);
  });

  test('the rows come from the table, not from a fixed text', () => {
    const t: RoutingTable = {
      proxies: { g: { gateway: 'gw', namespace: 'n' } },
      requests: [{ name: 'a|b', port: 443, protocol: 'https', host: 'x', expect: { error: 'noListener' } }],
    };
    expect(routingMarkdown(t)).toEqual([
      '- g: the proxy Istio deploys for Gateway n/gw',
      '',
      '| request | sent | to | must be |',
      '| --- | --- | --- | --- |',
      '| a\\|b | `HTTPS :443 x/` | g | refused: nothing listens on that port |',
    ]);
  });
});
