import { randomBytes } from 'node:crypto';
import type { AppConfig } from './config.schema';
import { InvalidConfigurationError } from './load-config';

/**
 * The operator key the service runs with. Outside production a missing OPERATOR_API_KEY is
 * replaced by a random key for this run, logged once so `npm start` works out of the box;
 * production refuses to start without one (the schema says so first; this is the backstop).
 */
export function withOperatorKey(
  config: AppConfig,
  log: (message: string) => void,
): AppConfig & { OPERATOR_API_KEY: string } {
  if (config.OPERATOR_API_KEY) return { ...config, OPERATOR_API_KEY: config.OPERATOR_API_KEY };
  if (config.NODE_ENV === 'production') {
    throw new InvalidConfigurationError(
      'Invalid configuration: OPERATOR_API_KEY must be set when NODE_ENV=production',
    );
  }
  const key = `dev-${randomBytes(24).toString('base64url')}`;
  log(`OPERATOR_API_KEY is not set: this run's operator key is ${key} (set OPERATOR_API_KEY to choose one)`);
  return { ...config, OPERATOR_API_KEY: key };
}
