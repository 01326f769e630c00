// See scenarios/canary.ts: the scenario rendered with ApiFlavor.GATEWAY_API.
import { App } from 'cdk8s';
import { ApiFlavor } from '../../src';
import { canary } from '../scenarios/canary';

export function build(app: App): void {
  canary(app, ApiFlavor.GATEWAY_API);
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
