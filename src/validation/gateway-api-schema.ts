import { q } from './names';
import { CorsPolicy, HeaderEdits } from '../http-policies';

/**
 * What the Gateway API's HTTPRoute schema (maxLength, patterns and CEL rules of the pinned CRD)
 * refuses in values the library copies from the user, checked at synth so the apiserver never sees them.
 */

/** The characters an Exact or PathPrefix path may hold (RFC 3986 path characters, or %XX). */
const PATH_CHARS = /^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|%[0-9a-fA-F]{2})+$/;

/** The fix for a path the HTTPRoute schema refuses. */
export const GATEWAY_API_PATH_RULE =
  'write a normalized path: no empty, "." or ".." segments, no "%2F" or "#", other characters outside RFC 3986 escaped as %XX (" " as "%20")';

/** Why the HTTPRoute schema refuses an Exact or PathPrefix path, if it does. */
export function gatewayApiPathProblem(path: string): string | undefined {
  if (path.length > 1024) return `is ${path.length} characters long, over the limit of 1024`;
  for (const part of ['//', '/./', '/../', '%2f', '%2F', '#']) {
    if (path.includes(part)) return `contains ${q(part)}`;
  }
  for (const end of ['/..', '/.']) {
    if (path.endsWith(end)) return `ends in ${q(end)}`;
  }
  if (!PATH_CHARS.test(path)) return 'holds a character a URL path cannot (use %XX to escape it)';
  return undefined;
}

/** An HTTPRoute CORS origin: `*`, or `http(s)://host[:port]` with an optional `*.` wildcard host. */
const CORS_ORIGIN = /(^\*$)|(^(http(s)?):\/\/(((\*\.)?([a-zA-Z0-9-]+\.)*[a-zA-Z0-9-]+|\*)(:([0-9]{1,5}))?)$)/;

/** The CORS filter's schema: origin form and length, and '*' alone in each list. */
export function gatewayApiCorsProblems(where: string, cors: CorsPolicy): string[] {
  const problems: string[] = [];
  for (const origin of cors.allowOrigins) {
    if (origin !== '' && !(origin.length <= 253 && CORS_ORIGIN.test(origin))) {
      problems.push(
        `${where}: cors.allowOrigins ${q(origin)} is not an origin the Gateway API's CORS filter accepts; ` +
          'write "http(s)://host[:port]" (e.g. "https://app.example.com", "https://*.example.com"), or \'*\'.',
      );
    }
  }
  const maxAge = cors.maxAge?.toSeconds({ integral: false });
  if (maxAge !== undefined && maxAge > 2_147_483_647) {
    problems.push(`${where}: cors.maxAge of ${maxAge}s is over the Gateway API's limit of 2147483647s (an int32); give a shorter one.`);
  }
  const lists: Array<[string, string[] | undefined]> = [
    ['allowOrigins', cors.allowOrigins],
    ['allowMethods', cors.allowMethods],
    ['allowHeaders', cors.allowHeaders],
  ];
  for (const [field, list] of [...lists, ['exposeHeaders', cors.exposeHeaders] as [string, string[] | undefined]]) {
    const twice = (list ?? []).find((v, i) => list!.indexOf(v) !== i);
    if (twice !== undefined) {
      problems.push(`${where}: cors.${field} lists ${q(twice)} twice, which the Gateway API's CORS filter refuses (each list is a set); list each value once.`);
    }
  }
  for (const [field, list] of lists) {
    if (list && list.includes('*') && list.length > 1) {
      problems.push(`${where}: cors.${field} lists '*' beside other values, which the Gateway API's CORS filter refuses; keep '*' alone, or drop it.`);
    }
  }
  return problems;
}

/** Header edits: the HTTPRoute schema wants names of at most 256 and values of 1 to 4096 characters. */
export function gatewayApiHeaderEditProblems(where: string, edits: HeaderEdits | undefined): string[] {
  if (!edits) return [];
  const problems: string[] = [];
  const names = [...Object.keys(edits.set ?? {}), ...Object.keys(edits.add ?? {}), ...(edits.remove ?? [])];
  for (const name of names) {
    if (name.length > 256) problems.push(`${where}: header name ${q(name)} is longer than the Gateway API's limit of 256 characters.`);
  }
  for (const [name, value] of [...Object.entries(edits.set ?? {}), ...Object.entries(edits.add ?? {})]) {
    if (value.length === 0) problems.push(`${where}: header ${q(name)} has an empty value, which the Gateway API refuses; give a value, or remove the header.`);
    else if (value.length > 4096) problems.push(`${where}: the value of header ${q(name)} is ${value.length} characters long, over the Gateway API's limit of 4096.`);
  }
  return problems;
}
