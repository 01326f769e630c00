import { JsonFile, cdk8s, javascript } from 'projen';
import { UpdateSnapshot } from 'projen/lib/javascript';

const CDK8S_VERSION = '2.70.106';
const CONSTRUCTS_VERSION = '10.8.1';
const CDK8S_PLUS_VERSION = '2.5.57';

const project = new cdk8s.ConstructLibraryCdk8s({
  name: 'cdk8s-istio-gateway',
  description:
    'cdk8s constructs for Istio gateways (ingress, egress, east-west) that render either the Istio API or the Kubernetes Gateway API from one description of intent.',
  author: 'cdk8s-istio-gateway maintainers',
  authorAddress: 'maintainers@cdk8s-istio-gateway.dev',
  repositoryUrl: 'https://github.com/cdk8s-istio-gateway/cdk8s-istio-gateway.git',
  keywords: ['cdk8s', 'istio', 'gateway-api', 'kubernetes', 'service-mesh', 'ingress', 'egress'],
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  license: 'Apache-2.0',

  cdk8sVersion: CDK8S_VERSION,
  constructsVersion: CONSTRUCTS_VERSION,
  jsiiVersion: '~6.0.0',
  peerDeps: [`cdk8s-plus-33@^${CDK8S_PLUS_VERSION}`],
  // RE2 (a port of Go's regexp): regular expressions are checked with the engine Istio checks them with.
  bundledDeps: ['re2js@2.10.0'],
  devDeps: [
    `cdk8s-plus-33@${CDK8S_PLUS_VERSION}`,
    'cdk8s-cli@2.207.60',
    'ajv@^8.20.0',
    'ajv-formats@^3.0.1',
    '@bufbuild/cel@0.6.1',
    'yaml@^2.9.1',
    'fast-check@^4.11.0',
    // Graphviz (WebAssembly) for the topology SVGs; pinned, since the committed SVGs depend on it.
    '@viz-js/viz@3.31.0',
    // jsii 6 compiles with TypeScript 6.0; ts-jest and ts-node must use the same.
    'typescript@~6.0.0',
    '@types/node@^20',
    'jest@^30',
    'ts-jest@^29.4.15',
    '@types/jest@^30',
  ],

  // `dist/` is where `npm run synth` writes the examples; the jsii packages go elsewhere.
  artifactsDirectory: 'dist-packages',

  publishToPypi: {
    distName: 'cdk8s-istio-gateway',
    module: 'cdk8s_istio_gateway',
  },
  publishToMaven: {
    javaPackage: 'dev.cdk8s.istiogateway',
    mavenGroupId: 'dev.cdk8s',
    mavenArtifactId: 'cdk8s-istio-gateway',
  },
  publishToGo: {
    moduleName: 'github.com/cdk8s-istio-gateway/cdk8s-istio-gateway-go',
  },

  // Only the library's own constructs are documented in API.md; the generated L1 submodules are
  // documented by their CRDs (see README).
  docgen: true,
  docgenFilePath: 'API.md',

  tsconfig: {
    compilerOptions: { rootDir: '.', outDir: 'lib' },
    include: ['src/**/*.ts', 'imports/**/*.ts'],
  },
  // Lint checks; it never rewrites files during `test`, and never reads the generated imports.
  eslintOptions: {
    dirs: ['src'],
    devdirs: ['test', 'scripts', 'examples', 'bench'],
    commandOptions: { fix: false },
  },

  jest: true,
  jestOptions: {
    // Snapshots are compared in `test`; `test:update-snapshots` refreshes them on purpose.
    updateSnapshot: UpdateSnapshot.NEVER,
    jestConfig: {
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      coveragePathIgnorePatterns: ['/node_modules/', '/imports/'],
      testTimeout: 120_000,
    },
  },
  github: false,
  buildWorkflow: false,
  release: false,
  depsUpgrade: false,
  pullRequestTemplate: false,
  gitignore: ['/dist/', '/dist-python/', '/dist-java/', '/dist-go/', '/dist-packages/', '/.crds/', '/.tools/', '/.cache/', '/test/validators/plugin-example/dist/', '__pycache__/', '/examples/*/dist/', '/examples/java/target/', '/examples/python/.venv/'],
});

// A top-level `imports/` folder compiles under jsii with the package root as rootDir.
project.package.addField('main', 'lib/src/index.js');
project.package.addField('types', 'lib/src/index.d.ts');
// Never bundle local caches, tools or packages into the npm tarball (jsii ships it in every language).
// `dist-packages` is spelled the way jsii-pacmak looks for it, so `package:*` leaves .npmignore alone.
project.npmignore?.addPatterns('/.cache/', '/.tools/', '/.crds/', 'dist-packages');
project.npmignore?.addPatterns('/imports/', '/examples/', '/bench/', '/scripts/', '/dist/', '/dist-python/', '/dist-java/', '/dist-go/', '/.ci/');
project.npmignore?.addPatterns('!/lib/imports/**/*.js', '!/lib/imports/**/*.d.ts');

// jsii-docgen documents the root submodule only (the L1 submodules would make a 3.6 MB page).
project.tasks.tryFind('docgen')?.reset('jsii-docgen -o API.md --submodule root');

// Type information for the lint of scripts, examples and benchmarks (test/ has its own).
for (const dir of ['scripts', 'examples', 'bench']) {
  new JsonFile(project, `${dir}/tsconfig.json`, {
    obj: {
      extends: '../tsconfig.json',
      compilerOptions: { noEmit: true, rootDir: '..', isolatedModules: true },
      include: ['**/*.ts'],
      exclude: ['node_modules'],
    },
  });
}
project.eslint?.addIgnorePattern('imports/');
project.eslint?.addIgnorePattern('dist/');

// jsii warns on every run that Node 20 is past its end of life; the toolchain still supports it.
project.tasks.addEnvironment('JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION', '1');

const tsNode = 'ts-node --transpile-only';

// Pinned CRDs: resolved from $CRD_DIR, ../shared/crds, or the upstream URL; sha256 checked.
project.addTask('crds', {
  description: 'Resolve the pinned CRDs into .crds/ (from $CRD_DIR, ../shared/crds or upstream) and check their sha256',
  exec: `${tsNode} scripts/crds.ts`,
});
project.addTask('import', {
  description: 'Regenerate imports/ from the pinned CRDs with cdk8s import',
  steps: [{ spawn: 'crds' }, { exec: `${tsNode} scripts/import.ts` }],
});

// The main job: synthesize every example into dist/<example>/ (all or nothing).
project.addTask('synth', {
  description: 'Synthesize every example app into dist/<example>/',
  steps: [{ spawn: 'crds' }, { exec: `${tsNode} scripts/synth-examples.ts` }],
});

project.tasks.tryFind('test:update')!.description =
  'Refresh jest snapshots on purpose (read every snapshot diff before committing)';

// The field's own validators, built from the Go module proxy into .tools/bin (reused when present).
const installTools = project.addTask('install-tools', {
  description: 'Build the pinned kubectl-validate and istioctl into .tools/bin (skipped when up to date)',
  exec: 'bash scripts/install-tools.sh',
});
project.addTask('validate', {
  description: 'kubectl-validate and istioctl analyze over synthesized manifests (default dist/): `npm run validate -- <dir>`',
  steps: [{ spawn: 'crds' }, { exec: `${tsNode} scripts/validate.ts`, receiveArgs: true }],
});
// Differential test: random intents over every construct and option, each synthesized on its own;
// refusals must be the library's validation error, accepted output must pass the CRD checks,
// kubectl-validate, istioctl validate and istioctl analyze. Bounded and seeded for `npm test`;
// `differential:large` runs more intents (`npm run differential -- --seed N --count M` for others).
const differential = project.addTask('differential', {
  description: 'Random intents (fixed seed, 300) against the CRD checks, kubectl-validate, istioctl validate and analyze: `npm run differential -- --seed N --count M`',
  steps: [{ spawn: 'crds' }, { exec: `${tsNode} scripts/differential.ts --seed 20261204 --count 300`, receiveArgs: true }],
});
project.addTask('differential:large', {
  description: 'The differential test over 3000 intents of another seed (about 10 minutes)',
  steps: [{ spawn: 'crds' }, { exec: `${tsNode} scripts/differential.ts --seed 7 --count 3000`, receiveArgs: true }],
});
project.addTask('simulate', {
  description: 'Route the requests of examples/*/routing.yaml through the config istiod builds from dist/',
  exec: 'bash scripts/simulate.sh',
  receiveArgs: true,
});
project.addTask('gallery', {
  description: 'Regenerate examples/README.md and each example\'s topology.svg from dist/',
  exec: `${tsNode} scripts/gallery.ts`,
});
project.addTask('test:bindings', {
  description: 'Build the Python, Java and Go packages and compare what examples/<language>/ synthesizes with the TypeScript examples',
  exec: 'bash scripts/test-bindings.sh',
});

// Benchmarks (not part of `npm test`): `npm run bench`, or `npm run bench -- --routes N`.
project.addTask('bench', {
  description: 'Synth time and peak RSS of N routes, constructs against raw cdk8s ApiObjects (see BENCHMARKS.md)',
  exec: `${tsNode} bench/run.ts`,
  receiveArgs: true,
});
project.addTask('bench:python', {
  description: 'The 100-route app through the Python package against TypeScript: time ratio and jsii round trips per route',
  exec: `${tsNode} bench/python.ts`,
  receiveArgs: true,
});
project.addTask('docs:check', {
  description: 'Fail when API.md, the README rule table or the examples gallery is stale',
  steps: [
    { exec: 'mkdir -p .cache && jsii --silence-warnings=reserved-word && jsii-docgen -o .cache/API.md --submodule root && diff -q API.md .cache/API.md' },
    { exec: `${tsNode} scripts/rules-doc.ts --check` },
    { exec: `${tsNode} scripts/gallery.ts --check` },
  ],
});

// `npm test`: the pinned CRDs (in-process schema and CEL validation), the real validators, the
// examples, jest (facts, snapshots, catalogue, properties), lint, then the field's tools over every
// example, Istio's own routing simulation, and the Python, Java and Go packages against the
// TypeScript examples (BINDINGS_SKIP=<language,...> skips a language, and says so).
const testTask = project.testTask;
testTask.prependSpawn(project.tasks.tryFind('synth')!);
testTask.prependSpawn(installTools);
testTask.spawn(project.tasks.tryFind('docs:check')!);
testTask.exec(`${tsNode} scripts/validate.ts dist`);
testTask.spawn(differential);
testTask.spawn(project.tasks.tryFind('simulate')!);
testTask.spawn(project.tasks.tryFind('test:bindings')!);

project.synth();
