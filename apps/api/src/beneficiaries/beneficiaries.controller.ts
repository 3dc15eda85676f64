import { BadRequestException, Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@lib/domain';
import { GetBeneficiaryQuery } from '@lib/projections';
import { CurrentActor } from '../auth/current-actor.decorator';
import { requireRole } from '../auth/read-access';
import { BeneficiaryResponse } from './beneficiary.response';
import { ReadFromReplica } from '../http/read-from-replica';

/** CMND (9 digits) or CCCD (12 digits). */
const CITIZEN_ID = /^(\d{9}|\d{12})$/;

@ApiTags('queries')
@ApiBearerAuth()
@ReadFromReplica()
@Controller('beneficiaries')
export class BeneficiariesController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':citizenId')
  @ApiOperation({ summary: 'Every application and payment of one person, across wards, categories and programmes (auditor, inspector)' })
  @ApiOkResponse({ type: BeneficiaryResponse })
  async get(@Param('citizenId') typed: string, @CurrentActor() actor: Actor) {
    const citizenId = typed.normalize('NFKC').replace(/[\s.\-]/g, '');
    requireRole(actor, ['auditor', 'inspector'], 'the beneficiary index');
    if (!CITIZEN_ID.test(citizenId)) {
      throw new BadRequestException({ errors: [{ field: 'citizenId', message: 'field.citizen-id' }] });
    }
    const person = await this.queries.execute(new GetBeneficiaryQuery(citizenId));
    if (!person) throw new NotFoundException({ key: 'not-found.citizen' });
    const { summary, applications } = person;
    return {
      citizenId: summary.citizenId,
      fullName: summary.fullName,
      dateOfBirth: summary.dateOfBirth,
      wards: summary.wards,
      categories: summary.categories,
      programmes: summary.programmes,
      approvedAmount: summary.approvedAmount,
      paidAmount: summary.paidAmount,
      recoveryOrderedAmount: summary.recoveryOrderedAmount,
      recoveredAmount: summary.recoveredAmount,
      applications: applications.map((row) => ({
        id: row.applicationId,
        programme: row.programmeId,
        programmeVersion: row.programmeVersion,
        category: row.category,
        ward: row.ward,
        status: row.status,
        claimedMonths: row.claimedMonths,
        approvedMonths: row.approvedMonths,
        approvedAmount: row.approvedAmount,
        paidAmount: row.paidAmount,
        recoveryOrderedAmount: row.recoveryOrderedAmount,
        recoveredAmount: row.recoveredAmount,
        payments: row.payments,
        submittedAt: new Date(row.submittedAt).toISOString(),
        updatedAt: new Date(row.updatedAt).toISOString(),
      })),
    };
  }
}
