import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfiguration, type AppConfig } from '../config';
import { Clock } from './clock/clock';
import { SystemClock } from './clock/system-clock';

/** Configuration and the clock, available to every module. */
@Global()
@Module({})
export class SharedModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: SharedModule,
      providers: [
        { provide: AppConfiguration, useValue: config },
        { provide: Clock, useClass: SystemClock },
      ],
      exports: [AppConfiguration, Clock],
    };
  }
}
