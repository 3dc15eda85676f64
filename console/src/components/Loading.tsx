import { useI18n } from '../i18n/i18n';

export const Loading = () => {
  const { t } = useI18n();
  return <p className="muted">{t('loading')}</p>;
};
