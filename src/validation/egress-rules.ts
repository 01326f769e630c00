import { IConstruct } from 'constructs';
import { hostNameFix, isValidHost } from './hosts';
import { isDnsLabel, isDnsSubdomain, isPort, q } from './names';
import { samePods } from './selectors';
import { hasNumericTopLevelLabel, isIpv4, labelProblems } from './webhook';
import { ApiFlavor } from '../api-flavor';
import { EgressRouteModel, isWildcard } from '../model/egress';
import { AppRegistry } from '../model/registry';
import { PROXY_RESERVED_PORTS } from '../workload/chart-defaults';

const EGRESS_HOST_EXAMPLE = 'use a lower-case name like "edition.cnn.com", or a wildcard like "*.wikipedia.org" with wildcardTarget.';

const MODE_NAME = { HTTP: 'EgressMode.HTTP', TLS_PASSTHROUGH: 'EgressMode.TLS_PASSTHROUGH', TLS_ORIGINATION: 'EgressMode.TLS_ORIGINATION' };

/** Istio accepts at most this many service accounts in one AuthorizationPolicy source. */
const MAX_SERVICE_ACCOUNTS = 16;

/** Whether `host` is a concrete DNS name (no wildcard). */
function isConcreteHost(host: string): boolean {
  return !host.includes('*') && isValidHost(host) && !hasNumericTopLevelLabel(host) && !isIpv4(host);
}

/**
 * The rules for one egress route; one message per problem, each naming the value and the fix.
 *
 * Some rules hold by construction and need no message: every client port gets both legs and a
 * gateway port (the renderers derive every port from one list), a concrete host is resolved by DNS,
 * and every client namespace gets the DestinationRule that defines the route's subset.
 */
export function egressProblems(route: EgressRouteModel, scope?: IConstruct): string[] {
  return [
    ...nameProblems(route),
    ...hostProblems(route),
    ...portProblems(route),
    ...originationProblems(route),
    ...gatewayProblems(route),
    ...lockDownProblems(route),
    ...(scope ? sharedHostProblems(route, scope) : []),
    ...(scope ? lockedGatewayProblems(route, scope) : []),
    ...(scope ? exposedGatewayProblems(route, scope) : []),
  ];
}

function nameProblems(route: EgressRouteModel): string[] {
  const problems: string[] = [];
  const name = route.names.serviceEntry;
  if (!isDnsLabel(name)) {
    problems.push(`name ${q(name)} is not a DNS-1123 label; use lower-case letters, digits and '-' (the objects are named after it).`);
  } else if (route.api === ApiFlavor.GATEWAY_API && route.gateway.serviceName.length > 63) {
    problems.push(
      `name ${q(name)} is too long for the Gateway API: the Service Istio deploys for the gateway, ${q(route.gateway.serviceName)}, ` +
        'would be longer than 63 characters; use a name of at most 42.',
    );
  } else if (route.api === ApiFlavor.GATEWAY_API && !/^[a-z]/.test(name)) {
    problems.push(
      `name ${q(name)} starts with a digit, so the Service Istio deploys for the gateway, ${q(route.gateway.serviceName)}, is not a Service name ` +
        '(a DNS-1035 label starts with a letter); start the name with a letter.',
    );
  } else if (route.api === ApiFlavor.ISTIO && route.gateway.name.length > 63) {
    problems.push(
      `name ${q(name)} is too long for the Istio API: the Gateway ${q(route.gateway.name)} would be longer than 63 characters, ` +
        'and Istio requires a Gateway name to be a DNS-1123 label; use a name of at most 48.',
    );
  }
  if (!isDnsLabel(route.namespace)) problems.push(`namespace ${q(route.namespace)} is not a DNS-1123 label.`);
  if (route.clientNamespaces.length === 0) {
    problems.push('clientNamespaces is empty; name at least one namespace whose workloads send through this route.');
  }
  route.clientNamespaces.forEach((namespace, index) => {
    if (!isDnsLabel(namespace)) problems.push(`client namespace ${q(namespace)} is not a DNS-1123 label.`);
    else if (route.clientNamespaces.indexOf(namespace) !== index) problems.push(`client namespace ${q(namespace)} is listed twice; list each namespace once.`);
  });
  return problems;
}

function hostProblems(route: EgressRouteModel): string[] {
  const { host, wildcardTarget } = route;
  if (host === '*' || !isValidHost(host) || hasNumericTopLevelLabel(host) || isIpv4(host)) {
    return [`host ${q(host)} is not a DNS name; ${hostNameFix(host, EGRESS_HOST_EXAMPLE, 'ports')}`];
  }
  if (!host.includes('.')) {
    return [
      `host ${q(host)} is a short name, which Istio refuses on the egress gateway's server ("short names (non FQDN) are not allowed") ` +
        'and a sidecar would complete with its own namespace; give the fully qualified name, like "api.example.com".',
    ];
  }
  if (isWildcard(host)) {
    if (wildcardTarget === undefined) {
      return [
        `host ${q(host)} is a wildcard, which cannot be resolved, and with resolution NONE the egress gateway would send the traffic to itself; ` +
          `set wildcardTarget to a concrete host that serves every name under it, e.g. ${q(`www.${host.slice(2)}`)}.`,
      ];
    }
    if (!isConcreteHost(wildcardTarget)) return [`wildcardTarget ${q(wildcardTarget)} is not a concrete DNS name; use a name like "www.wikipedia.org".`];
    if (!wildcardTarget.includes('.')) {
      return [
        `wildcardTarget ${q(wildcardTarget)} is a short name, which the egress gateway would complete with its own namespace ` +
          `(${q(`${wildcardTarget}.${route.gateway.workloadNamespace}.svc.cluster.local`)}); give the fully qualified name, like "www.wikipedia.org".`,
      ];
    }
    return [];
  }
  if (wildcardTarget !== undefined) {
    return [`wildcardTarget ${q(wildcardTarget)} is set, but host ${q(host)} is not a wildcard and the gateway leg sends to it; remove wildcardTarget.`];
  }
  return [];
}

function portProblems(route: EgressRouteModel): string[] {
  const problems: string[] = [];
  if (route.ports.length === 0) problems.push('ports is empty; give at least one port the clients send to.');
  route.ports.forEach((port, index) => {
    if (!isPort(port)) {problems.push(`port ${port} is out of range; use a whole number from 1 to 65535.`);} else if (route.ports.indexOf(port) !== index) {problems.push(`port ${port} is listed twice; list each port once.`);} else if (PROXY_RESERVED_PORTS[port] !== undefined) {
      problems.push(
        `port ${port} is the egress gateway proxy's own port for ${PROXY_RESERVED_PORTS[port]}, so its server cannot listen on it; ` +
          'have the clients send to another port (usually 80, or 443 with EgressMode.TLS_PASSTHROUGH).',
      );
    }
  });
  if (route.api === ApiFlavor.GATEWAY_API && new Set(route.ports).size > 64) {
    problems.push(`ports lists ${new Set(route.ports).size} ports; with the Gateway API each is a listener of the egress Gateway, which holds at most 64 listeners: send through at most 64 ports.`);
  }
  if (route.mode === 'TLS_PASSTHROUGH' && route.ports.includes(80)) {
    problems.push('TLS passthrough on port 80: port 80 carries plain HTTP, which has no SNI to route by; use EgressMode.HTTP for port 80, or port 443.');
  }
  if (route.mode !== 'TLS_PASSTHROUGH' && route.ports.includes(443)) {
    problems.push(
      `${MODE_NAME[route.mode]} on port 443: the legs read plain HTTP, but clients send TLS to port 443; ` +
        'use EgressMode.TLS_PASSTHROUGH for HTTPS the clients originate, or have the clients send plain HTTP to port 80.',
    );
  }
  return problems;
}

function originationProblems(route: EgressRouteModel): string[] {
  const problems: string[] = [];
  if (route.mode !== 'TLS_ORIGINATION') {
    for (const option of ['originationPort', 'originationTls'] as const) {
      if (route.explicit[option]) {
        problems.push(`${option} is set, but only EgressMode.TLS_ORIGINATION originates TLS; remove it, or set mode to EgressMode.TLS_ORIGINATION.`);
      }
    }
    return problems;
  }
  const port = route.originationPort;
  if (!isPort(port)) {
    problems.push(`originationPort ${port} is out of range; use a whole number from 1 to 65535.`);
  } else if (port === 80) {
    problems.push('originationPort 80 is the plain HTTP port; originate TLS to the host\'s TLS port, usually 443.');
  } else if (route.ports.includes(port)) {
    problems.push(
      `originationPort ${port} is also a client port; the clients' plain HTTP and the TLS the gateway originates cannot share it: ` +
        'have the clients send to another port (usually 80).',
    );
  }
  const tls = route.originationTls;
  if (tls.mode === 'MUTUAL') {
    if (!tls.credentialName) {
      problems.push('originationTls: OriginationTls.mutual() needs the name of the Secret with the client certificate.');
    } else if (!isDnsSubdomain(tls.credentialName)) {
      problems.push(`originationTls: credential ${q(tls.credentialName)} is not a valid Secret name.`);
    }
    if (tls.credentialName && tls.caCertificates !== undefined) {
      problems.push(
        `originationTls: caCertificates ${q(tls.caCertificates)} is set beside credentialName ${q(tls.credentialName)}, which Istio refuses ` +
          "(the CA comes from the Secret's ca.crt); remove caCertificates, or put the CA in the Secret.",
      );
    }
  }
  if (tls.sni !== undefined && !isConcreteHost(tls.sni)) problems.push(`originationTls: sni ${q(tls.sni)} is not a concrete DNS name.`);
  problems.push(...serverNameCheckProblems(tls));
  return problems;
}

/**
 * The server's name is always checked unless the user says why not. Istio checks it by itself
 * (Envoy's auto_san_validation) only when the DestinationRule sets neither `sni` nor
 * `subjectAltNames`; with an SNI and no names it checks the certificate chain alone.
 */
function serverNameCheckProblems(tls: EgressRouteModel['originationTls']): string[] {
  const reason = tls.skipServerNameCheckReason;
  if (reason !== undefined) {
    if (reason.trim() === '') return ['originationTls: skipServerNameCheckReason is blank; say why the server\'s name need not be checked, or remove it.'];
    if (tls.subjectAltNames !== undefined && tls.subjectAltNames.length > 0) {
      return ['originationTls: subjectAltNames and skipServerNameCheckReason are both set; the names would not be checked: remove one.'];
    }
    return [];
  }
  const problems: string[] = [];
  if (tls.subjectAltNames !== undefined && tls.subjectAltNames.length === 0 && tls.sni !== undefined) {
    problems.push(
      'originationTls: subjectAltNames is empty, and with an SNI set Istio then checks the server\'s certificate chain but not its name, ' +
        'so any certificate a public CA issued for any name would pass; list the names the server\'s certificate carries, or leave subjectAltNames unset ' +
        'to verify the SNI (to accept any name: skipServerNameCheckReason).',
    );
  }
  for (const name of tls.subjectAltNames ?? []) {
    if (name.trim() === '') {problems.push(`originationTls: subject alternative name ${q(name)} is empty; give the name the server's certificate carries.`);} else if (name.trim() !== name) {
      problems.push(`originationTls: subject alternative name ${q(name)} has blanks around it, so no certificate would match it and every connection would fail; write ${q(name.trim())}.`);
    }
  }
  return problems;
}

function gatewayProblems(route: EgressRouteModel): string[] {
  const problems: string[] = [];
  const explicit = route.explicit;
  if (route.mode === 'TLS_PASSTHROUGH' && route.mutualTls) {
    problems.push(
      'mutualTls with EgressMode.TLS_PASSTHROUGH: the clients\' own TLS is passed through, so the gateway has no Istio mutual TLS to terminate; ' +
        'remove mutualTls, or use EgressMode.HTTP or EgressMode.TLS_ORIGINATION.',
    );
  }
  if (route.api === ApiFlavor.GATEWAY_API) {
    if (explicit.workload) {
      problems.push(
        `workload is an Istio API option: with the Gateway API Istio deploys the egress gateway for the Gateway (${q(route.gateway.serviceName)}, ClusterIP); ` +
          'remove workload, or render with ApiFlavor.ISTIO.',
      );
    }
    for (const option of ['gatewaySelector', 'gatewayServiceName', 'gatewayNamespace'] as const) {
      if (explicit[option]) {
        problems.push(
          `${option} is an Istio API option: with the Gateway API the egress gateway is the one Istio deploys for the Gateway, in namespace ${q(route.namespace)}; ` +
            'remove it, or render with ApiFlavor.ISTIO.',
        );
      }
    }
    return problems;
  }
  if (explicit.workload) {
    const serviceType = route.workloadServiceType;
    if (serviceType !== undefined && serviceType !== 'ClusterIP' && !route.mutualTls) {
      problems.push(
        `workload.serviceType ${q(serviceType)} makes the egress gateway reachable from outside the cluster, and without Istio mutual TLS ` +
          `(${route.mode === 'TLS_PASSTHROUGH' ? 'TLS passthrough carries none' : 'mutualTls is false'}) anyone who reaches it could send through it to ${q(route.host)}; ` +
          'leave serviceType at ServiceType.CLUSTER_IP (the default for an egress gateway).',
      );
    }
    const exposed = route.workloadServicePorts?.() ?? [];
    for (const port of route.ports.filter((p) => isPort(p) && !exposed.includes(p))) {
      problems.push(
        `workload.ports does not expose port ${port}, which the clients send to: the mesh leg sends to the egress gateway's Service on port ${port}, ` +
          `so the requests would fail; add { name: ${q(workloadPortName(route, port))}, port: ${port} } to workload.ports, or leave ports out to derive them from the route.`,
      );
    }
    if (explicit.gatewaySelector) problems.push('gatewaySelector and workload are both set; the Gateway selects the deployed workload\'s labels: remove gatewaySelector.');
    if (explicit.gatewayServiceName) problems.push('gatewayServiceName and workload are both set; the deployed workload\'s Service is named after it: remove gatewayServiceName, or set workload.name.');
    if (explicit.gatewayNamespace) problems.push('gatewayNamespace and workload are both set; the deployed workload runs in its own namespace: remove gatewayNamespace, or set workload.namespace.');
    return problems;
  }
  problems.push(...labelProblems('gatewaySelector', route.gateway.selector));
  if (Object.keys(route.gateway.selector).length === 0) {
    problems.push('gatewaySelector is empty, so the Gateway would configure every gateway pod; give the egress gateway\'s labels, e.g. { istio: "egressgateway" }.');
  }
  if (!isDnsLabel(route.gateway.serviceName)) problems.push(`gatewayServiceName ${q(route.gateway.serviceName)} is not a DNS-1123 label.`);
  if (!isDnsLabel(route.gateway.workloadNamespace)) problems.push(`gatewayNamespace ${q(route.gateway.workloadNamespace)} is not a DNS-1123 label.`);
  return problems;
}

/** The name the deployed egress gateway gives a client port (as the egress route derives them). */
function workloadPortName(route: EgressRouteModel, port: number): string {
  if (route.mode === 'TLS_PASSTHROUGH') return port === 443 ? 'https' : `tls-${port}`;
  return port === 80 ? 'http2' : `http-${port}`;
}

function lockDownProblems(route: EgressRouteModel): string[] {
  const problems: string[] = [];
  const clients = route.allowedClients;
  if (clients) {
    if (route.mode === 'TLS_PASSTHROUGH') {
      problems.push(
        'allowedClients needs the clients\' identity, which the egress gateway learns from Istio mutual TLS, and TLS passthrough carries none; ' +
          'lock the clients in with clientNetworkPolicy instead, or use EgressMode.HTTP or EgressMode.TLS_ORIGINATION.',
      );
    } else if (!route.mutualTls) {
      problems.push(
        'allowedClients needs the clients\' identity, which the egress gateway learns from Istio mutual TLS; set mutualTls to true (the default), or remove allowedClients.',
      );
    }
    if (clients.serviceAccounts.length === 0 && clients.namespaces.length === 0) {
      problems.push('allowedClients names no service account and no namespace, so no client could send; name at least one, or remove allowedClients.');
    }
    if (clients.serviceAccounts.length > MAX_SERVICE_ACCOUNTS) {
      problems.push(
        `allowedClients lists ${clients.serviceAccounts.length} service accounts; Istio accepts at most ${MAX_SERVICE_ACCOUNTS}: allow their namespaces instead.`,
      );
    }
    for (const account of clients.serviceAccounts) {
      const [namespace, name, ...rest] = account.split('/');
      if (rest.length > 0 || name === undefined || !isDnsLabel(namespace) || !isDnsSubdomain(name)) {
        // A principal copied from an AuthorizationPolicy or a certificate: say which account it names.
        const principal = /^(?:spiffe:\/\/)?[^/]+\/ns\/([^/]+)\/sa\/([^/]+)$/.exec(account);
        const fix = principal && isDnsLabel(principal[1]) && isDnsSubdomain(principal[2]) ? `write ${q(`${principal[1]}/${principal[2]}`)}` : 'write e.g. "default/curl"';
        problems.push(`allowedClients: service account ${q(account)} is not "<namespace>/<name>"; ${fix}.`);
      }
    }
    for (const namespace of clients.namespaces) {
      if (!isDnsLabel(namespace)) problems.push(`allowedClients: namespace ${q(namespace)} is not a DNS-1123 label.`);
    }
  }
  if (clients && route.api === ApiFlavor.ISTIO) problems.push(...unroutedClientProblems(route, clients));
  const policy = route.clientNetworkPolicy;
  if (policy) {
    for (const namespace of [...policy.allowedNamespaces, policy.controlPlaneNamespace, policy.dnsNamespace]) {
      if (!isDnsLabel(namespace)) problems.push(`clientNetworkPolicy: namespace ${q(namespace)} is not a DNS-1123 label.`);
    }
    const gatewayNamespace = route.gateway.workloadNamespace;
    const infrastructure: Array<[string, string]> = [
      [policy.dnsNamespace, 'which runs the cluster DNS (dnsNamespace), and cut it off from the resolvers outside the cluster, so no external name would resolve, the host\'s included'],
      [policy.controlPlaneNamespace, 'where the control plane runs (controlPlaneNamespace), and cut istiod off from the Kubernetes API server'],
    ];
    for (const [namespace, what] of infrastructure) {
      if (namespace !== gatewayNamespace && route.clientNamespaces.includes(namespace)) {
        problems.push(`clientNetworkPolicy would confine client namespace ${q(namespace)}, ${what}; remove ${q(namespace)} from clientNamespaces.`);
      }
    }
    if (route.clientNamespaces.includes(gatewayNamespace)) {
      problems.push(
        route.api === ApiFlavor.ISTIO
          ? `clientNetworkPolicy would confine client namespace ${q(gatewayNamespace)}, where the egress gateway runs, ` +
              'and cut the gateway off from the external host; run the clients in another namespace, or remove clientNetworkPolicy.'
          : `clientNetworkPolicy would confine client namespace ${q(gatewayNamespace)}, where Istio deploys the egress gateway for the Gateway, ` +
              'and a NetworkPolicy cannot tell the gateway\'s pods from a client pod that copies their labels; give the route a namespace of its own ' +
              '(namespace, e.g. "istio-egress") and list the clients in clientNamespaces, or remove clientNetworkPolicy.',
      );
    }
  }
  return problems;
}

/**
 * With the Istio API the mesh leg sends to the route's subset of the egress gateway's Service, and a
 * DestinationRule defining it is written in each client namespace only: Istio looks a
 * DestinationRule up in the client's namespace, the Service's and the root namespace, no further.
 * A client allowed by the AuthorizationPolicy but in a namespace without the subset has its
 * requests fail at its own sidecar (route to an undefined subset, 503 NR): it never reaches the
 * gateway that would let it through. Unless a client namespace is the gateway's own, whose
 * DestinationRule (exported to every namespace by default) every client finds.
 */
function unroutedClientProblems(route: EgressRouteModel, clients: NonNullable<EgressRouteModel['allowedClients']>): string[] {
  const routed = new Set(route.clientNamespaces);
  if (routed.has(route.gateway.workloadNamespace)) return [];
  const problems: string[] = [];
  const reason = (namespace: string) =>
    'gets no DestinationRule with the route\'s subset (it is not in clientNamespaces), so its requests fail at its own sidecar before they reach the egress gateway; ' +
    `add ${q(namespace)} to clientNamespaces.`;
  for (const account of clients.serviceAccounts) {
    const namespace = account.split('/')[0];
    if (isDnsLabel(namespace) && account.split('/').length === 2 && !routed.has(namespace)) {
      problems.push(`allowedClients: service account ${q(account)} is in namespace ${q(namespace)}, which ${reason(namespace)}`);
    }
  }
  for (const namespace of clients.namespaces) {
    if (isDnsLabel(namespace) && !routed.has(namespace)) problems.push(`allowedClients: namespace ${q(namespace)} ${reason(namespace)}`);
  }
  return problems;
}

/**
 * An ALLOW AuthorizationPolicy on a workload makes Istio deny every request to it that no ALLOW
 * policy matches. A route with allowedClients puts one on its egress gateway's pods: another route
 * through the same pods without allowedClients of its own has every request denied there.
 */
function lockedGatewayProblems(route: EgressRouteModel, scope: IConstruct): string[] {
  if (route.api !== ApiFlavor.ISTIO || route.allowedClients) return [];
  const registry = AppRegistry.of(scope);
  const problems: string[] = [];
  const own = route.gateway;
  for (const [other, use] of registry.egressGatewayUses()) {
    if (other === scope || !use.locksDown || use.namespace !== own.workloadNamespace) continue;
    if (samePods(own.selector, use.selector, registry, { namespace: own.workloadNamespace }) === undefined) continue;
    problems.push(
      `the egress gateway pods (${q(selectorText(own.selector))} in namespace ${q(own.workloadNamespace)}) are locked down by ${other.node.path} (allowedClients), ` +
        'and Istio denies every request to them that no ALLOW AuthorizationPolicy matches, so this route\'s clients would be refused; ' +
        'give this route allowedClients too, or send it through another egress gateway.',
    );
  }
  return problems;
}

/**
 * Without Istio mutual TLS from the clients, whoever reaches the egress gateway's pods can send
 * through them; pods behind a NodePort or LoadBalancer Service (an ingress gateway this app deploys,
 * selected by gatewaySelector) are reached from outside the cluster. The route's own workload is
 * checked where its serviceType is given.
 */
function exposedGatewayProblems(route: EgressRouteModel, scope: IConstruct): string[] {
  if (route.api !== ApiFlavor.ISTIO || route.mutualTls || route.explicit.workload) return [];
  const registry = AppRegistry.of(scope);
  const own = route.gateway;
  return registry
    .deployedWorkloads()
    .filter((w) => w.namespace === own.workloadNamespace && w.serviceType !== undefined && w.serviceType !== 'ClusterIP')
    .filter((w) => registry.clusterOf(w.scope) === registry.clusterOf(scope) && Object.entries(own.selector).every(([k, v]) => w.podLabels[k] === v))
    .map(
      (w) =>
        `gatewaySelector ${q(selectorText(own.selector))} selects the pods of ${w.ref}, whose Service is of type ${w.serviceType} and reachable from outside the cluster, ` +
        `and without Istio mutual TLS (${route.mode === 'TLS_PASSTHROUGH' ? 'TLS passthrough carries none' : 'mutualTls is false'}) anyone who reaches it could send through it to ${q(route.host)}; ` +
        'send through an egress gateway behind a ClusterIP Service.',
    );
}

function selectorText(selector: { readonly [key: string]: string }): string {
  return Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(',');
}

/** Records that the egress route at `path` claims `host` in the app of `scope`. */
export function claimEgressHost(scope: IConstruct, host: string, path: string): void {
  AppRegistry.of(scope).claimEgressHost(host, path);
}

/** A host has one ServiceEntry and one pair of legs: two routes for one host would contend. */
function sharedHostProblems(route: EgressRouteModel, scope: IConstruct): string[] {
  const others = AppRegistry.of(scope).egressHostClaimsOf(route.host).filter((path) => path !== route.constructPath);
  return others.map(
    (path) =>
      `host ${q(route.host)} is also sent through an egress gateway by ${path}; two ServiceEntries and routes for one host contend: ` +
        'route all of its ports with one EgressRoute.',
  );
}
