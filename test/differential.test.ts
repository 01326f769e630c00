import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { normalize, synthIntent, checkCrds, DiffFinding, shrink } from '../scripts/differential';
import { parseIstioctlValidate } from '../scripts/validate';
import { Intent, ItemIntent, sampleIntents } from './differential/intents';

/** A legal intent that uses most options at once (the builder must pass each of them on). */
const KITCHEN_SINK: Intent = {
  charts: [
    {
      id: 'team-a',
      namespace: 'default',
      items: [
        {
          type: 'ingress',
          id: 'edge',
          props: {
            name: 'edge',
            listeners: [
              { kind: 'http', hosts: ['*.example.com'], httpsRedirect: false },
              { kind: 'https', hosts: ['*.example.com'], tls: { mode: 'simple', credentialName: 'tls-cert', minProtocolVersion: 'TLSV1_3' } },
            ],
            labels: { tier: 'edge' },
          },
          httpRoutes: [
            {
              id: 'shop',
              name: 'shop',
              hosts: ['shop.example.com'],
              rules: [
                {
                  name: 'api',
                  matches: [{ path: { kind: 'prefix', value: '/api' }, headers: [{ name: 'x-user', kind: 'exact', value: 'v1' }], method: 'GET' }],
                  action: { kind: 'forward', backends: [{ service: 'api', port: 8080, weight: 90 }, { service: 'api-canary', port: 8080, weight: 10 }] },
                  timeoutMs: 2000,
                  retries: { attempts: 3, perTryTimeoutMs: 500, retryOn: ['5xx', 'reset'] },
                  fault: { kind: 'delay', delayMs: 100, percentage: 10 },
                  mirror: { backend: { service: 'shadow', port: 8080 }, percentage: 5 },
                  rewrite: { pathPrefix: '/' },
                  cors: { allowOrigins: ['https://a.example.com'], allowMethods: ['GET'], maxAgeMs: 60000 },
                  requestHeaders: { set: { 'x-team': 'a' }, remove: ['x-debug'] },
                  responseHeaders: { add: { 'x-served-by': 'edge' } },
                },
                { matches: [{ path: { kind: 'exact', value: '/old' } }], action: { kind: 'redirect', path: '/new', statusCode: 301 } },
                { matches: [{ path: { kind: 'prefix', value: '/health' } }], action: { kind: 'directResponse', status: 200, body: 'ok' } },
              ],
              forwardTo: [{ service: 'web', port: 80 }],
            },
          ],
        },
        {
          type: 'backendPolicy',
          id: 'api',
          props: {
            serviceName: 'api',
            subsets: [{ name: 'v1', labels: { version: 'v1' } }],
            loadBalancer: 'LEAST_REQUEST',
            connectionPool: { maxConnections: 100, connectTimeoutMs: 1000 },
            outlierDetection: { consecutive5xxErrors: 5, intervalMs: 10000, baseEjectionTimeMs: 30000, maxEjectionPercent: 50 },
          },
        },
        { type: 'egress', id: 'github', props: { host: 'api.github.com', mode: 'TLS_ORIGINATION' } },
      ],
    },
  ],
};

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'differential-'));

describe('intent generator', () => {
  const intents = sampleIntents(1, 300);

  test('is deterministic for a seed, and intents are plain JSON', () => {
    expect(JSON.stringify(sampleIntents(1, 20))).toBe(JSON.stringify(intents.slice(0, 20)));
    for (const intent of intents.slice(0, 50)) expect(JSON.parse(JSON.stringify(intent))).toEqual(intent);
  });

  test('reaches every construct, listener kind, route kind and action', () => {
    const items: ItemIntent[] = intents.flatMap((i) => i.charts.flatMap((c) => c.items));
    expect(new Set(items.map((i) => i.type))).toEqual(new Set(['ingress', 'imported', 'backendPolicy', 'egress', 'eastWest', 'remoteNetwork', 'httpbin', 'workload']));
    const text = JSON.stringify(intents);
    for (const kind of ['http', 'https', 'tlsPassthrough', 'tcp', 'autoPassthrough', 'hbone']) expect(text).toContain(`"kind":"${kind}"`);
    for (const kind of ['forward', 'forwardTo', 'redirect', 'directResponse', 'delay', 'abort']) expect(text).toContain(`"kind":"${kind}"`);
    for (const mode of ['simple', 'mutual', 'optionalMutual']) expect(text).toContain(`"mode":"${mode}"`);
    for (const key of ['tlsRoutes', 'tcpRoutes', 'httpRoutes', 'addRules', 'addListeners', 'mirror', 'cors', 'rewrite', 'retries', 'suppress', 'workload']) {
      expect(text).toContain(`"${key}":`);
    }
    expect(intents.some((i) => i.charts.length === 2)).toBe(true);
  });
});

describe('builder and in-process checks', () => {
  test('a legal intent using most options synthesizes manifests that pass the CRD checks', () => {
    const dir = tmp();
    const findings: DiffFinding[] = [];
    const outcome = synthIntent(0, KITCHEN_SINK, dir, findings);
    expect(findings).toEqual([]);
    expect(outcome.status).toBe('accepted');
    if (outcome.status !== 'accepted') return;
    checkCrds(0, outcome.files, findings);
    expect(findings).toEqual([]);
    const yaml = outcome.files.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    for (const text of ['retryOn: 5xx,reset', 'mirrors:', 'corsPolicy', 'LEAST_REQUEST', 'api.github.com', 'credentialName: tls-cert']) expect(yaml).toContain(text);
  });

  test('a refused intent fails with the validation error and writes nothing', () => {
    const dir = tmp();
    const findings: DiffFinding[] = [];
    const bad: Intent = { charts: [{ id: 'team-a', namespace: 'default', items: [{ type: 'ingress', id: 'gw', props: { listeners: [{ kind: 'http', hosts: ['Example.COM.'] }] } }] }] };
    const outcome = synthIntent(0, bad, dir, findings);
    expect(outcome.status).toBe('refused');
    expect(findings).toEqual([]);
    expect(fs.existsSync(dir) ? fs.readdirSync(dir) : []).toEqual([]);
  });

  test('a constructor that throws is a finding, not a refusal', () => {
    const findings: DiffFinding[] = [];
    // cdk8s's Duration throws on a negative amount while the intent is being built.
    const intent: Intent = {
      charts: [{ id: 'x', items: [{ type: 'ingress', id: 'gw', props: {}, httpRoutes: [{ id: 'r', rules: [{ fault: { kind: 'delay', delayMs: -1 }, forwardTo: [{ service: 'a', port: 80 }] }] }] }] }],
    };
    expect(synthIntent(3, intent, tmp(), findings)).toEqual({ status: 'broken' });
    expect(findings.map((f) => [f.intent, f.check])).toEqual([[3, 'construct']]);
  });
});

describe('shrinking', () => {
  test('leaves out what a finding does not need', () => {
    // Two teams' BackendPolicies for one Service in one namespace: the same DestinationRule twice.
    const policy = (id: string): ItemIntent => ({ type: 'backendPolicy', id, props: { serviceName: 'web', loadBalancer: 'RANDOM', subsets: [{ name: 'v1', labels: { version: 'v1' } }] } });
    const intent: Intent = {
      charts: [
        { id: 'team-a', namespace: 'default', items: [policy('p'), { type: 'egress', id: 'e', props: { host: 'api.github.com' } }] },
        { id: 'team-b', namespace: 'default', items: [policy('p')] },
      ],
    };
    const dir = tmp();
    const findings: DiffFinding[] = [];
    const outcome = synthIntent(0, intent, path.join(dir, 'm'), findings);
    if (outcome.status === 'accepted') checkCrds(0, outcome.files, findings);
    const duplicate = findings.find((f) => f.klass.includes('DestinationRule metadata.name: Duplicate'));
    if (!duplicate) return; // the library now refuses it: nothing to shrink
    expect(shrink(intent, duplicate, path.join(dir, 'shrink'), undefined, 300)).toEqual({
      charts: [
        { id: 'team-a', items: [{ type: 'backendPolicy', id: 'p', props: { serviceName: 'web' } }] },
        { id: 'team-b', items: [{ type: 'backendPolicy', id: 'p', props: { serviceName: 'web' } }] },
      ],
    });
  });
});

describe('output parsing', () => {
  test('istioctl validate errors and warnings', () => {
    const out = [
      'Error: 2 errors occurred:',
      '\t* VirtualService/default/x: "bogus" is not a valid retryOn policy',
      '\t* Gateway/team-a/a.b: invalid gateway name: "a.b"',
      '',
      '"dist/a.yaml" has warnings: ',
      '\t* VirtualService/default/y: virtualService rule #1 not used (only the last rule can have no matches)',
      '',
    ].join('\n');
    const findings = parseIstioctlValidate(out);
    expect(findings.map((f) => [f.level, f.resource, f.message])).toEqual([
      ['Error', 'VirtualService default/x', '"bogus" is not a valid retryOn policy'],
      ['Error', 'Gateway team-a/a.b', 'invalid gateway name: "a.b"'],
      ['Warning', 'VirtualService default/y', 'virtualService rule #1 not used (only the last rule can have no matches)'],
    ]);
    expect(findings[2].file).toBe('dist/a.yaml');
  });

  test('messages of one kind normalize to one class', () => {
    expect(normalize('listener "a": port 70000 is out of range')).toBe(normalize('listener "bb": port 1 is out of range'));
  });
});
