/**
 * A minimal cdk8s app for the validation plugin example: one chart that includes a manifest,
 * by default the httpbin walk-through of test/validators/good/istio-api. PLUGIN_EXAMPLE_MANIFEST
 * names another file (relative to this folder), e.g. a broken fixture to see the plugin fail.
 */
import * as path from 'path';
import { App, Chart, Include } from 'cdk8s';

const manifest = path.resolve(
  __dirname,
  process.env.PLUGIN_EXAMPLE_MANIFEST ?? path.join('..', 'good', 'istio-api', 'httpbin.k8s.yaml'),
);

const app = new App();
const chart = new Chart(app, 'httpbin');
new Include(chart, 'manifest', { url: manifest });
app.synth();
