// Istio's TCP traffic task: connections to the gateway on port 31400 go to tcp-echo:9000.
import { App, Chart } from 'cdk8s';
import { SampleApp } from './sample-app';
import { ApiFlavor, Backend, GatewayListener, IngressGateway } from '../../src';

export function tcp(app: App, api: ApiFlavor): void {
  const chart = new Chart(app, 'tcp', { namespace: 'default' });
  new SampleApp(chart, 'tcp-echo', { name: 'tcp-echo', image: 'docker.io/istio/tcp-echo-server:1.3', port: 9000, containerPort: 9000 });
  const gateway = new IngressGateway(chart, 'gateway', {
    api,
    name: 'tcp-echo-gateway',
    listeners: [GatewayListener.tcp({ port: 31400, hosts: ['*'] })],
  });
  gateway.addTcpRoute('tcp-echo', { name: 'tcp-echo', port: 31400, backends: [Backend.service('tcp-echo', { port: 9000 })] });
}
