import { DynamicModule, Module } from '@nestjs/common';
import { NotBillableLedger } from '../reconciliation';
import { CdrFileQueries } from './application/cdr-file-queries';
import { CdrFileRepository } from './application/cdr-file.repository';
import { ImportCdrFileUseCase } from './application/import-cdr-file.use-case';
import { NotBillableRecords } from './application/not-billable-records.port';
import { RecordCdrChunk } from './application/record-cdr-chunk';
import { CdrFilesController } from './http/cdr-files.controller';
import { MikroOrmCdrFileRepository } from './infrastructure/mikro-orm-cdr-file.repository';
import {
  MikroOrmNotBillableLedger,
  MikroOrmNotBillableRecords,
} from './infrastructure/mikro-orm-not-billable-records';

/**
 * Switch CDR files: `POST /v1/cdr-files` streams a file through the calls module's recording use
 * case, chunk by chunk; the imports, their rejected rows and the not-billable records are its own
 * tables. Provides the reconciliation's `NotBillableLedger`.
 */
@Module({})
export class CdrFilesModule {
  /** `calls`: the calls module as the application wired it (its recording use case). */
  static forRoot(options: { calls: DynamicModule }): DynamicModule {
    return {
      module: CdrFilesModule,
      imports: [options.calls],
      controllers: [CdrFilesController],
      providers: [
        // Use cases
        ImportCdrFileUseCase,
        RecordCdrChunk,
        CdrFileQueries,
        // Adapters
        { provide: CdrFileRepository, useClass: MikroOrmCdrFileRepository },
        { provide: NotBillableRecords, useClass: MikroOrmNotBillableRecords },
        { provide: NotBillableLedger, useClass: MikroOrmNotBillableLedger },
      ],
      exports: [NotBillableLedger],
    };
  }
}
