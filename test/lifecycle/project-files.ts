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

/** package.json's config.nodeOptions: the service's heap flags, one source for every way it starts. */
export function nodeOptions(): string[] {
  const pkg = JSON.parse(projectFile('package.json')) as { config: { nodeOptions: string } };
  return pkg.config.nodeOptions.split(/\s+/).filter(Boolean);
}
