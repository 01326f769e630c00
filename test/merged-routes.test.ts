import { Backend, GatewayListener, HttpRouteAction, IngressGateway } from '../src';
import { testChart, validationErrors } from './support/synth';

/** Routes of one Istio API gateway whose hosts intersect (MERGED_ROUTES), wildcards included. */
function errorsFor(routeHosts: string[][]): string[] {
  const chart = testChart();
  const gateway = new IngressGateway(chart, 'gw', { name: 'public', listeners: [GatewayListener.http({ hosts: ['*.example.com', 'example.org'] })] });
  routeHosts.forEach((hosts, i) =>
    gateway.addHttpRoute(`r${i}`, { hosts, rules: [{ action: HttpRouteAction.forward([Backend.service(`s${i}`, { port: 80 })]) }] }),
  );
  return validationErrors(chart).map((e) => e.replace(/ on this gateway;.*/, ''));
}

test.each([
  [[['a.example.com'], ['b.example.com'], ['example.org']], []],
  [[['a.example.com'], ['a.example.com']], ['[test/gw] routes test/gw/r0 and test/gw/r1 both serve host "a.example.com"']],
  [[['*.example.com'], ['a.example.com']], ['[test/gw] routes test/gw/r0 and test/gw/r1 both serve host "a.example.com"']],
  [[['a.example.com'], ['*.example.com']], ['[test/gw] routes test/gw/r0 and test/gw/r1 both serve host "*.example.com"']],
  [[['b.example.com'], ['x.example.org', 'a.example.com'], ['*.example.com'], ['c.example.com']], [
    '[test/gw] routes test/gw/r0 and test/gw/r2 both serve host "*.example.com"',
    '[test/gw] routes test/gw/r1 and test/gw/r2 both serve host "*.example.com"',
    '[test/gw] routes test/gw/r2 and test/gw/r3 both serve host "c.example.com"',
  ]],
])('routes with hosts %j', (hosts, expected) => {
  expect(errorsFor(hosts).filter((e) => e.includes('both serve host'))).toEqual(expected);
});
