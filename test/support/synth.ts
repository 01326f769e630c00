import { App, Chart, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { parseAllDocuments } from 'yaml';
import { expectValid } from './crd-validator';
import { L1ApiObject } from '../../src/l1-api-object';

/** A chart in namespace `default` of a fresh test app. */
export function testChart(namespace = 'default'): Chart {
  return new Chart(Testing.app(), 'test', { namespace });
}

/**
 * Synthesizes `chart` (running the app's validation first) into plain objects, and checks every
 * object against the pinned CRDs (schema, defaults, CEL rules, list uniqueness).
 */
export function synthObjects(chart: Chart): any[] {
  const objects = Testing.synth(chart);
  expectValid(objects);
  expectL1Json(chart);
  return objects;
}

/**
 * Every object the library writes without its L1 class's conversion (an `L1ApiObject`) writes the
 * JSON the L1 class would, to the byte (key order included). Returns how many were checked.
 */
export function expectL1Json(scope: Construct): number {
  let checked = 0;
  for (const c of scope.node.root.node.findAll()) {
    if (L1ApiObject.isL1ApiObject(c)) {
      const o = c as L1ApiObject;
      expect(JSON.stringify(o.toJson())).toBe(JSON.stringify(o._l1Json()));
      checked++;
    }
  }
  return checked;
}

/** The one object of `kind` (and `name`, when given); fails when there is not exactly one. */
export function only(objects: any[], kind: string, name?: string): any {
  const found = objects.filter((o) => o.kind === kind && (name === undefined || o.metadata?.name === name));
  if (found.length !== 1) {
    throw new Error(`expected exactly one ${kind}${name ? ` named ${name}` : ''}, found ${found.length}: ${objects.map((o) => `${o.kind}/${o.metadata?.name}`).join(', ')}`);
  }
  return found[0];
}

/**
 * The validation messages of the whole app `scope` belongs to, as cdk8s reports them
 * (`[construct path] message`), or [] when it validates.
 */
export function validationErrors(scope: Construct): string[] {
  const app = scope.node.root as App;
  try {
    app.synthYaml();
    return [];
  } catch (e) {
    const text = (e as Error).message;
    if (!text.startsWith('Validation failed with the following errors:')) throw e;
    return text.split('\n').slice(1).map((line) => line.trim());
  }
}

/** The objects of a multi-document YAML text (empty documents skipped). */
export function objectsOf(yaml: string): any[] {
  return parseAllDocuments(yaml).map((d) => d.toJS()).filter((o) => o);
}
