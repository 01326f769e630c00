import { RE2JS } from 're2js';
import { q } from './names';

/**
 * Values Istio's validating webhook (pkg/config/validation) checks, checked the same way at synth.
 * See ISTIO-PARITY.md for the list of the webhook's checks and where each is mirrored.
 */

/** Istio's limit on a regular expression's length (validateStringRegexp). */
export const MAX_REGEX_LENGTH = 1024;

/**
 * Problems of a regular expression as Istio's webhook reads it (validateStringRegexp): not empty, at
 * most 1024 characters, and valid RE2 syntax (Go's regexp, which re2js ports), not JavaScript's.
 */
export function regexProblems(where: string, what: string, pattern: string): string[] {
  if (pattern === '') return [`${where}: ${what} pattern is empty, which Istio refuses; match everything with ".*", or leave the match out.`];
  if (pattern.length > MAX_REGEX_LENGTH) {
    return [`${where}: ${what} pattern of ${pattern.length} characters is longer than Istio's limit of ${MAX_REGEX_LENGTH}; shorten it.`];
  }
  try {
    RE2JS.compile(pattern);
    return [];
  } catch (e) {
    // Go's form, "error parsing regexp: <reason>: `<part>`": the reason and the part it names.
    const message = (e instanceof Error ? e.message : String(e)).replace(/^error parsing regexp: /, '');
    return [
      `${where}: ${what} pattern ${q(pattern)} is not a valid RE2 regular expression (${q(message)}); ` +
        'Istio and Envoy read RE2 syntax (no lookaround or backreferences): fix the pattern.',
    ];
  }
}

/** The retry conditions Envoy knows (Istio's supportedRetryOnPolicies). */
export const RETRY_ON_POLICIES = [
  '5xx',
  'gateway-error',
  'reset',
  'reset-before-request',
  'connect-failure',
  'retriable-4xx',
  'refused-stream',
  'retriable-status-codes',
  'retriable-headers',
  'envoy-ratelimited',
  'http3-post-connect-failure',
  'cancelled',
  'deadline-exceeded',
  'internal',
  'resource-exhausted',
  'unavailable',
];

/** The HTTP status codes Go's net/http names (http.StatusText), which Istio accepts as retryOn entries. */
const HTTP_STATUS_CODES = new Set([
  100, 101, 102, 103,
  200, 201, 202, 203, 204, 205, 206, 207, 208, 226,
  300, 301, 302, 303, 304, 305, 307, 308,
  400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 418,
  421, 422, 423, 424, 425, 426, 428, 429, 431, 451,
  500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511,
]);

/** Whether Istio accepts `policy` as one entry of retryOn (agent.ValidateHTTPRetry). */
export function isRetryOnPolicy(policy: string): boolean {
  if (RETRY_ON_POLICIES.includes(policy)) return true;
  return /^[+-]?[0-9]+$/.test(policy) && HTTP_STATUS_CODES.has(Number(policy));
}

/** The methods Istio accepts in a CORS policy (supportedCORSMethods). */
export const CORS_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', '*'];

/** The cipher suites Istio accepts on a gateway server (security.ValidCipherSuites); others are ignored. */
export const CIPHER_SUITES = [
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES128-GCM-SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-CHACHA20-POLY1305',
  'ECDHE-RSA-CHACHA20-POLY1305',
  'ECDHE-ECDSA-AES128-SHA',
  'ECDHE-RSA-AES128-SHA',
  'ECDHE-ECDSA-AES256-SHA',
  'ECDHE-RSA-AES256-SHA',
  'AES128-GCM-SHA256',
  'AES256-GCM-SHA384',
  'AES128-SHA',
  'AES256-SHA',
  'DES-CBC3-SHA',
];

/**
 * Whether Istio uses `suite` (security.IsValidCipherSuite): a listed name, `ALL`, or an expression
 * starting with an operator (`-`, `+`, `!`, `[`), which Istio passes to Envoy unparsed.
 */
export function isCipherSuite(suite: string): boolean {
  if (suite === '' || suite === 'ALL') return true;
  if (!/^[\p{L}\p{N}]/u.test(suite)) return true;
  return CIPHER_SUITES.includes(suite);
}

/**
 * Problems of a header value Envoy would refuse, as Istio's webhook checks it
 * (ValidateHTTPHeaderValue, header_value_validator.go, a port of Envoy's header parser): no control
 * characters but tab, and every `%` either doubled (`%%`) or opening a `%VARIABLE%` or
 * `%VARIABLE(args)%` that is closed. The same states as that parser, so the same values pass.
 */
export function headerValueProblem(value: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000A-\u001F\u007F]/.test(value)) return 'contains a control character';
  type State = 'literal' | 'name' | 'array' | 'delimiter' | 'string-start' | 'string' | 'args-end' | 'end';
  let state: State = 'literal';
  for (let pos = 0; pos < value.length; pos++) {
    const ch = value[pos];
    const hasNext = pos + 1 < value.length;
    switch (state) {
      case 'literal':
        if (ch !== '%') break;
        if (!hasNext) return "ends in an un-escaped '%' (write '%%' for a literal '%')";
        if (value[pos + 1] === '%') pos++;
        else state = 'name';
        break;
      case 'name':
        if (ch === '%') state = 'literal';
        else if (ch === '(') state = 'array';
        break;
      case 'array':
        if (ch === '[') state = 'string-start';
        else if (ch !== ' ') state = 'string';
        break;
      case 'delimiter':
        if (ch === ',') state = 'string-start';
        else if (ch === ']') state = 'args-end';
        else if (ch !== ' ') return "has a variable whose arguments expect ',' or ']'";
        break;
      case 'string-start':
        if (ch === '"') state = 'string';
        else if (ch !== ' ') return "has a variable whose arguments expect '\"'";
        break;
      case 'string':
        if (ch === '\\') {
          if (!hasNext) return 'has an un-terminated backslash in a variable argument';
          pos++;
        } else if (ch === ')') {state = 'end';} else if (ch === '"') {state = 'delimiter';}
        break;
      case 'args-end':
        if (ch === ')') state = 'end';
        else if (ch !== ' ') return "has a variable whose arguments expect ')'";
        break;
      case 'end':
        if (ch === '%') state = 'literal';
        else if (ch !== ' ') return "has a variable that expects its closing '%'";
        break;
    }
  }
  return state === 'literal' ? undefined : "has an un-terminated '%' variable (write '%%' for a literal '%')";
}

/** A DNS-1123 subdomain of at most 253 characters, as the prefix of a label key. */
const LABEL_PREFIX = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** A label value or the name part of a key (a qualified name), when not empty. */
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

/** Whether `key` is a Kubernetes label key: an optional DNS subdomain prefix (≤253) and '/', then a name of at most 63. */
export function isLabelKey(key: string): boolean {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined && !(prefix.length <= 253 && LABEL_PREFIX.test(prefix))) return false;
  return name.length <= 63 && QUALIFIED_NAME.test(name);
}

/** Whether `value` is a Kubernetes label value: empty, or at most 63 characters of a qualified name. */
export function isLabelValue(value: string): boolean {
  return value === '' || (value.length <= 63 && QUALIFIED_NAME.test(value));
}

const LABEL_KEY_RULE =
  "use an optional DNS subdomain prefix and '/', then a name of at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit";
const LABEL_VALUE_RULE = "use at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit (or an empty value)";

/** Problems of a map of labels (a selector, subset labels): each key and value as Kubernetes and Istio check them. */
export function labelProblems(what: string, labels: { [key: string]: string }): string[] {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(labels)) {
    if (!isLabelKey(key)) problems.push(`${what}: ${q(key)} is not a label key; ${LABEL_KEY_RULE}.`);
    if (!isLabelValue(value)) problems.push(`${what}: the value ${q(value)} of ${q(key)} is not a label value; ${LABEL_VALUE_RULE}.`);
  }
  return problems;
}

/** A DNS-1035 label of at most 63 characters: what Kubernetes requires of Service names. */
export function isDns1035Label(value: string): boolean {
  return value.length <= 63 && /^[a-z]([-a-z0-9]*[a-z0-9])?$/.test(value);
}

/**
 * Whether Istio refuses `host` for ending in an all-numeric label (agent.ValidateDNS1123Labels: "top
 * level domain cannot be all-numeric"), which it allows only when the whole host is an IP address.
 */
export function hasNumericTopLevelLabel(host: string): boolean {
  return /(^|\.)[0-9]+$/.test(host) && !isIpv4(host);
}

/** A dotted IPv4 address. */
export function isIpv4(host: string): boolean {
  const parts = host.split('.');
  return parts.length === 4 && parts.every((p) => /^(0|[1-9][0-9]{0,2})$/.test(p) && Number(p) <= 255);
}
