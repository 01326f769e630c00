// See scenarios/deployed-gateway.ts: the scenario rendered with ApiFlavor.GATEWAY_API.
import { App } from 'cdk8s';
import { ApiFlavor } from '../../src';
import { deployedGateway } from '../scenarios/deployed-gateway';

export function build(app: App): void {
  deployedGateway(app, ApiFlavor.GATEWAY_API);
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
