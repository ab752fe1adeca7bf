// Create or edit form of a need or offering. Field errors come from the server's BadRequest
// (mapped by field path) or from parsing here; any error no field owns goes to the banner.
import {useState} from 'preact/hooks';
import {useI18n} from '../i18n/i18n';
import type {FieldErrors} from '../lib/field_errors';
import {moneyInput, parseMoney} from '../lib/money';
import {ErrorBanner, Field} from './field';
import {useFormSave} from './form_save';
import type {ListingInput, ListingItem, ListingKind} from './listing_kind';

interface Props {
  kind: ListingKind;
  owner: string;
  item?: ListingItem;
  onDone: (saved: ListingItem | null) => void;
}

const split = (text: string) => text.split(/[,，、]/).map((s) => s.trim()).filter(Boolean);

export function ListingForm({kind, owner, item, onDone}: Props) {
  const {t} = useI18n();
  const [title, setTitle] = useState(item?.title ?? '');
  const [description, setDescription] = useState(item?.description ?? '');
  const [keywords, setKeywords] = useState(item?.keywords.join(', ') ?? '');
  const [industries, setIndustries] = useState(item?.industries.join(', ') ?? '');
  const [amount, setAmount] = useState(moneyInput(item?.amount));
  const [trl, setTrl] = useState(item?.trl ? String(item.trl) : '');
  const {errors, setErrors, busy, save} = useFormSave();
  const r = kind.resource;
  const paths = {
    title: `${r}.title`, description: `${r}.description`, keywords: `${r}.keywords`,
    industries: `${r}.industries`, amount: `${r}.${kind.amountPath}`, trl: `${r}.${kind.trlPath}`,
  };

  async function submit(e: Event) {
    e.preventDefault();
    const local: FieldErrors = new Map();
    const money = amount.trim() ? parseMoney(amount) : undefined;
    if (money === null) local.set(paths.amount, t.budgetBadNumber);
    const level = trl.trim() ? Number(trl) : undefined;
    if (level !== undefined && !(Number.isInteger(level) && level >= 1 && level <= 9)) {
      local.set(paths.trl, t.trlBadNumber);
    }
    if (local.size > 0) {
      setErrors(local);
      return;
    }
    const input: ListingInput = {
      title: title.trim(), description: description.trim(), keywords: split(keywords),
      industries: split(industries), amount: money ?? undefined, trl: level,
    };
    await save(async () => {
      onDone(item ? await kind.update(item, input) : await kind.create(owner, input));
    });
  }

  const shown = new Set(Object.values(paths));
  const unowned = [...errors].filter(([path]) => !shown.has(path))
    .map(([path, message]) => (path ? `${path}: ${message}` : message));
  const id = (name: string) => `${r}-${item ? 'edit' : 'new'}-${name}`;
  return (
    <form class="card listing-form" onSubmit={submit} noValidate
          aria-label={item ? `${t.edit}: ${item.title}` : t[kind.newKey]}>
      <ErrorBanner messages={unowned} />
      <Field id={id('title')} label={t.fieldTitle} value={title} onInput={setTitle}
             error={errors.get(paths.title)} required />
      <Field id={id('description')} label={t.fieldDescription} value={description} multiline
             onInput={setDescription} error={errors.get(paths.description)} />
      <Field id={id('keywords')} label={t.fieldKeywords} value={keywords} onInput={setKeywords}
             error={errors.get(paths.keywords)} />
      <Field id={id('industries')} label={t.fieldIndustries} value={industries}
             onInput={setIndustries} error={errors.get(paths.industries)} />
      <Field id={id('amount')} label={t[kind.amountKey]} value={amount} onInput={setAmount}
             inputMode="decimal" error={errors.get(paths.amount)} />
      <Field id={id('trl')} label={t.fieldTrl} value={trl} onInput={setTrl} inputMode="numeric"
             error={errors.get(paths.trl)} />
      <div class="actions">
        <button type="submit" disabled={busy}>{t.save}</button>
        <button type="button" class="secondary" onClick={() => onDone(null)}>{t.cancel}</button>
      </div>
    </form>
  );
}
