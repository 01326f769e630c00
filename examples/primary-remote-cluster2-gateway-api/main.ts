// Primary-remote, the remote cluster2 on network2, with the Gateway API (see scenarios/east-west.ts).
import { App } from 'cdk8s';
import { ApiFlavor } from '../../src';
import { eastWest } from '../scenarios/east-west';

export function build(app: App): void {
  eastWest(app, { api: ApiFlavor.GATEWAY_API, cluster: 'cluster2', network: 'network2' });
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
