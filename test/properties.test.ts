import { App, Chart, Duration, Testing } from 'cdk8s';
import * as fc from 'fast-check';
import {
  ApiFlavor,
  Backend,
  GatewayListener,
  HttpbinExposure,
  HttpRouteAction,
  HttpRouteMatch,
  IngressGateway,
  PathMatch,
  PathMatchKind,
  StringMatch,
} from '../src';
import { expectValid } from './support/crd-validator';

const RUNS = 60;
const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/);
const host = fc.tuple(label, label).map(([a, b]) => `${a}.${b}.example.com`);
const segment = fc.stringMatching(/^[a-z0-9_-]{1,8}$/);
const path = fc.array(segment, { minLength: 1, maxLength: 3 }).map((s) => `/${s.join('/')}`);
const api = fc.constantFrom(ApiFlavor.ISTIO, ApiFlavor.GATEWAY_API);

function chart(): Chart {
  return new Chart(Testing.app(), 'p', { namespace: 'default' });
}

/** Synth must either succeed with output that passes the CRD checks, or fail with the library's validation error. */
function synthOrValidationError(c: Chart): 'ok' | 'rejected' {
  let objects: any[];
  try {
    objects = Testing.synth(c);
  } catch (e) {
    expect(e).toBeInstanceOf(Error);
    expect((e as Error).constructor).toBe(Error);
    expect((e as Error).message).toMatch(/^Validation failed with the following errors:\n {2}\[/);
    return 'rejected';
  }
  expectValid(objects);
  return 'ok';
}

describe('random valid props always synthesize output that passes the CRD schemas and CEL rules', () => {
  test('HttpbinExposure', () => {
    fc.assert(
      fc.property(
        api,
        fc.uniqueArray(host, { minLength: 1, maxLength: 3 }),
        // Paths no other one covers as a prefix (a covered one would never match by itself: refused).
        fc.uniqueArray(path, { minLength: 1, maxLength: 4 }).filter((ps) => ps.every((p) => !ps.some((o) => o !== p && p.startsWith(o)))),
        fc.integer({ min: 1, max: 65535 }).filter((p) => ![15000, 15004, 15020, 15021, 15053, 15090].includes(p)), // not the gateway proxy's own ports
        fc.boolean(),
        (flavor, hosts, paths, port, workload) => {
          const c = chart();
          new HttpbinExposure(c, 'h', { api: flavor, hosts, paths, port, deployWorkload: workload });
          expect(synthOrValidationError(c)).toBe('ok');
        },
      ),
      { numRuns: RUNS },
    );
  });

  const match: fc.Arbitrary<HttpRouteMatch> = fc.record(
    {
      path: fc.oneof(path.map(PathMatch.prefix), path.map(PathMatch.exact)),
      headers: fc.array(fc.record({ name: label, value: label.map(StringMatch.exact) }), { maxLength: 2 }),
      method: fc.constantFrom('GET', 'POST', 'PUT'),
    },
    { requiredKeys: ['path'] },
  );
  /** A match as Istio compares two (a repeated one is never used, IST0131). */
  const matchId = (m: HttpRouteMatch) => JSON.stringify([m.path?.kind, m.path?.value, m.method, m.headers?.map((h) => [h.name, h.value.value])]);
  const backend = fc.record({ name: label, port: fc.integer({ min: 1, max: 65535 }), weight: fc.integer({ min: 1, max: 100 }) });

  test('IngressGateway with routes', () => {
    fc.assert(
      fc.property(
        api,
        fc.uniqueArray(host, { minLength: 1, maxLength: 4 }),
        fc.array(
          fc.record({
            matches: fc.uniqueArray(match, { minLength: 1, maxLength: 3, selector: matchId }),
            backends: fc.array(backend, { minLength: 1, maxLength: 3 }),
            timeoutMs: fc.option(fc.integer({ min: 1, max: 600_000 })),
          }),
          { minLength: 1, maxLength: 5 },
        ),
        (flavor, hosts, rules) => {
          const c = chart();
          const gw = new IngressGateway(c, 'gw', { api: flavor, name: 'gw', listeners: [GatewayListener.http({ hosts })] });
          gw.addHttpRoute('r', {
            name: 'r',
            hosts,
            // Each rule under a path of its own: a rule whose matches an earlier one has never applies (IST0130).
            rules: rules.map((r, i) => ({
              matches: r.matches.map((m) => ({ ...m, path: m.path!.kind === PathMatchKind.EXACT ? PathMatch.exact(`/r${i}${m.path!.value}`) : PathMatch.prefix(`/r${i}${m.path!.value}`) })),
              action: HttpRouteAction.forward(r.backends.map((b) => Backend.service(b.name, { port: b.port, weight: b.weight }))),
              timeout: r.timeoutMs ? Duration.millis(r.timeoutMs) : undefined,
            })),
          });
          expect(synthOrValidationError(c)).toBe('ok');
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('random invalid props always fail with the library\'s own error, never a TypeError from inside', () => {
  test('HttpbinExposure with arbitrary strings and numbers', () => {
    fc.assert(
      fc.property(
        api,
        fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }),
        fc.array(fc.string({ maxLength: 12 }), { maxLength: 3 }),
        fc.oneof(fc.integer(), fc.double()),
        (flavor, hosts, paths, port) => {
          const c = chart();
          new HttpbinExposure(c, 'h', { api: flavor, hosts, paths, port, deployWorkload: false });
          synthOrValidationError(c);
        },
      ),
      { numRuns: RUNS },
    );
  });

  test('routes with arbitrary values', () => {
    fc.assert(
      fc.property(
        api,
        fc.string({ maxLength: 10 }),
        fc.string({ maxLength: 10 }),
        fc.oneof(fc.integer(), fc.double()),
        fc.oneof(fc.integer(), fc.double()),
        fc.double({ min: 0, max: 1e6, noNaN: true }), // cdk8s itself refuses negative durations
        (flavor, serviceName, pattern, port, weight, timeoutMs) => {
          const c = chart();
          const gw = new IngressGateway(c, 'gw', { api: flavor, name: 'gw', listeners: [GatewayListener.http()] });
          gw.addHttpRoute('r', {
            name: 'r',
            rules: [
              {
                matches: [{ path: PathMatch.regex(pattern), headers: [{ name: serviceName, value: StringMatch.regex(pattern) }] }],
                action: HttpRouteAction.forward([
                  Backend.service(serviceName, { port, weight }),
                  Backend.service('other', { port: 80, weight: 1 }),
                ]),
                timeout: Duration.millis(timeoutMs),
              },
            ],
          });
          synthOrValidationError(c);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

test('the harness itself rejects output the CRDs reject', () => {
  const app = new App();
  const c = new Chart(app, 'p', { namespace: 'default' });
  const gw = new IngressGateway(c, 'gw', { name: 'gw', api: ApiFlavor.GATEWAY_API, listeners: [GatewayListener.http()] });
  gw.addHttpRoute('r', { name: 'r', rules: [{ action: HttpRouteAction.forward([Backend.service('a', { port: 80 })]) }] });
  const objects = Testing.synth(c);
  objects[1].spec.rules[0].backendRefs[0].port = 70000;
  expect(() => expectValid(objects)).toThrow(/port/);
});
