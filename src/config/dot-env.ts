import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';

/**
 * Reads `.env` (in the working directory) into the environment when the file exists, with Node's
 * own parser (`util.parseEnv`). A variable already set in the environment wins over the file.
 * @returns whether a file was read
 */
export function loadDotEnv(file = '.env', env: NodeJS.ProcessEnv = process.env): boolean {
  if (!existsSync(file)) return false;
  for (const [name, value] of Object.entries(parseEnv(readFileSync(file, 'utf8')))) {
    if (env[name] === undefined) env[name] = value;
  }
  return true;
}
