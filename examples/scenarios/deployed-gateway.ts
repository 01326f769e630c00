// A platform team's own ingress gateway: the workload Istio's `gateway` chart would deploy (here in
// istio-ingress, 2 to 5 replicas with a PodDisruptionBudget), and a Gateway bound to it serving
// httpbin.example.com. With the Gateway API, the Gateway points at the deployed Service
// (`spec.addresses`) instead of having Istio deploy a workload for it.
import { App, Chart } from 'cdk8s';
import { SampleApp } from './sample-app';
import { ApiFlavor, Backend, GatewayListener, HttpbinExposure, HttpRouteAction, IngressGateway, PathMatch } from '../../src';

export function deployedGateway(app: App, api: ApiFlavor): void {
  const chart = new Chart(app, 'deployed-gateway', { namespace: 'istio-ingress' });
  const gateway = new IngressGateway(chart, 'gateway', {
    api,
    name: 'public',
    listeners: [GatewayListener.http({ hosts: ['httpbin.example.com'] })],
    workload: {
      name: 'istio-ingressgateway',
      autoscaling: { minReplicas: 2, maxReplicas: 5 },
    },
  });

  const apps = new Chart(app, 'httpbin', { namespace: 'default' });
  new SampleApp(apps, 'httpbin', { name: 'httpbin', image: HttpbinExposure.DEFAULT_IMAGE, port: 8000, containerPort: 8080 });
  gateway.addHttpRoute('httpbin', {
    name: 'httpbin',
    hosts: ['httpbin.example.com'],
    rules: [
      {
        matches: [{ path: PathMatch.prefix('/status') }, { path: PathMatch.prefix('/delay') }],
        action: HttpRouteAction.forward([Backend.service('httpbin', { port: 8000, namespace: 'default' })]),
      },
    ],
  });
}
