// See scenarios/secure-ingress.ts: the scenario rendered with ApiFlavor.GATEWAY_API.
import { App } from 'cdk8s';
import { ApiFlavor } from '../../src';
import { secureIngress } from '../scenarios/secure-ingress';

export function build(app: App): void {
  secureIngress(app, ApiFlavor.GATEWAY_API, false);
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
