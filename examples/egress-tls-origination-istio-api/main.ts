// See scenarios/egress.ts: the tls-origination scenario rendered with ApiFlavor.ISTIO.
import { App } from 'cdk8s';
import { ApiFlavor } from '../../src';
import { egress } from '../scenarios/egress';

export function build(app: App): void {
  egress(app, ApiFlavor.ISTIO, 'tls-origination');
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
