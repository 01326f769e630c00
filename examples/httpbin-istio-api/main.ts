// Istio's ingress walk-through with the Istio API: httpbin behind the ingress gateway on
// httpbin.example.com, /status and /delay routed to httpbin:8000, every other path 404.
import { App, Chart } from 'cdk8s';
import { ApiFlavor, HttpbinExposure } from '../../src';

export function build(app: App): void {
  const chart = new Chart(app, 'httpbin', { namespace: 'default' });
  new HttpbinExposure(chart, 'httpbin', { api: ApiFlavor.ISTIO });
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
