import { hostCovers, hostsIntersect, isValidHost, parseScopedHost, scopeAdmits } from '../src/validation/hosts';

describe('host names', () => {
  test.each(['httpbin.example.com', '*.example.com', '*', 'localhost', 'a-1.b.c'])('%s is a valid host', (host) => {
    expect(isValidHost(host)).toBe(true);
  });

  test.each(['', 'Httpbin.example.com', 'httpbin_example.com', 'a.*.com', '*example.com', '-a.com', 'a..b', 'x'.repeat(64) + '.com'])(
    '%s is not a valid host',
    (host) => {
      expect(isValidHost(host)).toBe(false);
    },
  );
});

describe('host matching (Istio and Gateway API wildcard semantics)', () => {
  test.each([
    ['*', 'anything.example.com', true],
    ['*.example.com', 'a.example.com', true],
    ['*.example.com', 'a.b.example.com', true],
    ['*.example.com', 'example.com', false],
    ['*.example.com', '*.a.example.com', true],
    ['*.a.example.com', '*.example.com', false],
    ['a.example.com', 'a.example.com', true],
    ['a.example.com', 'b.example.com', false],
    ['a.example.com', '*.example.com', false],
  ])('%s covers %s: %s', (pattern, host, expected) => {
    expect(hostCovers(pattern as string, host as string)).toBe(expected);
  });

  test('intersection is symmetric', () => {
    expect(hostsIntersect('*.example.com', 'a.example.com')).toBe(true);
    expect(hostsIntersect('a.example.com', '*.example.com')).toBe(true);
    expect(hostsIntersect('a.example.com', 'b.example.com')).toBe(false);
    expect(hostsIntersect('*.example.com', '*.example.org')).toBe(false);
  });
});

describe('namespace-scoped server hosts (ns/host)', () => {
  test('parsing', () => {
    expect(parseScopedHost('team-a/a.example.com')).toEqual({ namespace: 'team-a', host: 'a.example.com' });
    expect(parseScopedHost('a.example.com')).toEqual({ namespace: '*', host: 'a.example.com' });
    expect(parseScopedHost('./a.example.com')).toEqual({ namespace: '.', host: 'a.example.com' });
  });

  test('which route namespaces a scope admits', () => {
    expect(scopeAdmits('*', 'istio-system', 'team-a')).toBe(true);
    expect(scopeAdmits('.', 'istio-system', 'istio-system')).toBe(true);
    expect(scopeAdmits('.', 'istio-system', 'team-a')).toBe(false);
    expect(scopeAdmits('team-a', 'istio-system', 'team-a')).toBe(true);
    expect(scopeAdmits('team-a', 'istio-system', 'team-b')).toBe(false);
  });
});
