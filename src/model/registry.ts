import { Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { BackendPolicyModel } from './backend-policy';
import { GatewayModel } from './gateway';
import { ApiFlavor } from '../api-flavor';
import type { GatewayListener } from '../listener';
import { identityProblems } from '../validation/identity-rules';
import type { SuppressibleRule } from '../validation/suppressions';

/**
 * The intent of this library's constructs in one app, for the rules that look across constructs
 * (a route's gateway, a subset's DestinationRule). Kept per app root; read only at synth.
 *
 * Every fact validation reads beyond a construct's own fields lives here, with its own count of
 * changes: two apps in one process never see, nor invalidate, each other's facts.
 */
export class AppRegistry {
  /** The registry of the app that `scope` belongs to. */
  public static of(scope: IConstruct): AppRegistry {
    const root = scope.node.root;
    let registry = REGISTRIES.get(root);
    if (!registry) {
      registry = new AppRegistry(root);
      REGISTRIES.set(root, registry);
    }
    return registry;
  }

  /** Records, in the registry of the app of `scope`, a change that may change what validation finds. */
  public static recordChange(scope: IConstruct): void {
    AppRegistry.of(scope).recordChange();
  }

  /**
   * How many changes were made in this app to what validation reads beyond a construct's own
   * fields: a gateway, route, backend policy, subset user, network claim or egress host
   * registered, a rule, listener, subset or Service port added, a suppression.
   */
  private changes = 0;
  /**
   * Validation passes started in this app (the object-identity sweep starts each one): what
   * validation reads of values the user still holds (listeners' host lists) is read again once per pass.
   */
  private passes = 0;
  private readonly istioGateways = new Set<IConstruct>();
  private readonly suppressions = new Map<IConstruct, Map<SuppressibleRule, string>>();
  private readonly egressHostClaims = new Map<string, string[]>();
  private readonly owners = new Set<IConstruct>();
  /** Objects written beside the construct they belong to (a route's ReferenceGrants), by object. */
  private readonly attributions = new Map<IConstruct, IConstruct>();
  private readonly clusters = new Map<IConstruct, string>();
  private readonly sweptScopes = new Set<IConstruct>();
  private readonly identityHooks = new Set<IConstruct>();
  private identityMessages = new Map<IConstruct, string[]>();
  private readonly workloads = new Map<IConstruct, DeployedWorkload>();
  private readonly egressGateways = new Map<IConstruct, EgressGatewayUse>();
  private readonly streamClaims = new Map<IConstruct, () => StreamClaim[]>();
  private readonly listenerVersions = new Map<GatewayListener, { pass: number; text: string; version: number }>();
  /** Per-app caches of values derived from listeners (see `cache()`). */
  private readonly caches = new Map<string, WeakMap<object, unknown>>();

  private readonly gateways = new Map<IConstruct, () => GatewayModel>();
  private readonly policies = new Map<IConstruct, () => BackendPolicyModel>();
  private readonly policiesByHost = new Map<string, IConstruct[]>();
  private readonly subsetUsersByHost = new Map<string, IConstruct[]>();
  /** backendPoliciesByHost(), built once per set of policies (a route's validation reads it). */
  private policyIndex?: Map<string, BackendPolicyModel[]>;
  private readonly networkClaimsByGateway = new Map<IConstruct, NetworkClaim>();
  private readonly routesByGateway = new Map<IConstruct, Map<IConstruct, () => string[]>>();

  private constructor(private readonly root: IConstruct) {
    this.watch(root);
  }

  /** Records a change that may change what validation finds (see `revision`). */
  public recordChange(): void {
    this.changes++;
  }

  /** The number of changes recorded in this app so far. */
  public get revision(): number {
    return this.changes;
  }

  /** The number of validation passes started in this app so far. */
  public get pass(): number {
    return this.passes;
  }

  /**
   * Records that `owner`, a construct of this library, writes the objects below it: an object's
   * identity conflicts are reported on its nearest owner (the object itself when it has none).
   * Also makes sure the owner's chart checks object identity when synthesized alone.
   */
  public registerOwner(owner: IConstruct, cluster?: string): void {
    this.owners.add(owner);
    if (cluster !== undefined) this.clusters.set(owner, cluster);
    const chart = owner.node.scopes.find((s) => Chart.isChart(s));
    if (chart) this.watch(chart);
  }

  /**
   * Records that `object` belongs to `owner` though it is not below it in the construct tree (a
   * route's ReferenceGrants sit beside the route), for messages about the objects an app writes.
   */
  public attribute(object: IConstruct, owner: IConstruct): void {
    this.attributions.set(object, owner);
  }

  /** The construct `object` was attributed to (see `attribute()`), if any. */
  public attributedOwner(object: IConstruct): IConstruct | undefined {
    return this.attributions.get(object);
  }

  /** Whether `scope` writes objects as a construct of this library (see `registerOwner()`). */
  public isOwner(scope: IConstruct): boolean {
    return this.owners.has(scope);
  }

  /** The cluster the objects below `scope` are applied to, when its construct names one. */
  public clusterOf(scope: IConstruct): string | undefined {
    if (this.clusters.size === 0) return undefined;
    const scopes = scope.node.scopes;
    for (let i = scopes.length - 1; i >= 0; i--) {
      const cluster = this.clusters.get(scopes[i]);
      if (cluster !== undefined) return cluster;
    }
    return undefined;
  }

  /**
   * Adds the object-identity sweep to `scope` (the app, or a chart), once. cdk8s validates a scope
   * before what is below it, so the sweep runs first in each validation pass, and attaches to the
   * constructs it finds in conflict the validation that reports their messages.
   */
  private watch(scope: IConstruct): void {
    if (this.sweptScopes.has(scope)) return;
    this.sweptScopes.add(scope);
    scope.node.addValidation({
      validate: () => {
        this.passes++;
        this.identityMessages = identityProblems(this.root, this);
        for (const owner of this.identityMessages.keys()) {
          if (this.identityHooks.has(owner)) continue;
          this.identityHooks.add(owner);
          owner.node.addValidation({ validate: () => this.identityMessages.get(owner) ?? [] });
        }
        return [];
      },
    });
  }

  /** Records that `gateway` is rendered with `api`. */
  public registerGateway(gateway: IConstruct, model: () => GatewayModel, api: ApiFlavor = ApiFlavor.ISTIO): void {
    this.recordChange();
    this.gateways.set(gateway, model);
    if (api === ApiFlavor.ISTIO) this.istioGateways.add(gateway);
  }

  /** Whether `gateway` is a gateway of this app rendered with the Istio API. */
  public isIstioGateway(gateway: IConstruct): boolean {
    return this.istioGateways.has(gateway);
  }

  /** Suppresses `rule` for `scope` and everything below it, with `reason`. */
  public suppress(scope: IConstruct, rule: SuppressibleRule, reason: string): void {
    this.recordChange();
    const rules = this.suppressions.get(scope) ?? new Map<SuppressibleRule, string>();
    rules.set(rule, reason);
    this.suppressions.set(scope, rules);
  }

  /** Whether `rule` is suppressed for `scope` (on it or a scope above it). */
  public isSuppressed(scope: IConstruct, rule: SuppressibleRule): boolean {
    if (this.suppressions.size === 0) return false;
    return scope.node.scopes.some((s) => this.suppressions.get(s)?.has(rule) ?? false);
  }

  /** Records that the egress route at `path` sends `host` through an egress gateway. */
  public claimEgressHost(host: string, path: string): void {
    this.recordChange();
    this.egressHostClaims.set(host, [...(this.egressHostClaims.get(host) ?? []), path]);
  }

  /** The paths of the egress routes that send `host` through an egress gateway. */
  public egressHostClaimsOf(host: string): readonly string[] {
    return this.egressHostClaims.get(host) ?? [];
  }

  /** Records the egress gateway an egress route sends through, and whether it locks it down. */
  public registerEgressGateway(route: IConstruct, gateway: EgressGatewayUse): void {
    this.recordChange();
    this.egressGateways.set(route, gateway);
  }

  /** The egress gateways the egress routes of this app send through, by route. */
  public egressGatewayUses(): ReadonlyMap<IConstruct, EgressGatewayUse> {
    return this.egressGateways;
  }

  /** Records a gateway workload this app deploys, with the labels of its pods. */
  public registerWorkload(workload: IConstruct, deployed: DeployedWorkload): void {
    this.recordChange();
    this.workloads.set(workload, deployed);
  }

  /** Every gateway workload this app deploys. */
  public deployedWorkloads(): DeployedWorkload[] {
    return [...this.workloads.values()];
  }

  /** Records what a TLS or TCP route claims on its gateway (read at synth). */
  public registerStreamRoute(route: IConstruct, claims: () => StreamClaim[]): void {
    this.recordChange();
    this.streamClaims.set(route, claims);
  }

  /** What every TLS and TCP route of the app claims, by route. */
  public streamRouteClaims(): Array<{ readonly route: IConstruct; readonly claims: StreamClaim[] }> {
    return [...this.streamClaims].map(([route, claims]) => ({ route, claims: claims() }));
  }

  /**
   * A number that changes whenever `listener`'s hosts or route namespaces change, read again once
   * per validation pass: a host list the user changed in place after a first synthesis (even to
   * the same length) is not answered from a result computed before.
   */
  public listenerVersion(listener: GatewayListener): number {
    const known = this.listenerVersions.get(listener);
    if (known && known.pass === this.passes) return known.version;
    const text = [listener.port, listener.protocol, ...listener.hosts, '|', ...(listener.routeNamespaces?.namespaces ?? [])].join('\n');
    if (known && known.text === text) {
      known.pass = this.passes;
      return known.version;
    }
    const version = (known?.version ?? 0) + 1;
    this.listenerVersions.set(listener, { pass: this.passes, text, version });
    return version;
  }

  /** A per-app cache named `name`, keyed by object (for values derived from listeners). */
  public cache<K extends object, V>(name: string): WeakMap<K, V> {
    let cache = this.caches.get(name);
    if (!cache) {
      cache = new WeakMap();
      this.caches.set(name, cache);
    }
    return cache as WeakMap<K, V>;
  }

  /** Every gateway defined in this app, with its model. */
  public allGateways(): Array<{ readonly gateway: IConstruct; readonly model: GatewayModel }> {
    return [...this.gateways].map(([gateway, model]) => ({ gateway, model: model() }));
  }

  /** Records that an HTTP route binds to `gateway` for `hosts`. */
  public registerHttpRoute(gateway: IConstruct, route: IConstruct, hosts: () => string[]): void {
    this.recordChange();
    const routes = this.routesByGateway.get(gateway) ?? new Map<IConstruct, () => string[]>();
    routes.set(route, hosts);
    this.routesByGateway.set(gateway, routes);
  }

  /** The HTTP routes bound to `gateway`, in the order they were created, each with its hosts. */
  public httpRouteHostsOf(gateway: IConstruct): ReadonlyMap<IConstruct, () => string[]> {
    const own = this.routesByGateway.get(gateway) ?? NO_ROUTES;
    const references = [...this.routesByGateway.keys()].filter(
      (g) => g !== gateway && !this.gateways.has(g) && this.localGatewayFor(g) === gateway,
    );
    if (references.length === 0) return own;
    const all = new Map(own);
    for (const reference of references) for (const [route, hosts] of this.routesByGateway.get(reference)!) all.set(route, hosts);
    return all;
  }

  /**
   * Registers a backend policy for `host`. Every route that sends to a subset of `host`, before or
   * after, depends on it, so the policy is written (and applied) before the route.
   */
  public registerBackendPolicy(policy: IConstruct, host: string, model: () => BackendPolicyModel): void {
    this.recordChange();
    this.policies.set(policy, model);
    this.policyIndex = undefined;
    this.policiesByHost.set(host, [...(this.policiesByHost.get(host) ?? []), policy]);
    for (const user of this.subsetUsersByHost.get(host) ?? []) user.node.addDependency(policy);
  }

  /** Records that `route` sends to a subset of `host`: it depends on the host's policies. */
  public registerSubsetUser(route: IConstruct, host: string): void {
    this.recordChange();
    const users = this.subsetUsersByHost.get(host) ?? [];
    if (users.includes(route)) return;
    this.subsetUsersByHost.set(host, [...users, route]);
    for (const policy of this.policiesByHost.get(host) ?? []) route.node.addDependency(policy);
  }

  /** Records that an east-west gateway puts `cluster` on `network`. */
  public registerNetworkClaim(gateway: IConstruct, claim: NetworkClaim): void {
    this.recordChange();
    this.networkClaimsByGateway.set(gateway, claim);
  }

  /** Every network claim in the app, by gateway. */
  public networkClaims(): Map<IConstruct, NetworkClaim> {
    return this.networkClaimsByGateway;
  }

  /**
   * The model of a gateway defined in this app, or undefined for a gateway defined elsewhere. A
   * reference by name (`IngressGateway.fromGatewayName`) to a gateway of this app is that gateway.
   */
  public gatewayModel(gateway: IConstruct): GatewayModel | undefined {
    const model = this.gateways.get(gateway) ?? this.gateways.get(this.localGatewayFor(gateway) ?? gateway);
    return model?.();
  }

  /** Whether `gateway` is a gateway defined in this app (not a reference by name). */
  public definesGateway(gateway: IConstruct): boolean {
    return this.gateways.has(gateway);
  }

  /**
   * The gateways of this app of a namespace and name, each with its API (two in different clusters
   * may share them).
   */
  public gatewaysNamed(namespace: string, name: string): Array<{ gateway: IConstruct; model: GatewayModel; api: ApiFlavor }> {
    const found: Array<{ gateway: IConstruct; model: GatewayModel; api: ApiFlavor }> = [];
    for (const [gateway, model] of this.gateways) {
      const m = model();
      if (m.name !== name || m.namespace !== namespace) continue;
      found.push({ gateway, model: m, api: this.istioGateways.has(gateway) ? ApiFlavor.ISTIO : ApiFlavor.GATEWAY_API });
    }
    return found;
  }

  /**
   * The one gateway of this app that a reference by name names (same namespace, name and API), so
   * that routes bound through the reference are checked with the routes bound to the gateway itself.
   */
  private localGatewayFor(gateway: IConstruct): IConstruct | undefined {
    if (this.gateways.has(gateway)) return undefined;
    const ref = gateway as Partial<{ gatewayName: string; gatewayNamespace: string; api: ApiFlavor }>;
    if (ref.gatewayName === undefined || ref.gatewayNamespace === undefined) return undefined;
    const same = this.gatewaysNamed(ref.gatewayNamespace, ref.gatewayName).filter((g) => g.api === ref.api);
    return same.length === 1 ? same[0].gateway : undefined;
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

/** The egress gateway pods an egress route (Istio API) sends through. */
export interface EgressGatewayUse {
  /** Namespace of the gateway pods. */
  readonly namespace: string;
  /** The Gateway's selector. */
  readonly selector: { readonly [key: string]: string };
  /** Whether the route puts an ALLOW AuthorizationPolicy (allowedClients) on them. */
  readonly locksDown: boolean;
  /** The servers of the route's egress Gateway: port and protocol. */
  readonly servers?: () => ReadonlyArray<{ readonly port: number; readonly protocol: 'HTTP' | 'HTTPS' | 'TLS' }>;
}

/** A gateway workload the app deploys. */
export interface DeployedWorkload {
  /** The workload construct. */
  readonly scope: IConstruct;
  /** `<namespace>/<name>` of its Deployment, for messages. */
  readonly ref: string;
  /** Namespace of its pods. */
  readonly namespace: string;
  /** Labels of its pods. */
  readonly podLabels: { readonly [key: string]: string };
  /** The type of its Service (`ClusterIP`, `NodePort`, `LoadBalancer`), when known. */
  readonly serviceType?: string;
}

/** What one rule of a TLS or TCP route claims on its gateway. */
export interface StreamClaim {
  readonly kind: 'tls' | 'tcp';
  /** The gateway the route binds to (defined in this app, or a reference to one defined elsewhere). */
  readonly gateway: IConstruct;
  /** `<namespace>/<name>` of the gateway the route binds to. */
  readonly gatewayRef: string;
  /** The SNI hosts (TLS), or `*` (TCP). */
  readonly hosts: string[];
  /** The listener port, when the rule names one. */
  readonly port?: number;
}

/** An east-west gateway's statement that a cluster is on a network. */
export interface NetworkClaim {
  readonly network: string;
  /** The cluster, when named. */
  readonly cluster?: string;
  /** The construct path, for messages. */
  readonly path: string;
}
