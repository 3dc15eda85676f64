import { Loading } from '../../components/Loading';
import { useI18n } from '../../i18n/i18n';
import { useProgrammes } from '../../i18n/programme-terms';
import { navigate } from '../../routing/route';
import type { Session } from '../../session/session';
import { CompileListForm } from './CompileListForm';
import { ListReview } from './ListReview';

/** Lists (#/lists, #/lists/<id>): compile a ward's list for a step, review it, act on it, print it. */
export const ListsPage = ({ id, session }: { id: string | null; session: Session }) => {
  const { t } = useI18n();
  const programme = useProgrammes()[0] ?? null;
  if (!programme) return <Loading />;
  return (
    <div>
      <h2>{t('listsTitle')}</h2>
      <p className="lead">{t('listsLead')}</p>
      {id ? (
        <>
          <p><a href="#/lists">{t('listAnother')}</a></p>
          <ListReview key={id} id={id} />
        </>
      ) : (
        <CompileListForm programme={programme} session={session} onCompiled={(listId) => navigate(`/lists/${listId}`)} />
      )}
    </div>
  );
};
