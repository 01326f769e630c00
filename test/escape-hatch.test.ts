import { ApiObject, Chart, JsonPatch, Names, Testing } from 'cdk8s';
import { ApiFlavor, Backend, GatewayListener, HttpbinExposure, IngressGateway } from '../src';
import { only, synthObjects, testChart } from './support/synth';

test.each([ApiFlavor.ISTIO, ApiFlavor.GATEWAY_API])('a JSON patch on a construct\'s default child reaches the YAML (%s)', (api) => {
  const chart = testChart();
  const httpbin = new HttpbinExposure(chart, 'httpbin', { api });
  ApiObject.of(httpbin.gateway).addJsonPatch(JsonPatch.add('/metadata/annotations', { team: 'edge' }));
  httpbin.route.apiObject.metadata.addLabel('tier', 'public');
  const objects = synthObjects(chart);
  expect(only(objects, 'Gateway').metadata.annotations).toEqual({ team: 'edge' });
  const route = objects.find((o) => o.metadata.name === 'httpbin' && ['VirtualService', 'HTTPRoute'].includes(o.kind));
  expect(route.metadata.labels).toEqual({ tier: 'public' });
});

test('the L1 classes are reachable as submodules', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const lib = require('../src');
  expect(lib.istio.VirtualService.GVK).toEqual({ apiVersion: 'networking.istio.io/v1', kind: 'VirtualService' });
  expect(lib.gatewayapi.HttpRoute.GVK).toEqual({ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute' });
  expect(lib.istiosecurity.AuthorizationPolicy.GVK.kind).toBe('AuthorizationPolicy');
  expect(lib.istio.Gateway).not.toBe(lib.gatewayapi.Gateway);
});

describe.each([ApiFlavor.ISTIO, ApiFlavor.GATEWAY_API])('a route construct is its own object (%s)', (api) => {
  const kinds = api === ApiFlavor.ISTIO
    ? { http: 'VirtualService', tls: 'VirtualService', tcp: 'VirtualService' }
    : { http: 'HTTPRoute', tls: 'TLSRoute', tcp: 'TCPRoute' };

  function gatewayWithRoutes(chart = testChart()) {
    const gateway = new IngressGateway(chart, 'edge', {
      api,
      name: 'edge',
      listeners: [
        GatewayListener.http({ hosts: ['*.example.com'] }),
        GatewayListener.tlsPassthrough({ hosts: ['db.example.com'] }),
        GatewayListener.tcp({ port: 31400 }),
      ],
    });
    return {
      chart,
      http: gateway.addHttpRoute('web', { hosts: ['web.example.com'], rules: [{ forwardTo: [{ service: 'web', port: 80 }] }] }),
      tls: gateway.addTlsRoute('db', { name: 'db', hosts: ['db.example.com'], backends: [Backend.service('db', { port: 5432 })] }),
      tcp: gateway.addTcpRoute('echo', { name: 'echo', port: 31400, backends: [Backend.service('echo', { port: 9000 })] }),
    };
  }

  test('each route is the ApiObject it writes: its apiObject, its default child, patched directly', () => {
    const { chart, http, tls, tcp } = gatewayWithRoutes();
    for (const [route, kind] of [[http, kinds.http], [tls, kinds.tls], [tcp, kinds.tcp]] as const) {
      expect(route).toBeInstanceOf(ApiObject);
      expect(route.apiObject).toBe(route);
      expect(ApiObject.of(route)).toBe(route);
      expect(route.kind).toBe(kind);
      expect(route.node.tryFindChild('Resource')).toBeUndefined();
      route.addJsonPatch(JsonPatch.add('/metadata/annotations', { owner: route.node.id }));
    }
    const objects = synthObjects(chart);
    expect(objects.find((o) => o.kind === kinds.http && o.metadata.name === http.routeName).metadata.annotations).toEqual({ owner: 'web' });
    expect(objects.find((o) => o.kind === kinds.tls && o.metadata.name === 'db').metadata.annotations).toEqual({ owner: 'db' });
    expect(objects.find((o) => o.kind === kinds.tcp && o.metadata.name === 'echo').metadata.annotations).toEqual({ owner: 'echo' });
  });

  test('a route without a name is named by its chart from its construct path', () => {
    const hashed = gatewayWithRoutes();
    expect(hashed.http.routeName).toBe(Names.toDnsLabel(hashed.http));
    expect(hashed.http.routeName).toMatch(/^test-edge-web-[0-9a-f]{8}$/);
    const app = Testing.app();
    const plain = gatewayWithRoutes(new Chart(app, 'test', { namespace: 'default', disableResourceNameHashes: true }));
    expect(plain.http.routeName).toBe('test-edge-web');
    expect(only(synthObjects(plain.chart), kinds.http, 'test-edge-web').spec).toBeDefined();
  });
});
