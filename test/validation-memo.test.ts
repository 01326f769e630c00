import { ApiFlavor, Backend, BackendPolicy, GatewayListener, GatewayValidation, HttpRouteAction, IngressGateway, PathMatch, SuppressibleRule } from '../src';
import { testChart, validationErrors } from './support/synth';
import * as routeRules from '../src/validation/route-rules';

/**
 * A route's and a gateway's validation answer from their last result while nothing they read has
 * changed (cdk8s validates twice per synthYaml()); every change between two syntheses is seen.
 */
function app(api = ApiFlavor.ISTIO, hosts = ['a.example.com']) {
  const chart = testChart();
  const listener = GatewayListener.http({ hosts });
  const gateway = new IngressGateway(chart, 'gw', { api, name: 'public', listeners: [listener] });
  const forward = (name: string, subset?: string) => HttpRouteAction.forward([Backend.service(name, { port: 8080, subset })]);
  const route = gateway.addHttpRoute('r', { hosts: ['a.example.com'], rules: [{ action: forward('a') }] });
  return { chart, listener, gateway, route, forward };
}

afterEach(() => jest.restoreAllMocks());

test('one synthYaml() validates each route once', () => {
  const { chart } = app();
  const spy = jest.spyOn(routeRules, 'httpRouteProblems');
  expect(validationErrors(chart)).toEqual([]);
  expect(spy).toHaveBeenCalledTimes(1);
  expect(validationErrors(chart)).toEqual([]);
  expect(spy).toHaveBeenCalledTimes(1);
});

test('a rule added after a synthesis is validated', () => {
  const { chart, route, forward } = app();
  expect(validationErrors(chart)).toEqual([]);
  route.addRule({ matches: [{ path: PathMatch.prefix('/b') }], action: forward('Not_A_Name') });
  expect(validationErrors(chart)).toEqual([
    '[test/gw/r] rule #0: backend "Not_A_Name.default:8080": the Service name is not a DNS-1123 label.',
  ]);
});

test('a listener added, or a host pushed onto a listener\'s list, after a synthesis is seen', () => {
  const { chart, gateway, listener } = app(ApiFlavor.ISTIO, ['b.example.com']);
  expect(validationErrors(chart)).toHaveLength(1);
  gateway.addListener(GatewayListener.http({ name: 'http-a', port: 8080, hosts: ['a.example.com'] }));
  expect(validationErrors(chart)).toEqual([]);

  const other = app(ApiFlavor.GATEWAY_API, ['b.example.com']);
  expect(validationErrors(other.chart)).toHaveLength(1);
  other.listener.hosts.push('a.example.com');
  expect(validationErrors(other.chart)).toEqual([]);
  expect(listener.hosts).toEqual(['b.example.com']);
});

test('a suppression after a synthesis is seen', () => {
  const { chart, route } = app(ApiFlavor.ISTIO, ['b.example.com']);
  expect(validationErrors(chart)).toHaveLength(1);
  GatewayValidation.suppress(route, SuppressibleRule.ROUTE_HOST_NOT_SERVED, 'the listener is added by another app');
  expect(validationErrors(chart)).toEqual([]);
});

test('a subset defined after a synthesis is seen', () => {
  const { chart, gateway, forward } = app();
  gateway.addHttpRoute('v1', { hosts: ['a.example.com'], rules: [{ action: forward('reviews', 'v1') }] });
  GatewayValidation.suppress(gateway, SuppressibleRule.MERGED_ROUTES, 'test');
  expect(validationErrors(chart)).toHaveLength(1);
  const policy = new BackendPolicy(chart, 'policy', { serviceName: 'reviews' });
  expect(validationErrors(chart)).toHaveLength(1);
  policy.addSubset({ name: 'v1', labels: { version: 'v1' } });
  expect(validationErrors(chart)).toEqual([]);
});

test('a route added after a synthesis is checked against the others (the gateway\'s validation)', () => {
  const { chart, gateway, forward } = app();
  expect(validationErrors(chart)).toEqual([]);
  gateway.addHttpRoute('r2', { hosts: ['a.example.com'], rules: [{ action: forward('b') }] });
  expect(validationErrors(chart)).toEqual([
    expect.stringMatching(/^\[test\/gw\] routes test\/gw\/r and test\/gw\/r2 both serve host "a\.example\.com"/),
  ]);
});
