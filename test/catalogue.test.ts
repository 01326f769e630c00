import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { GatewayListener, GatewayValidation, IngressGateway, PathMatch, HttpRouteAction, Backend, ServerTls, SuppressibleRule } from '../src';
import { BAD_INPUTS, VALID_INPUTS } from './catalogue/cases';
import { EXPECTED } from './catalogue/expected-messages';
import { expectValid } from './support/crd-validator';

test('the catalogue has at least 40 bad inputs, each with its expected messages', () => {
  expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(40);
  expect(Object.keys(EXPECTED).sort()).toEqual(BAD_INPUTS.map((c) => c.name).sort());
});

describe.each(BAD_INPUTS.map((c) => [c.name, c] as const))('bad input: %s', (name, badInput) => {
  test('fails synth with exactly the catalogued messages and writes nothing', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalogue-'));
    const app = new App({ outdir });
    badInput.build(new Chart(app, 'c', { namespace: 'default' }));
    let message = '';
    try {
      app.synth();
    } catch (e) {
      expect(e).toBeInstanceOf(Error);
      expect(e).not.toBeInstanceOf(TypeError);
      message = (e as Error).message;
    }
    expect(message.split('\n')[0]).toBe('Validation failed with the following errors:');
    expect(message.split('\n').slice(1).map((l) => l.trim())).toEqual(EXPECTED[name]);
    expect(fs.readdirSync(outdir)).toEqual([]);
  });
});

const validCases = VALID_INPUTS.map((c) => [c.name, c] as const);
(validCases.length ? describe.each(validCases) : describe.skip.each([['none', undefined]]))('valid input: %s', (_name, validInput) => {
  test('synthesizes, and its output passes the CRD schemas and CEL rules', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalogue-valid-'));
    const app = new App({ outdir });
    validInput!.build(new Chart(app, 'c', { namespace: 'default' }));
    app.synth();
    const written = fs.readdirSync(outdir);
    expect(written.length).toBeGreaterThan(0);
    const objects = written.flatMap((f) => parseAllDocuments(fs.readFileSync(path.join(outdir, f), 'utf8')).map((d) => d.toJS())).filter((o) => o);
    expect(objects.length).toBeGreaterThan(0);
    expectValid(objects);
  });
});

describe('suppressing a rule Istio only warns about', () => {
  function sharedCredential(): [App, IngressGateway, IngressGateway] {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'suppress-')) });
    const chart = new Chart(app, 'c', { namespace: 'default' });
    const a = new IngressGateway(chart, 'a', { name: 'a', listeners: [GatewayListener.https({ hosts: ['a.example.com'], tls: ServerTls.simple('wildcard-cert') })] });
    const b = new IngressGateway(chart, 'b', { name: 'b', listeners: [GatewayListener.https({ hosts: ['b.example.com'], tls: ServerTls.simple('wildcard-cert') })] });
    return [app, a, b];
  }

  test('on each construct silences it there only', () => {
    const [app, a] = sharedCredential();
    GatewayValidation.suppress(a, SuppressibleRule.SHARED_CREDENTIAL, 'one wildcard certificate for *.example.com');
    expect(() => app.synthYaml()).toThrow(/^Validation failed with the following errors:\n {2}\[c\/b\] listener "https" uses credential "wildcard-cert"[^\n]*$/);
  });

  test('on a scope above silences it for everything below', () => {
    const [app] = sharedCredential();
    GatewayValidation.suppress(app, SuppressibleRule.SHARED_CREDENTIAL, 'one wildcard certificate for *.example.com');
    expect(() => app.synthYaml()).not.toThrow();
    expect(GatewayValidation.isSuppressed(app.node.findChild('c'), SuppressibleRule.SHARED_CREDENTIAL)).toBe(true);
  });

  test('needs a reason', () => {
    const [app, a, b] = sharedCredential();
    GatewayValidation.suppress(a, SuppressibleRule.SHARED_CREDENTIAL, ' ');
    GatewayValidation.suppress(b, SuppressibleRule.SHARED_CREDENTIAL, 'reviewed');
    expect(() => app.synthYaml()).toThrow('[c/a] suppression of shared-credential needs a reason; say why it is safe here.');
  });

  test('a route host the gateway does not serve can be accepted when the listener is added elsewhere', () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'suppress-')) });
    const gw = new IngressGateway(new Chart(app, 'c'), 'gw', { name: 'gw', listeners: [GatewayListener.http({ hosts: ['a.example.com'] })] });
    const route = gw.addHttpRoute('r', {
      name: 'r',
      hosts: ['b.example.com'],
      rules: [{ matches: [{ path: PathMatch.prefix('/') }], action: HttpRouteAction.forward([Backend.service('b', { port: 80 })]) }],
    });
    GatewayValidation.suppress(route, SuppressibleRule.ROUTE_HOST_NOT_SERVED, 'the b.example.com listener is patched in by the edge team');
    expect(() => app.synthYaml()).not.toThrow();
  });
});

test('the README lists every catalogued rule with its message', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { renderReadme } = require('../scripts/rules-doc');
  const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
  expect(renderReadme(readme)).toBe(readme);
});
