import { ApiObject, ApiObjectMetadata, GroupVersionKind, JsonPatch } from 'cdk8s';
import { Construct } from 'constructs';

/** The props of an imported L1 class: its metadata and its typed spec. */
export interface TypedProps<S> {
  readonly metadata?: ApiObjectMetadata;
  readonly spec?: S;
}

/** How an imported L1 class writes its JSON: its GVK and its `toJson_<Kind>Props()` conversion. */
export interface L1Kind<P> {
  readonly gvk: GroupVersionKind;
  readonly toJson: (props: P | undefined) => Record<string, any> | undefined;
}

/**
 * An object of one of the imported L1 kinds (its GVK, its props and spec types from `imports/`),
 * written the way the L1 class writes it, for less.
 *
 * The generated L1 class writes its JSON in two steps: cdk8s resolves the object (keys sorted,
 * empty values dropped), then the class converts the result once more with its
 * `toJson_<Kind>Props()`: schema field names for TypeScript ones, keys in schema order, fields the
 * schema does not know dropped. For the kinds rendered through here that second step changes
 * nothing: none of their fields is renamed, the schema order is the sorted order, and the
 * renderers write schema fields only. It does change the output when a JSON patch added a field
 * the schema does not know (the L1 class drops it), or when cdk8s does not sort keys
 * (`CDK8S_DISABLE_SORT`): then this object runs the conversion as the L1 class would.
 *
 * Skipping it saves about 10 µs per route (a walk that rebuilds every object of the spec), and
 * the L1 constructor's copy of the props; a test checks, for every object the test apps and
 * examples render, that the JSON is the L1 conversion's to the byte.
 */
export class TypedApiObject<P extends TypedProps<unknown>> extends ApiObject {
  /**
   * Whether `x` is a TypedApiObject (`instanceof` answers for any ApiObject: cdk8s's
   * `ApiObject[Symbol.hasInstance]` is inherited).
   */
  public static isTypedApiObject(x: unknown): x is TypedApiObject<TypedProps<unknown>> {
    return typeof x === 'object' && x !== null && Object.prototype.isPrototypeOf.call(TypedApiObject.prototype, x);
  }

  private patched = false;

  public constructor(scope: Construct, id: string, private readonly l1: L1Kind<P>, props: P) {
    super(scope, id, { apiVersion: l1.gvk.apiVersion, kind: l1.gvk.kind, metadata: props.metadata, spec: props.spec });
  }

  public addJsonPatch(...ops: JsonPatch[]): void {
    this.patched = true;
    super.addJsonPatch(...ops);
  }

  public toJson(): any {
    const resolved = super.toJson();
    if (!this.patched && !process.env.CDK8S_DISABLE_SORT) return resolved;
    return this.converted(resolved);
  }

  /**
   * The JSON as the L1 class writes it (resolved, then converted), whether or not the conversion
   * would change it: what `toJson()` must equal.
   *
   * @internal
   */
  public _l1Json(): any {
    return this.converted(super.toJson());
  }

  private converted(resolved: any): any {
    return { ...this.l1.gvk, ...this.l1.toJson(resolved) };
  }
}
