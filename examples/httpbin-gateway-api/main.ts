// The same walk-through with the Kubernetes Gateway API: a Gateway of class `istio` (Istio deploys
// its workload) and an HTTPRoute for /status and /delay.
import { App, Chart } from 'cdk8s';
import { ApiFlavor, HttpbinExposure } from '../../src';

export function build(app: App): void {
  const chart = new Chart(app, 'httpbin', { namespace: 'default' });
  new HttpbinExposure(chart, 'httpbin', { api: ApiFlavor.GATEWAY_API });
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
