import { ApiObjectMetadata, ApiObjectProps } from 'cdk8s';
import { Construct } from 'constructs';
import { L1Kind } from './l1-kinds';
import { L1ApiObject } from '../l1-api-object';

/** The props of an imported L1 class: its metadata and its typed spec. */
export interface TypedProps<S> {
  readonly metadata?: ApiObjectMetadata;
  readonly spec?: S;
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
 * The props of an `ApiObject` of `form` in `namespace`, named `name` when one is given; without one,
 * its chart names it from its construct path, as any ApiObject.
 */
export function objectProps(form: ObjectForm, name: string | undefined, namespace: string): ApiObjectProps {
  const metadata = name === undefined ? { namespace } : { name, namespace };
  return { apiVersion: form.l1.gvk.apiVersion, kind: form.l1.gvk.kind, metadata, spec: form.spec };
}

/**
 * An object of one of the imported L1 kinds, with its props and spec typed by that kind (see
 * `L1ApiObject` for how its JSON is written): what the renderers write for objects that are not a
 * construct of their own, such as a gateway's Gateway.
 */
export class TypedApiObject<P extends TypedProps<unknown>> extends L1ApiObject {
  public constructor(scope: Construct, id: string, l1: L1Kind<P>, props: P) {
    super(scope, id, { apiVersion: l1.gvk.apiVersion, kind: l1.gvk.kind, metadata: props.metadata, spec: props.spec });
  }
}
