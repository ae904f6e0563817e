export { AppConfiguration } from './app-configuration';
export type { AppConfig } from './config.schema';
export { loadConfig, InvalidConfigurationError } from './load-config';
export { withOperatorKey } from './operator-key';
export { quotableValue, withoutUrlCredentials } from './secrets';
export { loadDotEnv } from './dot-env';
