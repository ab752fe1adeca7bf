// The agreements signed, in the API's order, with a filter: title, kind, state, signing time and
// the contract amount and total investment, exactly. A title opens the agreement in full. The
// server lists what the caller may read (a party only its own agreements); organizers also
// record new agreements, edit them and move them through their lifecycle.
import {timestampDate} from '@bufbuild/protobuf/wkt';
import {useEffect, useState} from 'preact/hooks';
import {ErrorBanner} from '../components/field';
import type {Agreement} from '../gen/techmatch/v1/agreement_pb';
import {Agreement_Kind} from '../gen/techmatch/v1/agreement_pb';
import {useI18n} from '../i18n/i18n';
import {api} from '../lib/api';
import {errorMessage} from '../lib/field_errors';
import {formatMoney} from '../lib/money';
import {AgreementDetail} from './agreement_detail';
import {AgreementForm} from './agreement_form';
import {kKindKeys, kStateKeys} from './agreement_labels';

export function Agreements({editable}: {editable: boolean}) {
  const {lang, t} = useI18n();
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState('');
  const [notice, setNotice] = useState('');
  const [draft, setDraft] = useState('');
  const [filter, setFilter] = useState('');
  const [agreements, setAgreements] = useState<Agreement[] | null>(null);
  const [next, setNext] = useState('');
  const [error, setError] = useState('');

  async function load(pageToken: string) {
    setError('');
    try {
      const response = await api.agreements().listAgreements({filter, pageSize: 100, pageToken});
      setAgreements((previous) => [...(pageToken ? previous ?? [] : []), ...response.agreements]);
      setNext(response.nextPageToken);
    } catch (e) {
      setError(errorMessage(e, t));
      setAgreements([]);
    }
  }
  useEffect(() => {
    setAgreements(null);
    load('');
  }, [filter]);

  const kind = (a: Agreement) => {
    const key = kKindKeys[Agreement_Kind[a.kind]];
    return key ? t[key] : '';
  };
  const state = (a: Agreement) => {
    const key = kStateKeys[a.state];
    return key ? t[key] : '';
  };
  return (
    <section aria-labelledby="agreements-title">
      <h2 id="agreements-title">{t.agreementsTitle}</h2>
      <form class="filter-bar" onSubmit={(e) => { e.preventDefault(); setFilter(draft.trim()); }}>
        <label for="agreements-filter">{t.filter}</label>
        <input id="agreements-filter" value={draft} placeholder='state = SIGNED'
               onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)} />
        <button type="submit">{t.apply}</button>
      </form>
      <ErrorBanner messages={error ? [error] : []} />
      <p class="notice" role="status">{notice}</p>
      {editable && (creating ? (
        <AgreementForm onDone={(saved) => {
          setCreating(false);
          if (!saved) return;
          setNotice(`${t.saved}: ${saved.title}`);
          setOpen(saved.name);
          load('');
        }} />
      ) : (
        <button type="button" onClick={() => { setNotice(''); setCreating(true); }}>{t.newAgreement}</button>
      ))}
      {open && (
        <AgreementDetail name={open} editable={editable} onClose={() => setOpen('')}
                         onChanged={(changed) => setAgreements((list) =>
                           list?.map((a) => (a.name === changed.name ? changed : a)) ?? list)} />
      )}
      {agreements === null && <p>{t.loading}</p>}
      {agreements && agreements.length === 0 && !error && <p>{t.empty}</p>}
      {agreements && agreements.length > 0 && (
        <div class="table-scroll" tabIndex={0} role="group" aria-label={t.agreementsTitle}>
          <table>
            <thead>
              <tr><th scope="col">{t.fieldTitle}</th><th scope="col">{t.kind}</th>
                <th scope="col">{t.state}</th><th scope="col">{t.signTime}</th>
                <th scope="col">{t.contractAmount}</th><th scope="col">{t.totalInvestment}</th></tr>
            </thead>
            <tbody>
              {agreements.map((a) => (
                <tr key={a.name}>
                  <th scope="row">
                    <button type="button" class="link" aria-expanded={open === a.name}
                            onClick={() => setOpen(open === a.name ? '' : a.name)}>{a.title}</button>
                  </th>
                  <td>{kind(a)}</td>
                  <td>{state(a)}</td>
                  <td>{a.signTime ? timestampDate(a.signTime).toLocaleDateString(lang === 'en' ? 'en-GB' : lang) : '—'}</td>
                  <td class="number">{formatMoney(a.contractAmount, lang)}</td>
                  <td class="number">{formatMoney(a.totalInvestment, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next && <button type="button" class="secondary" onClick={() => load(next)}>{t.more}</button>}
    </section>
  );
}
