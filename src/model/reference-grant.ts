/**
 * Permission, in a target namespace, for objects of one kind in another namespace to refer to
 * named objects there: one ReferenceGrant (Gateway API).
 */
export interface ReferenceGrantModel {
  readonly name: string;
  /** Where the referred-to objects are (and the grant lives). */
  readonly namespace: string;
  readonly fromKind: string;
  readonly fromNamespace: string;
  readonly toKind: string;
  readonly toNames: string[];
}
