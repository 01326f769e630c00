/**
 * Validates every Kubernetes object in the YAML files below the given directories (default:
 * `dist`) against the pinned CRDs in `.crds/`: structural defaults, OpenAPI schema, unknown fields,
 * CEL `x-kubernetes-validations` rules and list uniqueness. Objects of kinds no CRD covers get only
 * the metadata checks.
 *
 * Usage: ts-node --transpile-only scripts/validate-crds.ts [dir-or-file...]
 *
 * The files of one directory are treated as one application (cdk8s writes one file per chart into
 * an app's output directory), so the same object defined twice within a directory is a finding.
 *
 * Prints one line per finding, prefixed with its file, then a summary line. Exits 1 when there is
 * any finding, 2 when an input cannot be read.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { CrdValidator, formatFinding } from '../test/support/crd-validator';

/** An object read from a manifest, with the file it came from. */
interface SourcedObject {
  readonly file: string;
  readonly object: unknown;
}

function yamlFilesBelow(target: string): string[] {
  const stat = fs.statSync(target);
  if (stat.isFile()) return [target];
  return fs.readdirSync(target, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = path.join(target, entry.name);
      if (entry.isDirectory()) return yamlFilesBelow(full);
      return /\.ya?ml$/.test(entry.name) ? [full] : [];
    });
}

/** Reads every document of `file`; a `kind: List` contributes its items. Returns YAML errors separately. */
function readManifest(file: string): { objects: SourcedObject[]; errors: string[] } {
  const objects: SourcedObject[] = [];
  const errors: string[] = [];
  for (const doc of parseAllDocuments(fs.readFileSync(file, 'utf8'))) {
    if (doc.errors.length > 0) {
      errors.push(...doc.errors.map((e) => `${path.relative(process.cwd(), file)}: YAML error: ${e.message.split('\n')[0]}`));
      continue;
    }
    const value: unknown = doc.toJS();
    if (value === null || value === undefined) continue;
    const items = (value as { kind?: unknown; items?: unknown }).kind === 'List' ? (value as { items?: unknown }).items : undefined;
    for (const object of Array.isArray(items) ? items : [value]) objects.push({ file, object });
  }
  return { objects, errors };
}

/** Objects grouped by the directory of their file, in order of first appearance. */
function groupByDirectory(objects: readonly SourcedObject[]): SourcedObject[][] {
  const groups = new Map<string, SourcedObject[]>();
  for (const object of objects) {
    const dir = path.dirname(object.file);
    groups.set(dir, [...groups.get(dir) ?? [], object]);
  }
  return [...groups.values()];
}

function main(args: readonly string[]): number {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write('Usage: ts-node --transpile-only scripts/validate-crds.ts [dir-or-file...]   (default: dist)\n');
    return 0;
  }
  const targets = args.length > 0 ? args : ['dist'];
  const missing = targets.filter((t) => !fs.existsSync(t));
  if (missing.length > 0) {
    process.stderr.write(`crd-validate: ${missing.join(', ')}: no such file or directory\n`);
    return 2;
  }
  const files = targets.flatMap(yamlFilesBelow);
  const objects: SourcedObject[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const manifest = readManifest(file);
    objects.push(...manifest.objects);
    problems.push(...manifest.errors);
  }
  const validator = CrdValidator.fromDirectory();
  for (const group of groupByDirectory(objects)) {
    validator.validateEach(group.map((o) => o.object)).forEach((findings, i) => {
      for (const finding of findings) problems.push(`${path.relative(process.cwd(), group[i].file)}: ${formatFinding(finding)}`);
    });
  }
  for (const line of problems) process.stdout.write(`${line}\n`);
  const skipped = Object.values(validator.coverage().skipped).reduce((sum, n) => sum + n, 0);
  process.stdout.write(`crd-validate: ${objects.length} objects checked (${skipped} skipped: no CRD), ${problems.length} findings\n`);
  return problems.length > 0 ? 1 : 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`crd-validate: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
}
