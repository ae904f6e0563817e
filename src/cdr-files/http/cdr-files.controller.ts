import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { OperatorOnly } from '../../auth';
import { InvalidTimeZoneError } from '../../shared/domain/shared.errors';
import { ApiProblems } from '../../shared/http/api-problems.decorator';
import { NoQuery } from '../../shared/http/no-query.decorator';
import { PageQueryDto } from '../../shared/http/page-query.dto';
import { UuidParamPipe } from '../../shared/http/uuid-param.pipe';
import { InvalidCursorError } from '../../shared/pagination/page';
import { CdrFileQueries } from '../application/cdr-file-queries';
import { ImportCdrFileUseCase } from '../application/import-cdr-file.use-case';
import {
  CdrFileLengthRequiredError,
  CdrFileNotCsvError,
  CdrFileNotFoundError,
  CdrFileTooLargeError,
  CdrFileUnreadableError,
  CdrUploadInterruptedError,
  InvalidCdrImportParameterError,
} from '../domain/cdr-file.errors';
import { ImportCdrFileQueryDto } from './dto/import-cdr-file.query.dto';
import {
  CdrFileErrorPageResponse,
  CdrFilePageResponse,
  CdrFileResponse,
  CdrFileSummaryResponse,
} from './dto/cdr-file.response';

const ASTERISK_EXAMPLE =
  '"","+351912345678","+14155550100","from-internal","","SIP/100-0001","SIP/trunk-0002","Dial","SIP/trunk/+14155550100","2026-10-05 14:02:51","2026-10-05 14:03:00","2026-10-05 14:06:00",189,180,"ANSWERED","DOCUMENTATION","1759673000.1",""\n';

@ApiTags('cdr-files')
@Controller('v1/cdr-files')
export class CdrFilesController {
  constructor(
    private readonly importFile: ImportCdrFileUseCase,
    private readonly queries: CdrFileQueries,
  ) {}

  @Post()
  @OperatorOnly()
  @ApiOperation({
    summary: "Import a switch's CDR file (operator)",
    description:
      'The file as it is, streamed (never held whole in memory), with a Content-Length (411 without one) of at most CDR_FILE_MAX_BYTES (413, nothing read). ' +
      'Rows are recorded in chunks through the same path as POST /v1/calls/batch; every row is counted once: records = recorded + duplicates + notBillable + suspended + rejected. ' +
      'The same file (source and SHA-256) posted again answers 200 with the first import and records nothing twice. ' +
      'A dropped upload keeps the chunks recorded before it (status interrupted); posting the file again completes it without duplicates.',
  })
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: { type: 'string', format: 'binary', maxLength: 512 * 1024 ** 2, example: ASTERISK_EXAMPLE },
    required: true,
    description: 'The CSV file as the switch wrote it, at most CDR_FILE_MAX_BYTES',
  })
  @ApiCreatedResponse({ type: CdrFileResponse, description: 'Imported' })
  @ApiOkResponse({ type: CdrFileResponse, description: 'This file was imported before: the first import' })
  @ApiProblems(
    new CdrFileUnreadableError('most rows are not asterisk rows (wrong column count) or not UTF-8'),
    new CdrUploadInterruptedError(),
    new InvalidCdrImportParameterError(
      'country',
      '"XX" is not an ISO 3166 country code libphonenumber knows',
    ),
    new InvalidTimeZoneError('Mars/Olympus'),
    new CdrFileLengthRequiredError(),
    new CdrFileTooLargeError(512 * 1024 * 1024),
    new CdrFileNotCsvError(),
  )
  async upload(
    @Query() query: ImportCdrFileQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CdrFileResponse> {
    // Only a text/csv body reaches here as a stream (cdr-upload.ts); JSON or no body at all is refused.
    if (!(request.body instanceof Readable)) throw new CdrFileNotCsvError();
    const length = request.headers['content-length'];
    const { created, file } = await this.importFile.execute({
      format: query.format,
      source: query.source,
      timezone: query.timezone,
      country: query.country,
      body: request.body,
      declaredBytes: length === undefined ? null : Number(length),
    });
    void reply.status(created ? 201 : 200);
    return CdrFileResponse.withErrors(file, await this.queries.firstErrors(file.id));
  }

  @Get()
  @OperatorOnly()
  @ApiOperation({ summary: 'The CDR file imports, newest first (operator)' })
  @ApiOkResponse({ type: CdrFilePageResponse })
  @ApiProblems(new InvalidCursorError())
  async list(@Query() query: PageQueryDto): Promise<CdrFilePageResponse> {
    const page = await this.queries.list(query.limit, query.cursor ?? null);
    return { data: page.data.map((file) => CdrFileSummaryResponse.of(file)), nextCursor: page.nextCursor };
  }

  @Get(':cdrFileId')
  @OperatorOnly()
  @ApiOperation({ summary: 'One CDR file import, with its first 100 rejected rows (operator)' })
  @ApiOkResponse({ type: CdrFileResponse })
  @ApiProblems(new CdrFileNotFoundError('0b7c6f0e-6a44-4e8e-9d1b-2f5c8f4c1a11'))
  async get(
    @NoQuery() _query: void,
    @Param('cdrFileId', new UuidParamPipe('cdrFileId')) id: string,
  ): Promise<CdrFileResponse> {
    const file = await this.queries.get(id);
    return CdrFileResponse.withErrors(file, await this.queries.firstErrors(id));
  }

  @Get(':cdrFileId/errors')
  @OperatorOnly()
  @ApiOperation({ summary: "An import's rejected rows, by line (operator)" })
  @ApiOkResponse({ type: CdrFileErrorPageResponse })
  @ApiProblems(new CdrFileNotFoundError('0b7c6f0e-6a44-4e8e-9d1b-2f5c8f4c1a11'), new InvalidCursorError())
  async errors(
    @Param('cdrFileId', new UuidParamPipe('cdrFileId')) id: string,
    @Query() query: PageQueryDto,
  ): Promise<CdrFileErrorPageResponse> {
    return this.queries.errors(id, query.limit, query.cursor ?? null);
  }
}
