import { gatewayExpansionProblems, httpsRedirectProblems } from './expansion-rules';
import { hostFix, isIpLiteral, isValidHost, isValidHostScope, parseScopedHost } from './hosts';
import { isDnsLabel, isDnsSubdomain, isPort, q } from './names';
import { CIPHER_SUITES, hasNumericTopLevelLabel, isCipherSuite, isDns1035Label, labelProblems } from './webhook';
import { ApiFlavor } from '../api-flavor';
import { GatewayListener, ListenerProtocol } from '../listener';
import { GatewayModel } from '../model/gateway';
import { RouteNamespacesKind } from '../route-namespaces';
import { TlsVersion } from '../tls';
import { PROXY_RESERVED_PORTS } from '../workload/chart-defaults';

/**
 * The ports a gateway's proxy (Envoy and Istio's agent) listens on itself. The capture ports of a
 * sidecar (15001, 15006) are not used by a gateway, and HBONE's 15008 is the ambient east-west
 * gateway's own listener.
 */
const GATEWAY_PROXY_PORTS = [15000, 15004, 15020, 15021, 15053, 15090];

/**
 * The classes whose gateways Istio deploys under the Gateway's own name, without the
 * `-<gatewayClassName>` suffix (ClassInfo.DisableNameSuffix: waypoints, ambient east-west, agentgateway).
 */
const UNSUFFIXED_CLASSES = ['istio-waypoint', 'istio-east-west', 'istio-agentgateway', 'istio-agentgateway-waypoint'];

/** Protocols that may share one port when their hosts do not overlap (SNI tells them apart). */
export const PORT_FAMILY: Record<ListenerProtocol, string> = {
  [ListenerProtocol.HTTP]: 'HTTP',
  [ListenerProtocol.HTTPS]: 'TLS',
  [ListenerProtocol.TLS]: 'TLS',
  [ListenerProtocol.TCP]: 'TCP',
  [ListenerProtocol.HBONE]: 'HBONE',
};

/**
 * The rules for one gateway's own description: names, ports, hosts, TLS and redirects. Returns one
 * message per problem, each naming the value and the fix.
 */
export function gatewayProblems(gateway: GatewayModel, api: ApiFlavor): string[] {
  const problems: string[] = [];
  const ref = `${gateway.namespace}/${gateway.name}`;
  if (!isDnsSubdomain(gateway.name)) {
    problems.push(`gateway name ${q(gateway.name)} is not a DNS-1123 subdomain; use lower-case letters, digits, '-' and '.'.`);
  }
  if (isDnsSubdomain(gateway.name) && api === ApiFlavor.ISTIO && !isDnsLabel(gateway.name)) {
    problems.push(
      `gateway name ${q(gateway.name)} is not a DNS-1123 label, which Istio requires of a Gateway's name (and of the gateways a VirtualService names); ` +
        "use at most 63 lower-case letters, digits and '-', without dots.",
    );
  }
  // A class name that is not a GatewayClass name is reported below, not again through the Service name.
  if (isDnsSubdomain(gateway.name) && api === ApiFlavor.GATEWAY_API && managed(gateway) && isDnsSubdomain(gateway.gatewayClassName)) {
    const suffixed = !UNSUFFIXED_CLASSES.includes(gateway.gatewayClassName);
    const service = suffixed ? `${gateway.name}-${gateway.gatewayClassName}` : gateway.name;
    if (!isDns1035Label(service)) {
      problems.push(
        `Istio deploys this gateway as Deployment and Service ${q(service)} (${suffixed ? '<name>-<gatewayClassName>' : 'its name'}), which is not a Service name ` +
          "(a DNS-1035 label: at most 63 lower-case letters, digits and '-', starting with a letter); " +
          `${serviceNameFixes(gateway).join(', ')}, or give addresses to use a gateway Service of your own.`,
      );
    }
  }
  if (api === ApiFlavor.GATEWAY_API && !isDnsSubdomain(gateway.gatewayClassName)) {
    problems.push(`gatewayClassName ${q(gateway.gatewayClassName)} is not a DNS-1123 subdomain (the name of a GatewayClass); use e.g. "istio".`);
  }
  problems.push(...labelProblems('selector', gateway.selector));
  const redirectRoute = `${gateway.name}-https-redirect`;
  const redirects = gateway.listeners.some((l) => l.httpsRedirect);
  if (api === ApiFlavor.GATEWAY_API && redirects && isDnsSubdomain(gateway.name) && !isDnsSubdomain(redirectRoute)) {
    problems.push(
      `the HTTPRoute that answers httpsRedirect is named after the gateway, ${q(redirectRoute)}, which is longer than 253 characters; ` +
        'shorten the gateway name to at most 238.',
    );
  }
  if (!isDnsLabel(gateway.namespace)) {
    problems.push(`gateway namespace ${q(gateway.namespace)} is not a DNS-1123 label; use lower-case letters, digits and '-'.`);
  }
  if (api === ApiFlavor.ISTIO && Object.keys(gateway.selector).length === 0) {
    problems.push(
      `gateway ${ref} has an empty selector, which Istio reads as every gateway workload of the cluster (any namespace); ` +
        "give the labels of this gateway's pods, e.g. { istio: 'ingressgateway' }.",
    );
  }
  if (gateway.listeners.length === 0) {
    problems.push(`gateway ${ref} has no listener; add one with GatewayListener.http(), .https(), .tlsPassthrough() or .tcp().`);
  }

  const byName = new Map<string, number>();
  gateway.listeners.forEach((listener, index) => {
    problems.push(...listenerProblems(listener, api));
    const first = byName.get(listener.name);
    if (first !== undefined) {
      problems.push(`listeners #${first} and #${index} are both named ${q(listener.name)}; give each listener of a gateway its own name.`);
    } else {
      byName.set(listener.name, index);
    }
  });

  for (let i = 0; i < gateway.listeners.length; i++) {
    for (let j = i + 1; j < gateway.listeners.length; j++) {
      problems.push(...portConflict(gateway.listeners[i], gateway.listeners[j]));
    }
  }

  const redirecting = gateway.listeners.filter((l) => l.httpsRedirect);
  const terminatesTls = gateway.listeners.some((l) => l.protocol === ListenerProtocol.HTTPS);
  if (redirecting.length > 0 && !terminatesTls) {
    problems.push(
      `listener ${q(redirecting[0].name)} redirects to HTTPS, but gateway ${ref} has no HTTPS listener to receive the redirected requests; ` +
        'add a GatewayListener.https() for the same hosts, or remove httpsRedirect.',
    );
  }
  problems.push(...httpsRedirectProblems(gateway));
  problems.push(...gatewayExpansionProblems(gateway, api));
  return problems;
}

function listenerProblems(listener: GatewayListener, api: ApiFlavor): string[] {
  const problems: string[] = [];
  const where = `listener ${q(listener.name)}`;
  if (!isDnsLabel(listener.name)) {
    problems.push(`${where}: the name is not a DNS-1123 label; use lower-case letters, digits and '-' (at most 63).`);
  }
  if (listener.protocol === ListenerProtocol.HBONE && api === ApiFlavor.ISTIO) {
    problems.push(`${where}: an HBONE listener (ambient east-west) exists only in the Gateway API; render with ApiFlavor.GATEWAY_API.`);
  }
  if (!isPort(listener.port)) {
    problems.push(`${where}: port ${listener.port} is out of range; use a whole number from 1 to 65535.`);
  } else if (GATEWAY_PROXY_PORTS.includes(listener.port)) {
    problems.push(
      `${where}: port ${listener.port} is the gateway proxy's own port for ${PROXY_RESERVED_PORTS[listener.port]}, so no server can listen on it; ` +
        'use another port (e.g. 8080).',
    );
  }
  if (listener.hosts.length === 0) {
    problems.push(`${where}: no hosts; give at least one host, or '*' for any.`);
  }
  if (listener._hostsMissing) {
    problems.push(
      listener.protocol === ListenerProtocol.HTTPS
        ? `${where}: no hosts given; an HTTPS listener serves the hosts its certificate is for: list them (hosts: ["shop.example.com"]), ` +
            'or pass hosts: ["*"] to serve any host.'
        : `${where}: no hosts given; a TLS passthrough listener routes by the SNI of the hosts it passes through: list them (hosts: ["shop.example.com"]), ` +
            'or pass hosts: ["*"] to pass any host through.',
    );
  }
  if (listener.routeNamespaces && listener.hosts.some((h) => h.includes('/'))) {
    problems.push(`${where}: hosts are scoped to namespaces ("ns/host") and routeNamespaces is set too; use one of the two.`);
  }
  for (const ns of listener.routeNamespaces?.namespaces ?? []) {
    if (isDnsLabel(ns)) continue;
    const fixed = ns.trim().toLowerCase();
    const fix = ns.trim() === ''
      ? 'leave out the empty entry'
      : isDnsLabel(fixed)
        ? `write ${q(fixed)}`
        : "use the namespace's name: lower-case letters, digits and '-' (at most 63)";
    problems.push(`${where}: routeNamespaces names ${q(ns)}, which is not a namespace name (DNS-1123 label); ${fix}.`);
  }
  if (listener.routeNamespaces?.kind === RouteNamespacesKind.NAMED && listener.routeNamespaces.namespaces.length === 0) {
    problems.push(`${where}: RouteNamespaces.named() lists no namespace; name at least one, or use RouteNamespaces.same().`);
  }
  const named = listener.hosts.filter((h) => h !== '*');
  if (api === ApiFlavor.GATEWAY_API && listener.protocol === ListenerProtocol.TCP && named.length > 0) {
    // The Gateway API has no hostname for TCP listeners (its CEL rule refuses one), so the hosts would be dropped.
    problems.push(
      `${where}: a TCP listener carries no host name in the Gateway API (a TCP stream has none to route by), so host ${q(named[0])} would be dropped; ` +
        'leave hosts out, or use GatewayListener.tlsPassthrough() to route TLS by SNI.',
    );
  }
  for (const value of listener.hosts) {
    if (/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(value)) {
      // A URL, not a scope: one message for it, not one for "https:" and one for "/host".
      problems.push(`${where}: host ${q(value)} is not a DNS name; ${hostFix(value)}.`);
      continue;
    }
    const { namespace, host } = parseScopedHost(value);
    if (value.includes('/') && api === ApiFlavor.GATEWAY_API) {
      problems.push(
        `${where}: host ${q(value)} is scoped to a namespace, which only the Istio API can say; ` +
          'with the Gateway API use the plain host and admit routes by namespace (allowedRoutes).',
      );
    } else if (!isValidHostScope(namespace)) {
      problems.push(`${where}: host ${q(value)} has namespace scope ${q(namespace)}, which is not '*', '.' or a namespace name.`);
    }
    if (!isValidHost(host)) {
      problems.push(`${where}: host ${q(host)} is not a DNS name; ${hostFix(host)}.`);
    } else if (api === ApiFlavor.ISTIO && host !== '*' && !host.includes('.')) {
      problems.push(`${where}: host ${q(host)} is a short name, which Istio refuses on a Gateway server; write the full name, e.g. ${q(`${host}.example.com`)}.`);
    } else if (api === ApiFlavor.ISTIO && hasNumericTopLevelLabel(host)) {
      problems.push(`${where}: host ${q(host)} ends in an all-numeric label, which Istio refuses in a host name; write a DNS name, or an IP address.`);
    } else if (isIpLiteral(host) && (listener.protocol === ListenerProtocol.HTTPS || listener.protocol === ListenerProtocol.TLS)) {
      problems.push(
        `${where}: host ${q(host)} is an IP address, which TLS clients never send as SNI (RFC 6066), so this listener would never be chosen for it; ` +
          'use the DNS name clients connect to, or "*".',
      );
    } else if (isIpLiteral(host) && api === ApiFlavor.GATEWAY_API) {
      problems.push(`${where}: host ${q(host)} is an IP address, which a Gateway API hostname must not be; use a DNS name, or "*" to accept requests by IP.`);
    }
  }
  if (listener.tls && listener.tls.credentialName.length > 0 && !isDnsSubdomain(listener.tls.credentialName)) {
    problems.push(`${where}: credential ${q(listener.tls.credentialName)} is not a valid Secret name.`);
  }
  if (listener.tls && api === ApiFlavor.ISTIO) {
    const seen = new Set<string>();
    for (const suite of listener.tls.cipherSuites ?? []) {
      if (!isCipherSuite(suite)) {
        problems.push(
          `${where}: cipher suite ${q(suite)} is not one Istio supports, and Istio would ignore it; use one of ${CIPHER_SUITES.join(', ')}.`,
        );
      } else if (seen.has(suite)) {
        problems.push(`${where}: cipher suite ${q(suite)} is listed twice, and Istio ignores the repeat; list each suite once.`);
      }
      seen.add(suite);
    }
  }
  if (listener.tls && api === ApiFlavor.GATEWAY_API) {
    const tls = listener.tls;
    const unsupported = [
      tls.minProtocolVersion !== TlsVersion.TLS_V1_2 ? 'minProtocolVersion' : undefined,
      tls.cipherSuites ? 'cipherSuites' : undefined,
      tls.subjectAltNames ? 'subjectAltNames' : undefined,
    ].filter((x) => x);
    for (const option of unsupported) {
      problems.push(`${where}: TLS ${option} is an Istio API option the Gateway API cannot express; render with ApiFlavor.ISTIO, or leave it at its default.`);
    }
  }
  if (listener.protocol === ListenerProtocol.HTTPS && !listener.tls) {
    problems.push(`${where}: an HTTPS listener needs TLS settings; pass tls: ServerTls.simple('<TLS Secret name>').`);
  }
  if (listener.tls && listener.tls.credentialName.length === 0) {
    problems.push(`${where}: HTTPS needs a credential; pass the name of the TLS Secret to ServerTls.simple() or .mutual().`);
  }
  return problems;
}

function portConflict(a: GatewayListener, b: GatewayListener): string[] {
  if (a.port !== b.port) return [];
  if (PORT_FAMILY[a.protocol] !== PORT_FAMILY[b.protocol]) {
    return [
      `listeners ${q(a.name)} (${a.protocol}) and ${q(b.name)} (${b.protocol}) share port ${a.port}; ` +
        'one port serves one protocol family (HTTP, HTTPS/TLS or TCP): move one listener to another port.',
    ];
  }
  // Listeners of one port are told apart by host, the most specific first (SNI for HTTPS and TLS:
  // Envoy's filter chain match; the Host header for HTTP, whose servers Istio merges into one route
  // table; Gateway API listener precedence): a wildcard beside one of its hosts is fine, the same host
  // twice is not (Istio drops the second TLS server; the Gateway API's CEL refuses the same port,
  // protocol and hostname twice).
  const shared = a.hosts.find((ha) => b.hosts.some((hb) => parseScopedHost(ha).host === parseScopedHost(hb).host));
  if (a.protocol === ListenerProtocol.TCP || shared !== undefined) {
    return [
      `listeners ${q(a.name)} and ${q(b.name)} both serve port ${a.port}` +
        (shared !== undefined ? ` for host ${q(parseScopedHost(shared).host)}` : '') +
        (a.protocol === ListenerProtocol.TCP
          ? '; give them hosts that do not overlap'
          : '; give them different hosts (a wildcard beside one of its hosts is fine: the most specific wins)') +
        ', merge them into one listener, or use another port.',
    ];
  }
  return [];
}

/**
 * Whether Istio deploys the Gateway API Gateway: not of class `istio-remote` (a remote network's
 * gateway, which Istio only points at), and no Hostname address naming an existing Service.
 */
function managed(gateway: GatewayModel): boolean {
  return gateway.gatewayClassName !== 'istio-remote' && !(gateway.addresses ?? []).some((a) => a.kind === 'Hostname');
}

/** What to change in a Gateway API gateway's name so that `<name>-<gatewayClassName>` names a Service. */
function serviceNameFixes(gateway: GatewayModel): string[] {
  const fixes: string[] = [];
  if (!/^[a-z]/.test(gateway.name)) fixes.push('start the gateway name with a letter');
  if (gateway.name.includes('.')) fixes.push('remove the dots from the gateway name');
  const max = UNSUFFIXED_CLASSES.includes(gateway.gatewayClassName) ? 63 : 62 - gateway.gatewayClassName.length;
  if (gateway.name.length > max) fixes.push(max > 0 ? `shorten the gateway name to at most ${max} characters` : 'use a shorter gatewayClassName');
  if (fixes.length === 0) fixes.push("use a gatewayClassName of lower-case letters, digits and '-'");
  return fixes;
}
