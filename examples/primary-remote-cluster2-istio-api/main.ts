// Primary-remote, the remote cluster2 on network2: east-west gateway exposing its services (see scenarios/east-west.ts).
import { App } from 'cdk8s';
import { ApiFlavor } from '../../src';
import { eastWest } from '../scenarios/east-west';

export function build(app: App): void {
  eastWest(app, { api: ApiFlavor.ISTIO, cluster: 'cluster2', network: 'network2' });
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
