import { ApiObject, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import type { AppRegistry } from '../model/registry';

/**
 * Kinds the apiserver keeps without a namespace (by `<group>/<kind>`, core group empty). kubectl
 * applies such an object by name alone, whatever namespace it is written with. Any other kind
 * (every custom resource of Istio and the Gateway API included) is namespaced.
 */
const CLUSTER_SCOPED = new Set([
  '/Namespace',
  '/Node',
  '/PersistentVolume',
  'rbac.authorization.k8s.io/ClusterRole',
  'rbac.authorization.k8s.io/ClusterRoleBinding',
  'apiextensions.k8s.io/CustomResourceDefinition',
  'apiregistration.k8s.io/APIService',
  'admissionregistration.k8s.io/MutatingWebhookConfiguration',
  'admissionregistration.k8s.io/ValidatingWebhookConfiguration',
  'admissionregistration.k8s.io/ValidatingAdmissionPolicy',
  'admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding',
  'storage.k8s.io/StorageClass',
  'storage.k8s.io/CSIDriver',
  'storage.k8s.io/VolumeAttachment',
  'scheduling.k8s.io/PriorityClass',
  'node.k8s.io/RuntimeClass',
  'networking.k8s.io/IngressClass',
  'gateway.networking.k8s.io/GatewayClass',
  'certificates.k8s.io/CertificateSigningRequest',
  'flowcontrol.apiserver.k8s.io/FlowSchema',
  'flowcontrol.apiserver.k8s.io/PriorityLevelConfiguration',
]);

/** An object as `kubectl apply` identifies it: API group (not version), kind, namespace and name. */
interface Identity {
  readonly key: string;
  /** The cluster its construct names, or '' (the app's one cluster, or any). */
  readonly cluster: string;
  /** `Kind`, for messages. */
  readonly kind: string;
  /** `<namespace>/<name>`, or `<name>` for a cluster-scoped object or one without namespace. */
  readonly ref: string;
}

function identityOf(object: ApiObject, registry: AppRegistry): Identity {
  // Objects of two different named clusters (an app that synthesizes several, `cluster` on a
  // gateway) never meet; an object whose construct names no cluster meets those of every cluster.
  const cluster = registry.clusterOf(object) ?? '';
  const apiVersion = object.apiVersion;
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  const name = object.name;
  if (CLUSTER_SCOPED.has(`${group}/${object.kind}`)) {
    return { key: `${group}\n${object.kind}\n\n${name}`, cluster, kind: object.kind, ref: name };
  }
  // Written without a namespace (neither its own nor its chart's), the object goes to the
  // namespace of kubectl's context at apply time: the same for all such objects of one app, and
  // unknown here (so not compared with objects that name a namespace).
  const namespace = object.metadata.namespace;
  return {
    key: `${group}\n${object.kind}\n${namespace === undefined ? '\0' : namespace}\n${name}`,
    cluster,
    kind: object.kind,
    ref: namespace === undefined ? name : `${namespace}/${name}`,
  };
}

/**
 * Objects of one app that `kubectl apply` would write to the same object (same API group, kind,
 * namespace and name): the last one applied would silently replace the other. Reported on each
 * side, on the construct of this library that writes the object (or the object itself, for one the
 * user writes), once per pair of constructs, listing the objects they both write.
 *
 * @returns the messages, by the construct they are reported on
 */
export function identityProblems(root: IConstruct, registry: AppRegistry): Map<IConstruct, string[]> {
  const byKey = new Map<string, Array<{ object: ApiObject; identity: Identity }>>();
  let collisions = false;
  for (const c of root.node.findAll()) {
    if (!ApiObject.isApiObject(c)) continue;
    const identity = identityOf(c, registry);
    const same = byKey.get(identity.key);
    if (same) {
      same.push({ object: c, identity });
      collisions = true;
    } else {
      byKey.set(identity.key, [{ object: c, identity }]);
    }
  }
  const messages = new Map<IConstruct, string[]>();
  if (!collisions) return messages;

  // For each construct, the constructs it shares objects with (in the order met), and those objects.
  const shared = new Map<IConstruct, Map<IConstruct, { identities: Identity[]; paths: string[] }>>();
  const note = (owner: IConstruct, other: IConstruct, identity: Identity, paths: string[]) => {
    const others = shared.get(owner) ?? new Map<IConstruct, { identities: Identity[]; paths: string[] }>();
    shared.set(owner, others);
    const entry = others.get(other) ?? { identities: [], paths: [] };
    others.set(other, entry);
    if (!entry.identities.includes(identity)) entry.identities.push(identity);
    entry.paths.push(...paths);
  };
  for (const same of byKey.values()) {
    if (same.length < 2) continue;
    for (let i = 0; i < same.length; i++) {
      for (let j = i + 1; j < same.length; j++) {
        const [ci, cj] = [same[i].identity.cluster, same[j].identity.cluster];
        if (ci !== '' && cj !== '' && ci !== cj) continue;
        const a = ownerOf(same[i].object, registry);
        const b = ownerOf(same[j].object, registry);
        const paths = [same[i].object.node.path, same[j].object.node.path];
        note(a, b, same[i].identity, paths);
        if (a !== b) note(b, a, same[i].identity, paths);
      }
    }
  }
  for (const [owner, others] of shared) {
    messages.set(
      owner,
      [...others].map(([other, { identities, paths }]) => {
        const what = describe(identities);
        const verb = identities.length === 1 ? 'is' : 'are';
        return other === owner
          ? `${what} ${verb} written twice here (${[...new Set(paths)].join(', ')}), and kubectl would apply one over the other; give one of them another name.`
          : `${what} ${verb} also written by ${other.node.path}, and kubectl would apply one over the other; give one of them another name.`;
      }),
    );
  }
  return messages;
}

/** The construct `object` is attributed to, else the construct of this library nearest above (or at) it, else the object itself. */
function ownerOf(object: ApiObject, registry: AppRegistry): IConstruct {
  const attributed = registry.attributedOwner(object);
  if (attributed) return attributed;
  const scopes = object.node.scopes;
  for (let i = scopes.length - 1; i >= 0; i--) {
    const scope = scopes[i];
    if (Chart.isChart(scope)) break;
    if (registry.isOwner(scope)) return scope;
  }
  return object;
}

/** `Deployment, Service and ServiceAccount istio-system/x`, or `ServiceEntry default/x, Gateway default/y and ...`. */
function describe(identities: Identity[]): string {
  const byRef = new Map<string, string[]>();
  for (const { kind, ref } of identities) byRef.set(ref, [...(byRef.get(ref) ?? []), kind]);
  if (byRef.size === 1) return [...byRef].map(([ref, kinds]) => `${list(kinds)} ${ref}`)[0];
  return list(identities.map(({ kind, ref }) => `${kind} ${ref}`));
}

function list(items: string[]): string {
  return items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
