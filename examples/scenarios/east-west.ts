// Multi-network meshes (Istio's "install multicluster" guides): each cluster runs an east-west
// gateway for its network. One `network` name drives the gateway's labels, its env and the
// Gateway's label; the primary of a primary-remote mesh also exposes istiod to the remote cluster.
//
// Istio API: the workload `gen-eastwest-gateway.sh` installs, plus `expose-services.yaml`
// (cross-network-gateway, AUTO_PASSTHROUGH on 15443 for *.local) and, on a primary that serves a
// remote, `expose-istiod.yaml` (istiod-gateway and istiod-vs). Gateway API: one Gateway of class
// `istio` labelled with the network, whose workload Istio deploys.
import { App, Chart } from 'cdk8s';
import { ApiFlavor, EastWestGateway, EastWestMode } from '../../src';

export interface ClusterOptions {
  readonly api: ApiFlavor;
  readonly cluster: string;
  readonly network: string;
  readonly exposeIstiod?: boolean;
  readonly mode?: EastWestMode;
}

export function eastWest(app: App, options: ClusterOptions): void {
  const chart = new Chart(app, options.cluster, { namespace: 'istio-system' });
  new EastWestGateway(chart, 'east-west', {
    api: options.api,
    cluster: options.cluster,
    network: options.network,
    exposeIstiod: options.exposeIstiod,
    mode: options.mode,
  });
}
