// A 90/10 canary of httpbin v1 and v2 on httpbin.example.com, with a 5s timeout.
//
// Istio API: one Service, subsets v1 and v2 defined by a DestinationRule (written before the route),
// and 3 retries of 2s each. Gateway API: one Service per version (it cannot route to subsets), and
// no retries (not in its standard channel).
import { App, Chart, Duration } from 'cdk8s';
import { SampleApp } from './sample-app';
import { ApiFlavor, Backend, BackendPolicy, GatewayListener, HttpbinExposure, HttpRouteAction, IngressGateway } from '../../src';

export function canary(app: App, api: ApiFlavor): void {
  const chart = new Chart(app, 'canary', { namespace: 'default' });
  const istio = api === ApiFlavor.ISTIO;
  for (const version of ['v1', 'v2']) {
    new SampleApp(chart, `httpbin-${version}`, {
      name: 'httpbin',
      version,
      image: HttpbinExposure.DEFAULT_IMAGE,
      port: 8000,
      containerPort: 8080,
      // Istio API: one Service `httpbin` in front of both versions; Gateway API: one per version.
      service: istio ? (version === 'v1' ? 'app' : 'none') : 'version',
    });
  }
  if (istio) {
    new BackendPolicy(chart, 'httpbin-policy', {
      serviceName: 'httpbin',
      subsets: [
        { name: 'v1', labels: { version: 'v1' } },
        { name: 'v2', labels: { version: 'v2' } },
      ],
    });
  }
  const gateway = new IngressGateway(chart, 'gateway', {
    api,
    name: 'httpbin-gateway',
    listeners: [GatewayListener.http({ hosts: ['httpbin.example.com'] })],
  });
  const backend = (version: string, weight: number) =>
    istio
      ? Backend.service('httpbin', { port: 8000, subset: version, weight })
      : Backend.service(`httpbin-${version}`, { port: 8000, weight });
  gateway.addHttpRoute('httpbin', {
    name: 'httpbin',
    hosts: ['httpbin.example.com'],
    rules: [
      {
        name: 'canary',
        action: HttpRouteAction.forward([backend('v1', 90), backend('v2', 10)]),
        timeout: Duration.seconds(5),
        retries: istio ? { attempts: 3, perTryTimeout: Duration.seconds(2) } : undefined,
      },
    ],
  });
}
