import { IConstruct } from 'constructs';
import { isDnsSubdomain, q } from './names';
import { ApiFlavor } from '../api-flavor';
import { AppRegistry } from '../model/registry';

/** The label (and Istio's name for it) that places pods, Services and Gateways on a network. */
export const NETWORK_LABEL = 'topology.istio.io/network';

const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)$/;

/** Whether `network` can be the value of the network label. */
export function isNetworkName(network: string): boolean {
  return typeof network === 'string' && network.length <= 63 && LABEL_VALUE.test(network);
}

/**
 * The network of a RemoteNetworkGateway: a label value, and when the Gateway is named after it
 * (`derivedName`), one that makes a Gateway name.
 */
export function remoteNetworkProblems(network: string, derivedName: string | undefined): string[] {
  if (!isNetworkName(network)) return [networkMessage(network)];
  if (derivedName !== undefined && !(derivedName.length <= 253 && isDnsSubdomain(derivedName))) {
    return [
      `network ${q(network)} names the Gateway ${q(derivedName)}, which is not a DNS-1123 subdomain; ` +
        `give name, e.g. ${q(`${network.toLowerCase().replace(/[^a-z0-9.-]/g, '-')}-eastwestgateway`)}.`,
    ];
  }
  return [];
}

function networkMessage(network: string): string {
  return `network ${q(network)} is not a valid label value; use letters, digits, '-', '_' and '.' (at most 63).`;
}

/**
 * Rule 11: one network name, well formed, and consistent across the app: a network belongs to one
 * cluster, and a cluster is on one network.
 */
export function networkProblems(gateway: IConstruct, api: ApiFlavor, mode: string): string[] {
  const claims = AppRegistry.of(gateway).networkClaims();
  const own = claims.get(gateway)!;
  const problems: string[] = [];
  if (!isNetworkName(own.network)) problems.push(networkMessage(own.network));
  if (mode === 'ambient' && api === ApiFlavor.ISTIO) {
    problems.push('the ambient east-west gateway exists only in the Gateway API (class istio-east-west); render with ApiFlavor.GATEWAY_API.');
  }
  for (const [other, claim] of claims) {
    if (other === gateway || own.cluster === undefined || claim.cluster === undefined) continue;
    if (claim.network === own.network && claim.cluster !== own.cluster) {
      problems.push(
        `network ${q(own.network)} is claimed by cluster ${q(own.cluster)} here and by cluster ${q(claim.cluster)} at ${claim.path}; ` +
          'give each cluster on its own network its own network name.',
      );
    }
    if (claim.cluster === own.cluster && claim.network !== own.network) {
      problems.push(
        `cluster ${q(own.cluster)} is put on network ${q(own.network)} here and on ${q(claim.network)} at ${claim.path}; a cluster is on one network.`,
      );
    }
  }
  return problems;
}
