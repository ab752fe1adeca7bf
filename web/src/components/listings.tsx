// The list of an owner's needs or offerings with create, edit (etag-guarded; editing a returned
// record submits it again), withdraw, close (needs) and each one's matches, with where each
// stands in review and an organizer's reason for returning it: one component for both kinds.
import {useEffect, useState} from 'preact/hooks';
import {useI18n} from '../i18n/i18n';
import {errorMessage} from '../lib/field_errors';
import {formatMoney} from '../lib/money';
import {ErrorBanner} from './field';
import {ImportPanel} from './import_panel';
import {ListingForm} from './listing_form';
import type {ListingItem, ListingKind} from './listing_kind';
import {MatchList} from './match_list';

export function Listings({kind, owner}: {kind: ListingKind; owner: string}) {
  const {lang, t} = useI18n();
  const [items, setItems] = useState<ListingItem[] | null>(null);
  const [error, setError] = useState('');
  // '' = none, 'new' = the create form, else the name being edited.
  const [editing, setEditing] = useState('');
  const [matching, setMatching] = useState('');
  const [notice, setNotice] = useState('');

  const reload = () => kind.list(owner).then(setItems, (e) => setError(errorMessage(e, t)));
  useEffect(() => {
    setItems(null);
    reload();
  }, [kind, owner]);

  function saved(item: ListingItem | null) {
    setEditing('');
    if (!item) return;
    setNotice(`${t.saved}: ${item.title}`);
    reload();
  }

  async function withdraw(item: ListingItem) {
    if (!confirm(t.confirmWithdraw)) return;
    try {
      await kind.withdraw(item);
      reload();
    } catch (e) {
      setError(errorMessage(e, t));
    }
  }

  async function close(item: ListingItem) {
    if (!kind.close || !confirm(t.confirmClose)) return;
    setError('');
    try {
      await kind.close(item);
      setNotice(`${t.closed}: ${item.title}`);
      reload();
    } catch (e) {
      setError(errorMessage(e, t));
    }
  }

  const live = (item: ListingItem) => item.status !== 'WITHDRAWN' && item.status !== 'CLOSED';

  return (
    <section aria-labelledby="listings-title">
      <h2 id="listings-title">{t[owner ? kind.titleKey : kind.allTitleKey]}</h2>
      <ErrorBanner messages={error ? [error] : []} />
      <p class="notice" role="status">{notice}</p>
      {editing === 'new' ? (
        <ListingForm kind={kind} owner={owner} onDone={saved} />
      ) : (
        <button type="button" onClick={() => { setNotice(''); setEditing('new'); }}>
          {t[kind.newKey]}
        </button>
      )}
      <ImportPanel kind={kind} onImported={reload} />
      {items === null && !error && <p aria-live="polite">{t.loading}</p>}
      {items && items.length === 0 && <p>{t.empty}</p>}
      <ul class="listings">
        {items?.map((item) => (
          <li key={item.name} class="card">
            {editing === item.name ? (
              <ListingForm kind={kind} owner={owner} item={item} onDone={saved} />
            ) : (
              <>
                <h3>{item.title}</h3>
                <p class="meta">
                  <span>{item.name}</span> · <span>{t.state}: {t[item.stateKey]}</span> ·{' '}
                  <span>{t[kind.amountKey]}: {formatMoney(item.amount, lang)}</span>
                </p>
                {item.status === 'RETURNED' && item.returnReason && (
                  <p class="return-reason"><strong>{t.returnReason}:</strong> {item.returnReason}</p>
                )}
                {item.description && <p>{item.description}</p>}
                {item.keywords.length > 0 && <p class="tags">{item.keywords.join('、')}</p>}
                <div class="actions">
                  <button type="button" aria-expanded={matching === item.name}
                          onClick={() => setMatching(matching === item.name ? '' : item.name)}>
                    {matching === item.name ? t.hideMatches : t.showMatches}
                  </button>
                  {live(item) && (
                    <>
                      <button type="button" class="secondary"
                              aria-label={`${t.edit}: ${item.title}`}
                              onClick={() => { setNotice(''); setEditing(item.name); }}>
                        {t.edit}
                      </button>
                      <button type="button" class="danger"
                              aria-label={`${t.withdraw}: ${item.title}`}
                              onClick={() => withdraw(item)}>
                        {t.withdraw}
                      </button>
                    </>
                  )}
                  {kind.close && item.status === 'PUBLISHED' && (
                    <button type="button" class="secondary"
                            aria-label={`${t.closeNeed}: ${item.title}`}
                            onClick={() => close(item)}>
                      {t.closeNeed}
                    </button>
                  )}
                </div>
                {matching === item.name && <MatchList kind={kind} item={item} />}
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
