// See scenarios/sni-passthrough.ts: the scenario rendered with ApiFlavor.GATEWAY_API.
import { App } from 'cdk8s';
import { ApiFlavor } from '../../src';
import { sniPassthrough } from '../scenarios/sni-passthrough';

export function build(app: App): void {
  sniPassthrough(app, ApiFlavor.GATEWAY_API);
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
