import {
  APPLICATION_ID,
  awaiting,
  districtAppraiser,
  intakeOfficer,
  provinceApprover,
  villageReviewer,
  wardApprover,
} from '@lib/testing/builders/support-application.builders';
import { shippedCatalog } from '@lib/testing/programmes';
import { ClaimInvalid, InvalidTransition, NotPermitted } from '../common/domain-error';
import type { Actor } from '../common/domain-event';
import { evolve, initialState, type SupportApplication } from '../support-application/support-application.state';
import type { SupportApplicationEvent } from '../support-application/support-application.events';
import { ListStepRefused } from './support-list.errors';
import {
  compileSupportList,
  evolveSupportList,
  initialSupportList,
  initialProvincialDecision,
  performListStep,
  recordProvincialDecision,
  type SupportList,
} from './support-list';
import type { SupportListEvent } from './support-list.events';

const catalog = shippedCatalog();
const NOW = '2020-05-25T03:00:00.000Z';
const LIST_ID = '0b0c6f1e-9d2a-4c1b-8e3f-5a6b7c8d9e01';
const OTHER_ID = '7d1f2e3c-4b5a-4698-8776-655443322110';

const fold = (events: SupportApplicationEvent[]): SupportApplication => events.reduce(evolve, initialState());
const member = (events: SupportApplicationEvent[], applicationId = APPLICATION_ID) => ({ applicationId, state: fold(events) });
const listOf = (events: SupportListEvent[]): SupportList => events.reduce(evolveSupportList, initialSupportList());

const compile = (by: Actor, step: string, applicationIds: string[] = [APPLICATION_ID], ward = 'W01') => ({
  type: 'CompileSupportList' as const,
  data: { listId: LIST_ID, programmeId: 'nq42-2020', category: '4', ward, step, applicationIds },
  metadata: { actor: by, now: NOW },
});
const compiled = (step: string, applicationIds: string[] = [APPLICATION_ID]): SupportListEvent =>
  compileSupportList(compile(step === 'provincial-decision' ? provinceApprover : step === 'district-appraisal' ? districtAppraiser : wardApprover, step, applicationIds), initialSupportList(), [], catalog);
const act = (by: Actor, step: string, extra: Record<string, unknown> = {}) => ({
  type: 'PerformListStep' as const,
  data: { listId: LIST_ID, step, ...extra },
  metadata: { actor: by, now: NOW },
});

describe('SupportList', () => {
  describe('compiling a list', () => {
    it('given applications awaiting ward approval, when the ward approver compiles, then the list names them', () => {
      const event = compileSupportList(compile(wardApprover, 'ward-approval'), initialSupportList(), [member(awaiting('4', 'ward-approval'))], catalog);
      expect(event).toEqual({
        type: 'SupportListCompiled',
        data: { listId: LIST_ID, programmeId: 'nq42-2020', category: '4', ward: 'W01', step: 'ward-approval', applicationIds: [APPLICATION_ID], compiledBy: wardApprover.id, compiledAt: NOW },
      });
    });

    it('refuses an officer without the step role before looking at any application', () =>
      expect(() => compileSupportList(compile(villageReviewer, 'ward-approval'), initialSupportList(), [member([])], catalog)).toThrow(NotPermitted));

    it("refuses another ward's officer", () =>
      expect(() => compileSupportList(compile(wardApprover, 'ward-approval', [APPLICATION_ID], 'W02'), initialSupportList(), [], catalog)).toThrow(NotPermitted));

    it('names each application that does not await the step, and why', () => {
      let thrown: unknown;
      try {
        compileSupportList(compile(wardApprover, 'ward-approval', [APPLICATION_ID, OTHER_ID]), initialSupportList(), [member(awaiting('4', 'village-review')), member([], OTHER_ID)], catalog);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ListStepRefused);
      expect((thrown as ListStepRefused).refusals).toEqual([
        { applicationId: APPLICATION_ID, code: 'invalid-transition', key: 'list.application-awaiting-other', params: expect.objectContaining({ awaiting: 'village-review' }) },
        { applicationId: OTHER_ID, code: 'not-found', key: 'list.no-such-application' },
      ]);
    });

    it('refuses intake and payment lists, an empty list and an id named twice', () => {
      expect(() => compileSupportList(compile(intakeOfficer, 'intake'), initialSupportList(), [], catalog)).toThrow(ClaimInvalid);
      expect(() => compileSupportList(compile(wardApprover, 'ward-approval', []), initialSupportList(), [], catalog)).toThrow(ClaimInvalid);
      expect(() => compileSupportList(compile(wardApprover, 'ward-approval', [APPLICATION_ID, APPLICATION_ID]), initialSupportList(), [], catalog)).toThrow(ClaimInvalid);
    });
  });

  describe('acting on a list', () => {
    const open = listOf([compiled('ward-approval', [APPLICATION_ID, OTHER_ID])]);

    it('given an open list, when its step is performed with an exclusion, then the others are included and the excluded one carries its reason', () => {
      const result = performListStep(act(wardApprover, 'ward-approval', { exclusions: [{ applicationId: OTHER_ID, reason: ' có lương hưu ' }] }), open, catalog);
      expect(result.included).toEqual([APPLICATION_ID]);
      expect(result.excluded).toEqual([{ applicationId: OTHER_ID, reason: 'có lương hưu' }]);
      expect(result.role).toBe('ward-approver');
      expect(result.event).toMatchObject({ type: 'SupportListStepPerformed', data: { listId: LIST_ID, step: 'ward-approval', applied: [APPLICATION_ID], performedBy: wardApprover.id } });
      expect(listOf([compiled('ward-approval', [APPLICATION_ID, OTHER_ID]), result.event])).toMatchObject({ status: 'completed', excluded: result.excluded });
    });

    it('refuses a second act on the same list', () => {
      const done = performListStep(act(wardApprover, 'ward-approval'), open, catalog).event;
      expect(() => performListStep(act(wardApprover, 'ward-approval'), listOf([compiled('ward-approval', [APPLICATION_ID, OTHER_ID]), done]), catalog)).toThrow(InvalidTransition);
    });

    it('refuses another step than the list is for, and a caller without its role', () => {
      expect(() => performListStep(act(wardApprover, 'district-appraisal'), open, catalog)).toThrow(InvalidTransition);
      expect(() => performListStep(act(villageReviewer, 'ward-approval'), open, catalog)).toThrow(NotPermitted);
    });

    it('refuses exclusions off the list, twice, or without a reason', () => {
      for (const exclusions of [
        [{ applicationId: 'f0000000-0000-4000-8000-000000000000', reason: 'x' }],
        [{ applicationId: OTHER_ID, reason: 'x' }, { applicationId: OTHER_ID, reason: 'y' }],
        [{ applicationId: OTHER_ID, reason: '  ' }],
      ]) {
        expect(() => performListStep(act(wardApprover, 'ward-approval', { exclusions }), open, catalog)).toThrow(ClaimInvalid);
      }
    });
  });

  describe('a provincial decision', () => {
    const decision = (listIds: string[], decisionNo = '1052/QĐ-UBND', decidedOn = '2020-05-25') => ({
      type: 'RecordProvincialDecision' as const,
      data: { decisionId: 'd', programmeId: 'nq42-2020', decisionNo, decidedOn, listIds },
      metadata: { actor: provinceApprover, now: NOW },
    });

    it('given open decision lists, records the decision over all their applications', () => {
      const lists = [{ listId: LIST_ID, state: listOf([compiled('provincial-decision', [APPLICATION_ID, OTHER_ID])]) }];
      expect(recordProvincialDecision(decision([LIST_ID]), initialProvincialDecision(), lists, catalog)).toMatchObject({
        type: 'ProvincialDecisionRecorded',
        data: { decisionNo: '1052/QĐ-UBND', decidedOn: '2020-05-25', listIds: [LIST_ID], applied: 2, decidedBy: provinceApprover.id },
      });
    });

    it('names each list that is not for a provincial decision, or is unknown', () => {
      const lists = [
        { listId: LIST_ID, state: listOf([compiled('district-appraisal')]) },
        { listId: OTHER_ID, state: initialSupportList() },
      ];
      let thrown: unknown;
      try {
        recordProvincialDecision(decision([LIST_ID, OTHER_ID]), initialProvincialDecision(), lists, catalog);
      } catch (error) {
        thrown = error;
      }
      expect((thrown as ListStepRefused).refusals).toEqual([
        { listId: LIST_ID, code: 'invalid-transition', key: 'list.not-provincial', params: { step: 'district-appraisal' } },
        { listId: OTHER_ID, code: 'not-found', key: 'list.no-such-list' },
      ]);
    });

    it('refuses a decision dated in the future, one without a number, and anyone but the province approver', () => {
      const lists = [{ listId: LIST_ID, state: listOf([compiled('provincial-decision')]) }];
      expect(() => recordProvincialDecision(decision([LIST_ID], '1052', '2020-06-30'), initialProvincialDecision(), lists, catalog)).toThrow(ClaimInvalid);
      expect(() => recordProvincialDecision(decision([LIST_ID], ' '), initialProvincialDecision(), lists, catalog)).toThrow(ClaimInvalid);
      expect(() => recordProvincialDecision({ ...decision([LIST_ID]), metadata: { actor: wardApprover, now: NOW } }, initialProvincialDecision(), lists, catalog)).toThrow(NotPermitted);
    });

    it('refuses a decision number already recorded', () =>
      expect(() =>
        recordProvincialDecision(decision([LIST_ID]), { status: 'recorded', decisionNo: '1052/QĐ-UBND', listIds: [] }, [{ listId: LIST_ID, state: listOf([compiled('provincial-decision')]) }], catalog),
      ).toThrow(InvalidTransition));
  });
});
