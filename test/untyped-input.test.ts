import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart, Duration, Testing } from 'cdk8s';
import * as fc from 'fast-check';
import {
  ApiFlavor,
  Backend,
  BackendPolicy,
  BackendTlsMode,
  EastWestGateway,
  EastWestMode,
  EgressMode,
  EgressRoute,
  FaultInjection,
  GatewayListener,
  HttpbinExposure,
  HttpRouteAction,
  IngressGateway,
  LoadBalancerAlgorithm,
  PathMatch,
  RouteNamespaces,
  ServerTls,
  ServiceType,
} from '../src';
import { only, synthObjects, testChart, validationErrors } from './support/synth';
import { isDuration } from '../src/validation/input-shape';

/*
 * Callers without types (plain JavaScript; values read from YAML or the environment): every wrong
 * type is one validation message naming the field, never a TypeError, nothing written; lists and
 * maps taken from the caller are copies.
 */

const u = (value: unknown): any => value;

describe('lists and maps are copied when given: changing them afterwards changes neither the output nor the validation', () => {
  test('listener hosts', () => {
    const chart = testChart();
    const hosts = ['a.example.com'];
    const listener = GatewayListener.http({ hosts });
    new IngressGateway(chart, 'gw', { name: 'gw', listeners: [listener] });
    hosts.push('Not_A_Host');
    hosts[0] = 'b.example.com';
    expect(listener.hosts).toEqual(['a.example.com']);
    expect(only(synthObjects(chart), 'Gateway').spec.servers[0].hosts).toEqual(['./a.example.com']);
  });

  test('gateway selector, labels and listeners', () => {
    const chart = testChart();
    const selector: Record<string, string> = { istio: 'ingressgateway' };
    const labels: Record<string, string> = { team: 'web' };
    const listeners = [GatewayListener.http()];
    new IngressGateway(chart, 'gw', { name: 'gw', selector, labels, listeners });
    selector.istio = 'other';
    selector.extra = 'x';
    labels.team = 'Not A Label';
    listeners.push(GatewayListener.http({ name: 'Bad_Name' }));
    const gateway = only(synthObjects(chart), 'Gateway');
    expect(gateway.spec.selector).toEqual({ istio: 'ingressgateway' });
    expect(gateway.metadata.labels).toEqual({ team: 'web' });
    expect(gateway.spec.servers).toHaveLength(1);
  });

  test('route hosts, rules, matches and forwardTo', () => {
    const chart = testChart();
    const hosts = ['*'];
    const forwardTo = [{ service: 'web', port: 80 }];
    const matches = [{ path: PathMatch.prefix('/api') }];
    const rules = [{ matches, forwardTo }];
    new IngressGateway(chart, 'gw', { name: 'gw', listeners: [GatewayListener.http()] }).addHttpRoute('route', { name: 'route', hosts, rules });
    hosts.push('Not_A_Host');
    forwardTo.push(u({ service: 'other', port: '80' }));
    matches.push(u({ path: '/other' }));
    rules.push(u({ forwardTo: 'nothing' }));
    const vs = only(synthObjects(chart), 'VirtualService');
    expect(vs.spec.hosts).toEqual(['*']);
    expect(vs.spec.http).toHaveLength(1);
    expect(vs.spec.http[0].match).toEqual([{ uri: { prefix: '/api' } }]);
    expect(vs.spec.http[0].route).toEqual([{ destination: { host: 'web.default.svc.cluster.local', port: { number: 80 } } }]);
  });

  test('backend policy subsets and their labels', () => {
    const chart = testChart();
    const labels: Record<string, string> = { version: 'v1' };
    const subsets = [{ name: 'v1', labels }];
    new BackendPolicy(chart, 'p', { serviceName: 'reviews', subsets });
    labels.version = 'v2';
    subsets.push({ name: 'Bad_Subset', labels: {} });
    expect(only(synthObjects(chart), 'DestinationRule').spec.subsets).toEqual([{ name: 'v1', labels: { version: 'v1' } }]);
  });

  test('egress ports and client namespaces', () => {
    const chart = testChart();
    const ports = [443];
    const clientNamespaces = ['default'];
    new EgressRoute(chart, 'egress', { host: 'api.example.com', mode: EgressMode.TLS_PASSTHROUGH, ports, clientNamespaces });
    ports.push(u('8443'));
    clientNamespaces.push('Not_A_Namespace');
    const entry = only(synthObjects(chart), 'ServiceEntry');
    expect(entry.spec.ports.map((p: any) => p.number)).toEqual([443]);
  });

  test('httpbin hosts and paths, named route namespaces, TLS subject names', () => {
    const chart = testChart();
    const hosts = ['httpbin.example.com'];
    const paths = ['/status'];
    new HttpbinExposure(chart, 'httpbin', { hosts, paths, deployWorkload: false });
    hosts.push('Not_A_Host');
    paths.length = 0;
    const namespaces = ['team-a'];
    const names = ['client.example.com'];
    const tls = ServerTls.mutual('cert', { subjectAltNames: names });
    new IngressGateway(chart, 'gw', { name: 'gw2', listeners: [GatewayListener.https({ hosts: ['b.example.com'], tls, routeNamespaces: RouteNamespaces.named(namespaces) })] });
    namespaces.push('Not_A_Namespace');
    names.push('other');
    expect(validationErrors(chart)).toEqual([]);
    expect(tls.subjectAltNames).toEqual(['client.example.com']);
    const objects = synthObjects(chart);
    expect(only(objects, 'VirtualService').spec.hosts).toEqual(['httpbin.example.com']);
    expect(only(objects, 'Gateway', 'gw2').spec.servers[0].hosts).toEqual(['team-a/b.example.com']);
  });

  test('workload labels and ports', () => {
    const chart = testChart();
    const labels: Record<string, string> = { team: 'web' };
    const ports = [{ name: 'http2', port: 80 }];
    new IngressGateway(chart, 'gw', { name: 'gw', listeners: [GatewayListener.http()], workload: { labels, ports } });
    labels.team = 'Not A Label';
    ports.push(u({ name: 'x', port: '81' }));
    const service = only(synthObjects(chart), 'Service');
    expect(service.spec.ports.map((p: any) => p.port)).toEqual([15021, 80]);
  });
});

describe('values made by the factories outside any construct carry their problems to the construct that receives them', () => {
  test('a listener made once and given to two gateways is reported by each', () => {
    const chart = testChart();
    const listener = GatewayListener.http({ port: u('8080') });
    new IngressGateway(chart, 'a', { name: 'a', listeners: [listener] });
    new IngressGateway(chart, 'b', { name: 'b', listeners: [GatewayListener.http({ port: 80 }), listener] });
    expect(validationErrors(chart)).toEqual([
      '[test/a] listeners[0].port is the string "8080"; use a number like 8080, not the string "8080".',
      '[test/b] listeners[1].port is the string "8080"; use a number like 8080, not the string "8080".',
    ]);
  });

  test('a value never given to a construct reports nothing', () => {
    const chart = testChart();
    GatewayListener.http({ port: u('8080') });
    new IngressGateway(chart, 'gw', { name: 'gw', listeners: [GatewayListener.http()] });
    expect(validationErrors(chart)).toEqual([]);
  });

  test('wrong values nested in factories are reported at their full path', () => {
    const chart = testChart();
    new IngressGateway(chart, 'gw', { name: 'gw', listeners: [GatewayListener.http()] }).addHttpRoute('route', {
      name: 'route',
      rules: [
        { forwardTo: [{ service: 'web', port: 80 }] },
        { matches: [{ path: PathMatch.exact('/a') }], action: HttpRouteAction.forward([Backend.service('a', { port: 80 }), Backend.service('b', { port: 80, weight: NaN })]) },
      ],
    });
    expect(validationErrors(chart)).toEqual(['[test/gw/route] rules[1].action.backends[1].weight is NaN; use a finite number like 50.']);
  });
});

describe('values from a second copy of cdk8s or of this library (another version in a nested node_modules) are accepted by their shape', () => {
  test('a Duration of another cdk8s copy is a Duration', () => {
    let other: typeof import('cdk8s') | undefined;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      other = require('cdk8s');
    });
    const timeout = other!.Duration.seconds(30);
    expect(timeout).not.toBeInstanceOf(Duration);
    const chart = testChart();
    new IngressGateway(chart, 'gw', { name: 'gw', listeners: [GatewayListener.http()] }).addHttpRoute('route', {
      name: 'route',
      rules: [{ forwardTo: [{ service: 'web', port: 80 }], timeout: u(timeout) }],
    });
    expect(only(synthObjects(chart), 'VirtualService').spec.http[0].timeout).toBe('30s');
  });

  test('a listener made by another copy of this library is a listener', () => {
    let other: typeof import('../src') | undefined;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      other = require('../src');
    });
    const listener = other!.GatewayListener.http({ port: 8080 });
    expect(listener).not.toBeInstanceOf(GatewayListener);
    const chart = testChart();
    new IngressGateway(chart, 'gw', { name: 'gw', listeners: [u(listener)] });
    expect(only(synthObjects(chart), 'Gateway').spec.servers[0].port.number).toBe(8080);
  });
});

// ---------------------------------------------------------------------------------------------
// Property: random wrong-typed values in every prop of each construct

type Kind = 'string' | 'number' | 'boolean' | 'list' | 'map' | 'struct' | 'duration' | 'instance' | { readonly enum: object } | { readonly instance: Function };

/** Whether `value` is of `kind` (a wrong value is one that is not). */
function fits(kind: Kind, value: unknown): boolean {
  if (typeof kind === 'object') return 'enum' in kind ? Object.values(kind.enum).includes(value) : value instanceof kind.instance;
  switch (kind) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'list':
      return Array.isArray(value) && Object.keys(value).length === value.length && value.every((v) => v !== null && v !== undefined);
    case 'map':
      return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string');
    case 'struct':
      return typeof value === 'object' && value !== null && !Array.isArray(value) && !isDuration(value);
    case 'duration':
      return isDuration(value);
    case 'instance':
      return false;
  }
}

// eslint-disable-next-line no-sparse-arrays
const SPARSE = [, 'x'];
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, NaN, Infinity, -Infinity, 'true', 'false', '8080', '30s', '0', 0, SPARSE, [null], [undefined], {}, [], ''),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -5, max: 70000 }),
  fc.double(),
  fc.boolean(),
  fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.integer()), { maxLength: 3 }),
  fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), fc.oneof(fc.string({ maxLength: 6 }), fc.integer(), fc.constant(null)), { maxKeys: 3 }),
  fc.constant(Duration.seconds(5)),
  fc.constant(PathMatch.prefix('/')),
);

/** One construct family: a valid input, and the kind of each of its fields. */
interface Family {
  readonly name: string;
  readonly fields: Record<string, Kind>;
  readonly build: (chart: Chart, field: string, value: unknown) => void;
}

const API = { enum: ApiFlavor };
const http = (chart: Chart) => new IngressGateway(chart, 'gw', { name: 'gw', listeners: [GatewayListener.http()] });
const with_ = (base: object, field: string, value: unknown) => ({ ...base, [field]: value });

const FAMILIES: Family[] = [
  {
    name: 'IngressGateway props',
    fields: { api: API, name: 'string', namespace: 'string', listeners: 'list', selector: 'map', gatewayClassName: 'string', cluster: 'string', labels: 'map', addresses: 'list', workload: 'struct' },
    build: (c, f, v) => new IngressGateway(c, 'gw', with_({ name: 'gw', listeners: [GatewayListener.http()] }, f, v)),
  },
  {
    name: 'GatewayListener.http() options',
    fields: { port: 'number', hosts: 'list', name: 'string', routeNamespaces: 'instance', httpsRedirect: 'boolean' },
    build: (c, f, v) => new IngressGateway(c, 'gw', { name: 'gw', listeners: [GatewayListener.http(with_({}, f, v))] }),
  },
  {
    name: 'GatewayListener.https() options and ServerTls',
    fields: { port: 'number', tls: 'instance', credentialName: 'string', minProtocolVersion: { enum: { TLS_V1_2: 'TLSV1_2', TLS_V1_3: 'TLSV1_3' } }, cipherSuites: 'list' },
    build: (c, f, v) => {
      const tls = f === 'credentialName' ? ServerTls.simple(u(v)) : f === 'tls' ? u(v) : ServerTls.simple('cert', with_({}, f, v));
      new IngressGateway(c, 'gw', { name: 'gw', listeners: [GatewayListener.https(f === 'port' ? { hosts: ['*'], port: u(v), tls } : { hosts: ['*'], tls })] });
    },
  },
  {
    name: 'HttpRoute options',
    fields: { name: 'string', namespace: 'string', hosts: 'list', rules: 'list', forwardTo: 'list' },
    build: (c, f, v) => http(c).addHttpRoute('route', with_({ name: 'route', forwardTo: [{ service: 'web', port: 80 }] }, f, v)),
  },
  {
    name: 'HttpRouteRule',
    fields: {
      name: 'string',
      matches: 'list',
      action: 'instance',
      forwardTo: 'list',
      timeout: 'duration',
      retries: 'struct',
      fault: 'instance',
      mirror: 'struct',
      rewrite: 'struct',
      cors: 'struct',
      requestHeaders: 'struct',
      responseHeaders: 'struct',
    },
    build: (c, f, v) => {
      const base = f === 'action' ? {} : { forwardTo: [{ service: 'web', port: 80 }] };
      http(c).addHttpRoute('route', { name: 'route', rules: [with_(base, f, v)] });
    },
  },
  {
    name: 'ForwardTarget and Backend.service()',
    fields: { service: 'string', port: 'number', namespace: 'string', subset: 'string', weight: 'number' },
    build: (c, f, v) => {
      const target = with_({ service: 'web', port: 80 }, f, v) as any;
      http(c).addHttpRoute('route', { name: 'route', rules: [{ forwardTo: [target] }, { matches: [{ path: PathMatch.prefix('/b') }], action: HttpRouteAction.forward([Backend.service(target.service, target)]) }] });
    },
  },
  {
    name: 'match, header match, retries, CORS and header edits',
    fields: { path: { instance: PathMatch }, headers: 'list', method: 'string', attempts: 'number', retryOn: 'list', allowOrigins: 'list', maxAge: 'duration', allowCredentials: 'boolean', set: 'map', remove: 'list' },
    build: (c, f, v) => {
      const match = ['path', 'headers', 'method'].includes(f) ? with_({}, f, v) : {};
      const retries = ['attempts', 'retryOn'].includes(f) ? with_({ attempts: 2 }, f, v) : undefined;
      const cors = ['allowOrigins', 'maxAge', 'allowCredentials'].includes(f) ? with_({ allowOrigins: ['*'] }, f, v) : undefined;
      const requestHeaders = ['set', 'remove'].includes(f) ? with_({}, f, v) : undefined;
      http(c).addHttpRoute('route', { name: 'route', rules: [u({ matches: [match], forwardTo: [{ service: 'web', port: 80 }], retries, cors, requestHeaders })] });
    },
  },
  {
    name: 'factories: PathMatch, FaultInjection, HttpRouteAction, RouteNamespaces',
    fields: { value: 'string', delay: 'duration', percentage: 'number', httpStatus: 'number', status: 'number', backends: 'list', namespaces: 'list', statusCode: 'number' },
    build: (c, f, v) => {
      const rule: any = { forwardTo: [{ service: 'web', port: 80 }] };
      if (f === 'value') rule.matches = [{ path: PathMatch.exact(u(v)) }];
      if (f === 'delay') rule.fault = FaultInjection.delay(u(v));
      if (f === 'percentage') rule.fault = FaultInjection.abort(503, u(v));
      if (f === 'httpStatus') rule.fault = FaultInjection.abort(u(v));
      if (f === 'status') rule.action = HttpRouteAction.directResponse(u(v));
      if (f === 'backends') rule.action = HttpRouteAction.forward(u(v));
      if (f === 'statusCode') rule.action = HttpRouteAction.redirect({ statusCode: u(v) });
      if (rule.action) delete rule.forwardTo;
      const listeners = [GatewayListener.http(f === 'namespaces' ? { routeNamespaces: RouteNamespaces.named(u(v)) } : {})];
      new IngressGateway(c, 'gw', { name: 'gw', listeners }).addHttpRoute('route', { name: 'route', rules: [rule] });
    },
  },
  {
    name: 'TcpRoute options',
    fields: { name: 'string', namespace: 'string', port: 'number', backends: 'list' },
    build: (c, f, v) =>
      new IngressGateway(c, 'gw', { name: 'gw', listeners: [GatewayListener.tcp({ port: 9000 })] }).addTcpRoute('tcp', with_({ name: 'tcp', port: 9000, backends: [Backend.service('db', { port: 9000 })] }, f, v) as any),
  },
  {
    name: 'BackendPolicy props',
    fields: { serviceName: 'string', namespace: 'string', name: 'string', subsets: 'list', tls: { enum: BackendTlsMode }, loadBalancer: { enum: LoadBalancerAlgorithm }, connectionPool: 'struct', outlierDetection: 'struct' },
    build: (c, f, v) => new BackendPolicy(c, 'p', with_({ serviceName: 'reviews' }, f, v) as any),
  },
  {
    name: 'EgressRoute props',
    fields: {
      host: 'string',
      wildcardTarget: 'string',
      mode: { enum: EgressMode },
      ports: 'list',
      originationPort: 'number',
      originationTls: 'instance',
      mutualTls: 'boolean',
      api: API,
      name: 'string',
      namespace: 'string',
      clientNamespaces: 'list',
      gatewaySelector: 'map',
      gatewayServiceName: 'string',
      gatewayNamespace: 'string',
      loadBalancer: { enum: LoadBalancerAlgorithm },
      allowedClients: 'struct',
      clientNetworkPolicy: 'struct',
    },
    build: (c, f, v) => new EgressRoute(c, 'egress', with_({ host: 'api.example.com' }, f, v) as any),
  },
  {
    name: 'EastWestGateway props',
    fields: { network: 'string', cluster: 'string', api: API, mode: { enum: EastWestMode }, namespace: 'string', name: 'string', exposeIstiod: 'boolean', deployWorkload: 'boolean', workload: 'struct' },
    build: (c, f, v) => new EastWestGateway(c, 'ew', with_({ network: 'network1' }, f, v) as any),
  },
  {
    name: 'HttpbinExposure props',
    fields: {
      api: API,
      namespace: 'string',
      hosts: 'list',
      paths: 'list',
      deployWorkload: 'boolean',
      image: 'string',
      version: 'string',
      routeToVersionSubset: 'boolean',
      gatewayName: 'string',
      routeName: 'string',
      gatewaySelector: 'map',
      gatewayClassName: 'string',
      port: 'number',
    },
    build: (c, f, v) => new HttpbinExposure(c, 'httpbin', with_({ deployWorkload: false }, f, v)),
  },
  {
    name: 'GatewayWorkload props',
    fields: { name: 'string', replicas: 'number', serviceType: { enum: ServiceType }, ports: 'list', labels: 'map', autoscaling: 'struct', resources: 'struct', env: 'map', terminationGracePeriodSeconds: 'number' },
    build: (c, f, v) => new IngressGateway(c, 'gw', { name: 'gw', listeners: [GatewayListener.http()], workload: with_({ autoscaling: { enabled: false } }, f, v) }),
  },
];

/** Synthesizes `build` into a fresh directory: the error it fails with, and what it wrote. */
function synthesize(build: (chart: Chart) => void): { error?: Error; written: string[] } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'untyped-'));
  const app = new App({ outdir });
  let error: Error | undefined;
  try {
    build(new Chart(app, 'c', { namespace: 'default' }));
    app.synth();
  } catch (e) {
    error = e as Error;
  }
  const written = fs.readdirSync(outdir);
  fs.rmSync(outdir, { recursive: true, force: true });
  return { error, written };
}

describe.each(FAMILIES.map((f) => [f.name, f] as const))('a wrong-typed value in any field of %s', (_name, family) => {
  test('the valid input synthesizes', () => {
    const chart = Testing.chart();
    family.build(chart, '', undefined);
    expect(validationErrors(chart)).toEqual([]);
  });

  test('fails synth with validation messages naming the field, never a TypeError, and writes nothing', () => {
    const cases = fc
      .tuple(fc.constantFrom(...Object.keys(family.fields)), anyValue)
      .filter(([field, value]) => !fits(family.fields[field], value));
    fc.assert(
      fc.property(cases, ([field, value]) => {
        const { error, written } = synthesize((c) => family.build(c, field, value));
        expect(error).toBeDefined();
        expect(error!.constructor).toBe(Error);
        const [head, ...lines] = error!.message.split('\n');
        expect(head).toBe('Validation failed with the following errors:');
        expect(lines.length).toBeGreaterThan(0);
        for (const line of lines) expect(line).toMatch(/^ {2}\[[^\]]+\] \S/);
        expect(lines.some((line) => line.includes(field))).toBe(true);
        expect(written).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});
