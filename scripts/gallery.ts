/**
 * Writes the examples gallery from the synthesized examples in `dist/`: `examples/README.md` (for
 * each example a sentence on its scenario, how to synthesize it, its traffic picture as an inline
 * Mermaid block and its routing table, the requests Istio's simulator checks, as a Markdown table)
 * and `examples/<example>/topology.svg` (the same picture through Graphviz).
 *
 * Deterministic: the same objects give the same bytes, whatever order they were written in.
 *
 * Usage: ts-node --transpile-only scripts/gallery.ts [--dist DIR] [--examples DIR] [--check]
 * (`--check` writes nothing and fails when a file is not current).
 */
import * as fs from 'fs';
import * as path from 'path';
import { readRoutingTable, routingMarkdown } from './routing-table';
import { buildTopology, K8sObject, loadObjects, renderSvg, toDot, toMermaid } from './topology';

const ROOT = path.resolve(__dirname, '..');

/** One example's synthesized objects. */
export interface ExampleObjects {
  readonly name: string;
  readonly objects: readonly K8sObject[];
}

/**
 * The examples: folders of `examplesDir` with a `main.ts`, in name order.
 *
 * @param examplesDir the `examples/` folder
 */
export function exampleNames(examplesDir: string): string[] {
  return fs.readdirSync(examplesDir).filter((n) => fs.existsSync(path.join(examplesDir, n, 'main.ts'))).sort();
}

/** The `//` comment a TypeScript file starts with, as paragraphs of plain text. */
function leadingComment(file: string): string[] {
  const lines: string[] = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.startsWith('//')) break;
    lines.push(line.replace(/^\/\/ ?/, ''));
  }
  return lines.join('\n').split(/\n\s*\n/).map((p) => p.replace(/\s*\n\s*/g, ' ').trim()).filter((p) => p);
}

function firstSentence(text: string): string {
  const m = /^(.*?[.!?])(?=\s+[A-Z(`]|$)/s.exec(text);
  return m ? m[1] : text;
}

/**
 * A sentence on an example's scenario, from the comment its `main.ts` starts with (or, for a
 * scenario shared by both APIs, the first sentence of the scenario's comment).
 *
 * @param examplesDir the `examples/` folder
 * @param name the example
 */
export function describeExample(examplesDir: string, name: string): string {
  const [first] = leadingComment(path.join(examplesDir, name, 'main.ts'));
  const shared = /^See scenarios\/([\w-]+)\.ts\b/.exec(first ?? '');
  if (shared) {
    const [scenario] = leadingComment(path.join(examplesDir, 'scenarios', `${shared[1]}.ts`));
    return firstSentence(scenario ?? name);
  }
  return first ?? name;
}

/** Which API the example's traffic objects use, with their kinds. */
function apiLine(objects: readonly K8sObject[]): string {
  const kinds = (prefix: string) => [...new Set(objects.filter((o) => o.apiVersion.startsWith(prefix)).map((o) => o.kind))].sort();
  const parts = [
    ['Istio API', kinds('networking.istio.io/')],
    ['Gateway API', kinds('gateway.networking.k8s.io/')],
  ].filter(([, k]) => k.length > 0).map(([api, k]) => `${api} (${(k as string[]).join(', ')})`);
  return parts.length > 0 ? `Written in the ${parts.join(' and the ')}.` : 'No traffic objects.';
}

/**
 * The routing section of an example: its `routing.yaml` as a Markdown table of request → outcome,
 * or a line saying it has none.
 *
 * @param examplesDir the `examples/` folder
 * @param name the example
 */
export function routingSection(examplesDir: string, name: string): string[] {
  const file = path.join(examplesDir, name, 'routing.yaml');
  if (!fs.existsSync(file)) return ['No routing table: its routing is not checked by simulation.'];
  return [
    'Routing, checked against the Envoy config istiod builds from these manifests by Istio\'s own simulator',
    `(\`npm run simulate\`; table: [routing.yaml](${name}/routing.yaml)):`,
    '',
    ...routingMarkdown(readRoutingTable(file)),
  ];
}

const LEGEND = [
  '| in the picture | what it is |',
  '| --- | --- |',
  '| pill (oval in the SVG), left | a host clients ask for (`* (any host)`: any) |',
  '| box, framed by its Gateway | where traffic comes in: a gateway listener (`:port PROTOCOL`, its TLS mode and credential); `mesh (sidecars)` for routes the mesh applies (bound to `mesh`, a Service or a ServiceEntry) |',
  '| rounded box, framed by its route | a rule: its matches, one per line (any of them), then its policies (timeout, retries); `SNI` for TLS, `port` for TCP |',
  '| hexagon | what the gateway answers itself (redirect, direct response) |',
  '| cylinder | a backend, `service.namespace:port`, with the ServiceEntry and DestinationRule that apply to it; an arrow from it to a listener: it is that gateway\'s Service (egress: sidecars → egress gateway → external host) |',
  '| arrow label | listener → rule: the hosts it serves there, when not all of the listener\'s; rule → backend: the subset and the share of traffic; `direct`: a ServiceEntry host no route covers; dashed: a mirrored copy |',
];

/**
 * The text of `examples/README.md`: a legend, then for each example its scenario, the command
 * that synthesizes it, its picture as a Mermaid block, a link to its SVG and its routing table.
 *
 * @param examples every example's objects
 * @param examplesDir the `examples/` folder (scenario sentences are read from it)
 */
export function galleryMarkdown(examples: readonly ExampleObjects[], examplesDir: string): string {
  const sorted = [...examples].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out = [
    '<!-- Generated by scripts/gallery.ts from dist/: do not edit. Regenerate with `npx projen synth && npx ts-node --transpile-only scripts/gallery.ts`. -->',
    '# Examples',
    '',
    'Each folder is a cdk8s app. `npx projen synth` synthesizes all of them into `dist/<example>/`;',
    '`cd examples/<example> && npx cdk8s synth` synthesizes one. Each picture below is drawn from what',
    'synth wrote: the hosts clients ask for, the gateway listener they reach, the rule that takes the',
    'request, and the backend it goes to. Below each picture, its routing table: requests sent to the',
    'gateway (or a sidecar), each with what must happen to it, checked by `npm run simulate` with',
    "Istio's own traffic simulator against the config istiod generates from the same manifests.",
    '',
    ...LEGEND,
    '',
    ...sorted.map((e) => `- [${e.name}](#${e.name})`),
  ];
  for (const e of sorted) {
    out.push(
      '',
      `## ${e.name}`,
      '',
      describeExample(examplesDir, e.name),
      apiLine(e.objects),
      '',
      '```sh',
      `cd examples/${e.name} && npx cdk8s synth   # writes dist/${e.name}/`,
      '```',
      '',
      '```mermaid',
      toMermaid(buildTopology(e.objects)).trimEnd(),
      '```',
      '',
      `[SVG](${e.name}/topology.svg)`,
      '',
      ...routingSection(examplesDir, e.name),
    );
  }
  return out.join('\n') + '\n';
}

/**
 * Every file of the gallery, by path relative to `examplesDir`: `README.md` and each example's
 * `topology.svg`.
 *
 * @param examples every example's objects
 * @param examplesDir the `examples/` folder
 */
export async function galleryFiles(examples: readonly ExampleObjects[], examplesDir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>([['README.md', galleryMarkdown(examples, examplesDir)]]);
  for (const e of examples) {
    files.set(path.join(e.name, 'topology.svg'), await renderSvg(toDot(buildTopology(e.objects), e.name)));
  }
  return files;
}

/**
 * Reads every example's objects from `dist/<example>/`.
 *
 * @param distDir the `dist/` folder
 * @param names the examples
 */
export function readDist(distDir: string, names: readonly string[]): ExampleObjects[] {
  const missing = names.filter((n) => !fs.existsSync(path.join(distDir, n)));
  if (missing.length > 0) throw new Error(`no ${missing.map((n) => `dist/${n}/`).join(', ')}; run \`npx projen synth\` first`);
  return names.map((name) => ({ name, objects: loadObjects([path.join(distDir, name)]) }));
}

async function main(argv: string[]): Promise<number> {
  let dist = path.join(ROOT, 'dist');
  let examples = path.join(ROOT, 'examples');
  let check = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--dist') dist = path.resolve(argv[++i]);
    else if (argv[i] === '--examples') examples = path.resolve(argv[++i]);
    else if (argv[i] === '--check') check = true;
    else throw new Error(`unknown argument ${argv[i]}; usage: gallery.ts [--dist DIR] [--examples DIR] [--check]`);
  }
  const files = await galleryFiles(readDist(dist, exampleNames(examples)), examples);
  const stale = [...files].filter(([rel, text]) => {
    const file = path.join(examples, rel);
    return !fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text;
  });
  if (check) {
    if (stale.length > 0) {
      console.error(`gallery: not current: ${stale.map(([rel]) => `examples/${rel}`).join(', ')}; run scripts/gallery.ts`);
      return 1;
    }
    console.log(`gallery: ${files.size} files current`);
    return 0;
  }
  for (const [rel, text] of stale) fs.writeFileSync(path.join(examples, rel), text);
  console.log(`gallery: ${files.size} files, ${stale.length} rewritten (examples/README.md, examples/<example>/topology.svg)`);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (e) => { console.error(`gallery: ${(e as Error).message}`); process.exitCode = 1; },
  );
}
