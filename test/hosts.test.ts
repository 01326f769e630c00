import { hostCovers, hostsIntersect, isValidHost, parseScopedHost, patternsCovering, scopeAdmits } from '../src/validation/hosts';
import { isDnsLabel, isDnsSubdomain } from '../src/validation/names';

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

describe('DNS names at their length limits', () => {
  /** `count` labels of `size` characters joined by dots. */
  const name = (size: number, count: number) => Array.from({ length: count }, (_, i) => String(i % 10).repeat(size)).join('.');

  test('a label has 1 to 63 characters, letters, digits and inner dashes', () => {
    expect(isDnsLabel('a'.repeat(63))).toBe(true);
    expect(isDnsLabel('a'.repeat(64))).toBe(false);
    expect(isDnsLabel('a-b')).toBe(true);
    for (const bad of ['', '-a', 'a-', 'a.b', 'A', 'a_b']) expect(isDnsLabel(bad)).toBe(false);
  });

  test('a subdomain has at most 253 characters, each label at most 63', () => {
    const max = name(63, 4).slice(0, 253); // 4 labels: 63 + 1 + 63 + 1 + 63 + 1 + 61
    expect(max).toHaveLength(253);
    expect(isDnsSubdomain(max)).toBe(true);
    expect(isDnsSubdomain(`${max}a`)).toBe(false);
    expect(isDnsSubdomain(`${'a'.repeat(64)}.b`)).toBe(false);
    for (const bad of ['', 'a.', '.a', 'a..b', 'a.-b']) expect(isDnsSubdomain(bad)).toBe(false);
  });

  test('a wildcard host counts its length after "*."', () => {
    const max = name(63, 4).slice(0, 253);
    expect(isValidHost(`*.${max}`)).toBe(true);
    expect(isValidHost(`*.${max}a`)).toBe(false);
    expect(isValidHost(max)).toBe(true);
    expect(isValidHost(`${max}a`)).toBe(false);
    for (const bad of ['*.', '*.*.a', '*a.b', 'a.*']) expect(isValidHost(bad)).toBe(false);
  });
});

describe('the patterns that cover a host', () => {
  test.each([
    ['a.b.example.com', ['*', 'a.b.example.com', '*.b.example.com', '*.example.com', '*.com']],
    ['localhost', ['*', 'localhost']],
    ['*', ['*']],
    ['*.example.com', ['*', '*.example.com', '*.com']],
  ])('%s', (host, expected) => {
    expect(patternsCovering(host as string)).toEqual(expected);
  });

  test('exactly the patterns that hostCovers() accepts, each once', () => {
    const hosts = ['a.b.c', '*.b.c', '*', 'c', '*.c', 'x.a.b.c', '*.a.b.c'];
    const candidates = [...new Set([...hosts, ...hosts.map((h) => `*.${h}`)])];
    for (const host of hosts) {
      const patterns = patternsCovering(host);
      expect(new Set(patterns).size).toBe(patterns.length);
      expect(candidates.filter((p) => hostCovers(p, host)).sort()).toEqual(patterns.filter((p) => candidates.includes(p)).sort());
      for (const p of patterns) expect(hostCovers(p, host)).toBe(true);
    }
  });
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
