// npm start: the build check (scripts/build.mjs: every step is skipped while its inputs are unchanged),
// then `motcua serve --demo` with any further arguments, in one process: one node start fewer than
// running the two one after the other (docs/performance.md, start-up).
await import('./build.mjs');
process.argv.splice(2, 0, 'serve', '--demo');
await import('../packages/cli/bin/motcua.js');
