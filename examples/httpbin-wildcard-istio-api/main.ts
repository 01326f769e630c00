// For a browser: any host ('*'), exposing /headers, with the Istio API.
import { App, Chart } from 'cdk8s';
import { ApiFlavor, HttpbinExposure } from '../../src';

export function build(app: App): void {
  const chart = new Chart(app, 'httpbin', { namespace: 'default' });
  new HttpbinExposure(chart, 'httpbin', { api: ApiFlavor.ISTIO, hosts: ['*'], paths: ['/headers'] });
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
