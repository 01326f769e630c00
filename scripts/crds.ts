/**
 * Resolves the pinned CRDs (scripts/crds.pins.json) into `.crds/`, one multi-document file per API
 * group, and checks every source file's sha256.
 *
 * Each source file is looked up, in order, in:
 *   1. the directory named by $CRD_DIR,
 *   2. `../shared/crds` next to this checkout,
 *   3. its pinned upstream URL (downloaded).
 *
 * A sha256 mismatch, a missing CRD or a failed download ends the run with one message and leaves the
 * previous `.crds/` untouched.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';

interface PinnedSource {
  readonly project: string;
  readonly version: string;
  readonly file: string;
  readonly url: string;
  readonly sha256: string;
  readonly crds: string[];
}

interface ResolvedCrd {
  readonly name: string;
  readonly group: string;
  readonly kind: string;
  readonly versions: string[];
  readonly project: string;
  readonly projectVersion: string;
  readonly source: string;
}

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, '.crds');

function candidates(file: string): string[] {
  const dirs = [process.env.CRD_DIR, path.resolve(ROOT, '..', 'shared', 'crds')].filter(
    (d): d is string => !!d,
  );
  return dirs.map((d) => path.join(d, file));
}

async function fetchText(url: string): Promise<string> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`download of ${url} failed: HTTP ${res.status}`);
  return res.text();
}

async function load(src: PinnedSource): Promise<{ text: string; from: string }> {
  for (const file of candidates(src.file)) {
    if (fs.existsSync(file)) return { text: fs.readFileSync(file, 'utf8'), from: file };
  }
  return { text: await fetchText(src.url), from: src.url };
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Splits a multi-document YAML file into its documents' exact source text. */
function documents(text: string): Array<{ source: string; value: any }> {
  return parseAllDocuments(text).map((doc) => {
    if (doc.errors.length > 0) throw new Error(doc.errors[0].message);
    const [start, , end] = doc.range;
    return { source: text.slice(start, end).trim(), value: doc.toJS() };
  });
}

async function main(): Promise<void> {
  const pins = JSON.parse(fs.readFileSync(path.join(__dirname, 'crds.pins.json'), 'utf8'));
  const byGroup = new Map<string, string[]>();
  const index: ResolvedCrd[] = [];

  for (const src of pins.sources as PinnedSource[]) {
    const { text, from } = await load(src);
    const actual = sha256(text);
    if (actual !== src.sha256) {
      throw new Error(
        `${from}: sha256 is ${actual}, but scripts/crds.pins.json pins ${src.sha256} for ${src.project} ${src.version} ${src.file}. ` +
          'Point $CRD_DIR at the pinned files, or update the pin on purpose.',
      );
    }
    const docs = documents(text).filter((d) => d.value?.kind === 'CustomResourceDefinition');
    for (const name of src.crds) {
      const doc = docs.find((d) => d.value.metadata?.name === name);
      if (!doc) throw new Error(`${from} has no CustomResourceDefinition named ${name}`);
      const group: string = doc.value.spec.group;
      byGroup.set(group, [...(byGroup.get(group) ?? []), doc.source]);
      index.push({
        name,
        group,
        kind: doc.value.spec.names.kind,
        versions: doc.value.spec.versions.filter((v: any) => v.served).map((v: any) => v.name),
        project: src.project,
        projectVersion: src.version,
        source: src.url,
      });
    }
  }

  // Write into a fresh directory, then swap it in: a failed run leaves the old .crds/ as it was.
  const tmp = `${OUT}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  for (const [group, sources] of byGroup) {
    fs.writeFileSync(path.join(tmp, `${group}.yaml`), sources.join('\n---\n') + '\n');
  }
  fs.writeFileSync(path.join(tmp, 'index.json'), JSON.stringify(index, null, 2) + '\n');
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.renameSync(tmp, OUT);
  console.log(`crds: ${index.length} CRDs in ${byGroup.size} API groups resolved into .crds/ (sha256 checked)`);
}

main().catch((err: Error) => {
  console.error(`crds: ${err.message}`);
  process.exit(1);
});
