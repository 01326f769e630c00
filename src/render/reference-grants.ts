import { ApiObject, Lazy } from 'cdk8s';
import * as gw from '../../imports/gateway.networking.k8s.io';
import { ReferenceGrantModel } from '../model/reference-grant';
import { AppRegistry } from '../model/registry';
import { ResolvedBackend } from '../model/route';

/**
 * The ReferenceGrants a Gateway API route needs for backends in other namespaces: one per target
 * namespace, naming each Service (one more there per 16 Services: the CRD's `spec.to` holds 16). The
 * route's object depends on them, so they are applied first.
 *
 * They sit beside the route (in its scope), not under it: cdk8s makes every object under a construct
 * depend on what that construct depends on, so two grants under the route would each depend on the
 * other (a cycle, for a route with backends in two other namespaces).
 */
/** The most targets one ReferenceGrant lists (its CRD's `spec.to` maxItems). */
const MAX_TO = 16;

export class ReferenceGrants {
  /** The Service names granted in each namespace, in grants of at most `MAX_TO` names each. */
  private readonly grants = new Map<string, Array<Set<string>>>();

  /** @param route the HTTPRoute, TLSRoute or TCPRoute (its kind, name and namespace are the grants' `from`) */
  public constructor(private readonly route: ApiObject, private readonly routeNamespace: string) {}

  /** Grants access to every backend outside the route's namespace. */
  public allow(backends: ResolvedBackend[]): void {
    for (const backend of backends) {
      if (backend.namespace === this.routeNamespace) continue;
      let chunks = this.grants.get(backend.namespace);
      if (!chunks) {
        chunks = [];
        this.grants.set(backend.namespace, chunks);
      }
      if (chunks.some((names) => names.has(backend.serviceName))) continue;
      let last = chunks[chunks.length - 1];
      // A ReferenceGrant lists at most 16 targets (spec.to): a route reaching more Services of one
      // namespace gets one more grant there per 16.
      if (!last || last.size === MAX_TO) {
        last = new Set();
        chunks.push(last);
        this.create(backend.namespace, last, chunks.length);
      }
      last.add(backend.serviceName);
    }
  }

  private create(namespace: string, names: Set<string>, index: number): void {
    // A TLSRoute or TCPRoute may share its name with an HTTPRoute of the namespace: its grants say their kind.
    const kind = this.route.kind === 'HTTPRoute' ? '' : `-${this.route.kind.toLowerCase()}`;
    const base = `${this.route.name}${kind}-from-${this.routeNamespace}`;
    const suffix = index === 1 ? '' : `-${index}`;
    const model = (): ReferenceGrantModel => ({
      // At most 253 characters, ending in a letter or digit (a cut may end at a '-' or '.').
      name: `${base.slice(0, 253 - suffix.length).replace(/[-.]+$/, '')}${suffix}`,
      namespace,
      fromKind: this.route.kind,
      fromNamespace: this.routeNamespace,
      toKind: 'Service',
      toNames: [...names].sort(),
    });
    const scope = this.route.node.scope!;
    const grant = new gw.ReferenceGrant(scope, `${this.route.node.id}-ReferenceGrant-${namespace}${suffix}`, {
      metadata: { name: model().name, namespace },
      spec: Lazy.any({ produce: () => referenceGrantSpec(model()) }),
    });
    // It sits beside the route (below the route, it would depend on whatever the route depends on,
    // and two grants of one route on each other), but belongs to it.
    AppRegistry.of(this.route).attribute(grant, this.route);
    this.route.node.addDependency(grant);
  }
}

function referenceGrantSpec(grant: ReferenceGrantModel): gw.ReferenceGrantSpec {
  return {
    from: [{ group: 'gateway.networking.k8s.io', kind: grant.fromKind, namespace: grant.fromNamespace }],
    to: grant.toNames.map((name) => ({ group: '', kind: grant.toKind, name })),
  };
}
