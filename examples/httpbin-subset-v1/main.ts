// Everything under / goes to httpbin's v1 subset, defined by the DestinationRule `httpbin`
// (written before the VirtualService, so the subset exists when the route does).
import { App, Chart } from 'cdk8s';
import { HttpbinExposure } from '../../src';

export function build(app: App): void {
  const chart = new Chart(app, 'httpbin', { namespace: 'default' });
  new HttpbinExposure(chart, 'httpbin', { paths: ['/'], routeToVersionSubset: true });
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
