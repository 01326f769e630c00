import { hostsIntersect, parseScopedHost } from './hosts';
import { q } from './names';
import { ApiFlavor } from '../api-flavor';
import { GatewayListener, ListenerProtocol } from '../listener';
import { GatewayModel } from '../model/gateway';
import { HttpRouteModel } from '../model/route';
import { gatewayApiListenerNames } from '../render/gateway-api';
import { TlsMode } from '../tls';

/**
 * The limits of the Gateway API objects the renderer expands one intent into (the pinned CRDs'
 * `maxItems` and CEL rules): a listener becomes one Gateway API listener per host, a route binds to
 * listeners by name, client certificates are validated per port. An expansion that would break a
 * limit is refused here with a fix, instead of being refused by the API server at apply.
 */
export const GATEWAY_API_LIMITS = {
  listeners: 64,
  hostnames: 16,
  rules: 16,
  matchesPerRule: 64,
  matchesPerRoute: 128,
  backendRefs: 16,
  parentRefs: 32,
  headerMatches: 16,
  headerEdits: 16,
} as const;

/** The rules for what one gateway's listeners become in the Gateway API. */
export function gatewayExpansionProblems(gateway: GatewayModel, api: ApiFlavor): string[] {
  if (api !== ApiFlavor.GATEWAY_API) return [];
  const problems: string[] = [];
  const ref = `${gateway.namespace}/${gateway.name}`;
  const names = gateway.listeners.map(gatewayApiListenerNames);

  const total = names.reduce((n, list) => n + list.length, 0);
  if (total > GATEWAY_API_LIMITS.listeners) {
    const widest = gateway.listeners.reduce((a, b) => (b.hosts.length > a.hosts.length ? b : a));
    problems.push(
      `gateway ${ref} becomes ${total} Gateway API listeners (one per host; listener ${q(widest.name)} has ${widest.hosts.length} hosts), ` +
        `more than the ${GATEWAY_API_LIMITS.listeners} a Gateway holds (spec.listeners); serve the hosts with a wildcard (e.g. "*.example.com"), ` +
        'or spread the listeners over several gateways.',
    );
  }

  // One listener per host: a host given twice would be two listeners of one port, protocol and hostname.
  for (const listener of gateway.listeners) {
    const twice = listener.hosts.find((h, i) => listener.hosts.indexOf(h) !== i);
    if (twice !== undefined && names[gateway.listeners.indexOf(listener)].length > 1) {
      problems.push(
        `listener ${q(listener.name)}: host ${q(twice)} is listed twice, so the Gateway API would get two listeners of one port, protocol ` +
          'and hostname (which its CEL rule refuses); list each host once.',
      );
    }
  }

  // A derived name (`<name>-<index>`) must not be another listener's name.
  const owner = new Map<string, number>();
  gateway.listeners.forEach((l, i) => {
    if (!owner.has(l.name)) owner.set(l.name, i);
  });
  gateway.listeners.forEach((listener, i) => {
    names[i].slice(1).forEach((derived, k) => {
      const other = owner.get(derived);
      if (other !== undefined && other !== i) {
        problems.push(
          `listener ${q(listener.name)}: its host ${q(listener.hosts[k + 1])} becomes Gateway API listener ${q(derived)} (one listener per host), ` +
            `which is the name of listener #${other} too; rename one of them.`,
        );
      } else {
        owner.set(derived, i);
      }
    });
  });

  // The route of the HTTPS redirect binds to the redirecting listeners by name; every other route to the rest.
  const http = gateway.listeners.filter((l) => l.protocol === ListenerProtocol.HTTP || l.protocol === ListenerProtocol.HTTPS);
  if (http.some((l) => l.httpsRedirect)) {
    const redirecting = http.filter((l) => l.httpsRedirect).flatMap(gatewayApiListenerNames).length;
    const serving = http.filter((l) => !l.httpsRedirect).flatMap(gatewayApiListenerNames).length;
    for (const [count, what] of [[redirecting, 'the HTTPS redirect route binds to the redirecting listeners'], [serving, 'every other HTTP route binds to the listeners that do not redirect']] as const) {
      if (count > GATEWAY_API_LIMITS.parentRefs) {
        problems.push(
          `gateway ${ref} redirects to HTTPS, so ${what} by name (one per host): ${count} parentRefs, ` +
            `more than the ${GATEWAY_API_LIMITS.parentRefs} an HTTPRoute holds; serve the hosts with a wildcard (e.g. "*.example.com"), or use fewer hosts per gateway.`,
        );
      }
    }
  }

  problems.push(...clientCertificateProblems(gateway.listeners));
  return problems;
}

/**
 * The Gateway API validates client certificates per PORT (spec.tls.frontend.perPort, one CA each;
 * Istio reads one caCertificateRef and applies it to every TLS-terminating listener of the port): a
 * listener that did not ask for client certificates must not share a port with one that did.
 */
function clientCertificateProblems(listeners: GatewayListener[]): string[] {
  const problems: string[] = [];
  const byPort = new Map<number, GatewayListener[]>();
  for (const l of listeners) {
    if (l.protocol !== ListenerProtocol.HTTPS || !l.tls) continue;
    byPort.set(l.port, [...(byPort.get(l.port) ?? []), l]);
  }
  for (const [port, terminating] of byPort) {
    const mutual = terminating.find((l) => l.tls!.mode !== TlsMode.SIMPLE);
    if (!mutual) continue;
    for (const other of terminating) {
      if (other === mutual) continue;
      const fix = 'move one of them to another port, or render with ApiFlavor.ISTIO (client certificates per server).';
      if (other.tls!.mode !== mutual.tls!.mode) {
        problems.push(
          `listeners ${q(mutual.name)} (${mutual.tls!.mode}) and ${q(other.name)} (${other.tls!.mode}) share port ${port}, and the Gateway API ` +
            `validates client certificates per port (spec.tls.frontend.perPort), so ${q(other.name)} would be ${mutual.tls!.mode} too; ${fix}`,
        );
      } else if (other.tls!.credentialName !== mutual.tls!.credentialName) {
        problems.push(
          `listeners ${q(mutual.name)} and ${q(other.name)} validate client certificates on port ${port} with the CAs of different credentials ` +
            `(${q(mutual.tls!.credentialName)}, ${q(other.tls!.credentialName)}), and the Gateway API has one client CA per port ` +
            `(spec.tls.frontend.perPort); ${fix}`,
        );
      }
    }
  }
  return problems;
}

/** The rules for what one HTTP route becomes in the Gateway API: one HTTPRoute, within its limits. */
export function httpRouteExpansionProblems(route: HttpRouteModel, api: ApiFlavor): string[] {
  if (api !== ApiFlavor.GATEWAY_API) return [];
  const problems: string[] = [];
  const L = GATEWAY_API_LIMITS;
  const hostnames = route.hosts.includes('*') ? 0 : route.hosts.length;
  if (hostnames > L.hostnames) {
    problems.push(
      `route has ${hostnames} hosts, more than the ${L.hostnames} an HTTPRoute holds (spec.hostnames); ` +
        `split it into routes of at most ${L.hostnames} hosts, or use a wildcard host (e.g. "*.example.com").`,
    );
  }
  if (route.rules.length > L.rules) {
    problems.push(
      `route has ${route.rules.length} rules${route.rules.some((r) => r.fallback) ? ' (forwardTo included)' : ''}, ` +
        `more than the ${L.rules} an HTTPRoute holds (spec.rules); split it into several routes, e.g. one per path prefix.`,
    );
  }
  let matches = 0;
  route.rules.forEach((rule, index) => {
    const where = rule.fallback ? 'forwardTo' : `rule ${rule.name ? q(rule.name) : `#${index}`}`;
    matches += rule.matches.length;
    if (rule.matches.length > L.matchesPerRule) {
      problems.push(`${where}: ${rule.matches.length} matches, more than the ${L.matchesPerRule} an HTTPRoute rule holds; split the rule in two.`);
    }
    if (rule.backends.length > L.backendRefs) {
      problems.push(`${where}: ${rule.backends.length} backends, more than the ${L.backendRefs} an HTTPRoute rule holds (backendRefs); forward to at most ${L.backendRefs}.`);
    }
    for (const edits of [['requestHeaders', rule.requestHeaders], ['responseHeaders', rule.responseHeaders]] as const) {
      const e = edits[1];
      if (!e) continue;
      for (const [op, n] of [['set', Object.keys(e.set ?? {}).length], ['add', Object.keys(e.add ?? {}).length], ['remove', (e.remove ?? []).length]] as const) {
        if (n > L.headerEdits) {
          problems.push(`${where}: ${edits[0]}.${op} has ${n} headers, more than the ${L.headerEdits} an HTTPRoute header filter holds; edit at most ${L.headerEdits}.`);
        }
      }
    }
    if (rule.rewrite?.pathPrefix !== undefined && rule.matches.length > 1) {
      problems.push(
        `${where}: rewrite.pathPrefix with ${rule.matches.length} matches; the Gateway API replaces a prefix only in a rule with exactly one ` +
          'PathPrefix match (HTTPRoute CEL rule); give each prefix its own rule.',
      );
    }
  });
  if (matches > L.matchesPerRoute) {
    problems.push(`route has ${matches} matches in all, more than the ${L.matchesPerRoute} an HTTPRoute holds (CEL rule on spec.rules); split it into several routes.`);
  }
  return problems;
}

/**
 * The hosts of a redirecting listener that no HTTPS (or TLS) listener on port 443 serves: the
 * redirect goes to `https://<host>/`, port 443, in both APIs (Envoy's https_redirect; the Gateway
 * API's RequestRedirect uses the scheme's well-known port).
 */
export function httpsRedirectProblems(gateway: GatewayModel): string[] {
  const problems: string[] = [];
  const ref = `${gateway.namespace}/${gateway.name}`;
  const tls = gateway.listeners.filter((l) => l.protocol === ListenerProtocol.HTTPS || l.protocol === ListenerProtocol.TLS);
  if (!tls.some((l) => l.protocol === ListenerProtocol.HTTPS)) return problems; // gatewayProblems names that
  const on443 = tls.filter((l) => l.port === 443);
  for (const listener of gateway.listeners.filter((l) => l.httpsRedirect)) {
    if (on443.length === 0) {
      const ports = [...new Set(tls.map((l) => l.port))].join(', ');
      problems.push(
        `listener ${q(listener.name)} redirects to HTTPS, which clients then reach on port 443, but gateway ${ref} serves HTTPS on port ${ports} only; ` +
          'move the HTTPS listener to port 443, or remove httpsRedirect.',
      );
      continue;
    }
    for (const value of listener.hosts) {
      const host = parseScopedHost(value).host;
      if (!on443.some((l) => l.hosts.some((h) => hostsIntersect(parseScopedHost(h).host, host)))) {
        problems.push(
          `listener ${q(listener.name)} redirects host ${q(host)} to HTTPS on port 443, where no listener of gateway ${ref} serves it; ` +
            'add the host to the HTTPS listener on port 443, or remove httpsRedirect.',
        );
      }
    }
  }
  return problems;
}

/** The gateway options one API has no field for: refused, not dropped. */
export function gatewayOptionProblems(given: { selector?: object; gatewayClassName?: string; addresses?: unknown[] }, api: ApiFlavor): string[] {
  const problems: string[] = [];
  if (api === ApiFlavor.GATEWAY_API && given.selector !== undefined) {
    problems.push(
      'selector is an Istio API option; a Gateway API gateway has none (Istio deploys its workload, or the gateway points at the one given ' +
        'with workload): leave it out, or render with ApiFlavor.ISTIO.',
    );
  }
  if (api === ApiFlavor.ISTIO && given.gatewayClassName !== undefined) {
    problems.push('gatewayClassName is a Gateway API option, which an Istio API Gateway has no field for; leave it out, or render with ApiFlavor.GATEWAY_API.');
  }
  if (api === ApiFlavor.ISTIO && given.addresses !== undefined) {
    problems.push('addresses is a Gateway API option, which an Istio API Gateway has no field for (it is bound by selector); leave it out, or render with ApiFlavor.GATEWAY_API.');
  }
  return problems;
}
