export { AppConfiguration } from './app-configuration';
export type { AppConfig } from './config.schema';
export { loadConfig, InvalidConfigurationError } from './load-config';
