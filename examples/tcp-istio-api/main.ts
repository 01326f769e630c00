// See scenarios/tcp.ts: the scenario rendered with ApiFlavor.ISTIO.
import { App } from 'cdk8s';
import { ApiFlavor } from '../../src';
import { tcp } from '../scenarios/tcp';

export function build(app: App): void {
  tcp(app, ApiFlavor.ISTIO);
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
