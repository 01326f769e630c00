import { ApiObject, App, Chart } from 'cdk8s';
import { listenerHosts, NAMESPACE, GATEWAY, routeHost, routeName, Scenario } from './scenario';

/** The same objects, written by hand as plain cdk8s ApiObjects. */
export function build(app: App, s: Scenario): void {
  const chart = new Chart(app, 'bench', { namespace: NAMESPACE });
  const hosts = listenerHosts(s);
  const metadata = (name: string) => ({ name, namespace: NAMESPACE });
  if (s.api === 'istio') {
    new ApiObject(chart, 'gateway', {
      apiVersion: 'networking.istio.io/v1',
      kind: 'Gateway',
      metadata: metadata(GATEWAY),
      spec: {
        selector: { istio: 'ingressgateway' },
        servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts }],
      },
    });
    const gateways = [`${NAMESPACE}/${GATEWAY}`];
    for (let i = 0; i < s.routes; i++) {
      const name = routeName(i);
      new ApiObject(chart, name, {
        apiVersion: 'networking.istio.io/v1',
        kind: 'VirtualService',
        metadata: metadata(name),
        spec: {
          hosts: [routeHost(i)],
          gateways,
          http: [{ route: [{ destination: { host: `${name}.${NAMESPACE}.svc.cluster.local`, port: { number: 8080 } } }] }],
        },
      });
    }
    return;
  }

  const listeners = hosts.map((hostname, index) => ({
    name: index === 0 ? 'http' : `http-${index}`,
    port: 80,
    protocol: 'HTTP',
    hostname,
    allowedRoutes: { namespaces: { from: 'Same' } },
  }));
  new ApiObject(chart, 'gateway', {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: metadata(GATEWAY),
    spec: { gatewayClassName: 'istio', listeners },
  });
  for (let i = 0; i < s.routes; i++) {
    const name = routeName(i);
    new ApiObject(chart, name, {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: metadata(name),
      spec: {
        parentRefs: [{ name: GATEWAY, namespace: NAMESPACE }],
        hostnames: [routeHost(i)],
        rules: [{ backendRefs: [{ name, namespace: NAMESPACE, port: 8080 }] }],
      },
    });
  }
}
