import { BadRequestException, Controller, ForbiddenException, Get, HttpException, HttpStatus, PayloadTooLargeException, NotFoundException, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { findCategory, InvalidTransition, type Actor, type DomainError, type FieldError, type ImportReportEntry, type MessageParams, type SupportImportRecorded } from '@lib/domain';
import { RecordSupportImportCommand, SubmitSupportApplicationsCommand, type IntakeItem } from '@lib/application';
import { ProgrammeRegistry, type AppConfig } from '@lib/platform';
import { GetSupportImportQuery } from '@lib/projections';
import { CurrentActor } from '../auth/current-actor.decorator';
import { requireReadAccess } from '../auth/read-access';
import { commandContext } from '../http/command-context';
import type { HttpReply, HttpRequest } from '../http/http-exchange';
import { ImportProgressResponse, ImportResponse } from './dto/import.response';
import { importColumns } from './import-columns';
import { ImportProgress } from './import-progress';
import { cellText, mapColumns, rowRequest } from './import-rows';
import { reportWorkbook, templateWorkbook, XLSX_TYPE } from './import-workbooks';
import { readSpreadsheet, UnsupportedFile } from './spreadsheet-file';
import { wordReport } from './report-words';
import { negotiateLanguage, type Lang } from '../problem/messages/language';
import { MessageRenderer } from '../problem/messages/message-renderer';
import { stepLabels } from '../problem/messages/step-labels';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** Rows stored per append: large enough that 10,000 rows are a few dozen statements, small enough to stay far below the statement timeout. */
const ROWS_PER_APPEND = 250;
const PROGRESS_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A v4-shaped id from a hash: the same file, ward and row always name the same import and application. */
export const idFrom = (...parts: string[]): string => {
  const hex = createHash('sha256').update(parts.join('\n')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[parseInt(hex[16], 16) % 4]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

/** A refused field of an upload, by a message key of the catalogue (worded in the request's language). */
export const invalid = (field: string, key: string, params?: MessageParams) => new BadRequestException({ code: 'validation-failed', errors: [{ field, message: key, params }] });

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
    if (status === 413) throw new PayloadTooLargeException({ key: 'import.too-large', code: 'payload-too-large' });
    throw invalid('file', 'import.multipart-unreadable');
  }
};

const readParts = async (request: FastifyRequest): Promise<Upload> => {
  if (!request.isMultipart()) throw new UnsupportedFile('import.multipart-required');
  let file: Buffer | null = null;
  let fileName = '';
  const fields: Record<string, string> = {};
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file' || file) throw invalid(part.fieldname, 'import.one-file');
      file = await part.toBuffer();
      fileName = part.filename.normalize('NFC').slice(0, 200);
    } else {
      fields[part.fieldname] = String(part.value);
    }
  }
  if (!file) throw invalid('file', 'field.required');
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
    private readonly progress: ImportProgress,
  ) {
    this.renderer = new MessageRenderer(stepLabels(programmes));
  }

  private readonly renderer: MessageRenderer;

  /** The import with its report's messages in the request's language (stored as keys and params, or as the sentences of older imports). */
  private view(record: SupportImportRecorded['data'], request: HttpRequest) {
    return importView(record, negotiateLanguage(request.headers['accept-language']), this.renderer);
  }

  private category(programmeId: string, code: string) {
    const programme = CODE.test(programmeId) ? this.programmes.catalog(programmeId) : undefined;
    if (!programme) throw new NotFoundException({ key: 'not-found.programme', params: { programme: programmeId } });
    const category = findCategory(programme, code);
    if (!category) throw new NotFoundException({ key: 'not-found.category', params: { programme: programmeId, category: code } });
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
  @ApiQuery({ name: 'progress', required: false, description: 'an id the client chooses (a UUID): GET /imports/progress/{id} tells how far the import is' })
  @ApiCreatedResponse({ type: ImportResponse, description: '200 with the first import when the same file was imported before' })
  async import(@CurrentActor() actor: Actor, @Req() request: HttpRequest, @Res() reply: HttpReply) {
    // Authorization before anything is read: the body may be large.
    if (!actor.roles.includes('intake-officer')) throw new ForbiddenException({ key: 'read.roles', params: { roles: ['intake-officer'] } });
    const progressId = (request.query as { progress?: unknown } | undefined)?.progress;
    if (progressId !== undefined && (typeof progressId !== 'string' || !PROGRESS_ID.test(progressId))) throw invalid('progress', 'import.progress-id');
    const tracked = progressId === undefined ? undefined : progressId.toLowerCase();
    if (tracked) this.progress.start(tracked, actor.id);
    try {
      return await this.importFile(actor, request, reply, tracked);
    } catch (error) {
      this.progress.update(tracked, 'failed');
      throw error;
    }
  }

  private async importFile(actor: Actor, request: HttpRequest, reply: HttpReply, tracked: string | undefined) {
    // The ward may also come in the query string, so another ward's officer is refused before the upload is read.
    const queryWard = (request.query as { ward?: unknown } | undefined)?.ward;
    if (queryWard !== undefined && queryWard !== actor.ward) throw new ForbiddenException({ key: 'import.other-ward', params: { actorWard: actor.ward ?? '—', ward: String(queryWard) } });
    const upload = await readUpload(request as unknown as FastifyRequest);
    const { programme: programmeId = '', category: code = '', ward = typeof queryWard === 'string' ? queryWard : '', receivedOn } = upload.fields;
    const { programme, category } = this.category(programmeId, code);
    if (!CODE.test(ward)) throw invalid('ward', 'field.ward');
    if (actor.ward !== ward) throw new ForbiddenException({ key: 'import.other-ward', params: { actorWard: actor.ward ?? '—', ward } });
    if (receivedOn !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(receivedOn) || receivedOn > new Date().toISOString().slice(0, 10))) {
      throw invalid('receivedOn', 'import.received-on');
    }
    const sha256 = createHash('sha256').update(upload.file).digest('hex');
    const importId = idFrom('import', programme.id, category.code, ward, sha256);
    const earlier = await this.queries.execute(new GetSupportImportQuery(importId));
    if (earlier) {
      this.progress.update(tracked, 'done', earlier.rows, earlier.rows);
      return reply.status(HttpStatus.OK).send(this.view(earlier, request));
    }

    const columns = importColumns(category);
    const sheet = await readSpreadsheet(upload.file, this.config.get('IMPORT_MAX_ROWS', { infer: true }));
    const mapped = mapColumns(sheet, columns);
    if ('missing' in mapped) {
      throw new BadRequestException({
        code: 'validation-failed',
        errors: mapped.missing.map((column) => ({ field: column.vi, message: 'import.missing-column', params: { column: { vi: column.vi, en: column.en } } })),
      });
    }
    const maxRows = this.config.get('IMPORT_MAX_ROWS', { infer: true });
    if (mapped.rows.length > maxRows) throw invalid('file', 'file.too-many-rows', { rows: mapped.rows.length, max: maxRows });
    if (mapped.rows.length === 0) throw invalid('file', 'import.no-rows');

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
    const total = mapped.rows.length;
    let decided = total - pending.length;
    this.progress.update(tracked, 'deciding', decided, total);
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
      decided += batch.length;
      this.progress.update(tracked, 'deciding', decided, total);
    }
    this.progress.update(tracked, 'recording', total, total);
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
      if (first) {
        this.progress.update(tracked, 'done', total, total);
        return reply.status(HttpStatus.OK).send(this.view(first, request));
      }
      throw error;
    }
    this.progress.update(tracked, 'done', total, total);
    const recorded = await this.queries.execute(new GetSupportImportQuery(importId));
    return reply.status(HttpStatus.CREATED).header('Location', `/imports/${importId}`).send(this.view(recorded ?? { ...record, importedBy: actor.id, importedAt: new Date().toISOString() }, request));
  }

  private async record(id: string, actor: Actor) {
    const record = await this.queries.execute(new GetSupportImportQuery(id));
    if (!record) throw new NotFoundException({ key: 'not-found.import' });
    requireReadAccess(actor, record.ward);
    return record;
  }

  @Get('imports/progress/:id')
  @ApiOperation({ summary: "How far an import started with ?progress={id} is: its phase and rows decided (the importing officer's, in this process)" })
  @ApiOkResponse({ type: ImportProgressResponse })
  readProgress(@Param('id') id: string, @CurrentActor() actor: Actor): ImportProgressResponse {
    if (!actor.roles.includes('intake-officer')) throw new ForbiddenException({ key: 'read.roles', params: { roles: ['intake-officer'] } });
    if (!PROGRESS_ID.test(id)) throw invalid('id', 'import.progress-id');
    const found = this.progress.read(id.toLowerCase(), actor.id);
    if (!found) throw new NotFoundException({ key: 'import.progress-not-found' });
    return found;
  }

  @Get('imports/:id')
  @ApiOperation({ summary: 'One import and its per-row report' })
  @ApiOkResponse({ type: ImportResponse })
  async get(@Param('id', uuid) id: string, @CurrentActor() actor: Actor, @Req() request: HttpRequest) {
    return this.view(await this.record(id, actor), request);
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
