// See scenarios/sni-passthrough.ts: the scenario rendered with ApiFlavor.ISTIO.
import { App } from 'cdk8s';
import { ApiFlavor } from '../../src';
import { sniPassthrough } from '../scenarios/sni-passthrough';

export function build(app: App): void {
  sniPassthrough(app, ApiFlavor.ISTIO);
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
