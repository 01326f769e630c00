import { IConstruct } from 'constructs';
import { BackendPolicyModel } from './backend-policy';
import { GatewayModel } from './gateway';
import { recordChange } from '../validation/memo';

/**
 * The intent of this library's constructs in one app, for the rules that look across constructs
 * (a route's gateway, a subset's DestinationRule). Kept per app root; read only at synth.
 */
export class AppRegistry {
  /** The registry of the app that `scope` belongs to. */
  public static of(scope: IConstruct): AppRegistry {
    const root = scope.node.root;
    let registry = REGISTRIES.get(root);
    if (!registry) {
      registry = new AppRegistry();
      REGISTRIES.set(root, registry);
    }
    return registry;
  }

  private readonly gateways = new Map<IConstruct, () => GatewayModel>();
  private readonly policies = new Map<IConstruct, () => BackendPolicyModel>();
  private readonly policiesByHost = new Map<string, IConstruct[]>();
  private readonly subsetUsersByHost = new Map<string, IConstruct[]>();
  /** backendPoliciesByHost(), built once per set of policies (a route's validation reads it). */
  private policyIndex?: Map<string, BackendPolicyModel[]>;
  private readonly networkClaimsByGateway = new Map<IConstruct, NetworkClaim>();
  private readonly routesByGateway = new Map<IConstruct, Map<IConstruct, () => string[]>>();

  public registerGateway(gateway: IConstruct, model: () => GatewayModel): void {
    recordChange();
    this.gateways.set(gateway, model);
  }

  /** Every gateway defined in this app, with its model. */
  public allGateways(): Array<{ readonly gateway: IConstruct; readonly model: GatewayModel }> {
    return [...this.gateways].map(([gateway, model]) => ({ gateway, model: model() }));
  }

  /** Records that an HTTP route binds to `gateway` for `hosts`. */
  public registerHttpRoute(gateway: IConstruct, route: IConstruct, hosts: () => string[]): void {
    recordChange();
    const routes = this.routesByGateway.get(gateway) ?? new Map<IConstruct, () => string[]>();
    routes.set(route, hosts);
    this.routesByGateway.set(gateway, routes);
  }

  /** The HTTP routes bound to `gateway`, in the order they were created, each with its hosts. */
  public httpRouteHostsOf(gateway: IConstruct): ReadonlyMap<IConstruct, () => string[]> {
    return this.routesByGateway.get(gateway) ?? NO_ROUTES;
  }

  /**
   * Registers a backend policy for `host`. Every route that sends to a subset of `host`, before or
   * after, depends on it, so the policy is written (and applied) before the route.
   */
  public registerBackendPolicy(policy: IConstruct, host: string, model: () => BackendPolicyModel): void {
    recordChange();
    this.policies.set(policy, model);
    this.policyIndex = undefined;
    this.policiesByHost.set(host, [...(this.policiesByHost.get(host) ?? []), policy]);
    for (const user of this.subsetUsersByHost.get(host) ?? []) user.node.addDependency(policy);
  }

  /** Records that `route` sends to a subset of `host`: it depends on the host's policies. */
  public registerSubsetUser(route: IConstruct, host: string): void {
    recordChange();
    const users = this.subsetUsersByHost.get(host) ?? [];
    if (users.includes(route)) return;
    this.subsetUsersByHost.set(host, [...users, route]);
    for (const policy of this.policiesByHost.get(host) ?? []) route.node.addDependency(policy);
  }

  /** Records that an east-west gateway puts `cluster` on `network`. */
  public registerNetworkClaim(gateway: IConstruct, claim: NetworkClaim): void {
    recordChange();
    this.networkClaimsByGateway.set(gateway, claim);
  }

  /** Every network claim in the app, by gateway. */
  public networkClaims(): Map<IConstruct, NetworkClaim> {
    return this.networkClaimsByGateway;
  }

  /** The model of a gateway defined in this app, or undefined for a gateway defined elsewhere. */
  public gatewayModel(gateway: IConstruct): GatewayModel | undefined {
    return this.gateways.get(gateway)?.();
  }

  /**
   * Every backend policy in the app, indexed by Service host. Built once and kept until another
   * policy registers: a policy's model is fixed when it is created but for its subsets, which it
   * holds by reference (`addSubset()` shows through).
   */
  public backendPoliciesByHost(): Map<string, BackendPolicyModel[]> {
    if (this.policyIndex) return this.policyIndex;
    const index = new Map<string, BackendPolicyModel[]>();
    for (const model of this.policies.values()) {
      const policy = model();
      index.set(policy.host, [...(index.get(policy.host) ?? []), policy]);
    }
    this.policyIndex = index;
    return index;
  }
}

const REGISTRIES = new WeakMap<IConstruct, AppRegistry>();
const NO_ROUTES: ReadonlyMap<IConstruct, () => string[]> = new Map();

/** An east-west gateway's statement that a cluster is on a network. */
export interface NetworkClaim {
  readonly network: string;
  /** The cluster, when named. */
  readonly cluster?: string;
  /** The construct path, for messages. */
  readonly path: string;
}
