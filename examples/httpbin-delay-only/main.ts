// Only /delay is exposed on httpbin.example.com; /status and everything else answer 404.
import { App, Chart } from 'cdk8s';
import { HttpbinExposure } from '../../src';

export function build(app: App): void {
  const chart = new Chart(app, 'httpbin', { namespace: 'default' });
  new HttpbinExposure(chart, 'httpbin', { paths: ['/delay'] });
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
