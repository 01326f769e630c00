// Istio's ingress SNI passthrough task: TLS for nginx.example.com on 443 is not terminated at the
// gateway; the stream goes to my-nginx:443, which serves its own certificate.
import { App, Chart } from 'cdk8s';
import { SampleApp } from './sample-app';
import { ApiFlavor, Backend, GatewayListener, IngressGateway } from '../../src';

export function sniPassthrough(app: App, api: ApiFlavor): void {
  const chart = new Chart(app, 'sni-passthrough', { namespace: 'default' });
  new SampleApp(chart, 'nginx', { name: 'my-nginx', image: 'docker.io/library/nginx:1.27', port: 443, containerPort: 443 });
  const gateway = new IngressGateway(chart, 'gateway', {
    api,
    name: 'mygateway',
    listeners: [GatewayListener.tlsPassthrough({ hosts: ['nginx.example.com'] })],
  });
  gateway.addTlsRoute('nginx', {
    name: 'nginx',
    hosts: ['nginx.example.com'],
    backends: [Backend.service('my-nginx', { port: 443 })],
  });
}
