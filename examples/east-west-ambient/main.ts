// Ambient multi-network: HBONE on 15008, class istio-east-west (see scenarios/east-west.ts).
import { App } from 'cdk8s';
import { ApiFlavor, EastWestMode } from '../../src';
import { eastWest } from '../scenarios/east-west';

export function build(app: App): void {
  eastWest(app, { api: ApiFlavor.GATEWAY_API, cluster: 'cluster1', network: 'network1', mode: EastWestMode.AMBIENT });
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
