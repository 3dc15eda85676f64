import { useState } from 'react';
import { Field } from '../../components/Field';
import { useI18n } from '../../i18n/i18n';
import { navigate } from '../../routing/route';

/** Opens a case by its id. */
export const CaseLookup = () => {
  const { t } = useI18n();
  const [lookup, setLookup] = useState('');
  return (
    <form
      className="card"
      onSubmit={(event) => {
        event.preventDefault();
        if (lookup.trim()) navigate(`/applications/${encodeURIComponent(lookup.trim())}`);
      }}
    >
      <h2>{t('navCase')}</h2>
      <Field label={t('caseLookup')} name="id">
        <input name="id" value={lookup} onChange={(event) => setLookup(event.target.value)} size={40} />
      </Field>
      <button type="submit">{t('open')}</button>
    </form>
  );
};
