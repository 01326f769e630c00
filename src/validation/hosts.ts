import { domainToASCII } from 'url';
import { isDnsLabel, isDnsNameOrWildcard, q } from './names';

/**
 * Host names as Istio and the Gateway API read them: `example.com`, `*.example.com`, `*`, and for
 * Istio gateway servers a namespace scope in front: `ns/host`, `./host`, `*\/host`.
 */

/** Whether `host` is a valid host name, a `*.` wildcard host, or `*`. */
export function isValidHost(host: string): boolean {
  return host === '*' || isDnsNameOrWildcard(host);
}

/** The fix for a host that is not a DNS name, when no likelier host can be told from it. */
const HOST_FIX = 'use a lower-case name like "httpbin.example.com", a wildcard like "*.example.com", or "*"';

/**
 * The host a value copied from a browser, a DNS tool or a YAML file most likely meant: without a
 * scheme, path, port, surrounding spaces or the trailing dot of a fully qualified name, with
 * non-ASCII labels in their punycode form. Undefined when no such host can be told from it.
 */
export function meantHost(value: string): string | undefined {
  let host = value.trim().replace(/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//, '').replace(/[/?#].*$/, '').replace(/:\d*$/, '').replace(/\.$/, '');
  if (/[^\x00-\x7f]/.test(host)) host = domainToASCII(host);
  host = host.toLowerCase();
  return host !== value && host !== '' && isValidHost(host) ? host : undefined;
}

/** The fix for a host that is not a DNS name: the host it most likely meant, else the general form. */
export function hostFix(value: string): string {
  const meant = meantHost(value);
  if (meant === undefined) return HOST_FIX;
  if (meant === value.toLowerCase()) return `write it in lower case: ${q(meant)}`;
  return `write ${q(meant)} (a host is the name alone: no scheme, port, path, spaces or trailing dot, and non-ASCII labels in punycode)`;
}

/** A gateway server host split into its namespace scope and host name. */
export interface ScopedHost {
  /** `*` (any namespace), `.` (the gateway's namespace) or a namespace name. */
  readonly namespace: string;
  readonly host: string;
}

/** Splits an Istio gateway server host (`ns/host`); a host without scope admits any namespace. */
export function parseScopedHost(value: string): ScopedHost {
  const slash = value.indexOf('/');
  if (slash < 0) return { namespace: '*', host: value };
  return { namespace: value.slice(0, slash), host: value.slice(slash + 1) };
}

/** Whether a server host's namespace scope is well formed. */
export function isValidHostScope(namespace: string): boolean {
  return namespace === '*' || namespace === '.' || isDnsLabel(namespace);
}

/** Whether a route in `routeNamespace` may bind to a server host scoped to `scope`. */
export function scopeAdmits(scope: string, gatewayNamespace: string, routeNamespace: string): boolean {
  if (scope === '*') return true;
  if (scope === '.') return routeNamespace === gatewayNamespace;
  return scope === routeNamespace;
}

/**
 * Whether `pattern` covers `host`: equal, `*`, or a `*.suffix` wildcard that `host` ends in. A
 * wildcard covers one or more labels, as both Istio and the Gateway API define it.
 */
export function hostCovers(pattern: string, host: string): boolean {
  if (pattern === '*' || pattern === host) return true;
  if (!pattern.startsWith('*.')) return false;
  const suffix = pattern.slice(1); // ".example.com"
  if (host.startsWith('*.')) return host.slice(1).endsWith(suffix);
  return host.endsWith(suffix) && host.length > suffix.length;
}

/** Whether two host patterns have at least one host in common. */
export function hostsIntersect(a: string, b: string): boolean {
  return hostCovers(a, b) || hostCovers(b, a);
}

/**
 * Every pattern that covers `host` in the sense of `hostCovers()`: `*`, the host itself, and `*X`
 * for each suffix X of the host that starts at a dot after its first character. For looking a
 * host up in a map keyed by pattern instead of scanning it.
 */
export function patternsCovering(host: string): string[] {
  const patterns = host === '*' ? ['*'] : ['*', host];
  for (let i = host.indexOf('.', 1); i >= 0; i = host.indexOf('.', i + 1)) {
    const pattern = `*${host.slice(i)}`;
    // Only a wildcard host can be one of its own patterns (`*.a.b` is `*` + its suffix `.a.b`).
    if (pattern !== host) patterns.push(pattern);
  }
  return patterns;
}

/** Whether a host is an IPv4 literal (`10.0.0.1`): it passes as a DNS name, but is no name. */
export function isIpLiteral(host: string): boolean {
  return /^\d{1,3}(?:\.\d{1,3}){3}$/.test(host);
}

/**
 * The fix for an egress host that is not a DNS name, worded for the way it went wrong (a scheme, a
 * port, a trailing dot, upper case or blanks): the host to write is `meantHost()`'s, and with
 * `portsOption` a port is said to go in that option (`ports: [443]`); `generic` when no host can be
 * told from it.
 */
export function hostNameFix(host: string, generic: string, portsOption?: string): string {
  const name = meantHost(host);
  if (name === undefined || name === '*' || /^[0-9.]+$/.test(name)) return generic;
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(host);
  const port = /:([0-9]+)(?:[/?#]|$)/.exec(host.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, ''));
  const quoted = q(name);
  if (scheme) {
    const where = port && portsOption ? ` (the port goes in ${portsOption}: [${port[1]}])` : '';
    return `give the host alone, without the scheme${port ? ' and the port' : ''}: ${quoted}${where}.`;
  }
  if (port) return portsOption ? `give the host alone, ${quoted}, and the port in ${portsOption}: [${port[1]}].` : `give the host alone, without the port: ${quoted}.`;
  if (host.trim().endsWith('.')) return `leave out the trailing dot: ${quoted}.`;
  const how = [/[A-Z]/.test(host) ? 'lower-case' : '', /\s/.test(host) ? 'without blanks' : ''].filter((w) => w).join(', ');
  return how ? `write it ${how}: ${quoted}.` : `write ${quoted}.`;
}

