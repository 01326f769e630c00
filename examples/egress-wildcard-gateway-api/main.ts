// See scenarios/egress.ts: the wildcard scenario rendered with ApiFlavor.GATEWAY_API.
import { App } from 'cdk8s';
import { ApiFlavor } from '../../src';
import { egress } from '../scenarios/egress';

export function build(app: App): void {
  egress(app, ApiFlavor.GATEWAY_API, 'wildcard');
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
