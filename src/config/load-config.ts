import { AppConfig, configSchema } from './config.schema';

export class InvalidConfigurationError extends Error {}

/** Reads the environment once; a wrong value throws one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const blankless = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const result = configSchema.safeParse(blankless);
  if (!result.success) {
    const issue = result.error.issues[0];
    const variable = issue.path.join('.');
    const given = env[variable] === undefined ? '' : ` (got "${env[variable]}")`;
    throw new InvalidConfigurationError(`Invalid configuration: ${variable} ${issue.message}${given}`);
  }
  return result.data;
}
