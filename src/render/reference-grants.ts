import { ApiObject, Lazy } from 'cdk8s';
import * as gw from '../../imports/gateway.networking.k8s.io';
import { ReferenceGrantModel } from '../model/reference-grant';
import { ResolvedBackend } from '../model/route';

/**
 * The ReferenceGrants a Gateway API route needs for backends in other namespaces: one per target
 * namespace, naming each Service. The route's object depends on them, so they are applied first.
 *
 * They sit beside the route (in its scope), not under it: cdk8s makes every object under a construct
 * depend on what that construct depends on, so two grants under the route would each depend on the
 * other (a cycle, for a route with backends in two other namespaces).
 */
export class ReferenceGrants {
  private readonly grants = new Map<string, Set<string>>();

  /** @param route the HTTPRoute, TLSRoute or TCPRoute (its kind, name and namespace are the grants' `from`) */
  public constructor(private readonly route: ApiObject, private readonly routeNamespace: string) {}

  /** Grants access to every backend outside the route's namespace. */
  public allow(backends: ResolvedBackend[]): void {
    for (const backend of backends) {
      if (backend.namespace === this.routeNamespace) continue;
      let names = this.grants.get(backend.namespace);
      if (!names) {
        names = new Set();
        this.grants.set(backend.namespace, names);
        this.create(backend.namespace, names);
      }
      names.add(backend.serviceName);
    }
  }

  private create(namespace: string, names: Set<string>): void {
    const model = (): ReferenceGrantModel => ({
      name: `${this.route.name}-from-${this.routeNamespace}`.slice(0, 253),
      namespace,
      fromKind: this.route.kind,
      fromNamespace: this.routeNamespace,
      toKind: 'Service',
      toNames: [...names].sort(),
    });
    const scope = this.route.node.scope!;
    const grant = new gw.ReferenceGrant(scope, `${this.route.node.id}-ReferenceGrant-${namespace}`, {
      metadata: { name: model().name, namespace },
      spec: Lazy.any({ produce: () => referenceGrantSpec(model()) }),
    });
    this.route.node.addDependency(grant);
  }
}

function referenceGrantSpec(grant: ReferenceGrantModel): gw.ReferenceGrantSpec {
  return {
    from: [{ group: 'gateway.networking.k8s.io', kind: grant.fromKind, namespace: grant.fromNamespace }],
    to: grant.toNames.map((name) => ({ group: '', kind: grant.toKind, name })),
  };
}
