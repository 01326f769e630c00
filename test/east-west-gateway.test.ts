import { ApiFlavor, EastWestGateway, EastWestMode, GatewayAddress, RemoteNetworkGateway } from '../src';
import { only, synthObjects, testChart, validationErrors } from './support/synth';

const NETWORK = 'topology.istio.io/network';

describe('EastWestGateway with the Istio API', () => {
  const chart = testChart('istio-system');
  new EastWestGateway(chart, 'ew', { network: 'network1', exposeIstiod: true });
  const objects = synthObjects(chart);
  const deployment = only(objects, 'Deployment');
  const service = only(objects, 'Service');

  test('the network is on the pods, the Service and the requested network view, and nowhere disagrees', () => {
    expect(deployment.spec.template.metadata.labels[NETWORK]).toBe('network1');
    expect(service.metadata.labels[NETWORK]).toBe('network1');
    const env = deployment.spec.template.spec.containers[0].env;
    expect(env).toContainEqual({ name: 'ISTIO_META_REQUESTED_NETWORK_VIEW', value: 'network1' });
    expect(env.map((e: any) => e.name)).not.toContain('ISTIO_META_ROUTER_MODE');
    expect(deployment.spec.template.metadata.labels.istio).toBe('eastwestgateway');
  });

  test('the Service is a LoadBalancer with status-port, tls 15443 and, istiod being exposed, 15012 and 15017', () => {
    expect(service.spec.type).toBe('LoadBalancer');
    expect(service.spec.ports.map((p: any) => [p.name, p.port])).toEqual([
      ['status-port', 15021],
      ['tls', 15443],
      ['tls-istiod', 15012],
      ['tls-webhook', 15017],
    ]);
  });

  test('cross-network-gateway passes *.local through on 15443 (AUTO_PASSTHROUGH), as expose-services.yaml', () => {
    expect(only(objects, 'Gateway', 'cross-network-gateway').spec).toEqual({
      selector: { istio: 'eastwestgateway' },
      servers: [{ port: { number: 15443, name: 'tls', protocol: 'TLS' }, tls: { mode: 'AUTO_PASSTHROUGH' }, hosts: ['*.local'] }],
    });
  });

  test('istiod is exposed on 15012 and 15017 and routed to istiod 15012 and 443, as expose-istiod.yaml', () => {
    expect(only(objects, 'Gateway', 'istiod-gateway').spec.servers.map((s: any) => [s.port.name, s.port.number, s.tls.mode, s.hosts])).toEqual([
      // Scoped to istiod-vs's namespace (the task's admit any namespace).
      ['tls-istiod', 15012, 'PASSTHROUGH', ['./*']],
      ['tls-istiodwebhook', 15017, 'PASSTHROUGH', ['./*']],
    ]);
    const vs = only(objects, 'VirtualService', 'istiod-vs');
    expect(vs.spec.gateways).toEqual(['istio-system/istiod-gateway']);
    expect(vs.spec.tls).toEqual([
      { match: [{ port: 15012, sniHosts: ['*'] }], route: [{ destination: { host: 'istiod.istio-system.svc.cluster.local', port: { number: 15012 } } }] },
      { match: [{ port: 15017, sniHosts: ['*'] }], route: [{ destination: { host: 'istiod.istio-system.svc.cluster.local', port: { number: 443 } } }] },
    ]);
  });

  test('without istiod exposure the Service has no 15012/15017 and there is no istiod gateway', () => {
    const c = testChart('istio-system');
    new EastWestGateway(c, 'ew', { network: 'network2' });
    const objs = synthObjects(c);
    expect(only(objs, 'Service').spec.ports.map((p: any) => p.port)).toEqual([15021, 15443]);
    expect(objs.filter((o) => o.kind === 'Gateway').map((o) => o.metadata.name)).toEqual(['cross-network-gateway']);
    expect(objs.filter((o) => o.kind === 'VirtualService')).toEqual([]);
  });
});

describe('EastWestGateway with the Gateway API', () => {
  test('sidecar form: a Gateway labelled with the network, auto-passthrough on 15443, TLSRoutes to istiod', () => {
    const chart = testChart('istio-system');
    new EastWestGateway(chart, 'ew', { api: ApiFlavor.GATEWAY_API, network: 'network1', exposeIstiod: true });
    const objects = synthObjects(chart);
    const gateway = only(objects, 'Gateway');
    expect(gateway.metadata.labels).toEqual({ [NETWORK]: 'network1' });
    expect(gateway.spec.gatewayClassName).toBe('istio');
    expect(gateway.spec.listeners[0]).toEqual({
      name: 'cross-network',
      port: 15443,
      protocol: 'TLS',
      tls: { mode: 'Passthrough', options: { 'gateway.istio.io/listener-protocol': 'auto-passthrough' } },
      allowedRoutes: { namespaces: { from: 'Same' } },
    });
    expect(only(objects, 'TLSRoute', 'istiod-api').spec.rules[0].backendRefs).toEqual([{ name: 'istiod', namespace: 'istio-system', port: 15012 }]);
    expect(only(objects, 'TLSRoute', 'istiod-webhook').spec.rules[0].backendRefs).toEqual([{ name: 'istiod', namespace: 'istio-system', port: 443 }]);
    expect(objects.filter((o) => o.kind === 'Deployment')).toEqual([]);
  });

  test('ambient form: class istio-east-west, HBONE on 15008 terminated with ISTIO_MUTUAL', () => {
    const chart = testChart('istio-system');
    new EastWestGateway(chart, 'ew', { api: ApiFlavor.GATEWAY_API, network: 'network1', mode: EastWestMode.AMBIENT });
    const gateway = only(synthObjects(chart), 'Gateway');
    expect(gateway.metadata.labels).toEqual({ [NETWORK]: 'network1' });
    expect(gateway.spec.gatewayClassName).toBe('istio-east-west');
    expect(gateway.spec.listeners).toEqual([
      {
        name: 'mesh',
        port: 15008,
        protocol: 'HBONE',
        tls: { mode: 'Terminate', options: { 'gateway.istio.io/tls-terminate-mode': 'ISTIO_MUTUAL' } },
        allowedRoutes: { namespaces: { from: 'Same' } },
      },
    ]);
  });

  test('a remote network\'s gateway: class istio-remote with its address', () => {
    const chart = testChart('istio-system');
    new RemoteNetworkGateway(chart, 'remote', { network: 'network2', address: GatewayAddress.ip('203.0.113.10') });
    const gateway = only(synthObjects(chart), 'Gateway');
    expect(gateway.metadata).toEqual({ name: 'network2-eastwestgateway', namespace: 'istio-system', labels: { [NETWORK]: 'network2' } });
    expect(gateway.spec.gatewayClassName).toBe('istio-remote');
    expect(gateway.spec.addresses).toEqual([{ type: 'IPAddress', value: '203.0.113.10' }]);
    expect(gateway.spec.listeners[0].port).toBe(15443);
  });
});

describe('network mistakes are rejected at synth', () => {
  test('two clusters claiming one network', () => {
    const chart = testChart('istio-system');
    new EastWestGateway(chart, 'cluster1', { network: 'network1', cluster: 'cluster1', deployWorkload: false, namespace: 'c1' });
    new EastWestGateway(chart, 'cluster2', { network: 'network1', cluster: 'cluster2', deployWorkload: false, namespace: 'c2' });
    expect(validationErrors(chart)).toEqual([
      '[test/cluster1] network "network1" is claimed by cluster "cluster1" here and by cluster "cluster2" at test/cluster2; give each cluster on its own network its own network name.',
      '[test/cluster2] network "network1" is claimed by cluster "cluster2" here and by cluster "cluster1" at test/cluster1; give each cluster on its own network its own network name.',
    ]);
  });

  test('the network label cannot be set apart from the network', () => {
    const chart = testChart('istio-system');
    new EastWestGateway(chart, 'ew', { network: 'network1', workload: { labels: { [NETWORK]: 'network2' } } });
    expect(validationErrors(chart).join('\n')).toContain(NETWORK);
  });

  test('an invalid network name, and ambient with the Istio API: one message each', () => {
    const chart = testChart('istio-system');
    new EastWestGateway(chart, 'ew', { network: 'net work', mode: EastWestMode.AMBIENT });
    expect(validationErrors(chart)).toEqual([
      '[test/ew] network "net work" is not a valid label value; use letters, digits, \'-\', \'_\' and \'.\' (at most 63).',
      '[test/ew] the ambient east-west gateway exists only in the Gateway API (class istio-east-west); render with ApiFlavor.GATEWAY_API.',
    ]);
  });
});
