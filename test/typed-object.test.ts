import { ApiObject, JsonPatch } from 'cdk8s';
import { ApiFlavor, Backend, GatewayListener, HttpRouteAction, IngressGateway, istio } from '../src';
import { expectL1Json, synthObjects, testChart } from './support/synth';
import { L1ApiObject } from '../src/l1-api-object';
import { DESTINATION_RULE } from '../src/render/l1-kinds';
import { TypedApiObject } from '../src/render/typed-object';

function appWithRoute(api: ApiFlavor) {
  const chart = testChart();
  const gateway = new IngressGateway(chart, 'gateway', { api, name: 'public', listeners: [GatewayListener.http({ hosts: ['a.example.com'] })] });
  const route = gateway.addHttpRoute('a', {
    hosts: ['a.example.com'],
    rules: [{ action: HttpRouteAction.forward([Backend.service('a', { port: 8080 })]) }],
  });
  return { chart, gateway, route };
}

describe.each([ApiFlavor.ISTIO, ApiFlavor.GATEWAY_API])('objects written without the L1 conversion (%s)', (api) => {
  test('the gateway and the route write their L1 kinds without the L1 conversion', () => {
    const { gateway, route } = appWithRoute(api);
    expect(TypedApiObject.prototype.isPrototypeOf(gateway.apiObject)).toBe(true);
    for (const o of [gateway.apiObject, route]) expect(L1ApiObject.isL1ApiObject(o)).toBe(true);
    const kinds = api === ApiFlavor.ISTIO ? ['Gateway', 'VirtualService'] : ['Gateway', 'HTTPRoute'];
    expect([gateway.apiObject.kind, route.apiObject.kind]).toEqual(kinds);
  });

  test('a JSON patch that adds a field the schema does not know: dropped, as the L1 class drops it', () => {
    const { chart, route } = appWithRoute(api);
    ApiObject.of(route).addJsonPatch(JsonPatch.add('/spec/notInTheSchema', true), JsonPatch.add('/status', { x: 1 }));
    const json = route.apiObject.toJson();
    expect(json.spec.notInTheSchema).toBeUndefined();
    expect(json.status).toBeUndefined();
    expect(json).toEqual(route._l1Json());
    expect(expectL1Json(chart)).toBe(2);
  });

  test('a JSON patch on a schema field reaches the output', () => {
    const { chart, route } = appWithRoute(api);
    ApiObject.of(route).addJsonPatch(JsonPatch.add('/metadata/annotations', { team: 'edge' }));
    const objects = synthObjects(chart);
    expect(objects.find((o) => o.metadata.name === route.routeName).metadata.annotations).toEqual({ team: 'edge' });
  });

  test('with cdk8s key sorting off, the L1 class\'s key order', () => {
    const { chart, gateway } = appWithRoute(api);
    process.env.CDK8S_DISABLE_SORT = '1';
    try {
      expect(JSON.stringify(gateway.apiObject.toJson())).toBe(JSON.stringify((gateway.apiObject as TypedApiObject<any>)._l1Json()));
      expect(expectL1Json(chart)).toBe(2);
    } finally {
      delete process.env.CDK8S_DISABLE_SORT;
    }
  });
});

test('the L1 conversion is what a TypedApiObject is checked against', () => {
  // A field the L1 class renames (consecutive5XxErrors → consecutive5xxErrors) shows the check can fail.
  const chart = testChart();
  const props = { metadata: { name: 'x' }, spec: { host: 'x', trafficPolicy: { outlierDetection: { consecutive5XxErrors: 1 } } } };
  const typed = new TypedApiObject(chart, 'typed', DESTINATION_RULE, props);
  expect(typed.toJson().spec.trafficPolicy.outlierDetection).toEqual({ consecutive5XxErrors: 1 });
  expect(typed._l1Json().spec.trafficPolicy.outlierDetection).toEqual({ consecutive5xxErrors: 1 });
  expect(new istio.DestinationRule(chart, 'l1', props).toJson().spec).toEqual(typed._l1Json().spec);
  expect(L1ApiObject.isL1ApiObject(typed)).toBe(true);
  expect(L1ApiObject.isL1ApiObject(new istio.DestinationRule(chart, 'other', props))).toBe(false);
});
