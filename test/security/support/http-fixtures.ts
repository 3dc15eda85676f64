import type { ApiTestApp } from '../../support/api-test-app';

export type Stage = 'submitted' | 'reviewed' | 'posted' | 'approved' | 'appraised' | 'decided' | 'paid';

let serial = 0;
/** A citizen ID nobody else in the suite has (CCCD, 12 digits). */
export const nextCitizenId = (prefix = '0990'): string => `${prefix}${String((serial += 1)).padStart(8, '0')}`;

export const submissionBody = (citizenId: string, ward = 'W01', extra: Record<string, string> = {}) => ({
  programme: 'nq42-2020',
  category: '4',
  applicant: { citizenId, fullName: 'Nguyễn Thị Hoa', dateOfBirth: '1981-04-05', ward, address: `Tổ 1, ${ward}`, ...extra },
  claim: { months: ['2020-04', '2020-05'], occupation: 'motorbike-taxi', jobLostOn: '2020-04-01', monthlyIncome: 0 },
});

const ORDER: Stage[] = ['submitted', 'reviewed', 'posted', 'approved', 'appraised', 'decided', 'paid'];

/**
 * Applications in a given stage of category 4's workflow, each step by its own role and a
 * different officer (segregation of duties), through the HTTP API.
 */
export class ApplicationFactory {
  private officers = 0;
  constructor(private readonly api: ApiTestApp) {}

  private as(role: Parameters<ApiTestApp['token']>[0], ward: string | null) {
    return { Authorization: `Bearer ${this.api.token(role, ward, `fixture-${String(role)}-${(this.officers += 1)}`)}` };
  }

  async create(stage: Stage, options: { ward?: string; citizenId?: string; bankAccount?: string } = {}): Promise<{ id: string; citizenId: string }> {
    const ward = options.ward ?? 'W01';
    const citizenId = options.citizenId ?? nextCitizenId();
    const http = this.api.http;
    const submitted = await http.post('/applications').set(this.as('intake-officer', ward)).send(submissionBody(citizenId, ward, options.bankAccount ? { bankAccount: options.bankAccount } : {}));
    if (submitted.status !== 201) throw new Error(`fixture: submit answered ${submitted.status} ${JSON.stringify(submitted.body)}`);
    const id = submitted.body.id as string;
    const steps: [Stage, () => ReturnType<typeof http.post>][] = [
      ['reviewed', () => http.post(`/applications/${id}/village-review`).set(this.as('village-reviewer', ward)).send({ outcome: 'confirmed', minutesRef: 'BB-01' })],
      ['posted', () => http.post(`/applications/${id}/steps/public-posting`).set(this.as('intake-officer', ward)).send({ outcome: 'completed', reference: 'Bảng tin', postedFrom: '2020-05-18', postedUntil: '2020-05-20' })],
      ['approved', () => http.post(`/applications/${id}/ward-approval`).set(this.as('ward-approver', ward)).send({ decision: 'approved' })],
      ['appraised', () => http.post(`/applications/${id}/steps/district-appraisal`).set(this.as('district-appraiser', null)).send({ outcome: 'completed', reference: 'TĐ-1' })],
      ['decided', () => http.post(`/applications/${id}/steps/provincial-decision`).set(this.as('province-approver', null)).send({ outcome: 'completed', decisionNo: '1/QĐ-UBND' })],
      ['paid', () => http.post(`/applications/${id}/payment`).set(this.as('treasurer', ward)).send({ amount: 2_000_000, method: 'cash', reference: 'PC-1' })],
    ];
    for (const [reached, step] of steps) {
      if (ORDER.indexOf(reached) > ORDER.indexOf(stage)) break;
      const response = await step();
      if (response.status !== 200) throw new Error(`fixture: ${reached} answered ${response.status} ${JSON.stringify(response.body)}`);
    }
    return { id, citizenId };
  }

  /** A small import of one W01 row, through the real multipart upload. */
  async importOne(): Promise<string> {
    const csv = `Họ và tên,"Ngày, tháng, năm sinh",Số CMND/CCCD,Nơi ở hiện tại,Tháng đề nghị hỗ trợ,Công việc,Ngày mất việc,Thu nhập hằng tháng (đồng)\nVũ Thị Giang,01/01/1985,${nextCitizenId('0992')},Tổ 1,04/2020,porter,01/04/2020,0\n`;
    const response = await this.api.http.post('/imports').set(this.as('intake-officer', 'W01')).attach('file', Buffer.from(csv), 'fixture.csv').field('programme', 'nq42-2020').field('category', '4').field('ward', 'W01');
    if (response.status !== 201) throw new Error(`fixture: import answered ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.id as string;
  }

  /** An open list for `step` (compiled by its role) holding one application that awaits it. */
  async list(step: 'ward-approval' | 'provincial-decision', ward = 'W01'): Promise<string> {
    const { id } = await this.create(step === 'ward-approval' ? 'posted' : 'appraised', { ward });
    const role = step === 'ward-approval' ? 'ward-approver' : 'province-approver';
    const compiled = await this.api.http.post('/lists').set(this.as(role, role === 'ward-approver' ? ward : null)).send({ programme: 'nq42-2020', category: '4', ward, step, applicationIds: [id] });
    if (compiled.status !== 201) throw new Error(`fixture: list answered ${compiled.status} ${JSON.stringify(compiled.body)}`);
    return compiled.body.id as string;
  }
}
