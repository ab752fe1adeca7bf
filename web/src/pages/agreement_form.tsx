// The organizer's form for a new agreement or an edit of one: title, kind, the parties (each an
// organization and its role), the event it was signed at, the need and offering it answers,
// industries, the signing day and the money figures as exact yuan (parsed by string and BigInt,
// never a float). Each problem found here or by the server (google.rpc.BadRequest) shows beside
// its field; an edit sends the etag it read, so a change made meanwhile is refused.
import {useEffect, useState} from 'preact/hooks';
import {ErrorBanner, Field} from '../components/field';
import {useOrganizations} from '../components/organizations';
import {
  Agreement_Kind, Agreement_State, Party_Role, type Agreement,
} from '../gen/techmatch/v1/agreement_pb';
import type {Event as Fair} from '../gen/techmatch/v1/event_pb';
import {useI18n, type StringKey} from '../i18n/i18n';
import {api} from '../lib/api';
import {errorMessage, fieldErrors, type FieldErrors} from '../lib/field_errors';
import {moneyInput, parseYuanInput, type MoneyLike} from '../lib/money';
import {cstDay, cstMidnight, editablePaths, kMoneyFields, type MoneyField} from './agreement_fields';
import {kKindKeys} from './agreement_labels';

const kRoleKeys: ReadonlyArray<[Party_Role, StringKey]> = [
  [Party_Role.SUPPLIER, 'partySupplier'],
  [Party_Role.DEMANDER, 'partyDemander'],
  [Party_Role.GOVERNMENT, 'partyGovernment'],
  [Party_Role.FINANCIER, 'partyFinancier'],
];

const kKinds = [
  Agreement_Kind.TECHNOLOGY_DEVELOPMENT, Agreement_Kind.TECHNOLOGY_TRANSFER,
  Agreement_Kind.TECHNOLOGY_LICENSE, Agreement_Kind.TECHNOLOGY_CONSULTING,
  Agreement_Kind.TECHNOLOGY_SERVICE, Agreement_Kind.FRAMEWORK_COOPERATION,
];

interface PartyDraft {
  organization: string;
  role: Party_Role;
}

const split = (text: string) => text.split(/[,，、\s]/).map((s) => s.trim()).filter(Boolean);

// The messages of `errors` at `path` or under it (`path.x`, `path[i]`), joined.
function under(errors: FieldErrors, path: string, exact = false): string | undefined {
  const found = [...errors].filter(([p]) => p === path ||
    (!exact && (p.startsWith(`${path}.`) || p.startsWith(`${path}[`)))).map(([, m]) => m);
  return found.length > 0 ? found.join('; ') : undefined;
}

export function AgreementForm({agreement, onDone}: {
  agreement?: Agreement;
  onDone: (saved: Agreement | null) => void;
}) {
  const {t} = useI18n();
  const organizations = useOrganizations();
  const [events, setEvents] = useState<Fair[]>([]);
  const [title, setTitle] = useState(agreement?.title ?? '');
  const [kind, setKind] = useState<Agreement_Kind>(agreement?.kind ?? Agreement_Kind.TECHNOLOGY_DEVELOPMENT);
  const [parties, setParties] = useState<PartyDraft[]>(agreement?.parties.map((p) => ({organization: p.organization, role: p.role}))
    ?? [{organization: '', role: Party_Role.SUPPLIER}, {organization: '', role: Party_Role.DEMANDER}]);
  const [event, setEvent] = useState(agreement?.event ?? '');
  const [need, setNeed] = useState(agreement?.need ?? '');
  const [offering, setOffering] = useState(agreement?.offering ?? '');
  const [industries, setIndustries] = useState(agreement?.industries.join(', ') ?? '');
  const [signDay, setSignDay] = useState(cstDay(agreement?.signTime));
  const [amounts, setAmounts] = useState<Record<MoneyField, string>>(Object.fromEntries(
    kMoneyFields.map((f) => [f.field, moneyInput(agreement?.[f.field])])) as Record<MoneyField, string>);
  const [errors, setErrors] = useState<FieldErrors>(new Map());
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    api.events().listEvents({pageSize: 200}).then((r) => setEvents(r.events), () => {});
  }, []);

  const editable = new Set(agreement ? editablePaths(agreement.state)
    : [...editablePaths(Agreement_State.SIGNED)]);
  const shows = (path: string) => editable.has(path);
  const id = (name: string) => `agreement-${agreement ? 'edit' : 'new'}-${name}`;
  const sortedOrganizations = [...organizations.values()]
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh'));

  async function submit(e: Event) {
    e.preventDefault();
    const local: FieldErrors = new Map();
    const money: Partial<Record<MoneyField, MoneyLike>> = {};
    for (const f of kMoneyFields) {
      if (!shows(f.path) || amounts[f.field].trim() === '') continue;
      const parsed = parseYuanInput(amounts[f.field]);
      if ('problem' in parsed) {
        local.set(`agreement.${f.path}`, t[parsed.problem]);
      } else {
        money[f.field] = parsed.money;
      }
    }
    const signTime = shows('sign_time') ? cstMidnight(signDay) : undefined;
    if (signTime === null) local.set('agreement.sign_time', t.signDayBad);
    parties.forEach((p, i) => {
      if (shows('parties') && !p.organization) local.set(`agreement.parties[${i}].organization`, t.partyMissing);
    });
    if (local.size > 0) {
      setErrors(local);
      return;
    }
    const fields = {
      title: title.trim(), kind, event, need: need.trim(), offering: offering.trim(),
      industries: split(industries), signTime: signTime ?? undefined,
      parties: parties.map((p) => ({organization: p.organization, role: p.role})),
      ...money,
    };
    setBusy(true);
    try {
      const saved = agreement
        ? await api.agreements().updateAgreement({
          agreement: {...fields, name: agreement.name, etag: agreement.etag},
          updateMask: {paths: [...editable]},
        })
        : await api.agreements().createAgreement({agreement: fields, requestId: crypto.randomUUID()});
      onDone(saved);
    } catch (error) {
      const found = fieldErrors(error);
      if (found.size === 0) found.set('', errorMessage(error, t));
      setErrors(found);
    } finally {
      setBusy(false);
    }
  }

  const owned = (p: string) => ['title', 'kind', 'parties', 'event', 'need', 'offering', 'industries',
    'sign_time', ...kMoneyFields.map((f) => f.path)].some((f) => shows(f) &&
      (p === `agreement.${f}` || p.startsWith(`agreement.${f}.`) || p.startsWith(`agreement.${f}[`)));
  const unowned = [...errors].filter(([p]) => !owned(p)).map(([p, m]) => (p ? `${p}: ${m}` : m));
  const selectField = (name: string, label: string, value: string, path: string,
                       options: Array<[string, string]>, onChange: (v: string) => void) => {
    const error = under(errors, path);
    return (
      <div class={error ? 'field field-invalid' : 'field'}>
        <label for={id(name)}>{label}</label>
        <select id={id(name)} value={value} aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id(name)}-error` : undefined}
                onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
          {options.map(([v, text]) => <option key={v} value={v}>{text}</option>)}
        </select>
        {error && <p id={`${id(name)}-error`} class="field-error" role="alert">{error}</p>}
      </div>
    );
  };
  const partiesError = under(errors, 'agreement.parties', true);
  return (
    <form class="card agreement-form" onSubmit={submit} noValidate
          aria-label={agreement ? `${t.edit}: ${agreement.title}` : t.newAgreement}>
      <ErrorBanner messages={unowned} />
      {shows('title') && (
        <Field id={id('title')} label={t.fieldTitle} value={title} onInput={setTitle} required
               error={under(errors, 'agreement.title')} />
      )}
      {shows('kind') && selectField('kind', t.kind, String(kind), 'agreement.kind',
        kKinds.map((k) => [String(k), t[kKindKeys[Agreement_Kind[k]]!]]), (v) => setKind(Number(v)))}
      {shows('parties') && (
        <fieldset class={partiesError ? 'parties field-invalid' : 'parties'}
                  aria-describedby={partiesError ? id('parties-error') : undefined}>
          <legend>{t.parties}</legend>
          {partiesError && <p id={id('parties-error')} class="field-error" role="alert">{partiesError}</p>}
          {parties.map((p, i) => {
            const error = under(errors, `agreement.parties[${i}]`);
            const errorId = id(`party-${i}-error`);
            return (
              <div key={i} class="party-row">
                <label for={id(`party-${i}-organization`)}>{t.party} {i + 1}</label>
                <select id={id(`party-${i}-organization`)} value={p.organization}
                        aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined}
                        onChange={(e) => setParties(parties.map((q, j) => j === i
                          ? {...q, organization: (e.currentTarget as HTMLSelectElement).value} : q))}>
                  <option value="">—</option>
                  {sortedOrganizations.map((o) => (
                    <option key={o.name} value={o.name}>{o.displayName} ({o.name})</option>
                  ))}
                  {p.organization && !organizations.has(p.organization) && (
                    <option value={p.organization}>{p.organization}</option>
                  )}
                </select>
                <label for={id(`party-${i}-role`)}>{t.partyRole} {i + 1}</label>
                <select id={id(`party-${i}-role`)} value={String(p.role)}
                        onChange={(e) => setParties(parties.map((q, j) => j === i
                          ? {...q, role: Number((e.currentTarget as HTMLSelectElement).value)} : q))}>
                  {kRoleKeys.map(([role, key]) => <option key={role} value={String(role)}>{t[key]}</option>)}
                </select>
                <button type="button" class="danger" aria-label={`${t.removeParty} ${i + 1}`}
                        onClick={() => setParties(parties.filter((_, j) => j !== i))}>
                  {t.removeParty}
                </button>
                {error && <p id={errorId} class="field-error" role="alert">{error}</p>}
              </div>
            );
          })}
          <button type="button" class="secondary"
                  onClick={() => setParties([...parties, {organization: '', role: Party_Role.SUPPLIER}])}>
            {t.addParty}
          </button>
        </fieldset>
      )}
      {shows('event') && selectField('event', t.agreementEvent, event, 'agreement.event',
        [['', '—'], ...events.map((ev): [string, string] => [ev.name, ev.displayName]),
         ...(event && !events.some((ev) => ev.name === event) ? [[event, event] as [string, string]] : [])],
        setEvent)}
      {shows('need') && (
        <Field id={id('need')} label={t.agreementNeed} value={need} onInput={setNeed}
               error={under(errors, 'agreement.need')} />
      )}
      {shows('offering') && (
        <Field id={id('offering')} label={t.agreementOffering} value={offering} onInput={setOffering}
               error={under(errors, 'agreement.offering')} />
      )}
      {shows('industries') && (
        <Field id={id('industries')} label={t.fieldIndustries} value={industries} onInput={setIndustries}
               error={under(errors, 'agreement.industries')} />
      )}
      {shows('sign_time') && (
        <Field id={id('sign-day')} label={t.signTime} type="date" value={signDay} onInput={setSignDay}
               required error={under(errors, 'agreement.sign_time')} />
      )}
      {kMoneyFields.filter((f) => shows(f.path)).map((f) => (
        <Field key={f.field} id={id(f.path)} label={`${t[f.key]}${t.yuanSuffix}`} value={amounts[f.field]}
               inputMode="decimal" onInput={(v) => setAmounts({...amounts, [f.field]: v})}
               error={under(errors, `agreement.${f.path}`)} />
      ))}
      <div class="actions">
        <button type="submit" disabled={busy}>{t.save}</button>
        <button type="button" class="secondary" onClick={() => onDone(null)}>{t.cancel}</button>
      </div>
    </form>
  );
}
