import { ApiObject, JsonPatch } from 'cdk8s';
import { ApiFlavor, HttpbinExposure } from '../src';
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
