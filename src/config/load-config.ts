import { AppConfig, configSchema } from './config.schema';
import { quotableValue } from './secrets';

export class InvalidConfigurationError extends Error {}

/** Reads the environment once; a wrong value throws one line naming the variable (never a secret). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const blankless = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const result = configSchema.safeParse(blankless);
  if (!result.success) {
    const issue = result.error.issues[0];
    const variable = issue.path.join('.');
    const value = env[variable];
    const given = value === undefined ? '' : ` (got ${quotableValue(variable, value)})`;
    throw new InvalidConfigurationError(`Invalid configuration: ${variable} ${issue.message}${given}`);
  }
  return result.data;
}
