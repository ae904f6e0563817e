import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { AppConfiguration } from '../../config';
import { AuditTrail } from '../../shared/audit/audit-trail';
import { Clock } from '../../shared/clock/clock';
import { TimeZone } from '../../shared/domain/time-zone';
import { UnitOfWork } from '../../shared/transactions/unit-of-work';
import {
  CdrFileLengthRequiredError,
  CdrFileTooLargeError,
  CdrFileUnreadableError,
  InvalidCdrImportParameterError,
} from '../domain/cdr-file.errors';
import { addCounts, type CdrFileImport, NO_ROWS } from '../domain/cdr-import';
import type { SwitchContext } from '../domain/cdr-row';
import { CDR_FORMATS, type CdrFormat, type RowReader } from '../domain/formats/cdr-format.registry';
import { isKnownCountry } from '../domain/switch-number';
import { CdrFileRepository } from './cdr-file.repository';
import { NotBillableRecords } from './not-billable-records.port';
import { cdrRowChunks, type NumberedRow, type StreamEnd } from './read-cdr-rows';
import { mostlyUnreadable, RecordCdrChunk } from './record-cdr-chunk';

export interface ImportCdrFileCommand {
  format: string;
  source: string;
  timezone?: string;
  country?: string;
  body: Readable;
  /** The request's Content-Length; null when it sent none. */
  declaredBytes: number | null;
}

export interface ImportResult {
  /** False: the same file (source and SHA-256) was imported before; `file` is that first import. */
  created: boolean;
  file: CdrFileImport;
}

/**
 * Imports a switch's CDR file as it streams in: chunk by chunk, each recorded before the next is
 * read, the import's counts and rejected rows stored with it. Completed in one unit of work with
 * its audit event, once the last byte is read and the file's SHA-256 is known; a second copy of a
 * file already complete is then discarded and the first import answered.
 */
@Injectable()
export class ImportCdrFileUseCase {
  constructor(
    private readonly files: CdrFileRepository,
    private readonly notBillable: NotBillableRecords,
    private readonly recordChunk: RecordCdrChunk,
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    private readonly config: AppConfiguration,
  ) {}

  async execute(command: ImportCdrFileCommand): Promise<ImportResult> {
    const format = CDR_FORMATS.get(command.format)!;
    const context = this.contextOf(command);
    if (command.declaredBytes === null) throw new CdrFileLengthRequiredError();
    if (command.declaredBytes > this.config.CDR_FILE_MAX_BYTES)
      throw new CdrFileTooLargeError(this.config.CDR_FILE_MAX_BYTES);

    const file: CdrFileImport = {
      id: randomUUID(),
      source: command.source,
      format: format.name,
      sha256: null,
      receivedAt: this.clock.now(),
      status: 'importing',
      ...NO_ROWS,
    };
    const end: StreamEnd = { sha256: null };
    let started = false;
    try {
      let read: RowReader | null = null;
      for await (let rows of cdrRowChunks(command.body, this.config.CDR_FILE_CHUNK_ROWS, end)) {
        if (read === null) {
          read = format.open(context, format.hasHeader ? (rows[0]?.fields ?? null) : null);
          if (format.hasHeader) rows = rows.slice(1);
          this.refuseUnreadable(rows, format);
        }
        if (rows.length === 0) continue;
        if (!started) {
          await this.files.create(file);
          started = true;
        }
        const { counts, errors } = await this.recordChunk.execute(file.id, rows, read, (n) => format.fits(n));
        await this.files.addChunk(file.id, counts, errors);
        Object.assign(file, addCounts(file, counts));
      }
    } catch (error) {
      if (started) await this.files.setStatus(file.id, 'interrupted');
      throw error;
    }
    if (!started) throw new CdrFileUnreadableError('the file holds no records');
    return this.complete(file, end.sha256!);
  }

  private contextOf(command: ImportCdrFileCommand): SwitchContext {
    const country = command.country ?? this.config.DEFAULT_COUNTRY ?? null;
    if (country !== null && !isKnownCountry(country))
      throw new InvalidCdrImportParameterError(
        'country',
        `${JSON.stringify(country)} is not an ISO 3166 country code libphonenumber knows`,
      );
    return {
      source: command.source,
      timezone: TimeZone.of(command.timezone ?? this.config.BILLING_TIMEZONE).name,
      country,
      maxSeconds: this.config.MAX_CALL_MINUTES * 60,
    };
  }

  /** Judged on the first chunk, before anything is recorded: a file of another format is refused whole. */
  private refuseUnreadable(rows: NumberedRow[], format: CdrFormat): void {
    if (rows.length > 0 && mostlyUnreadable(rows, (n) => format.fits(n)))
      throw new CdrFileUnreadableError(
        `most rows are not ${format.name} rows (wrong column count) or not UTF-8; check the format= parameter`,
      );
  }

  private complete(file: CdrFileImport, sha256: string): Promise<ImportResult> {
    return this.unitOfWork.transactional(async () => {
      await this.files.lockFile(file.source, sha256); // two copies completing at once: one waits
      const first = await this.files.findComplete(file.source, sha256);
      if (first) {
        await this.notBillable.moveToFile(file.id, first.id);
        await this.files.discard(file.id);
        return { created: false, file: first };
      }
      await this.files.complete(file.id, sha256);
      const { id, source, format, records, recorded, duplicates, notBillable, suspended, rejected } = file;
      await this.audit.record({
        action: 'cdr-file.imported',
        target: { type: 'cdr-file', id },
        customerId: null,
        details: { source, format, sha256, records, recorded, duplicates, notBillable, suspended, rejected },
      });
      return { created: true, file: { ...file, sha256, status: 'complete' as const } };
    });
  }
}
