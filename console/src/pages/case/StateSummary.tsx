import type { ApplicationView } from '../../api/types';
import { Badge } from '../../components/Badge';
import { formatMoney, formatMonths } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { useProgrammeTerms } from '../../i18n/programme-terms';

/** Status, awaited step, amounts and version of an application, now or at a past version. */
export const StateSummary = ({ view }: { view: ApplicationView }) => {
  const { t, code } = useI18n();
  const terms = useProgrammeTerms();
  return (
    <dl className="facts">
      <dt>{t('status')}</dt>
      <dd><Badge kind={view.status}>{code('statuses', view.status)}</Badge></dd>
      <dt>{t('currentStep')}</dt>
      <dd>{terms.step(view.currentStep)}</dd>
      <dt>{t('claimedAmount')}</dt>
      <dd>{formatMoney(view.claimedAmount)}</dd>
      <dt>{t('approvedAmount')}</dt>
      <dd>{formatMoney(view.approvedAmount)}</dd>
      <dt>{t('paidAmount')}</dt>
      <dd>{formatMoney(view.paidAmount)}</dd>
      {!!view.recoveryOrderedAmount && (
        <>
          <dt>{t('recoveryOrderedAmount')}</dt>
          <dd>{formatMoney(view.recoveryOrderedAmount)}</dd>
        </>
      )}
      {!!view.recoveredAmount && (
        <>
          <dt>{t('recoveredAmount')}</dt>
          <dd>{formatMoney(view.recoveredAmount)}</dd>
        </>
      )}
      {view.approvedMonths && (
        <>
          <dt>{t('approvedMonths')}</dt>
          <dd>{formatMonths(view.approvedMonths)}</dd>
        </>
      )}
      <dt>{t('version')}</dt>
      <dd>{view.version}</dd>
    </dl>
  );
};
