// See scenarios/canary.ts: the scenario rendered with ApiFlavor.ISTIO.
import { App } from 'cdk8s';
import { ApiFlavor } from '../../src';
import { canary } from '../scenarios/canary';

export function build(app: App): void {
  canary(app, ApiFlavor.ISTIO);
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
