import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart, Duration } from 'cdk8s';
import {
  ApiFlavor,
  Backend,
  BackendPolicy,
  GatewayListener,
  HttpbinExposure,
  HttpbinExposureProps,
  HttpRouteAction,
  IngressGateway,
  PathMatch,
} from '../src';
import { testChart, validationErrors } from './support/synth';

function httpbinErrors(props: HttpbinExposureProps): string[] {
  const chart = testChart();
  new HttpbinExposure(chart, 'httpbin', props);
  return validationErrors(chart);
}

describe('bad input to HttpbinExposure: one clear message naming the construct path, the value and the fix', () => {
  test('a host that is not a DNS name', () => {
    expect(httpbinErrors({ hosts: ['httpbin_example.com'] })).toEqual([
      '[test/httpbin/Gateway] listener "http": host "httpbin_example.com" is not a DNS name; use a lower-case name like "httpbin.example.com", a wildcard like "*.example.com", or "*".',
      '[test/httpbin/Gateway/Route] route host "httpbin_example.com" is not a DNS name; use a lower-case name like "httpbin.example.com", a wildcard like "*.example.com", or "*".',
    ]);
  });

  test('a path that does not start with /', () => {
    expect(httpbinErrors({ paths: ['/status', 'delay'] })).toEqual([
      '[test/httpbin/Gateway/Route] rule #0: path "delay" must start with "/"; write "/delay".',
    ]);
  });

  test('an empty path list', () => {
    expect(httpbinErrors({ paths: [] })).toEqual([
      '[test/httpbin] paths is empty, so nothing would be exposed; give at least one path prefix such as "/status", or [\'/\'] for everything.',
    ]);
  });

  test('a port out of range', () => {
    expect(httpbinErrors({ port: 70000 })).toEqual([
      '[test/httpbin/Gateway] listener "http-70000": port 70000 is out of range; use a whole number from 1 to 65535.',
    ]);
  });

  test('a version subset with the Gateway API', () => {
    expect(httpbinErrors({ api: ApiFlavor.GATEWAY_API, routeToVersionSubset: true })).toEqual([
      '[test/httpbin/Gateway/Route] rule #0: backend "httpbin.default:8000" names subset "v1", an Istio API feature the Gateway API cannot express; route to a Service per version (e.g. one selecting version=v1), or render with ApiFlavor.ISTIO.',
    ]);
  });

  test('several problems are reported together', () => {
    expect(httpbinErrors({ hosts: ['Bad Host'], paths: ['x'], port: 0 })).toHaveLength(4);
  });
});

describe('bad input to gateways and routes', () => {
  test('a route host no listener serves', () => {
    const chart = testChart();
    const gateway = new IngressGateway(chart, 'gw', {
      name: 'public',
      listeners: [GatewayListener.http({ hosts: ['a.example.com'] })],
    });
    gateway.addHttpRoute('route', {
      name: 'b',
      hosts: ['b.example.com'],
      rules: [{ action: HttpRouteAction.forward([Backend.service('b', { port: 80 })]) }],
    });
    expect(validationErrors(chart)).toEqual([
      '[test/gw/route] route host "b.example.com" is not served by gateway default/public for routes in namespace "default" (its HTTP/HTTPS listeners serve "a.example.com"); add the host to a listener, or remove it from the route (to accept it: GatewayValidation.suppress(scope, SuppressibleRule.ROUTE_HOST_NOT_SERVED, reason)).',
    ]);
  });

  test('two listeners on one port with the same host (a wildcard beside one of its hosts is fine)', () => {
    const chart = testChart();
    new IngressGateway(chart, 'gw', {
      name: 'public',
      listeners: [
        GatewayListener.http({ name: 'a', hosts: ['*.example.com'] }),
        GatewayListener.http({ name: 'b', hosts: ['shop.example.com'] }),
        GatewayListener.http({ name: 'c', hosts: ['blog.example.com', 'shop.example.com'] }),
      ],
    });
    expect(validationErrors(chart)).toEqual([
      '[test/gw] listeners "b" and "c" both serve port 80 for host "shop.example.com"; give them different hosts (a wildcard beside one of its hosts is fine: the most specific wins), merge them into one listener, or use another port.',
    ]);
  });

  test('a subset no DestinationRule defines', () => {
    const chart = testChart();
    const gateway = new IngressGateway(chart, 'gw', { name: 'public', listeners: [GatewayListener.http()] });
    new BackendPolicy(chart, 'reviews', { serviceName: 'reviews', subsets: [{ name: 'v1', labels: { version: 'v1' } }] });
    gateway.addHttpRoute('route', {
      name: 'reviews',
      rules: [{ action: HttpRouteAction.forward([Backend.service('reviews', { port: 9080, subset: 'v2' })]) }],
    });
    expect(validationErrors(chart)).toEqual([
      '[test/gw/route] rule #0: backend "reviews.default:9080" names subset "v2", but no BackendPolicy (DestinationRule) in this app defines it for "reviews.default.svc.cluster.local"; define the subset with new BackendPolicy(..., { subsets: [...] }).',
    ]);
  });

  test('a timeout under 1ms', () => {
    const chart = testChart();
    const gateway = new IngressGateway(chart, 'gw', { name: 'public', listeners: [GatewayListener.http()] });
    gateway.addHttpRoute('route', {
      name: 'slow',
      rules: [
        {
          name: 'fast',
          matches: [{ path: PathMatch.exact('/fast') }],
          action: HttpRouteAction.forward([Backend.service('svc', { port: 80 })]),
          timeout: Duration.millis(0.5),
        },
      ],
    });
    expect(validationErrors(chart)).toEqual([
      '[test/gw/route] rule "fast": timeout of 0.5ms is not a whole number of milliseconds of at least 1ms; use e.g. Duration.millis(1) or Duration.seconds(5).',
    ]);
  });
});

describe('nothing is written when synth fails', () => {
  test('App.synth writes no file', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bad-synth-'));
    const app = new App({ outdir });
    new HttpbinExposure(new Chart(app, 'httpbin'), 'httpbin', { paths: ['status'] });
    expect(() => app.synth()).toThrow(/path "status" must start with "\/"/);
    expect(fs.readdirSync(outdir)).toEqual([]);
  });

  test('the examples driver leaves the output folder as it was and prints the problem without a stack trace', () => {

    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bad-examples-out-'));
    fs.writeFileSync(path.join(out, 'previous.txt'), 'kept');
    // Inside the checkout, so that the example apps resolve cdk8s like the real ones do.
    const cache = path.resolve(__dirname, '..', '.cache');
    fs.mkdirSync(cache, { recursive: true });
    const examples = fs.mkdtempSync(path.join(cache, 'bad-examples-'));
    for (const [name, paths] of [['good', "['/status']"], ['bad', "['status']"]]) {
      fs.mkdirSync(path.join(examples, name));
      fs.writeFileSync(
        path.join(examples, name, 'main.ts'),
        [
          "import { App, Chart } from 'cdk8s';",
          `import { HttpbinExposure } from '${path.resolve(__dirname, '..', 'src')}';`,
          `export function build(app: App) { new HttpbinExposure(new Chart(app, 'httpbin'), 'httpbin', { paths: ${paths} }); }`,
        ].join('\n'),
      );
    }
    let stderr = '';
    try {
      execFileSync(
        path.resolve(__dirname, '..', 'node_modules', '.bin', 'ts-node'),
        ['--transpile-only', path.resolve(__dirname, '..', 'scripts', 'synth-examples.ts'), '--examples', examples, '--out', out],
        { stdio: 'pipe' },
      );
      throw new Error('synth-examples succeeded on a bad example');
    } catch (e: any) {
      stderr = e.stderr?.toString() ?? '';
    }
    expect(stderr).toContain('[httpbin/httpbin/Gateway/Route] rule #0: path "status" must start with "/"; write "/status".');
    expect(stderr).toContain('1 of 2 examples failed; nothing was written');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(fs.readdirSync(out)).toEqual(['previous.txt']);
    fs.rmSync(examples, { recursive: true, force: true });
  });
});
