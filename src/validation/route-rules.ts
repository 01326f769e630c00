import { IConstruct } from 'constructs';
import { httpRouteExpansionProblems } from './expansion-rules';
import { GATEWAY_API_PATH_RULE, gatewayApiPathProblem } from './gateway-api-schema';
import { hostFix, hostsIntersect, isIpLiteral, isValidHost, meantHost, parseScopedHost, patternsCovering } from './hosts';
import { hasHttpPolicies, httpPolicyProblems } from './http-policy-rules';
import { isDnsLabel, isDnsSubdomain, isPort, q } from './names';
import { listenersServe } from './served-hosts';
import { suppressible } from './suppressible';
import { SuppressibleRule } from './suppressions';
import { durationProblems, HEADER_NAME, tokenFix } from './values';
import { hasNumericTopLevelLabel, regexProblems } from './webhook';
import { ApiFlavor } from '../api-flavor';
import { GatewayListener, ListenerProtocol } from '../listener';
import { HttpRouteMatch, NamedStringMatch, PathMatchKind, StringMatchKind } from '../match';
import { BackendPolicyModel } from '../model/backend-policy';
import { GatewayModel } from '../model/gateway';
import { AppRegistry } from '../model/registry';
import { HttpRouteModel, HttpRuleModel } from '../model/route';
import { HttpRouteActionKind } from '../route-action';
import { RouteNamespacesKind } from '../route-namespaces';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH'];
const REDIRECT_CODES = [301, 302, 303, 307, 308];
/** Istio refuses a direct response body over 1 MiB (validateHTTPDirectResponse). */
const MAX_DIRECT_RESPONSE_BYTES = 1024 * 1024;

/** What a route's rules are checked against, beyond the route itself. */
export interface RouteContext {
  readonly api: ApiFlavor;
  /** The gateway the route binds to, when it is defined in this app. */
  readonly gateway?: GatewayModel;
  /** Backend policies (DestinationRules) in this app, by Service host. */
  readonly policiesByHost: Map<string, BackendPolicyModel[]>;
  /** The route construct, for suppressions. */
  readonly scope: IConstruct;
}

/**
 * The rules for one HTTP route; one message per problem, each naming the value and the fix.
 *
 * Runs for every route at every validation pass (twice per `app.synthYaml()`), so the common case
 * (no problem) allocates little: messages and the names they quote are built only for a problem.
 */
export function httpRouteProblems(route: HttpRouteModel, context: RouteContext): string[] {
  const problems: string[] = [];
  if (!isDnsSubdomain(route.name)) {
    problems.push(`route name ${q(route.name)} is not a DNS-1123 subdomain; use lower-case letters, digits, '-' and '.'.`);
  }
  if (!isDnsLabel(route.namespace)) {
    problems.push(`route namespace ${q(route.namespace)} is not a DNS-1123 label.`);
  }
  if (route.hosts.length === 0) {
    problems.push('route has no hosts; give at least one host the gateway serves.');
  }
  let validHosts = true;
  for (const host of route.hosts) {
    if (!isValidHost(host)) {
      validHosts = false;
      problems.push(`route host ${q(host)} is not a DNS name; ${hostFix(host)}.`);
    } else if (context.api === ApiFlavor.ISTIO && hasNumericTopLevelLabel(host)) {
      problems.push(`route host ${q(host)} ends in an all-numeric label, which Istio refuses in a host name; write a DNS name, or an IP address.`);
    } else if (context.api === ApiFlavor.ISTIO && host !== '*' && !host.includes('.')) {
      // Istio resolves a VirtualService's short hosts in the route's namespace (model.ResolveShortnameToFQDN).
      problems.push(
        `route host ${q(host)} is a short name, which Istio reads as ${q(`${host}.${route.namespace}.svc.cluster.local`)} in a VirtualService, ` +
          'so requests for Host ' + q(host) + ' never match it; use the full host name clients send (e.g. "' + host + '.example.com").',
      );
    } else if (context.api === ApiFlavor.GATEWAY_API && isIpLiteral(host)) {
      problems.push(`route host ${q(host)} is an IP address, which a Gateway API hostname must not be; use a DNS name, or "*" for requests by IP.`);
    }
  }
  if (context.api === ApiFlavor.ISTIO && validHosts) overlappingHostProblems(problems, route.hosts);
  if (context.gateway) {
    servedHostProblems(problems, route, validHosts ? route.hosts : route.hosts.filter(isValidHost), context.gateway, context);
  }
  if (route.rules.length === 0) {
    problems.push('route has no rules; add one with addRule() or the rules option, or give forwardTo.');
  }
  const fallback = route.rules.length > 1 && route.rules[route.rules.length - 1].fallback;
  unreachableRuleProblems(problems, route.rules);
  if (fallback) {
    const index = route.rules.findIndex((r) => !r.fallback && matchesEverything(r));
    if (index >= 0) {
      const rule = route.rules[index];
      problems.push(
        `forwardTo never applies: rule ${rule.name ? q(rule.name) : `#${index}`} matches every request already; remove forwardTo, or give that rule a match.`,
      );
    }
  }
  for (let index = 0; index < route.rules.length; index++) ruleProblems(problems, route.rules[index], index, context);
  if (context.api === ApiFlavor.GATEWAY_API) {
    problems.push(...httpRouteExpansionProblems(route, context.api));
    gatewayApiRuleNameProblems(problems, route);
  }
  return problems;
}

/** Whether no header value can match: control characters, leading whitespace, or trailing whitespace for an exact value. */
function neverInHeaderValue(kind: StringMatchKind, value: string): boolean {
  if (/[\x00-\x08\x0a-\x1f\x7f]/.test(value) || value !== value.trimStart()) return true;
  return kind === StringMatchKind.EXACT && value !== value.trimEnd();
}

/** Whether a rule matches every request: no match, or one without conditions (a path prefix "/" at most). */
function matchesEverything(rule: HttpRuleModel): boolean {
  return rule.matches.length === 0 || rule.matches.some((m) => matchKey(m) === CATCH_ALL);
}

/** A match as Istio compares two for equality (the JSON of the rendered match; header names ignore case). */
function matchKey(m: HttpRouteMatch): string {
  const path = m.path && !(m.path.kind === PathMatchKind.PREFIX && m.path.value === '/') ? `${m.path.kind}:${m.path.value}` : '';
  const named = (list: NamedStringMatch[] | undefined, lower: boolean) =>
    (list ?? []).map((n) => `${lower ? n.name.toLowerCase() : n.name}=${n.value.kind}:${n.value.value}`).sort();
  return JSON.stringify([path, m.method ?? '', named(m.headers, true), named(m.queryParams, false)]);
}
const CATCH_ALL = JSON.stringify(['', '', [], []]);

/**
 * Rules that never apply, in the order both APIs evaluate them: after a rule that matches every
 * request (Istio: "only the last rule can have no matches", IST0130), or whose every match an earlier
 * rule has already (IST0130), and matches a rule repeats (IST0131). The route's own forwardTo is
 * checked on its own.
 */
function unreachableRuleProblems(problems: string[], rules: HttpRuleModel[]): void {
  const label = (i: number) => `rule ${rules[i].name ? q(rules[i].name) : `#${i}`}`;
  const seen = new Map<string, number>();
  let catchAll = -1;
  rules.forEach((rule, index) => {
    if (rule.fallback) return;
    if (catchAll >= 0) {
      problems.push(
        `${label(index)} never applies: ${label(catchAll)} matches every request and is evaluated first (a rule without conditions, or with the path prefix "/" alone, ` +
          'ranks before a regular expression and before a rule without matches); give that rule a condition, or make it the route\'s forwardTo.',
      );
      return;
    }
    const keys = rule.matches.map(matchKey);
    const earlier = keys.map((key) => seen.get(key));
    keys.forEach((key, m) => {
      const first = keys.indexOf(key);
      if (first < m) problems.push(`${label(index)}: match #${m} repeats match #${first}, so Istio reports it unused (IST0131); remove it.`);
    });
    if (keys.length > 0 && earlier.every((e) => e !== undefined && e < index)) {
      const by = [...new Set(earlier as number[])].map(label).join(' and ');
      problems.push(
        `${label(index)} never applies: ${by} matches the same requests and is evaluated first, so Istio reports this rule unused (IST0130); ` +
          'merge the two rules, or give this one other conditions.',
      );
    }
    keys.forEach((key) => {
      if (!seen.has(key)) seen.set(key, index);
    });
    if (matchesEverything(rule)) catchAll = index;
  });
}

/** The Gateway API requires HTTPRoute rule names to be DNS-1123 subdomains (the list limits are in expansion-rules.ts). */
function gatewayApiRuleNameProblems(problems: string[], route: HttpRouteModel): void {
  route.rules.forEach((rule) => {
    if (rule.name !== undefined && !isDnsSubdomain(rule.name)) {
      const where = rule.fallback ? 'forwardTo' : `rule ${q(rule.name)}`;
      problems.push(`${where}: the rule name is not a DNS-1123 subdomain, as the Gateway API requires of HTTPRoute rule names; use lower-case letters, digits, '-' and '.'.`);
    }
  });
}

/**
 * Istio refuses a VirtualService two of whose hosts overlap (equal, or one a wildcard covering the
 * other): "duplicate hosts in virtual service".
 */
function overlappingHostProblems(problems: string[], hosts: string[]): void {
  for (let i = 0; i < hosts.length; i++) {
    for (let j = i + 1; j < hosts.length; j++) {
      if (hostsIntersect(hosts[i], hosts[j])) {
        problems.push(
          `route hosts ${q(hosts[i])} and ${q(hosts[j])} overlap, and Istio refuses a VirtualService with duplicate hosts; ` +
            'keep the wider one, or split them into two routes.',
        );
      }
    }
  }
}

/** Rule 1: every route host must be served by an HTTP(S) listener that admits the route's namespace. */
function servedHostProblems(problems: string[], route: HttpRouteModel, hosts: string[], gateway: GatewayModel, context: RouteContext): void {
  const api = context.api;
  const registry = AppRegistry.of(context.scope);
  const listeners = httpListeners(registry, gateway);
  const ref = () => `${gateway.namespace}/${gateway.name}`;
  if (listeners.length === 0) {
    problems.push(`gateway ${ref()} has no HTTP or HTTPS listener for this HTTP route; add GatewayListener.http() or .https().`);
    return;
  }
  for (const host of hosts) {
    if (!listenersServe(registry, listeners, api, gateway.namespace, route.namespace, host)) {
      if (route.namespace !== gateway.namespace && admittedOnlyByDefault(registry, listeners, api, gateway.namespace, host)) {
        problems.push(
          ...suppressible(
            context.scope,
            SuppressibleRule.ROUTE_HOST_NOT_SERVED,
            `route host ${q(host)} is served by gateway ${ref()} to routes in its own namespace ${q(gateway.namespace)} only ` +
              `(a listener admits no other namespace unless it says so), and this route is in ${q(route.namespace)}; ` +
              `open the listener with routeNamespaces: RouteNamespaces.named([${q(route.namespace)}]) or RouteNamespaces.all(), or put the route in ${q(gateway.namespace)}.`,
          ),
        );
        continue;
      }
      const admitting = admittingNamespaces(registry, listeners, api, gateway.namespace, host);
      if (admitting) {
        const fix = admitting.listener.routeNamespaces
          ? `add ${q(route.namespace)} to its RouteNamespaces.named([...])`
          : `add the host ${q(`${route.namespace}/${host}`)} to it`;
        problems.push(
          ...suppressible(
            context.scope,
            SuppressibleRule.ROUTE_HOST_NOT_SERVED,
            `route host ${q(host)} is served by listener ${q(admitting.listener.name)} of gateway ${ref()} only to routes in ${admitting.namespaces.map(q).join(', ')}, ` +
              `and this route is in ${q(route.namespace)}; ${fix}, or put the route in ${q(admitting.namespaces[0])}.`,
          ),
        );
        continue;
      }
      const listed = [...new Set(listeners.flatMap((l) => l.hosts))].map(q).join(', ');
      problems.push(
        ...suppressible(
          context.scope,
          SuppressibleRule.ROUTE_HOST_NOT_SERVED,
          `route host ${q(host)} is not served by gateway ${ref()} for routes in namespace ${q(route.namespace)} ` +
            `(its HTTP/HTTPS listeners serve ${listed}); add the host to a listener, or remove it from the route.`,
        ),
      );
    }
  }
}

/**
 * The first listener that serves `host` to routes of the namespaces it names (RouteNamespaces.named()
 * or hosts scoped to namespaces), with those namespaces: the route was turned away by its namespace.
 */
function admittingNamespaces(
  registry: AppRegistry, listeners: GatewayListener[], api: ApiFlavor, gatewayNamespace: string, host: string,
): { listener: GatewayListener; namespaces: string[] } | undefined {
  for (const listener of listeners) {
    const named = listener.routeNamespaces?.kind === RouteNamespacesKind.NAMED ? listener.routeNamespaces.namespaces : [];
    const scoped = listener.hosts.filter((h) => h.includes('/')).map((h) => parseScopedHost(h).namespace).filter((ns) => ns !== '*' && ns !== '.');
    const namespaces = [...new Set([...named, ...scoped])].filter((ns) => listenersServe(registry, [listener], api, gatewayNamespace, ns, host));
    if (namespaces.length > 0) return { listener, namespaces };
  }
  return undefined;
}

/**
 * Whether `host` is served to routes of the gateway's own namespace by a listener that keeps the
 * default namespace admission (no `routeNamespaces`, no host scoped by the user): the route was
 * turned away by the default, which opening the listener changes.
 */
function admittedOnlyByDefault(registry: AppRegistry, listeners: GatewayListener[], api: ApiFlavor, gatewayNamespace: string, host: string): boolean {
  const byDefault = listeners.filter((l) => !l.routeNamespaces && !l.hosts.some((h) => h.includes('/')));
  return byDefault.length > 0 && listenersServe(registry, byDefault, api, gatewayNamespace, gatewayNamespace, host);
}

/**
 * The HTTP and HTTPS listeners of a gateway: the same list for every route of the gateway while
 * its listeners stay the same (one list of thousands of routes, not one per route).
 */
function httpListeners(registry: AppRegistry, gateway: GatewayModel): GatewayListener[] {
  const lists = registry.cache<GatewayListener[], { readonly count: number; readonly http: GatewayListener[] }>('http-listeners');
  const cached = lists.get(gateway.listeners);
  if (cached && cached.count === gateway.listeners.length) return cached.http;
  const http = gateway.listeners.filter((l) => l.protocol === ListenerProtocol.HTTP || l.protocol === ListenerProtocol.HTTPS);
  lists.set(gateway.listeners, { count: gateway.listeners.length, http });
  return http;
}

function ruleProblems(problems: string[], rule: HttpRuleModel, index: number, context: RouteContext): void {
  const where = () => (rule.fallback ? 'forwardTo' : `rule ${rule.name ? q(rule.name) : `#${index}`}`);
  for (const match of rule.matches) matchProblems(problems, where(), match, context.api);

  if (rule.actionGiven === 'both') {
    problems.push(`${where()}: gives both action and forwardTo; keep one (forwardTo is HttpRouteAction.forward() written as data).`);
    return;
  }
  if (rule.actionGiven === 'neither') {
    problems.push(`${where()}: says nothing to do with a matching request; give action (e.g. HttpRouteAction.forward([...])) or forwardTo: [{ service, port }].`);
    return;
  }
  switch (rule.action.kind) {
    case HttpRouteActionKind.FORWARD:
      if (rule.backends.length === 0) {
        const fix = rule.fallback ? 'give it at least one { service, port }' : 'pass at least one Backend.service() to HttpRouteAction.forward()';
        problems.push(`${where()}: forwards to no backend; ${fix}.`);
      }
      for (const backend of rule.backends) {
        const name = () => `backend ${q(`${backend.serviceName}.${backend.namespace}:${backend.port}`)}`;
        if (!isDnsLabel(backend.serviceName)) {
          // A cluster DNS name copied in (`reviews.bookinfo.svc.cluster.local`): the Service and its namespace.
          const fqdn = /^([a-z0-9-]+)\.([a-z0-9-]+)(?:\.svc(?:\.cluster\.local)?)?\.?$/.exec(backend.serviceName);
          problems.push(
            fqdn && isDnsLabel(fqdn[1]) && isDnsLabel(fqdn[2])
              ? `${where()}: ${name()}: the Service name is not a DNS-1123 label; give the Service and its namespace apart: Backend.service(${q(fqdn[1])}, { namespace: ${q(fqdn[2])}, port: ${backend.port} }).`
              : `${where()}: ${name()}: the Service name is not a DNS-1123 label.`,
          );
        }
        if (!isDnsLabel(backend.namespace)) problems.push(`${where()}: ${name()}: the namespace is not a DNS-1123 label.`);
        if (!isPort(backend.port)) {
          problems.push(`${where()}: ${name()}: port ${backend.port} is out of range; use a whole number from 1 to 65535.`);
        }
        if (backend.weight !== undefined && !(Number.isInteger(backend.weight) && backend.weight >= 0 && backend.weight <= 1_000_000)) {
          problems.push(`${where()}: ${name()}: weight ${backend.weight} must be a whole number from 0 to 1000000 (weights are relative).`);
        }
        if (backend.subset !== undefined) problems.push(...subsetProblems(where(), name(), backend.host, backend.subset, context));
      }
      if (rule.backends.length > 0 && rule.backends.every((b) => b.weight === 0)) {
        problems.push(`${where()}: every backend has weight 0, so no request would be served; give at least one a positive weight.`);
      }
      break;
    case HttpRouteActionKind.REDIRECT: {
      const redirect = rule.action.redirectOptions ?? {};
      if (redirect.statusCode !== undefined && !REDIRECT_CODES.includes(redirect.statusCode)) {
        problems.push(`${where()}: redirect status ${redirect.statusCode} is not a redirect; use 301, 302, 303, 307 or 308.`);
      }
      if (redirect.scheme !== undefined && !['http', 'https'].includes(redirect.scheme)) {
        problems.push(`${where()}: redirect scheme ${q(redirect.scheme)} must be "http" or "https".`);
      }
      if (redirect.port !== undefined && !isPort(redirect.port)) {
        problems.push(`${where()}: redirect port ${redirect.port} is out of range; use a whole number from 1 to 65535.`);
      }
      if (redirect.path !== undefined && !redirect.path.startsWith('/')) {
        problems.push(`${where()}: redirect path ${q(redirect.path)} must start with "/".`);
      }
      if (redirect.host !== undefined && (!isValidHost(redirect.host) || redirect.host.includes('*'))) {
        const port = /:(\d+)$/.exec(redirect.host.trim())?.[1];
        problems.push(
          port !== undefined && meantHost(redirect.host) !== undefined
            ? `${where()}: redirect host ${q(redirect.host)} is not a DNS name; give the host alone, host: ${q(meantHost(redirect.host))}, and the port as port: ${port}.`
            : `${where()}: redirect host ${q(redirect.host)} is not a DNS name; ` +
                (meantHost(redirect.host) !== undefined ? `${hostFix(redirect.host)}.` : 'give the name to redirect to, e.g. "shop.example.com" (no wildcard).'),
        );
      }
      const changesNothing = [redirect.scheme, redirect.host, redirect.port, redirect.path].every((v) => v === undefined);
      if (context.api === ApiFlavor.ISTIO && changesNothing) {
        problems.push(`${where()}: the redirect changes nothing (no scheme, host, port or path), which Istio refuses; set at least one of them.`);
      }
      break;
    }
    case HttpRouteActionKind.DIRECT_RESPONSE: {
      const status = rule.action.responseStatus ?? 0;
      if (!(Number.isInteger(status) && status >= 200 && status <= 599)) {
        problems.push(`${where()}: direct response status ${status} must be a whole number from 200 to 599.`);
      }
      const body = rule.action.responseBody;
      if (body !== undefined && Buffer.byteLength(body, 'utf8') > MAX_DIRECT_RESPONSE_BYTES) {
        problems.push(
          `${where()}: the direct response body of ${Buffer.byteLength(body, 'utf8')} bytes is over Istio's limit of 1 MiB (${MAX_DIRECT_RESPONSE_BYTES} bytes); serve it from a backend.`,
        );
      }
      if (context.api === ApiFlavor.GATEWAY_API) {
        problems.push(`${where()}: a direct response is an Istio API feature that the Gateway API cannot express; render this gateway with ApiFlavor.ISTIO, or forward to a backend.`);
      }
      break;
    }
  }
  if (rule.timeout) problems.push(...durationProblems(`${where()}: timeout`, rule.timeout, 'leave it out for no timeout'));
  if (rule.timeout && context.api === ApiFlavor.GATEWAY_API && rule.timeout.toMilliseconds({ integral: false }) >= 100_000 * 3_600_000) {
    // GEP-2257: at most five digits per unit, so 99999h59m59s999ms is the longest.
    problems.push(
      `${where()}: timeout of ${rule.timeout.toHours({ integral: false })}h is longer than the Gateway API's Duration can say (at most five digits per unit: ` +
        'under 100000h, about 11 years); give a shorter timeout, or leave it out for no timeout.',
    );
  }
  if (hasHttpPolicies(rule)) problems.push(...httpPolicyProblems(where(), rule, context.api));
}

function matchProblems(problems: string[], where: string, match: HttpRouteMatch, api: ApiFlavor): void {
  const path = match.path;
  if (path && path.kind !== PathMatchKind.REGEX && !path.value.startsWith('/')) {
    problems.push(`${where}: path ${q(path.value)} must start with "/"; write ${q(`/${path.value}`)}.`);
  }
  const mark = path && path.kind !== PathMatchKind.REGEX ? ['?', '#'].find((c) => path.value.includes(c)) : undefined;
  if (path && mark) {
    problems.push(
      `${where}: path ${q(path.value)} holds ${q(mark)}, which ${mark === '?' ? 'starts the query string' : 'starts the fragment (never sent)'}, ` +
        `so no request path ever matches it; ${mark === '?' ? 'match the query with queryParams' : 'drop the fragment'}.`,
    );
  }
  // The Gateway API's schema refuses it (reported below); Istio takes it, and the rule never matches.
  if (path && !mark && path.kind !== PathMatchKind.REGEX && api === ApiFlavor.ISTIO && /[\s\x00-\x1f\x7f]/.test(path.value)) {
    problems.push(
      `${where}: path ${q(path.value)} holds a blank or control character, which no request path carries (a request sends a blank as %20), ` +
        'so no request ever matches it; remove it, or write it as %20.',
    );
  }
  if (path && !mark && path.kind !== PathMatchKind.REGEX && path.value.startsWith('/') && path.value.endsWith('*')) {
    // nginx and Traefik habit: "/api/*" as "everything under /api". Both APIs read the '*' as itself.
    const base = path.value.replace(/\/?\*+$/, '') || '/';
    problems.push(
      `${where}: path ${q(path.value)} ends in "*", which ${path.kind === PathMatchKind.PREFIX ? 'a prefix' : 'an exact'} match reads as the character '*', ` +
        `not as a wildcard, so only paths holding a literal '*' match; match the prefix ${q(base)} instead (it covers ${q(base)} and every path below it).`,
    );
  }
  if (path && path.kind === PathMatchKind.REGEX) problems.push(...regexProblems(where, 'path', path.value));
  // A '?' or '#' is reported above (no path ever matches it), not again as a schema problem.
  if (path && !mark && path.kind !== PathMatchKind.REGEX && path.value.startsWith('/') && api === ApiFlavor.GATEWAY_API) {
    const problem = gatewayApiPathProblem(path.value);
    if (problem) problems.push(`${where}: path ${q(path.value)} ${problem}, which the Gateway API's HTTPRoute schema refuses; ${GATEWAY_API_PATH_RULE}.`);
  }
  if (match.method !== undefined && !METHODS.includes(match.method)) {
    const meant = match.method.trim().toUpperCase();
    problems.push(
      METHODS.includes(meant)
        ? `${where}: method ${q(match.method)} is not an HTTP method as requests spell it (upper case, no spaces); write ${q(meant)}.`
        : `${where}: method ${q(match.method)} is not an HTTP method; use one of ${METHODS.join(', ')}.`,
    );
  }
  const named = (what: string, list: NamedStringMatch[] | undefined) => {
    const seen = new Set<string>();
    for (const m of list ?? []) {
      const key = what === 'header' ? m.name.toLowerCase() : m.name;
      if (seen.has(key)) {
        problems.push(
          `${where}: ${what} ${q(m.name)} is matched twice in one match${what === 'header' ? ' (header names ignore case)' : ''}; ` +
            'the Istio API would keep only the last condition and the Gateway API refuses the pair: give one condition per name (a regex can accept either value).',
        );
      }
      seen.add(key);
      if (!HEADER_NAME.test(m.name)) problems.push(`${where}: ${what} name ${q(m.name)} is not a valid token${tokenFix(m.name)}.`);
      if (m.value.kind === StringMatchKind.REGEX) problems.push(...regexProblems(where, `${what} ${q(m.name)}`, m.value.value));
      if (what === 'header' && m.value.kind !== StringMatchKind.REGEX && neverInHeaderValue(m.value.kind, m.value.value)) {
        // Envoy drops a header value's leading and trailing whitespace (RFC 9110 OWS), and no value holds a line break.
        const meant = m.value.value.replace(/[\x00-\x08\x0a-\x1f\x7f]/g, '').trim();
        problems.push(
          `${where}: header ${q(m.name)} matches ${q(m.value.value)}, with a control character or a leading or trailing space that no request's ` +
            `header value holds, so it would never match; ${meant !== '' ? `write ${q(meant)}` : 'remove the condition'}.`,
        );
      }
      if (api === ApiFlavor.GATEWAY_API) {
        const max = what === 'header' ? 4096 : 1024;
        if (m.name.length > 256) problems.push(`${where}: ${what} name ${q(m.name)} is longer than the Gateway API's limit of 256 characters.`);
        if (m.value.value === '' && m.value.kind === StringMatchKind.EXACT) {
          problems.push(`${where}: ${what} ${q(m.name)} matches an empty value, which the Gateway API refuses; match a value, or use StringMatch.regex(".*").`);
        }
        if (m.value.value.length > max) {
          problems.push(`${where}: ${what} ${q(m.name)} matches a value of ${m.value.value.length} characters, over the Gateway API's limit of ${max}.`);
        }
      }
      if (m.value.kind === StringMatchKind.PREFIX && m.value.value === '' && api === ApiFlavor.ISTIO) {
        problems.push(`${where}: ${what} ${q(m.name)} has an empty prefix, which Istio refuses; to match any value use StringMatch.regex(".*").`);
      }
      if (m.value.kind === StringMatchKind.PREFIX && api === ApiFlavor.GATEWAY_API) {
        problems.push(
          `${where}: ${what} ${q(m.name)} uses a prefix match, which the Gateway API cannot express; use StringMatch.regex(), or render with ApiFlavor.ISTIO.`,
        );
      }
    }
  };
  named('header', match.headers);
  named('query parameter', match.queryParams);
}

/** Rule 8: a subset must be defined by a backend policy (DestinationRule) for the same host. */
function subsetProblems(where: string, name: string, host: string, subset: string, context: RouteContext): string[] {
  if (context.api === ApiFlavor.GATEWAY_API) {
    return [
      `${where}: ${name} names subset ${q(subset)}, an Istio API feature the Gateway API cannot express; ` +
        'route to a Service per version (e.g. one selecting version=v1), or render with ApiFlavor.ISTIO.',
    ];
  }
  // The policies whose host covers the backend's (hostCovers), looked up by pattern.
  const policies = patternsCovering(host).flatMap((pattern) => context.policiesByHost.get(pattern) ?? []);
  if (!policies.some((p) => p.subsets.some((s) => s.name === subset))) {
    return [
      `${where}: ${name} names subset ${q(subset)}, but no BackendPolicy (DestinationRule) in this app defines it for ${q(host)}; ` +
        'define the subset with new BackendPolicy(..., { subsets: [...] }).',
    ];
  }
  return [];
}
