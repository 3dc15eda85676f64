import { BadRequestException, Controller, ForbiddenException, Get, HttpException, HttpStatus, PayloadTooLargeException, NotFoundException, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { findCategory, InvalidTransition, type Actor, type DomainError, type FieldError, type ImportReportEntry, type SupportImportRecorded } from '@lib/domain';
import { RecordSupportImportCommand, SubmitSupportApplicationsCommand, type IntakeItem } from '@lib/application';
import { ProgrammeRegistry, type AppConfig } from '@lib/platform';
import { GetSupportImportQuery } from '@lib/projections';
import { CurrentActor } from '../auth/current-actor.decorator';
import { requireReadAccess } from '../auth/read-access';
import { commandContext } from '../http/command-context';
import type { HttpReply, HttpRequest } from '../http/http-exchange';
import { importColumns } from './import-columns';
import { cellText, mapColumns, rowRequest } from './import-rows';
import { reportWorkbook, templateWorkbook, XLSX_TYPE } from './import-workbooks';
import { wordReport } from './report-words';
import { negotiateLanguage, type Lang } from '../problem/messages/language';
import { MessageRenderer } from '../problem/messages/message-renderer';
import { stepLabels } from '../problem/problem-details.filter';
import { readSpreadsheet, UnsupportedFile } from './spreadsheet-file';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** Rows stored per append: large enough that 10,000 rows are a few dozen statements, small enough to stay far below the statement timeout. */
const ROWS_PER_APPEND = 250;

/** A v4-shaped id from a hash: the same file, ward and row always name the same import and application. */
export const idFrom = (...parts: string[]): string => {
  const hex = createHash('sha256').update(parts.join('\n')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[parseInt(hex[16], 16) % 4]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

export const invalid = (field: string, message: string) => new BadRequestException({ message: `${field}: ${message}`, code: 'validation-failed', errors: [{ field, message }] });

interface Upload {
  file: Buffer;
  fileName: string;
  fields: Record<string, string>;
}

/** A malformed multipart body (no boundary, cut short) is the client's: 400, or the limit's own 413. */
export const readUpload = async (request: FastifyRequest): Promise<Upload> => {
  try {
    return await readParts(request);
  } catch (error) {
    if (error instanceof HttpException) throw error;
    const status = (error as { statusCode?: number }).statusCode;
    if (status === 413) throw new PayloadTooLargeException({ message: 'the file is larger than an import accepts', code: 'payload-too-large' });
    throw invalid('file', `the multipart body cannot be read: ${(error as Error).message}`);
  }
};

const readParts = async (request: FastifyRequest): Promise<Upload> => {
  if (!request.isMultipart()) throw new UnsupportedFile('send multipart/form-data with the spreadsheet in the field "file"');
  let file: Buffer | null = null;
  let fileName = '';
  const fields: Record<string, string> = {};
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file' || file) throw invalid(part.fieldname, 'send exactly one file, in the field "file"');
      file = await part.toBuffer();
      fileName = part.filename.normalize('NFC').slice(0, 200);
    } else {
      fields[part.fieldname] = String(part.value);
    }
  }
  if (!file) throw invalid('file', 'is required');
  return { file, fileName, fields };
};

const importView = (record: SupportImportRecorded['data'], lang: Lang, renderer: MessageRenderer) => ({
  id: record.importId,
  programme: record.programmeId,
  category: record.category,
  ward: record.ward,
  receivedOn: record.receivedOn,
  fileName: record.fileName,
  rows: record.rows,
  accepted: record.accepted,
  refused: record.refused,
  applicationIds: record.applicationIds,
  report: wordReport(record.report, lang, renderer),
  importedBy: record.importedBy,
  importedAt: record.importedAt,
});

@ApiTags('imports')
@ApiBearerAuth()
@Controller()
export class ImportsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly programmes: ProgrammeRegistry,
    private readonly config: ConfigService<AppConfig, true>,
  ) {
    this.renderer = new MessageRenderer(stepLabels(programmes));
  }

  private readonly renderer: MessageRenderer;

  private view(record: SupportImportRecorded['data'], language: string | string[] | undefined) {
    return importView(record, negotiateLanguage(language), this.renderer);
  }

  private category(programmeId: string, code: string) {
    const programme = CODE.test(programmeId) ? this.programmes.catalog(programmeId) : undefined;
    if (!programme) throw new NotFoundException(`no programme ${programmeId}`);
    const category = findCategory(programme, code);
    if (!category) throw new NotFoundException(`programme ${programmeId} has no category ${code}`);
    return { programme, category };
  }

  @Get('programmes/:id/categories/:code/template.xlsx')
  @ApiOperation({ summary: 'The spreadsheet an import of this category expects (QĐ 15 appendix columns)' })
  @ApiProduces(XLSX_TYPE)
  async template(@Param('id') id: string, @Param('code') code: string, @Res() reply: HttpReply) {
    const { programme, category } = this.category(id, code);
    const body = await templateWorkbook(programme, category, importColumns(category));
    reply.header('Content-Type', XLSX_TYPE).header('Content-Disposition', `attachment; filename="template-${programme.id}-${category.code}.xlsx"`).send(body);
  }

  @Post('imports')
  @ApiOperation({ summary: 'Import an XLSX or CSV of applications; each row decided as a single intake (intake-officer)' })
  @ApiConsumes('multipart/form-data')
  async import(@CurrentActor() actor: Actor, @Req() request: HttpRequest, @Res() reply: HttpReply) {
    // Authorization before anything is read: the body may be large.
    if (!actor.roles.includes('intake-officer')) throw new ForbiddenException('an import is performed by the intake-officer role');
    // The ward may also come in the query string, so another ward's officer is refused before the upload is read.
    const queryWard = (request.query as { ward?: unknown } | undefined)?.ward;
    if (queryWard !== undefined && queryWard !== actor.ward) throw new ForbiddenException(`an intake officer of ward ${actor.ward ?? '(none)'} cannot import for ward ${String(queryWard)}`);
    const upload = await readUpload(request as unknown as FastifyRequest);
    const { programme: programmeId = '', category: code = '', ward = typeof queryWard === 'string' ? queryWard : '', receivedOn } = upload.fields;
    const { programme, category } = this.category(programmeId, code);
    if (!CODE.test(ward)) throw invalid('ward', 'must be a ward code');
    if (actor.ward !== ward) throw new ForbiddenException(`an intake officer of ward ${actor.ward ?? '(none)'} cannot import for ward ${ward}`);
    if (receivedOn !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(receivedOn) || receivedOn > new Date().toISOString().slice(0, 10))) {
      throw invalid('receivedOn', 'must be a date YYYY-MM-DD, not in the future');
    }
    const sha256 = createHash('sha256').update(upload.file).digest('hex');
    const importId = idFrom('import', programme.id, category.code, ward, sha256);
    const earlier = await this.queries.execute(new GetSupportImportQuery(importId));
    if (earlier) return reply.status(HttpStatus.OK).send(this.view(earlier, request.headers['accept-language']));

    const columns = importColumns(category);
    const sheet = await readSpreadsheet(upload.file, this.config.get('IMPORT_MAX_ROWS', { infer: true }));
    const mapped = mapColumns(sheet, columns);
    if ('missing' in mapped) {
      throw new BadRequestException({
        message: `the file lacks the columns ${mapped.missing.map((column) => `"${column.vi}"`).join(', ')}; download template.xlsx for this category`,
        code: 'validation-failed',
        errors: mapped.missing.map((column) => ({ field: column.vi, message: `thiếu cột / missing column (${column.en})` })),
      });
    }
    const maxRows = this.config.get('IMPORT_MAX_ROWS', { infer: true });
    if (mapped.rows.length > maxRows) throw invalid('file', `has ${mapped.rows.length} rows; an import takes at most ${maxRows}`);
    if (mapped.rows.length === 0) throw invalid('file', 'has no rows below its header');

    const report: ImportReportEntry[] = [];
    const acceptedRows: { row: number; applicationId: string }[] = [];
    const refusedRows: { row: number; values: string[] }[] = [];
    const columnOf = (field: string) => columns.find((column) => column.key === field.split(/[.[]/)[0] || `claim.${column.key}` === field)?.vi ?? field;
    const pending: { row: number; values: string[]; item: IntakeItem }[] = [];
    for (const { row, cells } of mapped.rows) {
      const values = mapped.columns.map(({ index }) => cellText(cells[index] ?? null));
      const parsed = rowRequest(cells, row, mapped, ward);
      if ('errors' in parsed) {
        report.push(...parsed.errors);
        refusedRows.push({ row, values });
        continue;
      }
      // Each row is its own command, with ids derived from the import: a repeat after a crash decides nothing twice.
      const item = { applicationId: idFrom('application', importId, String(row)), commandId: `import:${importId}:${row}`, programmeId: programme.id, category: category.code, ...parsed.request };
      pending.push({ row, values, item });
    }
    const context = commandContext(request, actor);
    // A few hundred rows per append: each row decided as a single intake, the batch stored in one statement.
    for (let start = 0; start < pending.length; start += ROWS_PER_APPEND) {
      const batch = pending.slice(start, start + ROWS_PER_APPEND);
      const outcomes = await this.commands.execute(new SubmitSupportApplicationsCommand(batch.map(({ item }) => item), context));
      batch.forEach(({ row, values }, index) => {
        const outcome = outcomes[index];
        if ('result' in outcome) return acceptedRows.push({ row, applicationId: outcome.result.id });
        const error = outcome.error as DomainError & { errors?: FieldError[]; reasons?: FieldError[] };
        const fields = error.errors ?? error.reasons;
        report.push(
          ...(fields?.length
            ? fields.map((field: FieldError) => ({ row, column: columnOf(field.field), code: error.code, message: field.message, ...(field.params ? { params: field.params } : {}) }))
            : [{ row, code: error.code, message: error.key, params: error.params }]),
        );
        refusedRows.push({ row, values });
      });
    }
    acceptedRows.sort((a, b) => a.row - b.row);
    refusedRows.sort((a, b) => a.row - b.row);
    report.sort((a, b) => a.row - b.row);
    const record = {
      importId,
      programmeId: programme.id,
      category: category.code,
      ward,
      receivedOn: receivedOn ?? null,
      fileName: upload.fileName,
      sha256,
      columns: mapped.columns.map(({ column }) => column.vi),
      rows: mapped.rows.length,
      accepted: acceptedRows.length,
      refused: refusedRows.length,
      applicationIds: acceptedRows.map(({ applicationId }) => applicationId),
      acceptedRows,
      refusedRows,
      report,
    };
    try {
      await this.commands.execute(new RecordSupportImportCommand(record, { ...commandContext(request, actor), commandId: `import:${importId}` }));
    } catch (error) {
      // The same file at the same moment from another request: it recorded the import first.
      if (!(error instanceof InvalidTransition)) throw error;
      const first = await this.queries.execute(new GetSupportImportQuery(importId));
      if (first) return reply.status(HttpStatus.OK).send(this.view(first, request.headers['accept-language']));
      throw error;
    }
    const recorded = await this.queries.execute(new GetSupportImportQuery(importId));
    return reply.status(HttpStatus.CREATED).header('Location', `/imports/${importId}`).send(this.view(recorded ?? { ...record, importedBy: actor.id, importedAt: new Date().toISOString() }, request.headers['accept-language']));
  }

  private async record(id: string, actor: Actor) {
    const record = await this.queries.execute(new GetSupportImportQuery(id));
    if (!record) throw new NotFoundException('no such import');
    requireReadAccess(actor, record.ward);
    return record;
  }

  @Get('imports/:id')
  @ApiOperation({ summary: 'One import and its per-row report' })
  async get(@Param('id', uuid) id: string, @CurrentActor() actor: Actor, @Req() request: HttpRequest) {
    return this.view(await this.record(id, actor), request.headers['accept-language']);
  }

  @Get('imports/:id/report.xlsx')
  @ApiOperation({ summary: 'The import report as XLSX: each refused row with its errors beside it' })
  @ApiProduces(XLSX_TYPE)
  async report(@Param('id', uuid) id: string, @CurrentActor() actor: Actor, @Req() request: HttpRequest, @Res() reply: HttpReply) {
    const record = await this.record(id, actor);
    const lang = negotiateLanguage(request.headers['accept-language']);
    const body = await reportWorkbook({ ...record, report: wordReport(record.report, lang, this.renderer) });
    reply.header('Content-Type', XLSX_TYPE).header('Content-Language', lang).header('Vary', 'Accept-Language').header('Content-Disposition', `attachment; filename="import-${id}-report.xlsx"`).send(body);
  }
}
