// Istio's egress tasks with EgressRoute: clients in `default` reach an external host only through
// an egress gateway. Each scenario is one EgressRoute; the ServiceEntry, the Gateway, the
// DestinationRules and the routes for both legs (mesh → egress gateway → host) come out agreeing on
// hosts, ports, subsets and namespaces.
//
// - http: "Egress Gateways", HTTP to edition.cnn.com on 80. Sidecars reach the gateway with Istio
//   mutual TLS, and the route is locked down: with the Istio API the egress gateway is deployed here
//   (istio-egressgateway in istio-system, ClusterIP) and admits only workloads of `default`, and a
//   NetworkPolicy keeps `default`'s pods from reaching outside the cluster but through it. With the
//   Gateway API the route and the gateway Istio deploys for it live in `istio-egress`, outside the
//   namespace the NetworkPolicy confines.
// - tls-passthrough: "Egress Gateways", HTTPS the clients originate to edition.cnn.com on 443,
//   passed through by SNI.
// - tls-origination: "Egress Gateways with TLS Origination": clients send plain HTTP on 80, the
//   egress gateway originates TLS to edition.cnn.com:443.
// - wildcard: "Egress using Wildcard Hosts": HTTPS to *.wikipedia.org, sent by the gateway to
//   www.wikipedia.org, which serves every Wikipedia site.
import { App, Chart } from 'cdk8s';
import { ApiFlavor, EgressMode, EgressRoute } from '../../src';

export type EgressScenario = 'http' | 'tls-passthrough' | 'tls-origination' | 'wildcard';

export function egress(app: App, api: ApiFlavor, scenario: EgressScenario): void {
  const chart = new Chart(app, `egress-${scenario}`, { namespace: 'default' });
  switch (scenario) {
    case 'http':
      new EgressRoute(chart, 'cnn', {
        api,
        name: 'cnn',
        host: 'edition.cnn.com',
        mode: EgressMode.HTTP,
        workload: api === ApiFlavor.ISTIO ? {} : undefined,
        // With the Gateway API, Istio deploys the egress gateway in the route's namespace, which
        // must not be a client namespace the NetworkPolicy confines.
        namespace: api === ApiFlavor.GATEWAY_API ? 'istio-egress' : undefined,
        clientNamespaces: ['default'],
        allowedClients: { namespaces: ['default'] },
        clientNetworkPolicy: {},
      });
      break;
    case 'tls-passthrough':
      new EgressRoute(chart, 'cnn', { api, name: 'cnn', host: 'edition.cnn.com', mode: EgressMode.TLS_PASSTHROUGH });
      break;
    case 'tls-origination':
      new EgressRoute(chart, 'cnn', { api, name: 'cnn', host: 'edition.cnn.com', mode: EgressMode.TLS_ORIGINATION });
      break;
    case 'wildcard':
      new EgressRoute(chart, 'wikipedia', {
        api,
        name: 'wikipedia',
        host: '*.wikipedia.org',
        wildcardTarget: 'www.wikipedia.org',
        mode: EgressMode.TLS_PASSTHROUGH,
      });
      break;
  }
}
