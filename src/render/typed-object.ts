import { ApiObject, ApiObjectMetadata, ApiObjectProps, GroupVersionKind, JsonPatch } from 'cdk8s';
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
 * One object as a renderer describes it: its L1 kind, and its spec (a `Lazy`, rendered at synth
 * from the model as it is then).
 */
export interface ObjectForm {
  readonly l1: L1Kind<any>;
  readonly spec: unknown;
}

/**
 * Writes an object's JSON the way its L1 class does, for less (see `TypedApiObject`): the resolved
 * JSON as it is, unless a JSON patch was added or cdk8s does not sort keys; then the L1 class's
 * conversion of it. An `ApiObject` subclass holding one calls `patchAdded()` from its
 * `addJsonPatch()` and returns `json(super.toJson())` from its `toJson()`.
 */
export class L1JsonWriter {
  private patched = false;

  public constructor(private readonly l1: L1Kind<any>) {}

  /** Records that a JSON patch was added (it may add a field the L1 class would drop). */
  public patchAdded(): void {
    this.patched = true;
  }

  /** The object's JSON, from its resolved JSON. */
  public json(resolved: any): any {
    if (!this.patched && !process.env.CDK8S_DISABLE_SORT) return resolved;
    return this.converted(resolved);
  }

  /** The L1 class's conversion of the resolved JSON, whether or not it would change it. */
  public converted(resolved: any): any {
    return { ...this.l1.gvk, ...this.l1.toJson(resolved) };
  }
}

/** The props of an `ApiObject` of `form`, with `metadata`. */
export function objectProps(form: ObjectForm, metadata: ApiObjectMetadata): ApiObjectProps {
  return { apiVersion: form.l1.gvk.apiVersion, kind: form.l1.gvk.kind, metadata, spec: form.spec };
}

/** An object that writes its JSON without the L1 conversion, and so can be checked against it. */
export interface WritesL1Json extends ApiObject {
  /** The JSON as the L1 class writes it (resolved, then converted): what `toJson()` must equal. */
  _l1Json(): any;
}

/** Whether `x` writes its JSON through an `L1JsonWriter` (a TypedApiObject or a route construct). */
export function writesL1Json(x: unknown): x is WritesL1Json {
  return x instanceof ApiObject && typeof (x as Partial<WritesL1Json>)._l1Json === 'function';
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
 *
 * The route constructs are their own objects and extend `ApiObject` directly (jsii publishes an
 * `@internal` base class without its own base, so Python, Java and Go would not see them as
 * ApiObjects); they write their JSON through an `L1JsonWriter` the same way.
 */
export class TypedApiObject<P extends TypedProps<unknown>> extends ApiObject implements WritesL1Json {
  private readonly writer: L1JsonWriter;

  public constructor(scope: Construct, id: string, l1: L1Kind<P>, props: P) {
    super(scope, id, { apiVersion: l1.gvk.apiVersion, kind: l1.gvk.kind, metadata: props.metadata, spec: props.spec });
    this.writer = new L1JsonWriter(l1);
  }

  public addJsonPatch(...ops: JsonPatch[]): void {
    this.writer.patchAdded();
    super.addJsonPatch(...ops);
  }

  public toJson(): any {
    return this.writer.json(super.toJson());
  }

  /** @internal */
  public _l1Json(): any {
    return this.writer.converted(super.toJson());
  }
}
