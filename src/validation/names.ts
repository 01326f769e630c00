/** One DNS-1123 label of 1 to 63 characters: a letter or digit, then letters, digits or '-', ending in a letter or digit. */
const LABEL = '[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?';
const DNS_LABEL = new RegExp(`^${LABEL}$`);
const DNS_SUBDOMAIN = new RegExp(`^${LABEL}(?:\\.${LABEL})*$`);
/** A DNS name (labels joined by dots), or a `*.` wildcard in front of one. */
const HOST = new RegExp(`^(?:\\*\\.)?${LABEL}(?:\\.${LABEL})*$`);

/** A DNS-1123 label: what Kubernetes requires of namespaces, Service names and port names. */
export function isDnsLabel(value: string): boolean {
  return DNS_LABEL.test(value);
}

/** A DNS-1123 subdomain: what Kubernetes requires of most object names (dot-separated labels, at most 253 characters). */
export function isDnsSubdomain(value: string): boolean {
  return value.length <= 253 && DNS_SUBDOMAIN.test(value);
}

/**
 * A DNS-1123 subdomain, or one with `*.` in front (at most 253 characters after the `*.`): one
 * regular expression instead of a label-by-label check (validation runs for every route).
 */
export function isDnsNameOrWildcard(value: string): boolean {
  return value.length - (value.startsWith('*.') ? 2 : 0) <= 253 && HOST.test(value);
}

/** A TCP/UDP port number. */
export function isPort(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= 65535;
}

/** A value to quote in a message. */
export function q(value: unknown): string {
  return JSON.stringify(value);
}
