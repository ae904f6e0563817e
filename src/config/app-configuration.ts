import { AppConfig } from './config.schema';

/**
 * Injection token and type of the validated configuration: inject `AppConfiguration` and read
 * `config.PORT`. The interface merges the schema's fields into the (empty) abstract class.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export abstract class AppConfiguration {}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface AppConfiguration extends AppConfig {}
