import { ApiObject, App, Chart, Testing } from 'cdk8s';
import {
  ApiFlavor,
  Backend,
  BackendPolicy,
  EgressRoute,
  GatewayListener,
  GatewayValidation,
  HttpRouteAction,
  IngressGateway,
  PathMatch,
  SuppressibleRule,
  TlsRoute,
} from '../src';
import { validationErrors } from './support/synth';
import * as routeRules from '../src/validation/route-rules';

/**
 * Every fact validation reads across constructs belongs to one app's registry: two apps in one
 * process never see nor invalidate each other's, and whatever the public API changes after a first
 * synthesis is seen by the next one (both a new mistake and its fix).
 */

const forward = (name: string, subset?: string) => HttpRouteAction.forward([Backend.service(name, { port: 8080, subset })]);

function app(hosts = ['a.example.com']) {
  const chart = new Chart(Testing.app(), 'test', { namespace: 'default' });
  const listener = GatewayListener.http({ hosts });
  const gateway = new IngressGateway(chart, 'gw', { name: 'public', listeners: [listener] });
  const route = gateway.addHttpRoute('r', { hosts: ['a.example.com'], rules: [{ action: forward('a') }] });
  return { chart, listener, gateway, route };
}

afterEach(() => jest.restoreAllMocks());

describe('two apps in one process', () => {
  test('a change in one does not invalidate the other\'s validation', () => {
    const first = app();
    const second = app();
    expect(validationErrors(first.chart)).toEqual([]);
    expect(validationErrors(second.chart)).toEqual([]);
    const spy = jest.spyOn(routeRules, 'httpRouteProblems');
    first.route.addRule({ matches: [{ path: PathMatch.prefix('/b') }], action: forward('b') });
    expect(validationErrors(second.chart)).toEqual([]);
    expect(spy).not.toHaveBeenCalled();
    expect(validationErrors(first.chart)).toEqual([]);
    expect(spy).toHaveBeenCalledTimes(1);
  });

  test('results are independent: a mistake in one, the same paths valid in the other', () => {
    const bad = app(['b.example.com']);
    const good = app();
    expect(validationErrors(bad.chart)).toEqual([expect.stringMatching(/^\[test\/gw\/r\] route host "a\.example\.com" is not served/)]);
    expect(validationErrors(good.chart)).toEqual([]);
  });

  test('a suppression in one app does not silence the same rule, at the same path, in another', () => {
    const first = app(['b.example.com']);
    const second = app(['b.example.com']);
    GatewayValidation.suppress(first.route, SuppressibleRule.ROUTE_HOST_NOT_SERVED, 'the listener is added by another app');
    expect(validationErrors(first.chart)).toEqual([]);
    expect(validationErrors(second.chart)).toHaveLength(1);
    expect(GatewayValidation.isSuppressed(second.route, SuppressibleRule.ROUTE_HOST_NOT_SERVED)).toBe(false);
  });

  test('egress routes for one host in two apps do not contend', () => {
    const charts = [0, 1].map(() => new Chart(Testing.app(), 'test', { namespace: 'default' }));
    for (const chart of charts) new EgressRoute(chart, 'cnn', { host: 'edition.cnn.com' });
    for (const chart of charts) expect(validationErrors(chart)).toEqual([]);
  });

  test('gateways of two apps on one workload do not conflict', () => {
    const charts = [0, 1].map(() => new Chart(Testing.app(), 'test', { namespace: 'default' }));
    for (const chart of charts) new IngressGateway(chart, 'gw', { name: 'gw', listeners: [GatewayListener.http({ hosts: ['a.example.com'] })] });
    for (const chart of charts) expect(validationErrors(chart)).toEqual([]);
  });

  test('objects of one name in two apps are not a conflict', () => {
    const charts = [0, 1].map(() => new Chart(Testing.app(), 'test', { namespace: 'default' }));
    for (const chart of charts) new BackendPolicy(chart, 'policy', { serviceName: 'reviews' });
    for (const chart of charts) expect(validationErrors(chart)).toEqual([]);
  });
});

describe('changes through the public API after a first synthesis', () => {
  test('a listener added: the same host twice on one port is refused, and a listener that serves the route host is accepted', () => {
    const { chart, gateway } = app(['b.example.com']);
    expect(validationErrors(chart)).toHaveLength(1);
    gateway.addListener(GatewayListener.http({ name: 'http-a', port: 8080, hosts: ['a.example.com'] }));
    expect(validationErrors(chart)).toEqual([]);
    gateway.addListener(GatewayListener.http({ name: 'http-b', port: 8080, hosts: ['a.example.com'] }));
    expect(validationErrors(chart)).toEqual([expect.stringMatching(/^\[test\/gw\] /)]);
  });

  test('a host replaced in place on a listener\'s list (same length) is seen, both ways', () => {
    const { chart, listener } = app();
    expect(validationErrors(chart)).toEqual([]);
    listener.hosts[0] = 'b.example.com';
    expect(validationErrors(chart)).toEqual([expect.stringMatching(/route host "a\.example\.com" is not served/)]);
    listener.hosts[0] = 'a.example.com';
    expect(validationErrors(chart)).toEqual([]);
  });

  test('a rule added is refused, and a subset added to a policy fixes a route to it', () => {
    const { chart, route } = app();
    expect(validationErrors(chart)).toEqual([]);
    route.addRule({ matches: [{ path: PathMatch.prefix('/b') }], action: forward('Not_A_Name') });
    expect(validationErrors(chart)).toEqual([expect.stringMatching(/^\[test\/gw\/r\] rule #0: backend "Not_A_Name/)]);

    const other = app();
    const policy = new BackendPolicy(other.chart, 'policy', { serviceName: 'reviews' });
    other.route.addRule({ matches: [{ path: PathMatch.prefix('/b') }], action: forward('reviews', 'v1') });
    expect(validationErrors(other.chart)).toHaveLength(1);
    policy.addSubset({ name: 'v1', labels: { version: 'v1' } });
    expect(validationErrors(other.chart)).toEqual([]);
  });

  test('a TLS route rule added that claims another route\'s SNI host is refused', () => {
    const chart = new Chart(Testing.app(), 'test', { namespace: 'default' });
    const gateway = new IngressGateway(chart, 'gw', { name: 'gw', listeners: [GatewayListener.tlsPassthrough({ hosts: ['*.example.com'] })] });
    gateway.addTlsRoute('a', { hosts: ['a.example.com'], backends: [Backend.service('a', { port: 443 })] });
    const b = gateway.addTlsRoute('b', { hosts: ['b.example.com'], backends: [Backend.service('b', { port: 443 })] });
    expect(validationErrors(chart)).toEqual([]);
    b.addRule({ hosts: ['a.example.com'], backends: [Backend.service('b', { port: 443 })] });
    expect(validationErrors(chart)).toEqual([
      expect.stringMatching(/^\[test\/gw\/a\] TLS route SNI host "a\.example\.com" of gateway default\/gw is also routed by test\/gw\/b;/),
      expect.stringMatching(/^\[test\/gw\/b\] TLS route SNI host "a\.example\.com" of gateway default\/gw is also routed by test\/gw\/a;/),
    ]);
  });

  test('a gateway deploying a workload added later makes two differently written selectors meet', () => {
    const chart = new Chart(Testing.app(), 'test', { namespace: 'default' });
    const http = GatewayListener.http({ hosts: ['shop.example.com'] });
    new IngressGateway(chart, 'by-app', { name: 'by-app', selector: { app: 'edge' }, listeners: [http] });
    new IngressGateway(chart, 'by-istio', { name: 'by-istio', selector: { istio: 'edge' }, listeners: [http] });
    expect(validationErrors(chart)).toEqual([]);
    new IngressGateway(chart, 'edge', { name: 'edge', listeners: [GatewayListener.http({ hosts: ['admin.example.com'] })], workload: { name: 'edge' } });
    expect(validationErrors(chart)).toEqual([
      expect.stringMatching(/^\[test\/by-app\] .* on the same pods \(selectors "app=edge" and "istio=edge" both select workload default\/edge\) as gateway default\/by-istio;/),
      expect.stringMatching(/^\[test\/by-istio\] .* both select workload default\/edge\) as gateway default\/by-app;/),
    ]);
  });

  test('the workload\'s selector labels, changed by the caller, do not change the gateway\'s selector', () => {
    const chart = new Chart(Testing.app(), 'test', { namespace: 'default' });
    const gateway = new IngressGateway(chart, 'gw', { name: 'gw', listeners: [GatewayListener.http({ hosts: ['a.example.com'] })], workload: {} });
    gateway.workload!.selectorLabels.app = 'changed';
    const gatewayObject = Testing.synth(chart).find((o) => o.kind === 'Gateway');
    expect(gatewayObject.spec.selector).toEqual({ app: 'istio-ingressgateway', istio: 'ingressgateway' });
  });

  test('an object added after a first synthesis that collides with one of ours is refused', () => {
    const chart = new Chart(Testing.app(), 'test', { namespace: 'default' });
    new BackendPolicy(chart, 'policy', { serviceName: 'reviews' });
    expect(validationErrors(chart)).toEqual([]);
    new ApiObject(chart, 'mine', { apiVersion: 'networking.istio.io/v1', kind: 'DestinationRule', metadata: { name: 'reviews' } });
    expect(validationErrors(chart)).toEqual([
      '[test/policy] DestinationRule default/reviews is also written by test/mine, and kubectl would apply one over the other; give one of them another name.',
      '[test/mine] DestinationRule default/reviews is also written by test/policy, and kubectl would apply one over the other; give one of them another name.',
    ]);
  });
});

describe('stream routes claiming one SNI host', () => {
  const tls = () => [GatewayListener.tlsPassthrough({ hosts: ['*.example.com'] })];
  const to = (name: string) => ({ hosts: ['db.example.com'], backends: [Backend.service(name, { port: 443 })] });

  test('on same-named gateways of two clusters do not meet', () => {
    const chart = new Chart(Testing.app(), 'test', { namespace: 'default' });
    for (const cluster of ['east', 'west']) {
      new IngressGateway(chart, cluster, { name: 'gw', cluster, listeners: tls() }).addTlsRoute('db', { name: `db-${cluster}`, ...to('db') });
    }
    expect(validationErrors(chart)).toEqual([]);
  });

  test('on a gateway and a reference to it meet', () => {
    const chart = new Chart(Testing.app(), 'test', { namespace: 'default' });
    new IngressGateway(chart, 'gw', { name: 'gw', listeners: tls() }).addTlsRoute('a', to('a'));
    const ref = IngressGateway.fromGatewayName(chart, 'ref', 'default/gw');
    new TlsRoute(chart, 'b', { gateway: ref, ...to('b') });
    expect(validationErrors(chart)).toEqual([
      expect.stringMatching(/^\[test\/gw\/a\] TLS route SNI host "db\.example\.com" of gateway default\/gw is also routed by test\/b;/),
      expect.stringMatching(/^\[test\/b\] TLS route SNI host "db\.example\.com" of gateway default\/gw is also routed by test\/gw\/a;/),
    ]);
  });
});

describe('object identity', () => {
  test('is checked when a chart is synthesized alone', () => {
    const chart = new Chart(Testing.app(), 'test', { namespace: 'default' });
    new BackendPolicy(chart, 'a', { serviceName: 'reviews' });
    new BackendPolicy(chart, 'b', { serviceName: 'reviews' });
    expect(() => Testing.synth(chart)).toThrow(/\[test\/a\] DestinationRule default\/reviews is also written by test\/b/);
  });

  test('spans the charts of an app', () => {
    const root = Testing.app();
    new BackendPolicy(new Chart(root, 'one', { namespace: 'default' }), 'policy', { serviceName: 'reviews' });
    new BackendPolicy(new Chart(root, 'two', { namespace: 'default' }), 'policy', { serviceName: 'reviews' });
    expect(validationErrors(root)).toEqual([
      '[one/policy] DestinationRule default/reviews is also written by two/policy, and kubectl would apply one over the other; give one of them another name.',
      '[two/policy] DestinationRule default/reviews is also written by one/policy, and kubectl would apply one over the other; give one of them another name.',
    ]);
  });

  test('an object without namespace is in its chart\'s; without either, in kubectl\'s, which is not compared with named ones', () => {
    const root = Testing.app();
    const named = new Chart(root, 'named', { namespace: 'team-a' });
    const unnamed = new Chart(root, 'unnamed');
    new BackendPolicy(named, 'policy', { serviceName: 'reviews' });
    new ApiObject(named, 'same', { apiVersion: 'networking.istio.io/v1', kind: 'DestinationRule', metadata: { name: 'reviews', namespace: 'team-a' } });
    new ApiObject(unnamed, 'a', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' } });
    new ApiObject(unnamed, 'b', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' } });
    new ApiObject(named, 'c', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'default' } });
    expect(validationErrors(root)).toEqual([
      expect.stringMatching(/^\[named\/policy\] DestinationRule team-a\/reviews is also written by named\/same,/),
      expect.stringMatching(/^\[named\/same\] DestinationRule team-a\/reviews is also written by named\/policy,/),
      '[unnamed/a] ConfigMap settings is also written by unnamed/b, and kubectl would apply one over the other; give one of them another name.',
      '[unnamed/b] ConfigMap settings is also written by unnamed/a, and kubectl would apply one over the other; give one of them another name.',
    ]);
  });

  test('objects of gateways applied to different clusters never meet', () => {
    const chart = new Chart(Testing.app(), 'test', { namespace: 'default' });
    for (const cluster of ['east', 'west']) {
      new IngressGateway(chart, cluster, { name: 'gw', cluster, listeners: [GatewayListener.http({ hosts: ['a.example.com'] })], workload: {} });
    }
    expect(validationErrors(chart)).toEqual([]);
  });

  test('a default workload deployed twice is one message per side, listing the kinds', () => {
    const chart = new Chart(new App(), 'test', { namespace: 'default' });
    new IngressGateway(chart, 'a', { name: 'a', api: ApiFlavor.GATEWAY_API, listeners: [GatewayListener.http({ hosts: ['a.example.com'] })], workload: {} });
    new IngressGateway(chart, 'b', { name: 'b', api: ApiFlavor.GATEWAY_API, listeners: [GatewayListener.http({ hosts: ['b.example.com'] })], workload: {} });
    expect(validationErrors(chart)).toEqual([
      '[test/a/Workload] ServiceAccount, Role, RoleBinding, Deployment, Service and HorizontalPodAutoscaler default/istio-ingressgateway are also written by test/b/Workload, and kubectl would apply one over the other; give one of them another name.',
      '[test/b/Workload] ServiceAccount, Role, RoleBinding, Deployment, Service and HorizontalPodAutoscaler default/istio-ingressgateway are also written by test/a/Workload, and kubectl would apply one over the other; give one of them another name.',
    ]);
  });
});
