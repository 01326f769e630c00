// Istio's secure ingress task: httpbin.example.com over HTTPS on 443, terminated at the gateway with
// the credential `httpbin-credential` (SIMPLE), or also checking client certificates against its CA
// (MUTUAL). Create the Secret yourself (`kubectl create secret generic httpbin-credential ...`) in
// the gateway workload's namespace: istio-system for the Istio API, the Gateway's own namespace for
// the Gateway API.
import { App, Chart } from 'cdk8s';
import { SampleApp } from './sample-app';
import { ApiFlavor, Backend, GatewayListener, HttpbinExposure, HttpRouteAction, IngressGateway, PathMatch, ServerTls } from '../../src';

export function secureIngress(app: App, api: ApiFlavor, mutual: boolean): void {
  const chart = new Chart(app, 'secure-ingress', { namespace: 'default' });
  new SampleApp(chart, 'httpbin', { name: 'httpbin', image: HttpbinExposure.DEFAULT_IMAGE, port: 8000, containerPort: 8080 });

  const tls = mutual ? ServerTls.mutual('httpbin-credential') : ServerTls.simple('httpbin-credential');
  const gateway = new IngressGateway(chart, 'gateway', {
    api,
    name: 'mygateway',
    listeners: [GatewayListener.https({ hosts: ['httpbin.example.com'], tls })],
  });
  gateway.addHttpRoute('httpbin', {
    name: 'httpbin',
    hosts: ['httpbin.example.com'],
    rules: [
      {
        matches: [{ path: PathMatch.prefix('/status') }, { path: PathMatch.prefix('/delay') }],
        action: HttpRouteAction.forward([Backend.service('httpbin', { port: 8000 })]),
      },
    ],
  });
}
