import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

/*
 * The Node.js versions motcua states (package.json "engines", the README) are ones every locked
 * dependency supports, so `npm ci` on any of them prints no EBADENGINE warning. npm checks the
 * engines of the packages it installs, not of optional platform packages it skips.
 */
const root = new URL('..', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
// semver is npm's own range logic (a dependency of the locked tree, resolved from the root).
const semver = createRequire(new URL('package.json', root))('semver') as {
  satisfies: (version: string, range: string) => boolean;
  minVersion: (range: string) => { version: string } | null;
};

type LockedPackage = { version?: string; optional?: boolean; engines?: { node?: string } | string[] };

const stated = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;
const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, LockedPackage> };

describe('the stated Node.js versions', () => {
  it('are the same in package.json, the lock file and the README', () => {
    expect(stated).toBe('^20.19.0 || ^22.12.0 || >=24.0.0');
    expect((lock.packages[''] as { engines?: { node?: string } }).engines?.node).toBe(stated);
    expect(read('README.md')).toContain(`\`${stated}\``);
  });

  it('satisfy every installed dependency, at the oldest version of each stated line', () => {
    const oldest = stated.split('||').map((range) => semver.minVersion(range.trim())?.version ?? range);
    expect(oldest).toEqual(['20.19.0', '22.12.0', '24.0.0']);
    const refused: string[] = [];
    for (const [path, locked] of Object.entries(lock.packages)) {
      const range = Array.isArray(locked.engines) ? undefined : locked.engines?.node;
      if (path === '' || locked.optional || range === undefined) {
        continue;
      }
      for (const version of oldest) {
        if (!semver.satisfies(version, range)) {
          refused.push(`${path}@${locked.version} needs ${range}, not ${version}`);
        }
      }
    }
    expect(refused).toEqual([]);
  });
});
