import { Backend, GatewayListener, HttpRouteAction, HttpRouteRule, IngressGateway, PathMatch, StringMatch } from '../src';
import { only, synthObjects, testChart } from './support/synth';

const to = (name: string) => HttpRouteAction.forward([Backend.service(name, { port: 80 })]);

test('rules are evaluated most specific first, whatever order they were added in; equal ones keep their order', () => {
  const rules: HttpRouteRule[] = [
    { name: 'catch-all', action: to('fallback') },
    { name: 'root-prefix', matches: [{ path: PathMatch.prefix('/'), method: 'GET' }], action: to('root') },
    { name: 'short-prefix', matches: [{ path: PathMatch.prefix('/api') }], action: to('api') },
    { name: 'long-prefix', matches: [{ path: PathMatch.prefix('/api/v2') }], action: to('api-v2') },
    { name: 'exact', matches: [{ path: PathMatch.exact('/api') }], action: to('exact') },
    { name: 'regex', matches: [{ path: PathMatch.regex('/api/[0-9]+') }], action: to('regex') },
    {
      name: 'prefix-with-header',
      matches: [{ path: PathMatch.prefix('/api'), headers: [{ name: 'x-canary', value: StringMatch.exact('1') }] }],
      action: to('canary'),
    },
    { name: 'prefix-with-method', matches: [{ path: PathMatch.prefix('/api'), method: 'POST' }], action: to('writes') },
    { name: 'short-prefix-again', matches: [{ path: PathMatch.prefix('/app') }], action: to('app') },
  ];
  const chart = testChart();
  const gateway = new IngressGateway(chart, 'gw', { listeners: [GatewayListener.http()] });
  gateway.addHttpRoute('route', { rules });
  const names = only(synthObjects(chart), 'VirtualService').spec.http.map((r: any) => r.name);
  expect(names).toEqual([
    'exact',
    'long-prefix',
    'prefix-with-method',
    'prefix-with-header',
    'short-prefix',
    'short-prefix-again',
    'root-prefix',
    // Istio ranks an HTTPRoute's regular expressions after its prefixes, "/" included (so after a
    // rule of prefix "/" alone, a regular expression would never apply, which synth refuses).
    'regex',
    'catch-all',
  ]);
});
