// See scenarios/secure-ingress.ts: the scenario rendered with ApiFlavor.ISTIO.
import { App } from 'cdk8s';
import { ApiFlavor } from '../../src';
import { secureIngress } from '../scenarios/secure-ingress';

export function build(app: App): void {
  secureIngress(app, ApiFlavor.ISTIO, true);
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
