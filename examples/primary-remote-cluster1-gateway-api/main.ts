// Primary-remote, the primary cluster1 on network1, with the Gateway API (see scenarios/east-west.ts).
import { App } from 'cdk8s';
import { ApiFlavor } from '../../src';
import { eastWest } from '../scenarios/east-west';

export function build(app: App): void {
  eastWest(app, { api: ApiFlavor.GATEWAY_API, cluster: 'cluster1', network: 'network1', exposeIstiod: true });
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
