import type { QueryBus } from '@nestjs/cqrs';
import { fraudRule, identityProfileOf, identityWeightsOf, scoreIdentityProfiles, type Actor, type Applicant, type IdentityEvidence } from '@lib/domain';
import type { ProgrammeRegistry } from '@lib/platform';
import { FindRelatedApplicationsQuery, type RelatedApplication } from '@lib/projections';
import { readsAnyWard } from '../auth/read-access';
import { headerOf, type HttpRequest } from '../http/http-exchange';

export type WarningCode = 'already-supported' | 'probable-same-person';

/** A warning never refuses: the officer sees it on the day, with the other application where they may read it. */
export interface ApplicationWarning {
  code: WarningCode;
  message: string;
  /** The other application; absent when it lies outside the caller's ward. */
  applicationId?: string;
  ward: string;
  category: string;
  status: string;
  /** probable-same-person: the score and what agreed (name, dateOfBirth, address, phone, bankAccount, documentKinds). */
  score?: number;
  matched?: IdentityEvidence[];
}

/** Statuses under which the person no longer holds or asks for that support. */
const CLOSED = new Set(['rejected', 'withdrawn', 'superseded']);

const MATCHED: Record<IdentityEvidence, { vi: string; en: string }> = {
  name: { vi: 'họ tên', en: 'name' },
  dateOfBirth: { vi: 'ngày sinh', en: 'date of birth' },
  address: { vi: 'địa chỉ', en: 'address' },
  phone: { vi: 'số điện thoại', en: 'phone' },
  bankAccount: { vi: 'tài khoản ngân hàng', en: 'bank account' },
  documentKinds: { vi: 'một CMND 9 số và một CCCD 12 số', en: 'a 9-digit CMND and a 12-digit CCCD' },
};

/** Vietnamese unless the caller asks for English first. */
const englishFirst = (request: HttpRequest): boolean => /^\s*en\b/i.test(headerOf(request, 'accept-language') ?? '');

const messageOf = (code: WarningCode, other: RelatedApplication, english: boolean, matched: IdentityEvidence[] = [], score?: number): string => {
  const where = english ? `category ${other.category}, ward ${other.ward}, status ${other.status}` : `nhóm ${other.category}, ${other.ward}, trạng thái ${other.status}`;
  if (code === 'already-supported') {
    return english
      ? `This citizen ID already holds or requested support (${where}); only the highest support is paid.`
      : `Số CMND/CCCD này đã được hỗ trợ hoặc đang đề nghị hỗ trợ (${where}); chỉ hưởng một mức hỗ trợ cao nhất.`;
  }
  const agreed = matched.map((evidence) => MATCHED[evidence][english ? 'en' : 'vi']).join(', ');
  return english
    ? `Probably the same person under another ID number (${where}): ${agreed} agree; score ${score}.`
    : `Có thể là cùng một người với số giấy tờ khác (${where}): trùng ${agreed}; điểm ${score}.`;
};

/**
 * The warnings of an application: other applications of the same programme under the same
 * citizen ID that are not closed (`already-supported`), and under another ID with the same name
 * (without diacritics) and date of birth (`probable-same-person`, scored with the programme's
 * F20 weights). Read from the read models, so what the projector has not yet seen is not warned of.
 */
export const applicationWarnings = async (
  queries: QueryBus,
  programmes: ProgrammeRegistry,
  application: { id: string; programme: string; programmeVersion?: number; applicant: Applicant },
  actor: Actor,
  request: HttpRequest,
): Promise<ApplicationWarning[]> => {
  const related = await queries.execute(new FindRelatedApplicationsQuery(application.id, application.programme, application.applicant));
  const english = englishFirst(request);
  const weights = identityWeightsOf(fraudRule(programmes.catalog(application.programme, application.programmeVersion)?.fraudRules, 'F20')?.thresholds);
  const visible = (other: RelatedApplication) => (readsAnyWard(actor) || actor.ward === other.ward ? { applicationId: other.applicationId } : {});
  const warnings: ApplicationWarning[] = [];
  // Normalised once, not once per related application (each normalisation is a dozen Unicode passes).
  const subject = weights ? identityProfileOf(application.applicant) : null;
  for (const other of related) {
    const base = { ...visible(other), ward: other.ward, category: other.category, status: other.status };
    if (other.relation === 'same-id') {
      if (!CLOSED.has(other.status)) warnings.push({ code: 'already-supported', message: messageOf('already-supported', other, english), ...base });
      continue;
    }
    const match = weights && subject ? scoreIdentityProfiles(subject, identityProfileOf(other.applicant), weights) : null;
    const matched = match?.matched ?? ['name', 'dateOfBirth'];
    const score = match?.score ?? 0;
    warnings.push({ code: 'probable-same-person', message: messageOf('probable-same-person', other, english, matched, score), ...base, score, matched });
  }
  return warnings;
};
