// Multi-primary, cluster1 on network1: each primary exposes its services, no istiod (see scenarios/east-west.ts).
import { App } from 'cdk8s';
import { ApiFlavor } from '../../src';
import { eastWest } from '../scenarios/east-west';

export function build(app: App): void {
  eastWest(app, { api: ApiFlavor.ISTIO, cluster: 'cluster1', network: 'network1' });
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
