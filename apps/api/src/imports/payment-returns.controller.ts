import { Controller, ForbiddenException, Get, HttpStatus, Post, Query, Req, Res } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { AmountMismatch, DomainError, InvalidTransition, type Actor, type ImportReportEntry, type MessageParams, type PaymentMismatch } from '@lib/domain';
import { RecordPaymentReturnCommand, RecordSupportPaymentCommand } from '@lib/application';
import { ProgrammeRegistry, type AppConfig } from '@lib/platform';
import { FindApplicationsOfPersonQuery, GetPaymentReturnQuery, GetReconciliationQuery } from '@lib/projections';
import { CurrentActor } from '../auth/current-actor.decorator';
import { commandContext } from '../http/command-context';
import type { HttpReply, HttpRequest } from '../http/http-exchange';
import type { ImportColumn } from './import-columns';
import { cellText, mapColumns, toDate, toInteger } from './import-rows';
import { idFrom, invalid, readUpload } from './imports.controller';
import { readSpreadsheet } from './spreadsheet-file';
import { PaymentReturnResponse, ReconciliationResponse } from './dto/import.response';
import { wordReport } from './report-words';
import { negotiateLanguage } from '../problem/messages/language';
import { MessageRenderer } from '../problem/messages/message-renderer';
import { stepLabels } from '../problem/messages/step-labels';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const WARD = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const METHODS = ['cash', 'bank', 'post-office'] as const;

/** The columns of a returned payment list: the application or the person, the amount paid, when, and the voucher. */
const PAYMENT_COLUMNS: ImportColumn[] = [
  { key: 'applicationId', vi: 'Mã hồ sơ', en: 'Application id', type: 'text', required: false, target: 'none' },
  { key: 'citizenId', vi: 'Số CMND/CCCD', en: 'ID card number', type: 'citizen-id', required: false, target: 'none' },
  { key: 'amount', vi: 'Số tiền', en: 'Amount paid (VND)', type: 'integer', required: true, target: 'none' },
  { key: 'paidOn', vi: 'Ngày chi trả', en: 'Paid on', type: 'date', required: true, target: 'none' },
  { key: 'reference', vi: 'Số chứng từ', en: 'Voucher / reference', type: 'text', required: true, target: 'none' },
];

@ApiTags('imports')
@ApiBearerAuth()
@Controller()
export class PaymentReturnsController {
  private readonly renderer: MessageRenderer;

  constructor(private readonly commands: CommandBus, private readonly queries: QueryBus, private readonly config: ConfigService<AppConfig, true>, programmes: ProgrammeRegistry) {
    this.renderer = new MessageRenderer(stepLabels(programmes));
  }

  /** The rows' refusals in the request's language. */
  private words(report: readonly ImportReportEntry[], request: HttpRequest) {
    return wordReport(report, negotiateLanguage(request.headers['accept-language']), this.renderer);
  }

  @Post('payments/imports')
  @ApiOperation({ summary: "Record the post office's or bank's returned payment list; each row a payment decided by the domain (treasurer)" })
  @ApiConsumes('multipart/form-data')
  @ApiCreatedResponse({ type: PaymentReturnResponse, description: '200 with the same body when the same file was recorded before' })
  async import(@CurrentActor() actor: Actor, @Req() request: HttpRequest, @Res() reply: HttpReply) {
    if (!actor.roles.includes('treasurer') || !actor.ward) throw new ForbiddenException({ key: 'payment-return.role' });
    const queryWard = (request.query as { ward?: unknown } | undefined)?.ward;
    if (queryWard !== undefined && queryWard !== actor.ward) throw new ForbiddenException({ key: 'payment-return.other-ward', params: { actorWard: actor.ward, ward: String(queryWard) } });
    const upload = await readUpload(request as unknown as FastifyRequest);
    // The report's messages are stored as keys (or sentences); each answer words them in the request's language.
    const ward = upload.fields.ward ?? actor.ward;
    if (!WARD.test(ward)) throw invalid('ward', 'field.ward');
    if (ward !== actor.ward) throw new ForbiddenException({ key: 'payment-return.other-ward', params: { actorWard: actor.ward, ward } });
    const method = (upload.fields.method ?? 'post-office') as (typeof METHODS)[number];
    if (!METHODS.includes(method)) throw invalid('method', 'field.one-of', { values: [...METHODS] });
    const sha256 = createHash('sha256').update(upload.file).digest('hex');
    const importId = idFrom('payment-return', ward, sha256);
    const earlier = await this.queries.execute(new GetPaymentReturnQuery(importId));
    if (earlier) {
      const { rows, recorded, refused, report, mismatches } = earlier;
      return reply.status(HttpStatus.OK).send({ id: importId, rows, recorded, refused, report: this.words(report, request), mismatches });
    }
    const sheet = await readSpreadsheet(upload.file, this.config.get('IMPORT_MAX_ROWS', { infer: true }));
    const mapped = mapColumns(sheet, PAYMENT_COLUMNS);
    if ('missing' in mapped) {
      throw invalid('file', 'payment-return.missing-columns', { columns: mapped.missing.map((column) => `“${column.vi}”`) });
    }
    if (!mapped.columns.some(({ column }) => column.key === 'applicationId' || column.key === 'citizenId')) {
      throw invalid('file', 'payment-return.id-column');
    }
    if (mapped.rows.length === 0) throw invalid('file', 'import.no-rows');
    const report: ImportReportEntry[] = [];
    const mismatches: PaymentMismatch[] = [];
    const recorded: string[] = [];
    const cell = (cells: (typeof mapped.rows)[number]['cells'], key: string) => {
      const found = mapped.columns.find(({ column }) => column.key === key);
      return found ? (cells[found.index] ?? null) : null;
    };
    for (const { row, cells } of mapped.rows) {
      const refuse = (column: string | undefined, code: string, message: string, params?: MessageParams, applicationId?: string) =>
        report.push({ row, ...(column ? { column } : {}), code, message, ...(params ? { params } : {}), ...(applicationId ? { applicationId } : {}) });
      const amount = toInteger(cell(cells, 'amount'));
      if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0) {
        refuse('Số tiền', 'validation-failed', 'amount.positive-whole');
        continue;
      }
      const paidOn = toDate(cell(cells, 'paidOn'));
      if (!/^\d{4}-\d{2}-\d{2}$/.test(paidOn)) {
        refuse('Ngày chi trả', 'validation-failed', 'payments.paid-on');
        continue;
      }
      const reference = cellText(cell(cells, 'reference'));
      if (!reference) {
        refuse('Số chứng từ', 'validation-failed', 'field.required');
        continue;
      }
      let applicationId = cellText(cell(cells, 'applicationId')).toLowerCase();
      if (!applicationId) {
        const citizenId = cellText(cell(cells, 'citizenId')).replace(/\s/g, '');
        const held = (await this.queries.execute(new FindApplicationsOfPersonQuery(ward, citizenId))).filter((application) => application.status === 'approved');
        if (held.length !== 1) {
          refuse('Số CMND/CCCD', 'not-found', held.length === 0 ? 'payments.no-approved-application' : 'payments.several-applications', { citizenId: citizenId || '—', ward });
          continue;
        }
        applicationId = held[0].applicationId;
      } else if (!UUID.test(applicationId)) {
        refuse('Mã hồ sơ', 'not-found', 'payments.unknown-application', { applicationId });
        continue;
      }
      const context = { ...commandContext(request, actor), commandId: `payment-return:${importId}:${row}` };
      try {
        await this.commands.execute(new RecordSupportPaymentCommand({ applicationId, amount, method, reference: `${reference} (${paidOn})` }, context));
        recorded.push(applicationId);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        if (error instanceof AmountMismatch) mismatches.push({ row, applicationId, expected: error.expected, given: error.given });
        refuse(error instanceof AmountMismatch ? 'Số tiền' : undefined, error.code, error.key, error.params, applicationId);
      }
    }
    const record = {
      importId, ward, fileName: upload.fileName, sha256, rows: mapped.rows.length, recorded: recorded.length,
      refused: mapped.rows.length - recorded.length, applicationIds: recorded, mismatches, report,
    };
    try {
      await this.commands.execute(new RecordPaymentReturnCommand(record, { ...commandContext(request, actor), commandId: `payment-return:${importId}` }));
    } catch (error) {
      // The same returned list again: its rows were answered as before (each payment is recorded once).
      if (!(error instanceof InvalidTransition)) throw error;
      return reply.status(HttpStatus.OK).send({ id: importId, rows: record.rows, recorded: record.recorded, refused: record.refused, report: this.words(report, request), mismatches });
    }
    return reply.status(HttpStatus.CREATED).send({ id: importId, rows: record.rows, recorded: record.recorded, refused: record.refused, report: this.words(report, request), mismatches });
  }

  @Get('reconciliation')
  @ApiOperation({ summary: "A ward's approved, paid, unpaid and mismatched supports, counts and amounts (treasurer, auditor, inspector)" })
  @ApiQuery({ name: 'ward', required: true })
  @ApiOkResponse({ type: ReconciliationResponse })
  async reconciliation(@Query('ward') ward: string | undefined, @CurrentActor() actor: Actor) {
    if (typeof ward !== 'string' || !WARD.test(ward)) throw invalid('ward', 'field.ward');
    const any = actor.roles.includes('auditor') || actor.roles.includes('inspector');
    if (!any && !(actor.roles.includes('treasurer') && actor.ward === ward)) throw new ForbiddenException({ key: 'payment-return.reconciliation-roles' });
    return this.queries.execute(new GetReconciliationQuery(ward));
  }
}
