import { IConstruct } from 'constructs';
import { PORT_FAMILY } from './gateway-rules';
import { hostsIntersect, parseScopedHost, patternsCovering } from './hosts';
import { q } from './names';
import { samePods } from './selectors';
import { suppressible } from './suppressible';
import { SuppressibleRule } from './suppressions';
import { ApiFlavor } from '../api-flavor';
import { ListenerProtocol } from '../listener';
import { GatewayModel } from '../model/gateway';
import { AppRegistry } from '../model/registry';

function sameSelector(a: GatewayModel, b: GatewayModel): boolean {
  const ka = Object.keys(a.selector).sort();
  const kb = Object.keys(b.selector).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a.selector[k] === b.selector[k]);
}

/**
 * The rules across gateways of one app (and across its charts) for an Istio API gateway: other
 * Gateways on the same pods must not serve the same port and host (IST0145), should
 * not share a credential (SHARED_CREDENTIAL), and routes bound to this gateway should not share a
 * host (MERGED_ROUTES).
 */
export function crossGatewayProblems(gateway: IConstruct, own: GatewayModel, api: ApiFlavor): string[] {
  if (api !== ApiFlavor.ISTIO) return [];
  const registry = AppRegistry.of(gateway);
  const problems: string[] = [];
  for (const { gateway: other, model } of registry.allGateways()) {
    if (other === gateway || !registry.isIstioGateway(other) || own.cluster !== model.cluster) continue;
    // The same Gateway object written twice is reported once, by the identity rule, not again as
    // two gateways on the same pods.
    if (model.namespace === own.namespace && model.name === own.name) continue;
    const pods = samePods(own.selector, model.selector, registry, { cluster: own.cluster });
    if (pods === undefined) continue;
    const ref = `${model.namespace}/${model.name}`;
    const equal = sameSelector(own, model);
    const differently = `the same pods (selectors ${q(selectorText(own))} and ${q(selectorText(model))}${pods ? ` both select workload ${pods}` : ''})`;
    const workload = equal ? `the same workload (${selectorText(own)})` : differently;
    const sharedWorkload = equal ? 'the same workload' : differently;
    for (const a of own.listeners) {
      for (const b of model.listeners.filter((l) => l.port === a.port)) {
        // Istio merges the servers of one port of a workload only within one protocol family; of an
        // HTTP and an HTTPS/TLS or TCP server it keeps the one it reads first (MergeGateways).
        if (PORT_FAMILY[a.protocol] !== PORT_FAMILY[b.protocol]) {
          problems.push(
            `listener ${q(a.name)} (${a.protocol}) shares port ${a.port} on ${workload} with listener ${q(b.name)} (${b.protocol}) of gateway ${ref}; ` +
              'one port of a workload serves one protocol family (HTTP, HTTPS/TLS or TCP), and Istio does not serve both (it skips one, depending on the order it reads them): move one listener to another port.',
          );
          continue;
        }
        // The same host only (Istio's analyzer compares hosts as written, CheckDuplicates): a
        // wildcard beside one of its hosts is two virtual hosts or filter chains, the most specific
        // chosen first.
        const host = a.hosts.find((ha) => b.hosts.some((hb) => parseScopedHost(ha).host === parseScopedHost(hb).host));
        if (host !== undefined) {
          problems.push(
            `listener ${q(a.name)} serves port ${a.port} for host ${q(host)} on ${workload} as gateway ${ref}; ` +
              'Istio keeps only one of them (IST0145): merge the listeners into one gateway, or give them different hosts (a wildcard beside one of its hosts is fine).',
          );
        }
      }
      const shared = a.protocol === ListenerProtocol.HTTPS && a.tls
        ? model.listeners.find((b) => b.tls && b.tls.credentialName === a.tls!.credentialName)
        : undefined;
      if (shared) {
        problems.push(
          ...suppressible(
            gateway,
            SuppressibleRule.SHARED_CREDENTIAL,
            `listener ${q(a.name)} uses credential ${q(a.tls!.credentialName)}, which gateway ${ref} on ${sharedWorkload} uses too; ` +
              'define the hosts that share a certificate in one gateway',
          ),
        );
      }
    }
  }
  problems.push(...lockedPodsProblems(own, registry));
  problems.push(...mergedRouteProblems(gateway, registry));
  return problems;
}

/**
 * An egress route's allowedClients puts an ALLOW AuthorizationPolicy on its egress gateway's pods,
 * and Istio then denies every request to them that no ALLOW policy matches: a gateway on those pods
 * would answer its clients 403.
 */
function lockedPodsProblems(own: GatewayModel, registry: AppRegistry): string[] {
  const problems: string[] = [];
  for (const [route, use] of registry.egressGatewayUses()) {
    if (registry.clusterOf(route) !== own.cluster) continue;
    if (samePods(own.selector, use.selector, registry, { cluster: own.cluster, namespace: use.namespace }) === undefined) continue;
    for (const server of use.servers?.() ?? []) {
      const clash = own.listeners.find((l) => l.port === server.port && PORT_FAMILY[l.protocol] !== PORT_FAMILY[server.protocol as ListenerProtocol]);
      if (clash) {
        problems.push(
          `listener ${q(clash.name)} (${clash.protocol}) shares port ${server.port} on the egress gateway pods (${q(Object.entries(use.selector).map(([k, v]) => `${k}=${v}`).join(','))} in namespace ${q(use.namespace)}) ` +
            `with the ${server.protocol} server of ${route.node.path}; one port of a workload serves one protocol family (HTTP, HTTPS/TLS or TCP), and Istio does not serve both (it skips one, depending on the order it reads them): ` +
            'move the listener to another port, or select other pods for this gateway.',
        );
      }
    }
    if (!use.locksDown) continue;
    problems.push(
      `selector ${q(selectorText(own))} selects the egress gateway pods (${q(Object.entries(use.selector).map(([k, v]) => `${k}=${v}`).join(','))} in namespace ${q(use.namespace)}) ` +
        `that ${route.node.path} locks down (allowedClients), and Istio denies every request to them that no ALLOW AuthorizationPolicy matches, so this gateway's clients would be refused; ` +
        'select other pods for this gateway, or send the egress route through another egress gateway.',
    );
  }
  return problems;
}

/**
 * Routes of one gateway whose hosts intersect. Indexed by host pattern, so that thousands of routes
 * with their own hosts cost one lookup per host; only wildcard hosts are compared with every host.
 */
function mergedRouteProblems(gateway: IConstruct, registry: AppRegistry): string[] {
  const owners = new Map<string, IConstruct>();
  const reported = new Set<string>();
  const problems: string[] = [];
  // While no route owns a wildcard, the only pattern covering a plain host that can be owned is the host.
  let wildcardOwners = 0;
  for (const [route, hostsOf] of registry.httpRouteHostsOf(gateway)) {
    const hosts = hostsOf();
    for (const host of hosts.length === 1 ? hosts : new Set(hosts)) {
      const overlapping = host.startsWith('*')
        ? [...owners.keys()].filter((known) => hostsIntersect(known, host))
        : wildcardOwners === 0
          ? owners.has(host) ? [host] : []
          : patternsCovering(host).filter((pattern) => owners.has(pattern));
      for (const known of overlapping) {
        const other = owners.get(known)!;
        const pair = `${other.node.path} ${route.node.path}`;
        if (other === route || reported.has(pair)) continue;
        reported.add(pair);
        problems.push(
          ...suppressible(
            gateway,
            SuppressibleRule.MERGED_ROUTES,
            `routes ${other.node.path} and ${route.node.path} both serve host ${q(host)} on this gateway; ` +
              'Istio merges them in creation order, so which rule matches first is undefined: put their rules in one route',
          ),
        );
      }
      if (!owners.has(host)) {
        owners.set(host, route);
        if (host.startsWith('*')) wildcardOwners++;
      }
    }
  }
  return problems;
}

function selectorText(model: GatewayModel): string {
  return Object.entries(model.selector).map(([k, v]) => `${k}=${v}`).join(',');
}
