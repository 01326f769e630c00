import { ApiFlavor, Backend, GatewayListener, HttpRouteAction, IngressGateway, PathMatch } from '../src';
import { only, synthObjects, testChart } from './support/synth';

/**
 * The path a backend receives after a prefix rewrite, read from the rendered objects the way each
 * data plane reads them: Envoy's prefix_rewrite (Istio `rewrite.uri`) replaces the matched
 * characters, its regex_rewrite (`rewrite.uriRegexRewrite`) substitutes the match; the Gateway API's
 * ReplacePrefixMatch replaces the matched prefix as whole path segments (GEP-726: `/foo` → `/` sends
 * `/foo/bar` as `/bar`, a trailing '/' of either side is ignored).
 */
function rendered(api: ApiFlavor, prefix: string, replacement: string): any {
  const chart = testChart();
  const gateway = new IngressGateway(chart, 'gw', { api, name: 'gw', listeners: [GatewayListener.http()] });
  gateway.addHttpRoute('r', {
    name: 'r',
    rules: [{ matches: [{ path: PathMatch.prefix(prefix) }], rewrite: { pathPrefix: replacement }, action: HttpRouteAction.forward([Backend.service('api', { port: 80 })]) }],
  });
  const objects = synthObjects(chart);
  return api === ApiFlavor.ISTIO ? only(objects, 'VirtualService').spec.http[0] : only(objects, 'HTTPRoute').spec.rules[0];
}

function envoyPath(http: any, path: string): string {
  const prefix: string = http.match[0].uri.prefix;
  if (!path.startsWith(prefix)) return 'no match';
  const rewrite = http.rewrite;
  if (rewrite.uri !== undefined) return rewrite.uri + path.slice(prefix.length);
  const re = new RegExp(rewrite.uriRegexRewrite.match);
  return re.test(path) ? path.replace(re, rewrite.uriRegexRewrite.rewrite.replace(/\\(\d)/g, '$$$1')) : path;
}

function gatewayApiPath(rule: any, path: string): string {
  const trim = (p: string) => (p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p === '/' ? '' : p);
  const prefix = trim(rule.matches[0].path.value);
  if (!(path === prefix || path.startsWith(`${prefix}/`) || prefix === '')) return 'no match';
  const replacement = trim(rule.filters[0].urlRewrite.path.replacePrefixMatch);
  const rest = path.slice(prefix.length);
  return replacement + rest || '/';
}

describe.each([
  // prefix, replacement, request path, path the backend sees
  ['/api', '/', '/api/users', '/users'],
  ['/api', '/', '/api', '/'],
  ['/api', '/', '/api/', '/'],
  ['/api/', '/', '/api/users', '/users'],
  ['/api', '/v2', '/api/users', '/v2/users'],
  ['/api', '/v2/', '/api/users', '/v2/users'],
  ['/api/', '/v2', '/api/users', '/v2/users'],
  ['/', '/v2', '/users', '/v2/users'],
])('prefix %s rewritten to %s', (prefix, replacement, request, expected) => {
  test(`sends ${request} as ${expected} with the Istio API (Envoy)`, () => {
    expect(envoyPath(rendered(ApiFlavor.ISTIO, prefix, replacement), request)).toBe(expected);
  });
  test(`sends ${request} as ${expected} with the Gateway API`, () => {
    expect(gatewayApiPath(rendered(ApiFlavor.GATEWAY_API, prefix, replacement), request)).toBe(expected);
  });
});

test('a rewrite that Envoy reads as the Gateway API does stays a plain uri rewrite', () => {
  expect(rendered(ApiFlavor.ISTIO, '/api/', '/').rewrite).toEqual({ uri: '/' });
  expect(rendered(ApiFlavor.ISTIO, '/api', '/v2').rewrite).toEqual({ uri: '/v2' });
  expect(rendered(ApiFlavor.ISTIO, '/api', '/').rewrite).toEqual({ uriRegexRewrite: { match: '^/api(?:/|$)(.*)$', rewrite: '/\\1' } });
});

test('a mirror of a fraction of a percent keeps its share in both APIs', () => {
  const mirrored = (api: ApiFlavor) => {
    const chart = testChart();
    new IngressGateway(chart, 'gw', { api, name: 'gw', listeners: [GatewayListener.http()] }).addHttpRoute('r', {
      name: 'r',
      rules: [{ action: HttpRouteAction.forward([Backend.service('api', { port: 80 })]), mirror: { backend: Backend.service('shadow', { port: 80 }), percentage: 0.5 } }],
    });
    return synthObjects(chart);
  };
  expect(only(mirrored(ApiFlavor.ISTIO), 'VirtualService').spec.http[0].mirrors[0].percentage).toEqual({ value: 0.5 });
  // HTTPRoute's `percent` is a whole number: 0.5% is the fraction 5000/1000000 (Istio reads it as 0.5%).
  const filter = only(mirrored(ApiFlavor.GATEWAY_API), 'HTTPRoute').spec.rules[0].filters[0].requestMirror;
  expect(filter.percent).toBeUndefined();
  expect((100 * filter.fraction.numerator) / filter.fraction.denominator).toBe(0.5);
});
