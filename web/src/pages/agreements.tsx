// The agreements signed, in the API's order, with a filter: title, kind, state, signing time and
// the contract amount and total investment, exactly. A title opens the agreement in full. The
// server lists what the caller may read (a party only its own agreements); organizers also
// record new agreements, edit them and move them through their lifecycle.
import {timestampDate} from '@bufbuild/protobuf/wkt';
import {useState} from 'preact/hooks';
import {ErrorBanner} from '../components/field';
import {usePagedList} from '../components/paged_list';
import type {Agreement} from '../gen/techmatch/v1/agreement_pb';
import {Agreement_Kind} from '../gen/techmatch/v1/agreement_pb';
import {useI18n} from '../i18n/i18n';
import {api} from '../lib/api';
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
  const list = usePagedList(async (pageToken, signal) => {
    const response = await api.agreements().listAgreements({filter, pageSize: 100, pageToken}, {signal});
    return {items: response.agreements, next: response.nextPageToken};
  }, [filter]);
  const {items: agreements, error} = list;

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
          list.reload();
        }} />
      ) : (
        <button type="button" onClick={() => { setNotice(''); setCreating(true); }}>{t.newAgreement}</button>
      ))}
      {open && (
        <AgreementDetail name={open} editable={editable} onClose={() => setOpen('')}
                         onChanged={(changed) => list.update((agreements) =>
                           agreements.map((a) => (a.name === changed.name ? changed : a)))} />
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
      {list.next && <button type="button" class="secondary" onClick={list.more}>{t.more}</button>}
    </section>
  );
}
