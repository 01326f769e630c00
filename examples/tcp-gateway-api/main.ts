// See scenarios/tcp.ts: the scenario rendered with ApiFlavor.GATEWAY_API.
import { App } from 'cdk8s';
import { ApiFlavor } from '../../src';
import { tcp } from '../scenarios/tcp';

export function build(app: App): void {
  tcp(app, ApiFlavor.GATEWAY_API);
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
