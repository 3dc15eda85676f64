import type { BeneficiaryApplication } from '../../api/types';
import { Badge } from '../../components/Badge';
import { formatMoney } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { useProgrammeTerms } from '../../i18n/programme-terms';
import { caseLink } from '../../routing/route';

/** Every application of the person, across wards, categories and programmes. */
export const BeneficiaryApplications = ({ applications }: { applications: BeneficiaryApplication[] }) => {
  const { t, code } = useI18n();
  const terms = useProgrammeTerms();
  return (
    <table className="table">
      <thead>
        <tr>
          <th>{t('caseTitle')}</th>
          <th>{t('programme')}</th>
          <th>{t('category')}</th>
          <th>{t('ward')}</th>
          <th>{t('status')}</th>
          <th>{t('approvedAmount')}</th>
          <th>{t('paidAmount')}</th>
          <th>{t('recoveredAmount')}</th>
        </tr>
      </thead>
      <tbody>
        {applications.map((application) => (
          <tr key={application.id}>
            <td><a href={caseLink(application.id)}>{application.id.slice(0, 8)}…</a></td>
            <td>{application.programme}</td>
            <td>{terms.category(application.programme, application.category)}</td>
            <td>{application.ward}</td>
            <td><Badge kind={application.status}>{code('statuses', application.status)}</Badge></td>
            <td>{formatMoney(application.approvedAmount)}</td>
            <td>{formatMoney(application.paidAmount)}</td>
            <td>{formatMoney(application.recoveredAmount)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};
