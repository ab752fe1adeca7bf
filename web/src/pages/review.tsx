// The organizers' review queue: the needs and offerings waiting for review (filter
// `state = SUBMITTED`), each published or returned to its owner with a reason. The reason's
// violations (from the server's BadRequest) show beside its field.
import {useEffect, useState} from 'preact/hooks';
import {ErrorBanner, Field} from '../components/field';
import type {ListingItem, ListingKind} from '../components/listing_kind';
import {useI18n} from '../i18n/i18n';
import {errorMessage, fieldErrors} from '../lib/field_errors';
import {formatMoney} from '../lib/money';
import {kNeeds} from './needs';
import {kOfferings} from './offerings';

function Submitted({item, kind, onReviewed}: {
  item: ListingItem;
  kind: ListingKind;
  onReviewed: (message: string) => void;
}) {
  const {lang, t} = useI18n();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const id = `${kind.resource}-${item.name.split('/').pop()}`;

  async function act(action: () => Promise<unknown>, done: string) {
    setError('');
    setReasonError('');
    setBusy(true);
    try {
      await action();
      onReviewed(`${done}: ${item.title}`);
    } catch (e) {
      const found = fieldErrors(e);
      const onReason = found.get('reason');
      if (onReason) found.delete('reason');
      setReasonError(onReason ?? '');
      const rest = [...found].map(([path, message]) => `${path}: ${message}`);
      if (!onReason && rest.length === 0) rest.push(errorMessage(e, t));
      setError(rest.join('; '));
    } finally {
      setBusy(false);
    }
  }

  return (
    <li class="card" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{item.title}</h4>
      <p class="meta">
        <span>{item.name}</span> · <span>{item.owner}</span> ·{' '}
        <span>{t[kind.amountKey]}: {formatMoney(item.amount, lang)}</span>
      </p>
      {item.description && <p>{item.description}</p>}
      {item.keywords.length > 0 && <p class="tags">{item.keywords.join('、')}</p>}
      <ErrorBanner messages={error ? [error] : []} />
      <div class="actions">
        <button type="button" disabled={busy} aria-label={`${t.publish}: ${item.title}`}
                onClick={() => act(() => kind.publish(item), t.published)}>
          {t.publish}
        </button>
      </div>
      <form class="return-form" noValidate aria-label={`${t.returnToOwner}: ${item.title}`}
            onSubmit={(e) => {
              e.preventDefault();
              act(() => kind.returnToOwner(item, reason.trim()), t.returned);
            }}>
        <Field id={`${id}-reason`} label={t.returnReason} value={reason} multiline
               onInput={setReason} error={reasonError} />
        <button type="submit" class="secondary" disabled={busy}>{t.returnToOwner}</button>
      </form>
    </li>
  );
}

function Queue({kind, titleKey, onReviewed, version}: {
  kind: ListingKind;
  titleKey: 'reviewNeeds'|'reviewOfferings';
  onReviewed: (message: string) => void;
  version: number;
}) {
  const {t} = useI18n();
  const [items, setItems] = useState<ListingItem[]|null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    kind.list('', 'state = SUBMITTED').then(setItems, (e) => setError(errorMessage(e, t)));
  }, [kind, version]);
  const headingId = `review-${kind.resource}-title`;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{t[titleKey]}</h3>
      <ErrorBanner messages={error ? [error] : []} />
      {items === null && !error && <p aria-live="polite">{t.loading}</p>}
      {items && items.length === 0 && <p>{t.reviewEmpty}</p>}
      <ul class="listings">
        {items?.map((item) =>
          <Submitted key={item.name} item={item} kind={kind} onReviewed={onReviewed} />)}
      </ul>
    </section>
  );
}

export function ReviewQueue() {
  const {t} = useI18n();
  const [notice, setNotice] = useState('');
  // Bumped after each decision: both queues reload.
  const [version, setVersion] = useState(0);
  const reviewed = (message: string) => {
    setNotice(message);
    setVersion((v) => v + 1);
  };
  return (
    <section aria-labelledby="review-title">
      <h2 id="review-title">{t.reviewTitle}</h2>
      <p class="notice" role="status">{notice}</p>
      <Queue kind={kNeeds} titleKey="reviewNeeds" onReviewed={reviewed} version={version} />
      <Queue kind={kOfferings} titleKey="reviewOfferings" onReviewed={reviewed} version={version} />
    </section>
  );
}
