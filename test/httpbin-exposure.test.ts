import { ApiFlavor, HttpbinExposure } from '../src';
import { only, synthObjects, testChart } from './support/synth';

describe('HttpbinExposure with the Istio API', () => {
  const chart = testChart();
  new HttpbinExposure(chart, 'httpbin');
  const objects = synthObjects(chart);

  test('the Gateway binds the ingress gateway workload on port 80 for httpbin.example.com', () => {
    const gateway = only(objects, 'Gateway');
    expect(gateway.apiVersion).toBe('networking.istio.io/v1');
    expect(gateway.metadata).toEqual({ name: 'httpbin-gateway', namespace: 'default' });
    expect(gateway.spec.selector).toEqual({ istio: 'ingressgateway' });
    expect(gateway.spec.servers).toEqual([
      { port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['./httpbin.example.com'] },
    ]);
  });

  test('the VirtualService sends /status and /delay to httpbin port 8000 via gateway default/httpbin-gateway', () => {
    const vs = only(objects, 'VirtualService', 'httpbin');
    expect(vs.spec.hosts).toEqual(['httpbin.example.com']);
    expect(vs.spec.gateways).toEqual(['default/httpbin-gateway']);
    expect(vs.spec.http).toHaveLength(1);
    expect(vs.spec.http[0].match).toEqual([{ uri: { prefix: '/status' } }, { uri: { prefix: '/delay' } }]);
    expect(vs.spec.http[0].route).toEqual([
      { destination: { host: 'httpbin.default.svc.cluster.local', port: { number: 8000 } } },
    ]);
  });

  test('the workload is the sample httpbin: ServiceAccount, Service 8000 -> 8080, Deployment v1', () => {
    expect(only(objects, 'ServiceAccount').metadata.name).toBe('httpbin');
    const service = only(objects, 'Service');
    expect(service.spec.selector).toEqual({ app: 'httpbin' });
    expect(service.spec.ports).toEqual([{ name: 'http', port: 8000, targetPort: 8080 }]);
    const deployment = only(objects, 'Deployment');
    expect(deployment.spec.template.metadata.labels).toEqual({ app: 'httpbin', version: 'v1' });
    expect(deployment.spec.template.spec.serviceAccountName).toBe('httpbin');
    expect(deployment.spec.template.spec.containers[0].image).toBe(HttpbinExposure.DEFAULT_IMAGE);
    expect(deployment.spec.template.spec.containers[0].ports).toEqual([{ containerPort: 8080 }]);
  });

  test('no DestinationRule unless routing to the version subset', () => {
    expect(objects.filter((o) => o.kind === 'DestinationRule')).toEqual([]);
  });
});

describe('HttpbinExposure with the Gateway API', () => {
  const chart = testChart();
  new HttpbinExposure(chart, 'httpbin', { api: ApiFlavor.GATEWAY_API });
  const objects = synthObjects(chart);

  test('the Gateway is of class istio with one HTTP listener on 80 for the host, admitting routes of its namespace', () => {
    const gateway = only(objects, 'Gateway');
    expect(gateway.apiVersion).toBe('gateway.networking.k8s.io/v1');
    expect(gateway.spec).toEqual({
      gatewayClassName: 'istio',
      listeners: [
        {
          name: 'http',
          port: 80,
          protocol: 'HTTP',
          hostname: 'httpbin.example.com',
          allowedRoutes: { namespaces: { from: 'Same' } },
        },
      ],
    });
  });

  test('the HTTPRoute sends PathPrefix /status and /delay to httpbin:8000', () => {
    const route = only(objects, 'HTTPRoute', 'httpbin');
    expect(route.spec.parentRefs).toEqual([{ name: 'httpbin-gateway', namespace: 'default' }]);
    expect(route.spec.hostnames).toEqual(['httpbin.example.com']);
    expect(route.spec.rules).toEqual([
      {
        matches: [{ path: { type: 'PathPrefix', value: '/status' } }, { path: { type: 'PathPrefix', value: '/delay' } }],
        backendRefs: [{ name: 'httpbin', namespace: 'default', port: 8000 }],
      },
    ]);
  });

  test('no Istio API object is emitted', () => {
    expect(objects.filter((o) => o.apiVersion.startsWith('networking.istio.io'))).toEqual([]);
  });
});

describe('HttpbinExposure options', () => {
  test('wildcard host: the Istio server serves "*" (to its own namespace), the Gateway API listener has no hostname and the route no hostnames', () => {
    const istioChart = testChart();
    new HttpbinExposure(istioChart, 'httpbin', { hosts: ['*'], paths: ['/headers'] });
    const istio = synthObjects(istioChart);
    expect(only(istio, 'Gateway').spec.servers[0].hosts).toEqual(['./*']);
    expect(only(istio, 'VirtualService').spec.hosts).toEqual(['*']);
    expect(only(istio, 'VirtualService').spec.http[0].match).toEqual([{ uri: { prefix: '/headers' } }]);

    const gwChart = testChart();
    new HttpbinExposure(gwChart, 'httpbin', { api: ApiFlavor.GATEWAY_API, hosts: ['*'], paths: ['/headers'] });
    const gw = synthObjects(gwChart);
    expect(only(gw, 'Gateway').spec.listeners[0].hostname).toBeUndefined();
    expect(only(gw, 'HTTPRoute').spec.hostnames).toBeUndefined();
    expect(only(gw, 'HTTPRoute').spec.rules[0].matches).toEqual([{ path: { type: 'PathPrefix', value: '/headers' } }]);
  });

  test('the version subset: a DestinationRule defines v1 on version=v1 and comes before the route that uses it', () => {
    const chart = testChart();
    new HttpbinExposure(chart, 'httpbin', { paths: ['/'], routeToVersionSubset: true });
    const objects = synthObjects(chart);
    const dr = only(objects, 'DestinationRule', 'httpbin');
    expect(dr.spec.host).toBe('httpbin.default.svc.cluster.local');
    expect(dr.spec.subsets).toEqual([{ name: 'v1', labels: { version: 'v1' } }]);
    expect(dr.spec.trafficPolicy).toEqual({ tls: { mode: 'ISTIO_MUTUAL' } });
    const vs = only(objects, 'VirtualService');
    expect(vs.spec.http[0].route[0].destination).toEqual({
      host: 'httpbin.default.svc.cluster.local',
      port: { number: 8000 },
      subset: 'v1',
    });
    expect(vs.spec.http[0].match).toEqual([{ uri: { prefix: '/' } }]);
    expect(objects.indexOf(dr)).toBeLessThan(objects.indexOf(vs));
  });

  test('without the workload only the Gateway and the route are emitted', () => {
    const chart = testChart();
    new HttpbinExposure(chart, 'httpbin', { deployWorkload: false });
    expect(synthObjects(chart).map((o) => o.kind)).toEqual(['Gateway', 'VirtualService']);
  });

  test('namespace, names, selector, gateway class and port are configurable', () => {
    const chart = testChart();
    new HttpbinExposure(chart, 'httpbin', {
      namespace: 'team-a',
      gatewayName: 'public',
      routeName: 'httpbin-public',
      gatewaySelector: { app: 'edge' },
      port: 8080,
    });
    const objects = synthObjects(chart);
    const gateway = only(objects, 'Gateway');
    expect(gateway.metadata).toEqual({ name: 'public', namespace: 'team-a' });
    expect(gateway.spec.selector).toEqual({ app: 'edge' });
    expect(gateway.spec.servers[0].port).toEqual({ number: 8080, name: 'http-8080', protocol: 'HTTP' });
    const vs = only(objects, 'VirtualService', 'httpbin-public');
    expect(vs.spec.gateways).toEqual(['team-a/public']);
    expect(vs.spec.http[0].route[0].destination.host).toBe('httpbin.team-a.svc.cluster.local');
    expect(objects.every((o) => o.metadata.namespace === 'team-a')).toBe(true);
  });
});
