import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

export function projectFile(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}

/** The runtime image's command: the exec-form `CMD [...]` line of the Dockerfile. */
export function dockerCommand(): string[] {
  const line = /^CMD (\[.*\])\s*$/m.exec(projectFile('Dockerfile'));
  if (!line) throw new Error('The Dockerfile has no exec-form CMD line');
  return JSON.parse(line[1]) as string[];
}

/** package.json's config.nodeOptions: the service's V8 flags, one source for every way it starts. */
export function nodeOptions(): string[] {
  const pkg = JSON.parse(projectFile('package.json')) as { config: { nodeOptions: string } };
  return pkg.config.nodeOptions.split(/\s+/).filter(Boolean);
}

/** package.json's config.glibcTunables: glibc's GLIBC_TUNABLES for every way the service starts. */
export function glibcTunables(): string {
  const pkg = JSON.parse(projectFile('package.json')) as { config: { glibcTunables: string } };
  return pkg.config.glibcTunables;
}

/** The node flags of the runtime image's `RUN node ... dist/service/main.js --warm-compile-cache`. */
export function dockerWarmFlags(): string[] {
  const line = /^RUN node (.*)dist\/service\/main\.js --warm-compile-cache\s*$/m.exec(
    projectFile('Dockerfile'),
  );
  if (!line) throw new Error('The Dockerfile does not warm the compile cache with node');
  return line[1].split(/\s+/).filter(Boolean);
}

/** The runtime image's environment: the `ENV` lines of the Dockerfile's last stage, as name → value. */
export function dockerRuntimeEnv(): Record<string, string> {
  const dockerfile = projectFile('Dockerfile');
  const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
  const env: Record<string, string> = {};
  for (const [, assignments] of runtime.matchAll(/^ENV (.*)$/gm))
    for (const [, name, value] of assignments.matchAll(/(\w+)=(\S+)/g)) env[name] = value;
  return env;
}
