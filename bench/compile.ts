import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'fs';
import { dirname, join, relative } from 'path';
import * as ts from 'typescript';

/**
 * Transpiles the library (src/, imports/) and the benchmark (bench/) to plain JavaScript under
 * `outDir`, file by file with the project's compiler options and no type check: the same code
 * `ts-node --transpile-only` runs, without its compiler in the measured processes. Node finds
 * `node_modules` by walking up from `outDir`, so `outDir` must be inside the project.
 *
 * @returns the path of the compiled benchmark worker (bench/synth.js)
 */
export function compileBench(root: string, outDir: string): string {
  const config = ts.readConfigFile(join(root, 'bench', 'tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, join(root, 'bench'));
  const options: ts.CompilerOptions = {
    ...parsed.options,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    noEmit: false,
    declaration: false,
    inlineSourceMap: false,
    inlineSources: false,
    sourceMap: false,
    isolatedModules: true,
  };
  for (const dir of ['src', 'imports', 'bench']) {
    for (const file of tsFiles(join(root, dir))) {
      const target = join(outDir, relative(root, file)).replace(/\.ts$/, '.js');
      if (upToDate(file, target)) continue;
      const output = ts.transpileModule(readFileSync(file, 'utf-8'), { compilerOptions: options, fileName: file });
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, output.outputText);
    }
  }
  return join(outDir, 'bench', 'synth.js');
}

function tsFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'python') files.push(...tsFiles(path));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
      files.push(path);
    }
  }
  return files;
}

function upToDate(source: string, target: string): boolean {
  try {
    return statSync(target).mtimeMs >= statSync(source).mtimeMs;
  } catch {
    return false;
  }
}
