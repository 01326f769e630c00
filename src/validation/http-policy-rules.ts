import { gatewayApiCorsProblems, gatewayApiHeaderEditProblems } from './gateway-api-schema';
import { meantHost } from './hosts';
import { isDnsLabel, isPort, q } from './names';
import { durationProblems, HEADER_NAME, tokenFix } from './values';
import { CORS_METHODS, headerValueProblem, isRetryOnPolicy, RETRY_ON_POLICIES } from './webhook';
import { ApiFlavor } from '../api-flavor';
import { FaultKind } from '../fault';
import { HeaderEdits } from '../http-policies';
import { PathMatchKind } from '../match';
import { HttpRuleModel } from '../model/route';
import { HttpRouteActionKind } from '../route-action';

/** The Gateway API's PreciseHostname pattern (URLRewrite and RequestRedirect hostnames). */
const PRECISE_HOSTNAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

const ISTIO_ONLY = 'render this gateway with ApiFlavor.ISTIO, or leave it out';

function isPercentage(value: number): boolean {
  return Number.isFinite(value) && value >= 0 && value <= 100;
}

/** Whether a rule has any of the policies `httpPolicyProblems()` checks (most rules have none). */
export function hasHttpPolicies(rule: HttpRuleModel): boolean {
  return (
    rule.retries !== undefined ||
    rule.fault !== undefined ||
    rule.mirror !== undefined ||
    rule.rewrite !== undefined ||
    rule.cors !== undefined ||
    rule.requestHeaders !== undefined ||
    rule.responseHeaders !== undefined
  );
}

/** The rules for a rule's retries, fault injection, mirror, rewrite, CORS and header edits. */
export function httpPolicyProblems(where: string, rule: HttpRuleModel, api: ApiFlavor): string[] {
  const problems: string[] = [];
  const gatewayApi = api === ApiFlavor.GATEWAY_API;
  const forwards = rule.action.kind === HttpRouteActionKind.FORWARD;

  if (rule.retries) {
    if (gatewayApi) problems.push(`${where}: retries are not in the Gateway API's standard channel; ${ISTIO_ONLY}.`);
    if (!(Number.isInteger(rule.retries.attempts) && rule.retries.attempts >= 0)) {
      problems.push(`${where}: retries.attempts ${rule.retries.attempts} must be a whole number of at least 0.`);
    }
    if (rule.retries.perTryTimeout) problems.push(...durationProblems(`${where}: retries.perTryTimeout`, rule.retries.perTryTimeout, "leave it out for the rule's timeout"));
    if (rule.retries.attempts === 0 && (rule.retries.perTryTimeout || rule.retries.retryOn)) {
      const set = [rule.retries.perTryTimeout ? 'perTryTimeout' : undefined, rule.retries.retryOn ? 'retryOn' : undefined].filter((x) => x);
      problems.push(
        `${where}: retries.attempts is 0 (retries off) but ${set.join(' and ')} ${set.length > 1 ? 'are' : 'is'} set, which Istio refuses; ` +
          `give attempts of at least 1, or remove ${set.join(' and ')}.`,
      );
    }
    for (const policy of rule.retries.retryOn ?? []) {
      if (!isRetryOnPolicy(policy)) {
        problems.push(
          `${where}: retries.retryOn ${q(policy)} is not a retry condition Istio knows; use an HTTP status code such as "503", or one of ${RETRY_ON_POLICIES.join(', ')}.`,
        );
      }
    }
  }

  if (rule.fault) {
    const fault = rule.fault;
    if (!gatewayApi && !forwards) {
      problems.push(`${where}: fault injection applies only to forwarded requests; Istio refuses it beside a redirect or a direct response: remove the fault, or forward.`);
    }
    if (gatewayApi) problems.push(`${where}: fault injection is an Istio API feature the Gateway API cannot express; ${ISTIO_ONLY}.`);
    if (!isPercentage(fault.percentage)) {
      problems.push(`${where}: fault percentage ${fault.percentage} must be from 0 to 100.`);
    } else if (fault.percentage > 0 && fault.percentage < 0.0001) {
      problems.push(`${where}: fault percentage ${fault.percentage} is below Istio's smallest share of 0.0001; use 0 (never) or at least 0.0001.`);
    }
    if (fault.kind === FaultKind.DELAY) problems.push(...durationProblems(`${where}: fault delay`, fault.fixedDelay!, 'leave the fault out for no delay'));
    if (fault.kind === FaultKind.ABORT && !(Number.isInteger(fault.httpStatus) && fault.httpStatus! >= 200 && fault.httpStatus! <= 599)) {
      problems.push(`${where}: fault abort status ${fault.httpStatus} must be a whole number from 200 to 599.`);
    }
  }

  if (rule.mirror) {
    const { backend, percentage } = rule.mirror;
    if (!isPercentage(percentage)) problems.push(`${where}: mirror percentage ${percentage} must be from 0 to 100.`);
    if (!isDnsLabel(backend.serviceName)) problems.push(`${where}: mirror Service name ${q(backend.serviceName)} is not a DNS-1123 label.`);
    if (!isPort(backend.port)) problems.push(`${where}: mirror port ${backend.port} is out of range; use a whole number from 1 to 65535.`);
    if (!gatewayApi && backend.subset !== undefined && !isDnsLabel(backend.subset)) {
      problems.push(`${where}: mirror subset ${q(backend.subset)} is not a DNS-1123 label, as Istio requires of subset names; use the name of a BackendPolicy subset.`);
    }
    if (gatewayApi && backend.subset) {
      problems.push(`${where}: the mirror names subset ${q(backend.subset)}, which the Gateway API cannot express; ${ISTIO_ONLY}.`);
    }
  }

  if (rule.rewrite) {
    if (!forwards) {
      problems.push(`${where}: a rewrite applies only to forwarded requests; a rule that redirects or answers directly cannot also rewrite.`);
    }
    if (!gatewayApi && rule.rewrite.pathPrefix === undefined && rule.rewrite.host === undefined) {
      problems.push(`${where}: the rewrite changes nothing (neither pathPrefix nor host), which Istio refuses; set one of them, or remove the rewrite.`);
    }
    const host = rule.rewrite.host;
    if (host !== undefined && gatewayApi && !(host.length <= 253 && PRECISE_HOSTNAME.test(host))) {
      // The HTTPRoute schema's PreciseHostname; Istio's authority rewrite takes any host[:port].
      const meant = meantHost(host) ?? (PRECISE_HOSTNAME.test(host.toLowerCase()) ? host.toLowerCase() : undefined);
      problems.push(
        `${where}: rewrite.host ${q(host)} is not a host name the Gateway API's URLRewrite accepts (a lower-case DNS name, without port or wildcard); ` +
          `${meant !== undefined ? `write ${q(meant)}` : 'write the name, e.g. "shop.internal.example.com"'}, or render with ApiFlavor.ISTIO to rewrite to a host:port.`,
      );
    }
    const prefix = rule.rewrite.pathPrefix;
    if (prefix !== undefined) {
      if (!prefix.startsWith('/')) problems.push(`${where}: rewrite.pathPrefix ${q(prefix)} must start with "/".`);
      const prefixOnly = rule.matches.length > 0 && rule.matches.every((m) => m.path?.kind === PathMatchKind.PREFIX);
      if (!prefixOnly) {
        problems.push(
          `${where}: rewrite.pathPrefix replaces the matched prefix, so every match of the rule needs a PathMatch.prefix(); add one, or drop the rewrite.`,
        );
      }
    }
  }

  if (rule.cors) {
    if (rule.cors.allowOrigins.length === 0) problems.push(`${where}: cors.allowOrigins is empty; list the allowed origins, or '*'.`);
    if (rule.cors.allowCredentials) {
      const any = rule.cors.allowOrigins.find(allowsAnyOrigin);
      if (any !== undefined) {
        problems.push(
          `${where}: cors allows any origin (${q(any)}) together with allowCredentials, so any web site could send requests with ` +
            'the user\'s cookies and read the answers; list the trusted origins, or set allowCredentials to false.',
        );
      }
    }
    for (const origin of rule.cors.allowOrigins) {
      if (origin === '') {problems.push(`${where}: cors.allowOrigins has an empty origin, which Istio refuses; write the origin, e.g. "https://app.example.com", or '*'.`);} else if (!gatewayApi && origin !== '*' && origin !== 'null' && !ORIGIN.test(origin)) {
        // Istio takes any string and compares it with the Origin header, which is never of this form.
        problems.push(
          `${where}: cors.allowOrigins ${q(origin)} would never match: browsers send the Origin header as scheme://host[:port], without a path, ` +
            `and an origin is compared as written ('*' being its only wildcard); write ${q(meantOrigin(origin))}.`,
        );
      }
    }
    for (const method of rule.cors.allowMethods ?? []) {
      if (!CORS_METHODS.includes(method)) {
        problems.push(`${where}: cors.allowMethods ${q(method)} is not a method Istio accepts; use one of ${CORS_METHODS.join(', ')} (upper case).`);
      }
    }
    for (const [field, names] of [['allowHeaders', rule.cors.allowHeaders], ['exposeHeaders', rule.cors.exposeHeaders]] as const) {
      for (const name of names ?? []) {
        if (name !== '*' && !HEADER_NAME.test(name)) problems.push(`${where}: cors.${field} ${q(name)} is not a valid header name (an RFC 7230 token, or '*').`);
      }
    }
    const maxAge = rule.cors.maxAge?.toSeconds({ integral: false });
    if (maxAge !== undefined && !(Number.isInteger(maxAge) && maxAge >= 1)) {
      problems.push(`${where}: cors.maxAge of ${maxAge}s must be a whole number of seconds of at least 1.`);
    }
  }

  if (!gatewayApi) problems.push(...hostHeaderProblems(where, rule));
  if (gatewayApi && rule.cors) problems.push(...gatewayApiCorsProblems(where, rule.cors));
  if (gatewayApi) {
    problems.push(...gatewayApiHeaderEditProblems(`${where}: requestHeaders`, rule.requestHeaders));
    problems.push(...gatewayApiHeaderEditProblems(`${where}: responseHeaders`, rule.responseHeaders));
  }
  problems.push(...headerEditProblems(`${where}: requestHeaders`, rule.requestHeaders));
  problems.push(...headerEditProblems(`${where}: responseHeaders`, rule.responseHeaders));
  return problems;
}

/** The form of a browser's Origin header (RFC 6454), with '*' allowed in the host. */
const ORIGIN = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[-a-zA-Z0-9.*_~%[\]:]+$/;

/** The origin a host, URL or regular expression given as an origin most likely meant. */
function meantOrigin(origin: string): string {
  let meant = origin.trim().replace(/^\^/, '').replace(/\$$/, '').replace(/\.[*+]/g, '*').replace(/\\/g, '');
  if (!meant.includes('://')) meant = `https://${meant}`;
  return meant.replace(/^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?#]*).*$/, '$1');
}

/**
 * Whether a CORS origin admits every origin: `*` (written as the regex `.*` with the Istio API), or
 * an origin whose host is the bare wildcard (`https://*`, `http://*:8080`), which the Gateway API
 * reads as any host. With credentials allowed, the gateway then echoes whatever origin asks.
 */
function allowsAnyOrigin(origin: string): boolean {
  return origin === '*' || /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/\*(:\d+)?$/.test(origin);
}

function headerEditProblems(where: string, edits: HeaderEdits | undefined): string[] {
  if (!edits) return [];
  const problems: string[] = [];
  const names = [...Object.keys(edits.set ?? {}), ...Object.keys(edits.add ?? {}), ...(edits.remove ?? [])];
  for (const n of names) if (!HEADER_NAME.test(n)) problems.push(`${where}: header name ${q(n)} is not a valid token${tokenFix(n)}.`);
  for (const [name, value] of [...Object.entries(edits.set ?? {}), ...Object.entries(edits.add ?? {})]) {
    const problem = headerValueProblem(value);
    if (problem) problems.push(`${where}: the value ${q(value)} of header ${q(name)} ${problem}, which Envoy (and Istio's webhook) refuse.`);
  }
  return problems;
}

/**
 * The Host header as Istio's webhook guards it: a response cannot carry one and a request cannot
 * lose it (ValidateHTTPHeaderOperationName); a request's authority is set in one place only
 * (validateAuthorityRewrite).
 */
function hostHeaderProblems(where: string, rule: HttpRuleModel): string[] {
  const problems: string[] = [];
  const isHost = (name: string) => name.toLowerCase() === 'host';
  const response = rule.responseHeaders;
  const responseNames = [...Object.keys(response?.set ?? {}), ...Object.keys(response?.add ?? {}), ...(response?.remove ?? [])];
  for (const name of responseNames.filter(isHost)) {
    problems.push(`${where}: responseHeaders edits ${q(name)}, which Istio refuses (a response has no Host header); remove it.`);
  }
  for (const name of (rule.requestHeaders?.remove ?? []).filter(isHost)) {
    problems.push(`${where}: requestHeaders removes ${q(name)}, which Istio refuses (a request needs its Host); remove it from remove.`);
  }
  const setters = [
    ...(rule.rewrite?.host !== undefined ? ['rewrite.host'] : []),
    ...Object.keys(rule.requestHeaders?.set ?? {}).filter(isHost).map((n) => `requestHeaders.set[${q(n)}]`),
    ...Object.keys(rule.requestHeaders?.add ?? {}).filter(isHost).map((n) => `requestHeaders.add[${q(n)}]`),
  ];
  if (setters.length > 1) {
    problems.push(`${where}: the Host (authority) is set ${setters.length} times (${setters.join(', ')}), which Istio refuses; set it once, with rewrite.host.`);
  }
  return problems;
}
