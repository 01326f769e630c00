import * as fs from 'fs';
import * as path from 'path';
import { CelRuleCompiler } from './support/crd/cel-rules';
import { KUBERNETES_STRING_FORMATS } from './support/crd/formats';
import {
  CrdValidator,
  DEFAULT_CRD_DIR,
  LoadedCrd,
  RULES_SKIPPED_MESSAGE,
  ValidationFinding,
  expectValid,
  formatFindings,
} from './support/crd-validator';

const validator = CrdValidator.fromDirectory();

const ISTIO = 'networking.istio.io/v1';
const GATEWAY_API = 'gateway.networking.k8s.io/v1';

/** Istio's httpbin ingress example (Istio API). */
function istioHttpbin(): Array<Record<string, any>> {
  return [
    {
      apiVersion: ISTIO,
      kind: 'Gateway',
      metadata: { name: 'httpbin-gateway', namespace: 'default' },
      spec: {
        selector: { istio: 'ingressgateway' },
        servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['httpbin.example.com'] }],
      },
    },
    {
      apiVersion: ISTIO,
      kind: 'VirtualService',
      metadata: { name: 'httpbin', namespace: 'default' },
      spec: {
        hosts: ['httpbin.example.com'],
        gateways: ['httpbin-gateway'],
        http: [{
          match: [{ uri: { prefix: '/status' } }, { uri: { prefix: '/delay' } }],
          route: [{ destination: { port: { number: 8000 }, host: 'httpbin' } }],
        }],
      },
    },
  ];
}

/** Istio's httpbin ingress example (Kubernetes Gateway API). */
function gatewayApiHttpbin(): Array<Record<string, any>> {
  return [
    {
      apiVersion: GATEWAY_API,
      kind: 'Gateway',
      metadata: { name: 'httpbin-gateway', namespace: 'default' },
      spec: {
        gatewayClassName: 'istio',
        listeners: [{
          name: 'http',
          hostname: 'httpbin.example.com',
          port: 80,
          protocol: 'HTTP',
          allowedRoutes: { namespaces: { from: 'Same' } },
        }],
      },
    },
    {
      apiVersion: GATEWAY_API,
      kind: 'HTTPRoute',
      metadata: { name: 'httpbin', namespace: 'default' },
      spec: {
        parentRefs: [{ name: 'httpbin-gateway' }],
        hostnames: ['httpbin.example.com'],
        rules: [{
          matches: [
            { path: { type: 'PathPrefix', value: '/status' } },
            { path: { type: 'PathPrefix', value: '/delay' } },
          ],
          backendRefs: [{ name: 'httpbin', port: 8000 }],
        }],
      },
    },
  ];
}

/** Valid objects of every loaded kind, using many optional features (and so many CEL rules). */
function featureRichObjects(): Array<Record<string, any>> {
  const metadata = (name: string): object => ({ name, namespace: 'default' });
  return [
    {
      apiVersion: GATEWAY_API,
      kind: 'Gateway',
      metadata: metadata('edge'),
      spec: {
        gatewayClassName: 'istio',
        addresses: [{ type: 'IPAddress', value: '10.0.0.1' }],
        infrastructure: { labels: { 'example.com/team': 'edge' } },
        listeners: [
          { name: 'https', port: 443, protocol: 'HTTPS', hostname: '*.example.com', tls: { certificateRefs: [{ name: 'cert' }] } },
          { name: 'tls', port: 8443, protocol: 'TLS', tls: { mode: 'Passthrough' } },
          {
            name: 'http',
            port: 80,
            protocol: 'HTTP',
            allowedRoutes: { namespaces: { from: 'Selector', selector: { matchLabels: { edge: 'true' } } }, kinds: [{ kind: 'HTTPRoute' }] },
          },
        ],
      },
    },
    {
      apiVersion: GATEWAY_API,
      kind: 'HTTPRoute',
      metadata: metadata('edge'),
      spec: {
        parentRefs: [{ name: 'edge', sectionName: 'http' }, { name: 'edge', sectionName: 'https' }],
        rules: [
          { filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } }] },
          {
            matches: [{
              path: { type: 'PathPrefix', value: '/api' },
              headers: [{ name: 'x-version', value: '1' }],
              queryParams: [{ name: 'q', value: '1' }],
              method: 'GET',
            }],
            filters: [
              { type: 'URLRewrite', urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/' } } },
              { type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'x-a', value: 'b' }], remove: ['x-c'] } },
            ],
            backendRefs: [{ name: 'api-v1', port: 80, weight: 90 }, { name: 'api-v2', port: 80, weight: 10 }],
            timeouts: { request: '10s', backendRequest: '5s' },
          },
          {
            matches: [{ path: { type: 'Exact', value: '/exact' } }],
            backendRefs: [{
              name: 'exact',
              port: 80,
              filters: [{ type: 'RequestMirror', requestMirror: { backendRef: { name: 'mirror', port: 80 }, percent: 10 } }],
            }],
          },
        ],
      },
    },
    {
      apiVersion: GATEWAY_API,
      kind: 'GRPCRoute',
      metadata: metadata('grpc'),
      spec: {
        parentRefs: [{ name: 'edge' }],
        hostnames: ['grpc.example.com'],
        rules: [{ matches: [{ method: { service: 'helloworld.Greeter', method: 'SayHello' } }], backendRefs: [{ name: 'greeter', port: 9000 }] }],
      },
    },
    {
      apiVersion: GATEWAY_API,
      kind: 'TLSRoute',
      metadata: metadata('tls'),
      spec: {
        parentRefs: [{ name: 'edge', sectionName: 'tls' }],
        hostnames: ['*.example.com', 'a.example.com'],
        rules: [{ backendRefs: [{ name: 'tls-backend', port: 443 }] }],
      },
    },
    {
      apiVersion: GATEWAY_API,
      kind: 'TCPRoute',
      metadata: metadata('tcp'),
      spec: { parentRefs: [{ name: 'edge' }], rules: [{ backendRefs: [{ name: 'db', port: 5432 }] }] },
    },
    {
      apiVersion: 'gateway.networking.k8s.io/v1beta1',
      kind: 'ReferenceGrant',
      metadata: metadata('routes'),
      spec: { from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'other' }], to: [{ group: '', kind: 'Service' }] },
    },
    {
      apiVersion: GATEWAY_API,
      kind: 'BackendTLSPolicy',
      metadata: metadata('backend-tls'),
      spec: { targetRefs: [{ group: '', kind: 'Service', name: 'api' }], validation: { hostname: 'api.example.com', wellKnownCACertificates: 'System' } },
    },
    {
      apiVersion: ISTIO,
      kind: 'Gateway',
      metadata: metadata('edge'),
      spec: {
        selector: { istio: 'ingressgateway' },
        servers: [
          { port: { number: 443, name: 'https', protocol: 'HTTPS' }, hosts: ['*.example.com'], tls: { mode: 'SIMPLE', credentialName: 'cert' } },
          { port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['*'], tls: { httpsRedirect: true } },
        ],
      },
    },
    {
      apiVersion: ISTIO,
      kind: 'VirtualService',
      metadata: metadata('edge'),
      spec: {
        hosts: ['a.example.com'],
        gateways: ['edge', 'mesh'],
        http: [
          {
            name: 'api',
            match: [{ uri: { regex: '/v[0-9]+/.*' }, headers: { 'x-a': { exact: 'b' } }, ignoreUriCase: true }],
            rewrite: { uri: '/' },
            route: [{ destination: { host: 'a', subset: 'v1', port: { number: 80 } }, weight: 100, headers: { request: { set: { a: 'b' } } } }],
            timeout: '5s',
            retries: { attempts: 3, perTryTimeout: '2s', retryOn: '5xx' },
            corsPolicy: { allowOrigins: [{ exact: 'https://example.com' }], maxAge: '24h' },
            fault: { delay: { percentage: { value: 10.5 }, fixedDelay: '1s' } },
            mirror: { host: 'mirror' },
            mirrorPercentage: { value: 5 },
          },
          { redirect: { uri: '/moved', redirectCode: 301 } },
          { directResponse: { status: 404, body: { string: 'not found' } } },
        ],
        tcp: [{ match: [{ port: 5432 }], route: [{ destination: { host: 'db' } }] }],
        tls: [{ match: [{ sniHosts: ['a.example.com'], port: 443 }], route: [{ destination: { host: 'a' } }] }],
      },
    },
    {
      apiVersion: ISTIO,
      kind: 'DestinationRule',
      metadata: metadata('a'),
      spec: {
        host: 'a',
        trafficPolicy: {
          connectionPool: { http: { http1MaxPendingRequests: 10, idleTimeout: '30s' }, tcp: { connectTimeout: '1s' } },
          outlierDetection: { consecutive5xxErrors: 5, interval: '10s', baseEjectionTime: '30s' },
          tls: { mode: 'ISTIO_MUTUAL' },
          loadBalancer: { simple: 'ROUND_ROBIN' },
        },
        subsets: [{ name: 'v1', labels: { version: 'v1' } }],
      },
    },
    {
      apiVersion: ISTIO,
      kind: 'ServiceEntry',
      metadata: metadata('api'),
      spec: { hosts: ['api.example.com'], ports: [{ number: 443, name: 'https', protocol: 'TLS' }], resolution: 'DNS', location: 'MESH_EXTERNAL' },
    },
    {
      apiVersion: 'security.istio.io/v1',
      kind: 'AuthorizationPolicy',
      metadata: metadata('allow-get'),
      spec: {
        selector: { matchLabels: { app: 'a' } },
        action: 'ALLOW',
        rules: [{ from: [{ source: { principals: ['cluster.local/ns/default/sa/x'] } }], to: [{ operation: { methods: ['GET'], paths: ['/x'] } }] }],
      },
    },
    {
      apiVersion: 'security.istio.io/v1',
      kind: 'PeerAuthentication',
      metadata: metadata('strict'),
      spec: { selector: { matchLabels: { app: 'a' } }, mtls: { mode: 'STRICT' }, portLevelMtls: { 8080: { mode: 'DISABLE' } } },
    },
  ];
}

function byKind(objs: Array<Record<string, any>>, kind: string): Record<string, any> {
  const found = objs.find((o) => o.kind === kind);
  if (!found) throw new Error(`no ${kind}`);
  return found;
}

function istioGateway(): Record<string, any> {
  return byKind(istioHttpbin(), 'Gateway');
}

function virtualService(): Record<string, any> {
  return byKind(istioHttpbin(), 'VirtualService');
}

function gateway(): Record<string, any> {
  return byKind(gatewayApiHttpbin(), 'Gateway');
}

function httpRoute(): Record<string, any> {
  return byKind(gatewayApiHttpbin(), 'HTTPRoute');
}

/** The findings for `obj`, without the object identity, for compact assertions. */
function issuesOf(obj: unknown, v: CrdValidator = validator): Array<Partial<ValidationFinding>> {
  return v.validate(obj).map(({ path: p, message, source }) => ({ path: p, message, source }));
}

describe('accepts valid objects', () => {
  test("Istio's httpbin ingress example (Istio API)", () => {
    expect(validator.validateAll(istioHttpbin())).toEqual([]);
    expect(() => expectValid(istioHttpbin(), validator)).not.toThrow();
  });

  test("Istio's httpbin ingress example (Gateway API)", () => {
    expect(validator.validateAll(gatewayApiHttpbin())).toEqual([]);
  });

  test('the same objects in every other served version', () => {
    const versions = [
      ...['v1alpha3', 'v1beta1'].flatMap((v) => istioHttpbin().map((o) => ({ ...o, apiVersion: `networking.istio.io/${v}` }))),
      ...gatewayApiHttpbin().map((o) => ({ ...o, apiVersion: 'gateway.networking.k8s.io/v1beta1' })),
    ];
    expect(versions.flatMap((o) => validator.validate(o))).toEqual([]);
  });

  test('feature-rich objects of every loaded kind (no false positives)', () => {
    const objects = featureRichObjects();
    expect(formatFindings(validator.validateAll(objects))).toBe('');
    const groupKinds = new Set(objects.map((o) => `${o.apiVersion.split('/')[0]}/${o.kind}`));
    expect(groupKinds).toEqual(new Set(validator.crds.map((crd) => `${crd.group}/${crd.kind}`)));
  });

  test('objects of kinds without a CRD are skipped and counted', () => {
    const local = CrdValidator.fromDirectory();
    const deployment = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'httpbin' }, spec: { anything: true } };
    const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'httpbin' }, spec: {} };
    expect(local.validateAll([...istioHttpbin(), deployment, service])).toEqual([]);
    expect(local.coverage()).toEqual({
      checked: { 'networking.istio.io/v1/Gateway': 1, 'networking.istio.io/v1/VirtualService': 1 },
      skipped: { 'apps/v1/Deployment': 1, 'v1/Service': 1 },
    });
    expect(local.covers(GATEWAY_API, 'HTTPRoute')).toBe(true);
    expect(local.covers('apps/v1', 'Deployment')).toBe(false);
    local.resetCoverage();
    expect(local.coverage()).toEqual({ checked: {}, skipped: {} });
  });

  test('values of different types where the schema allows them', () => {
    const route = httpRoute();
    route.spec.rules[0].timeouts = { request: '10s', backendRequest: '2s' };
    route.spec.rules[0].matches[0].headers = [{ name: 'x-a', value: '1' }, { name: 'x-b', value: '2' }];
    const vs = virtualService();
    vs.spec.http[0].retries = { attempts: 3, perTryTimeout: '2s', retryRemoteLocalities: null };
    expect(validator.validateAll([route, vs])).toEqual([]);
  });
});

describe('rejects invalid objects', () => {
  test('HTTPRoute rule with a RequestRedirect filter and a backendRef (Gateway API CEL)', () => {
    const route = httpRoute();
    route.spec.rules[0].filters = [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } }];
    expect(validator.validate(route)).toEqual([{
      kind: 'HTTPRoute',
      name: 'httpbin',
      namespace: 'default',
      apiVersion: GATEWAY_API,
      path: 'spec.rules[0]',
      message: 'RequestRedirect filter must not be used together with backendRefs',
      rule: expect.stringContaining('!has(f.requestRedirect)'),
      source: 'cel',
    }]);
  });

  test('VirtualService timeout below 1ms (Istio CEL, duration())', () => {
    const vs = virtualService();
    vs.spec.http[0].timeout = '0.5ms';
    expect(issuesOf(vs)).toEqual([
      { path: 'spec.http[0].timeout', message: 'must be a valid duration greater than 1ms', source: 'cel' },
    ]);
    vs.spec.http[0].timeout = '1ms';
    expect(issuesOf(vs)).toEqual([]);
    vs.spec.http[0].timeout = '1.5h';
    expect(issuesOf(vs)).toEqual([]);
  });

  test('VirtualService timeout that is not a duration: a loud evaluation error', () => {
    const vs = virtualService();
    vs.spec.http[0].timeout = 'soon';
    expect(issuesOf(vs)).toEqual([{
      path: 'spec.http[0].timeout',
      message: expect.stringMatching(/^rule evaluation error: .*duration/i),
      source: 'cel',
    }]);
  });

  test('Gateway API Gateway with two listeners of the same name (list-map keys and CEL)', () => {
    const gw = gateway();
    gw.spec.listeners.push({ ...gw.spec.listeners[0], port: 8080 });
    expect(issuesOf(gw)).toEqual([
      { path: 'spec.listeners', message: 'Listener name must be unique within the Gateway', source: 'cel' },
      { path: 'spec.listeners[1]', message: 'Duplicate value: {"name":"http"}', source: 'list-type' },
    ]);
  });

  test('Istio Gateway server port without the required protocol', () => {
    const gw = istioGateway();
    delete gw.spec.servers[0].port.protocol;
    expect(issuesOf(gw)).toEqual([{ path: 'spec.servers[0].port.protocol', message: 'Required value', source: 'schema' }]);
  });

  test('Istio Gateway port 70000 passes the Istio CRD (uint32), but a Gateway API listener port 70000 does not', () => {
    const istio = istioGateway();
    istio.spec.servers[0].port.number = 70000;
    expect(issuesOf(istio)).toEqual([]);
    istio.spec.servers[0].port.number = 4294967296;
    expect(issuesOf(istio)).toEqual([
      { path: 'spec.servers[0].port.number', message: 'Invalid value: 4294967296: must be <= 4294967295', source: 'schema' },
    ]);
    const gw = gateway();
    gw.spec.listeners[0].port = 70000;
    expect(issuesOf(gw)).toEqual([
      { path: 'spec.listeners[0].port', message: 'Invalid value: 70000: must be <= 65535', source: 'schema' },
    ]);
  });

  test('an unknown (e.g. misspelt) field', () => {
    const vs = virtualService();
    vs.spec.http[0].rout = vs.spec.http[0].route;
    expect(issuesOf(vs)).toEqual([{ path: 'spec.http[0].rout', message: 'field not declared in schema', source: 'schema' }]);
    const gw = gateway();
    gw.specs = {};
    gw.metadata.label = { app: 'x' };
    expect(issuesOf(gw)).toEqual([
      { path: 'specs', message: 'field not declared in schema', source: 'schema' },
      { path: 'metadata.label', message: 'field not declared in schema', source: 'schema' },
    ]);
  });

  test('a wrong type (and, like the API server, no CEL evaluation on top of it)', () => {
    const gw = istioGateway();
    gw.spec.servers[0].port.number = '80';
    expect(issuesOf(gw)).toEqual([
      { path: 'spec.servers[0].port.number', message: 'Invalid value: "80": must be of type integer', source: 'schema' },
      { path: '', message: RULES_SKIPPED_MESSAGE, source: 'cel' },
    ]);
  });

  test('null where the schema is not nullable', () => {
    const vs = virtualService();
    vs.spec.http[0].timeout = null;
    expect(issuesOf(vs)).toContainEqual({ path: 'spec.http[0].timeout', message: 'Invalid value: null: must be of type string', source: 'schema' });
  });

  test('a value outside an enum', () => {
    const route = httpRoute();
    route.spec.rules[0].matches[0].path.type = 'Prefix';
    expect(issuesOf(route)).toEqual([
      {
        path: 'spec.rules[0].matches[0].path.type',
        message: 'Unsupported value: "Prefix": supported values: "Exact", "PathPrefix", "RegularExpression"',
        source: 'schema',
      },
      { path: '', message: RULES_SKIPPED_MESSAGE, source: 'cel' },
    ]);
  });

  test('string limits and patterns', () => {
    const route = httpRoute();
    route.spec.hostnames = ['Not_A_Host'];
    route.spec.parentRefs[0].name = 'x'.repeat(254);
    const messages = issuesOf(route).map((f) => `${f.path}: ${f.message}`);
    expect(messages).toEqual([
      expect.stringMatching(/^spec\.hostnames\[0\]: Invalid value: "Not_A_Host": must match pattern \^/),
      'spec.parentRefs[0].name: Too long: may not be more than 253 characters',
    ]);
  });

  test("Istio's oneOf: at most one of exact, prefix, regex", () => {
    const vs = virtualService();
    vs.spec.http[0].match[0].uri = { prefix: '/status', exact: '/status' };
    expect(issuesOf(vs)).toEqual([
      { path: 'spec.http[0].match[0].uri', message: 'Invalid value: only one of exact, prefix, regex may be set', source: 'schema' },
    ]);
  });

  test('list-set duplicates', () => {
    const route = httpRoute();
    route.spec.rules[0].filters = [{ type: 'RequestHeaderModifier', requestHeaderModifier: { remove: ['x-a', 'x-a'] } }];
    expect(issuesOf(route)).toEqual([
      { path: 'spec.rules[0].filters[0].requestHeaderModifier.remove[1]', message: 'Duplicate value: "x-a"', source: 'list-type' },
    ]);
  });

  test('CEL rules using int(), isIP(), (?i) regexes and escaped property names', () => {
    const peer = {
      apiVersion: 'security.istio.io/v1',
      kind: 'PeerAuthentication',
      metadata: { name: 'strict', namespace: 'default' },
      spec: { selector: { matchLabels: { app: 'httpbin' } }, portLevelMtls: { 0: { mode: 'STRICT' } } },
    };
    expect(issuesOf(peer)).toEqual([{ path: 'spec.portLevelMtls', message: 'port must be between 1-65535', source: 'cel' }]);

    const tls = {
      apiVersion: GATEWAY_API,
      kind: 'TLSRoute',
      metadata: { name: 'tls', namespace: 'default' },
      spec: { parentRefs: [{ name: 'gw' }], hostnames: ['10.0.0.1'], rules: [{ backendRefs: [{ name: 'svc', port: 443 }] }] },
    };
    expect(issuesOf(tls).map((f) => f.message)).toContain('Hostnames cannot contain an IP');

    const grpc = (service: string): object => ({
      apiVersion: GATEWAY_API,
      kind: 'GRPCRoute',
      metadata: { name: 'grpc', namespace: 'default' },
      spec: { rules: [{ matches: [{ method: { service } }] }] },
    });
    expect(issuesOf(grpc('Foo.bar'))).toEqual([]);
    expect(issuesOf(grpc('foo-bar'))).toEqual([{
      path: 'spec.rules[0].matches[0].method',
      message: 'service must only contain valid characters (matching ^(?i)\\.?[a-z_][a-z_0-9]*(\\.[a-z_][a-z_0-9]*)*$)',
      source: 'cel',
    }]);

    const route = httpRoute();
    route.spec.parentRefs = [{ name: 'gw', namespace: 'a' }, { name: 'gw', namespace: 'b' }];
    expect(issuesOf(route)).toEqual([]);
    route.spec.parentRefs[1].namespace = 'a';
    expect(issuesOf(route)).toEqual([{
      path: 'spec.parentRefs',
      message: 'sectionName must be unique when parentRefs includes 2 or more references to the same parent',
      source: 'cel',
    }]);
  });

  test('object metadata, for CRD and core objects alike', () => {
    const vs = virtualService();
    vs.metadata = { name: 'Httpbin_VS', namespace: 'default', labels: { 'app/x/y': 'ok', 'tier': 'a b' } };
    const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: '1httpbin' } };
    const deployment = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: {} };
    expect(validator.validateAll([vs, service, deployment]).map((f) => `${f.kind} ${f.path}: ${f.message}`)).toEqual([
      expect.stringMatching(/^VirtualService metadata.name: Invalid value: "Httpbin_VS": a lowercase RFC 1123 subdomain/),
      expect.stringMatching(/^VirtualService metadata.labels: Invalid value: "app\/x\/y": a qualified name/),
      expect.stringMatching(/^VirtualService metadata.labels\[tier\]: Invalid value: "a b": a valid label/),
      expect.stringMatching(/^Service metadata.name: Invalid value: "1httpbin": a DNS-1035 label/),
      'Deployment metadata.name: Required value: name or generateName is required',
    ]);
  });

  test('a version the CRD does not serve', () => {
    const tcp = { apiVersion: 'gateway.networking.k8s.io/v1alpha2', kind: 'TCPRoute', metadata: { name: 'tcp' }, spec: {} };
    expect(issuesOf(tcp)).toEqual([{
      path: 'apiVersion',
      message: 'Unsupported value: "gateway.networking.k8s.io/v1alpha2": tcproutes.gateway.networking.k8s.io serves versions v1',
      source: 'crd',
    }]);
  });

  test('the same object twice in one set', () => {
    expect(validator.validateAll([...istioHttpbin(), istioGateway()])).toEqual([
      expect.objectContaining({ kind: 'Gateway', name: 'httpbin-gateway', path: 'metadata.name', source: 'duplicate' }),
    ]);
  });
});

describe('defaults', () => {
  test('an HTTPRoute match without path.type defaults to PathPrefix, and rules without matches match everything', () => {
    const route = httpRoute();
    route.spec.rules[0].matches = [{ path: { value: '/status' } }];
    route.spec.rules.push({ backendRefs: [{ name: 'other', port: 80 }] });
    const defaulted = validator.withDefaults(route) as any;
    expect(defaulted.spec.rules[0].matches).toEqual([{ path: { type: 'PathPrefix', value: '/status' } }]);
    expect(defaulted.spec.rules[1].matches).toEqual([{ path: { type: 'PathPrefix', value: '/' } }]);
    expect(defaulted.spec.rules[0].backendRefs).toEqual([{ group: '', kind: 'Service', name: 'httpbin', port: 8000, weight: 1 }]);
    expect(defaulted.spec.parentRefs).toEqual([{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'httpbin-gateway' }]);
    expect(route.spec.rules[0].matches[0].path.type).toBeUndefined();
  });

  test('a Gateway listener without allowedRoutes gets namespaces.from Same; status is not defaulted', () => {
    const gw = gateway();
    delete gw.spec.listeners[0].allowedRoutes;
    const defaulted = validator.withDefaults(gw) as any;
    expect(defaulted.spec.listeners[0].allowedRoutes).toEqual({ namespaces: { from: 'Same' } });
    expect(defaulted.status).toBeUndefined();
  });

  test('CEL rules see defaulted values', () => {
    const route = httpRoute();
    route.spec.rules[0].matches = [{ path: { value: 'status' } }];
    expect(issuesOf(route)).toEqual([{
      path: 'spec.rules[0].matches[0].path',
      message: "value must be an absolute path and start with '/' when type one of ['Exact', 'PathPrefix']",
      source: 'cel',
    }]);
    route.spec.rules[0].matches = [{ path: { type: 'RegularExpression', value: 'status' } }];
    expect(issuesOf(route)).toEqual([]);
  });

  test('validation does not modify its input', () => {
    const route = httpRoute();
    delete route.spec.rules[0].matches;
    const before = JSON.stringify(route);
    validator.validate(route);
    expect(JSON.stringify(route)).toEqual(before);
  });
});

describe('CEL rules', () => {
  test('every rule of every served version of every loaded CRD compiles', () => {
    const report = validator.compileAll();
    const failures = report.failures.map((f) => `${f.apiVersion} ${f.kind} ${f.path}: ${f.rule}\n  ${f.error}`);
    expect(failures).toEqual([]);
    expect(report.rules.length).toBeGreaterThan(0);
    expect(report.rules.length).toBe(countRawRules(validator.crds));
    expect(report.versions).toBe(servedVersionCount(DEFAULT_CRD_DIR));
    expect(new Set(report.rules.map((r) => r.kind))).toEqual(new Set([
      'Gateway', 'VirtualService', 'DestinationRule', 'ServiceEntry', 'AuthorizationPolicy', 'PeerAuthentication',
      'HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'BackendTLSPolicy',
    ]));
    expect(report.ignoredFormats).toEqual(['double', 'int32', 'int64']);
  });
});

describe('a synthetic CRD exercising the remaining schema and CEL features', () => {
  const widgets: LoadedCrd = {
    name: 'widgets.example.com',
    group: 'example.com',
    kind: 'Widget',
    versions: [{
      crdName: 'widgets.example.com',
      group: 'example.com',
      kind: 'Widget',
      version: 'v1',
      apiVersion: 'example.com/v1',
      served: true,
      storage: true,
      scope: 'Namespaced',
      schema: {
        type: 'object',
        properties: {
          spec: {
            'type': 'object',
            'properties': {
              size: { 'x-kubernetes-int-or-string': true },
              ratio: { type: 'number', exclusiveMinimum: true, minimum: 0 },
              address: { type: 'string', format: 'ipv4' },
              extra: { 'type': 'object', 'x-kubernetes-preserve-unknown-fields': true },
              template: { 'type': 'object', 'x-kubernetes-embedded-resource': true, 'properties': { spec: { type: 'object', properties: {} } } },
              tags: { 'type': 'array', 'items': { type: 'string' }, 'x-kubernetes-list-type': 'set' },
              limits: { type: 'object', additionalProperties: { type: 'integer', default: 1 } },
              min: { type: 'integer' },
              max: { type: 'integer' },
              phase: { type: 'string' },
            },
            'x-kubernetes-validations': [
              { rule: '!has(self.min) || !has(self.max) || self.min <= self.max', messageExpression: "'min ' + string(self.min) + ' exceeds max ' + string(self.max)", fieldPath: '.min' },
              { rule: 'self.phase == oldSelf.phase', message: 'phase is immutable' },
              { rule: 'self.limits.all(k, self.limits[k] < 100)', message: 'limits must be below 100' },
              { rule: 'has(self.ratio) ? self.ratio < 1.0 : true', message: 'ratio must be below 1' },
            ],
          },
        },
      },
    }],
  };
  const local = new CrdValidator([widgets]);
  const widget = (spec: object): object => ({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { limits: {}, ...spec } });

  test('accepts int-or-string, preserved unknown fields, embedded resources, numbers', () => {
    expect(issuesOf(widget({ size: 3 }), local)).toEqual([]);
    expect(issuesOf(widget({ size: '50%', ratio: 0.5, extra: { anything: [1, { a: 2 }] } }), local)).toEqual([]);
    expect(issuesOf(widget({ template: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', labels: { a: 'b' } }, spec: {} } }), local)).toEqual([]);
  });

  test('rejects what the schema features forbid', () => {
    expect(issuesOf(widget({ size: true, ratio: 0, address: '10.0.0.256', tags: ['a', 'a'] }), local)).toEqual([
      { path: 'spec.size', message: 'Invalid value: true: must be of type integer or string', source: 'schema' },
      { path: 'spec.ratio', message: 'Invalid value: 0: must be > 0', source: 'schema' },
      { path: 'spec.address', message: 'Invalid value: "10.0.0.256": must be a valid ipv4', source: 'schema' },
      { path: 'spec.tags[1]', message: 'Duplicate value: "a"', source: 'list-type' },
      { path: '', message: RULES_SKIPPED_MESSAGE, source: 'cel' },
    ]);
    expect(issuesOf(widget({ template: { metadata: { nme: 'x' }, spec: { x: 1 } } }), local)).toEqual([
      { path: 'spec.template.spec.x', message: 'field not declared in schema', source: 'schema' },
      { path: 'spec.template.metadata.nme', message: 'field not declared in schema', source: 'schema' },
    ]);
  });

  test('messageExpression, fieldPath, map defaults, doubles; transition rules are skipped', () => {
    expect(issuesOf(widget({ min: 5, max: 2 }), local)).toEqual([
      { path: 'spec.min', message: 'min 5 exceeds max 2', source: 'cel' },
    ]);
    expect(issuesOf(widget({ limits: { a: 150 }, ratio: 1.5 }), local)).toEqual([
      { path: 'spec', message: 'limits must be below 100', source: 'cel' },
      { path: 'spec', message: 'ratio must be below 1', source: 'cel' },
    ]);
    const report = local.compileAll();
    expect(report.rules.filter((r) => r.transition).map((r) => r.rule)).toEqual(['self.phase == oldSelf.phase']);
  });

  test('a rule our CEL environment cannot compile is a loud failure, never a silent pass', () => {
    const broken: LoadedCrd = {
      ...widgets,
      versions: [{
        ...widgets.versions[0],
        schema: {
          type: 'object',
          properties: {
            spec: {
              'type': 'object',
              'properties': { name: { type: 'string' } },
              'x-kubernetes-validations': [
                { rule: 'self.name.isSorted()' },
                { rule: 'self.name.startsWith()' },
                { rule: 'self.nmae == "x"' },
                { rule: 'self.name.matches("[[:alpha:]]")' },
                { rule: 'self.name ==' },
              ],
            },
          },
        },
      }],
    };
    const strict = new CrdValidator([broken]);
    expect(strict.compileAll().failures.map((f) => f.error)).toEqual([
      "undeclared reference to function 'isSorted'",
      "found no matching overload for 'startsWith' as a method with 0 argument(s)",
      "undefined field 'nmae'",
      expect.stringContaining('POSIX character classes'),
      expect.stringContaining('syntax error'),
    ]);
    const findings = issuesOf({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { name: 'x' } }, strict);
    expect(findings).toHaveLength(5);
    for (const finding of findings) expect(finding.message).toMatch(/^rule could not be compiled: /);
  });
});

describe('Kubernetes CEL functions and string formats', () => {
  const compiler = new CelRuleCompiler();
  const evaluate = (rule: string, self: string): unknown => {
    const outcome = compiler.compile({ rule, message: 'failed' }, { type: 'string' }).evaluate(self);
    return outcome.passed ? true : outcome.message;
  };

  test.each([
    ['isIP(self)', '10.0.0.1', true],
    ['isIP(self)', '2001:db8::1', true],
    ['isIP(self)', '010.0.0.1', 'failed'],
    ['isIP(self)', 'fe80::1%eth0', 'failed'],
    ['isIP(self)', '::ffff:10.0.0.1', 'failed'],
    ['isIP(self)', 'example.com', 'failed'],
    ['isCIDR(self)', '10.0.0.0/8', true],
    ['isCIDR(self)', 'fd00::/64', true],
    ['isCIDR(self)', '10.0.0.0/33', 'failed'],
    ['isCIDR(self)', '10.0.0.0', 'failed'],
    ['isURL(self)', 'https://example.com/a?b=c', true],
    ['isURL(self)', '/relative/path', true],
    ['isURL(self)', 'no url', 'failed'],
    ["self.split('/')[1] == 'b'", 'a/b', true],
    ['self.substring(2) == "c"', 'abc', true],
    ['self.lowerAscii() == "abc"', 'ABC', true],
    ["duration(self) == duration('90m')", '1h30m', true],
    ["self.matches('^(?i)abc$')", 'ABC', true],
    ["self.matches('^abc$')", 'ABC', 'failed'],
    ['self.matches(self)', '(?i:x)', expect.stringMatching(/^rule evaluation error: .*inline flag groups/)],
  ])('%s with self = %j', (rule, self, expected) => {
    expect(evaluate(rule, self)).toEqual(expected);
  });

  test.each([
    ['ipv4', '192.168.0.1', '192.168.0.256'],
    ['ipv6', 'fd00::1', 'fd00::1::2'],
    ['cidr', '192.168.0.0/16', '192.168.0.0/40'],
    ['hostname', 'a.example.com', '-a.example.com'],
    ['uri', 'https://example.com/x', 'example dot com'],
    ['email', 'a@example.com', 'a.example.com'],
    ['mac', '00:11:22:33:44:55', '00:11:22:33:44'],
    ['uuid', '123e4567-e89b-12d3-a456-426614174000', '123e4567-e89b-12d3-a456'],
    ['uuid4', '123e4567-e89b-42d3-a456-426614174000', '123e4567-e89b-12d3-a456-426614174000'],
    ['byte', 'aGVsbG8=', 'aGVsbG8'],
    ['date', '2024-02-29', '2023-02-29'],
    ['date-time', '2024-02-29T12:30:00.5+01:00', '2024-02-29 25:00:00Z'],
    ['duration', '1h30m', '1 fortnight'],
    ['bsonobjectid', '507f1f77bcf86cd799439011', '507f1f77'],
    ['hexcolor', '#a0f', '#ggg'],
    ['rgbcolor', 'rgb(1, 2, 3)', 'rgb(1,2)'],
    ['k8s-short-name', 'httpbin', 'httpbin.default'],
    ['k8s-long-name', 'httpbin.default', 'Httpbin'],
  ])('format %s accepts %j and rejects %j', (format, good, bad) => {
    const valid = KUBERNETES_STRING_FORMATS[format];
    expect(valid(good)).toBe(true);
    expect(valid(bad)).toBe(false);
  });

  test('a CRD directory that does not exist is an error, not an empty validator', () => {
    expect(() => CrdValidator.fromDirectory(path.join(__dirname, 'no-such-directory'))).toThrow(/does not exist.*projen crds/);
  });
});

describe('reporting', () => {
  test('formatFindings: one line per finding', () => {
    const vs = virtualService();
    vs.spec.http[0].timeout = '0.5ms';
    const gw = istioGateway();
    delete gw.metadata.namespace;
    delete gw.spec.servers[0].port.name;
    expect(formatFindings(validator.validateAll([vs, gw]))).toBe([
      'VirtualService/default/httpbin spec.http[0].timeout: must be a valid duration greater than 1ms',
      'Gateway/-/httpbin-gateway spec.servers[0].port.name: Required value',
    ].join('\n'));
  });

  test('expectValid throws with every finding', () => {
    const vs = virtualService();
    vs.spec.http[0].timeout = '0.5ms';
    expect(() => expectValid([vs], validator)).toThrow(
      'CRD validation failed with 1 finding(s):\nVirtualService/default/httpbin spec.http[0].timeout: must be a valid duration greater than 1ms',
    );
  });
});

describe('performance', () => {
  test('1000 objects validate in well under a few seconds once compiled', () => {
    const objects = Array.from({ length: 250 }, (_, i) => [...istioHttpbin(), ...gatewayApiHttpbin()].map((o) => ({
      ...o,
      metadata: { ...o.metadata, name: `${o.metadata.name}-${i}` },
    }))).flat();
    validator.validateAll(objects.slice(0, 4));
    const started = performance.now();
    const findings = validator.validateAll(objects);
    const elapsed = performance.now() - started;
    expect(findings).toEqual([]);
    expect(objects).toHaveLength(1000);
    // about 0.4 s on an idle machine; the bound catches regressions such as per-object
    // compilation, with room for coverage instrumentation and busy CI machines
    expect(elapsed).toBeLessThan(5000);
  });
});

/** Counts `x-kubernetes-validations` entries in the served versions by a schema-agnostic walk. */
function countRawRules(crds: readonly LoadedCrd[]): number {
  let count = 0;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
    } else if (typeof node === 'object' && node !== null) {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'x-kubernetes-validations') count += (value as unknown[]).length;
        else walk(value);
      }
    }
  };
  crds.flatMap((c) => c.versions).filter((v) => v.served).forEach((v) => walk(v.schema));
  return count;
}

/** The number of served versions `.crds/index.json` lists. */
function servedVersionCount(dir: string): number {
  const index = JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8')) as Array<{ versions: string[] }>;
  return index.reduce((sum, crd) => sum + crd.versions.length, 0);
}
