// Bundles the built command line (packages/cli/dist/main.js with the motcua packages and Kysely) into
// one module, packages/cli/dist/bundle/motcua.js. Node 20 spends most of a start loading ~600 small ES
// modules; one file of the same code loads with about 0.3 s less CPU (docs/performance.md, start-up).
// Every other dependency stays external and loads from node_modules as before — zod too, so that
// fastify-type-provider-zod and our schemas share one copy.
//
// The bundle records the size and mtime of every file it was made from (bundle/sources.json);
// bin/motcua.js runs it only while they all still match, and dist/main.js otherwise (after a `tsc -b`
// that did not rebuild the bundle, for instance). Run by scripts/build.mjs after the TypeScript step.
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundleDir = `${root}packages/cli/dist/bundle`;
const BUNDLED = (id) => id.startsWith('@motcua/') || id === 'kysely';

/**
 * A dependency npm installed under a workspace package (packages/server/node_modules/fast-xml-parser: a version
 * other than the one hoisted for the AWS SDK) cannot be found from the bundle's folder, which resolves from the
 * root node_modules: it is bundled in instead, so the command line uses the version its code was written for.
 */
const installedInWorkspace = (id, importer) => {
  if (!importer?.startsWith(`${root}packages/`)) {
    return false;
  }
  try {
    const resolved = createRequire(importer).resolve(id);
    return /\/packages\/[^/]+\/node_modules\//.test(resolved.slice(root.length - 1));
  } catch {
    return false;
  }
};

/** A module's location relative to the bundle, as a URL path ("../../../db/dist/migrate.js"). */
const fromBundle = (file) => relative(bundleDir, file).split(sep).join('/');

/**
 * Modules that find files next to themselves (migrations, reference data, fonts, the web client) do
 * it with `import.meta.url`; in the bundle it names their original place, relative to the bundle, so
 * the checkout can move.
 */
const keepModuleUrls = {
  name: 'motcua-keep-module-urls',
  transform(code, id) {
    if (!id.startsWith(`${root}packages/`) || !code.includes('import.meta.url')) {
      return null;
    }
    return {
      code: code.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromBundle(id))}, import.meta.url).href`),
    };
  },
};

const build = await rolldown({
  input: `${root}packages/cli/dist/main.js`,
  platform: 'node',
  external: (id, importer) =>
    !(id.startsWith('.') || id.startsWith('/') || BUNDLED(id) || installedInWorkspace(id, importer)),
  plugins: [keepModuleUrls],
  logLevel: 'warn',
});
// A module imported with `import()` (the S3 file store) stays in a chunk of its own, loaded when it is
// first used: inlining it would load its dependencies (the AWS SDK) at every start.
rmSync(bundleDir, { recursive: true, force: true });
const { output } = await build.write({
  dir: bundleDir,
  format: 'esm',
  entryFileNames: 'motcua.js',
  chunkFileNames: '[name]-[hash].js',
});
await build.close();

const sources = output
  .flatMap((chunk) => (chunk.type === 'chunk' ? chunk.moduleIds : []))
  .filter((id) => id.startsWith('/'))
  .map((file) => {
    const { size, mtimeMs } = statSync(file);
    return [fromBundle(file), size, mtimeMs];
  });
mkdirSync(dirname(`${bundleDir}/sources.json`), { recursive: true });
writeFileSync(`${bundleDir}/sources.json`, JSON.stringify(sources));
console.error(
  `bundle: ${sources.length} modules in packages/cli/dist/bundle/motcua.js and ${output.length - 1} chunk(s) it imports when needed`,
);
