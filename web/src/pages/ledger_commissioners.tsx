// Technology commissioners: each person's year of service — home organization, region served,
// service model — and what they achieved (six counts, three amounts exactly), narrowed by year
// and region. Organizers record a commissioner and edit one (outcomes are usually filled in at
// the year's end); officials read.
import {useEffect, useState} from 'preact/hooks';
import {ErrorBanner} from '../components/field';
import {displayName, useOrganizations} from '../components/organizations';
import type {Commissioner} from '../gen/techmatch/v1/commissioner_pb';
import {useI18n} from '../i18n/i18n';
import {api} from '../lib/api';
import {errorMessage} from '../lib/field_errors';
import {formatCount} from '../lib/figures';
import {formatMoney} from '../lib/money';
import {kCountOutcomes, kMoneyOutcomes} from './ledger_commissioner_fields';
import {CommissionerForm} from './ledger_commissioner_form';
import {listFilter, YearRegionFilter} from './ledger_filter';
import {kServiceModels, labelOf} from './ledger_labels';

export function Commissioners({editable, region}: {editable: boolean; region: string}) {
  const {lang, t} = useI18n();
  const organizations = useOrganizations();
  const [query, setQuery] = useState({year: null as number|null, region});
  const [commissioners, setCommissioners] = useState<Commissioner[]|null>(null);
  const [next, setNext] = useState('');
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [editing, setEditing] = useState<Commissioner|'new'|null>(null);

  async function load(pageToken: string) {
    setError('');
    try {
      const response = await api.commissioners().listCommissioners(
          {filter: listFilter(query.year, query.region), pageSize: 200, pageToken});
      setCommissioners((previous) => [...(pageToken ? previous ?? [] : []), ...response.commissioners]);
      setNext(response.nextPageToken);
    } catch (e) {
      setError(errorMessage(e, t));
      setCommissioners([]);
    }
  }
  useEffect(() => {
    setCommissioners(null);
    load('');
  }, [query]);

  const model = (c: Commissioner) => {
    const key = labelOf(kServiceModels, c.serviceModel);
    return key ? t[key] : '—';
  };
  return (
    <section aria-labelledby="commissioners-title">
      <h3 id="commissioners-title">{t.ledgerCommissioners}</h3>
      <YearRegionFilter id="commissioners" year={query.year} region={query.region}
                        onApply={(year, region) => setQuery({year, region})} />
      <ErrorBanner messages={error ? [error] : []} />
      <p class="notice" role="status">{notice}</p>
      {editable && editing === null && (
        <button type="button" onClick={() => { setNotice(''); setEditing('new'); }}>{t.newCommissioner}</button>
      )}
      {editing !== null && (
        <CommissionerForm commissioner={editing === 'new' ? undefined : editing} onDone={(saved) => {
          setEditing(null);
          if (!saved) return;
          setNotice(`${t.saved}: ${saved.displayName}`);
          load('');
        }} />
      )}
      {commissioners === null && <p>{t.loading}</p>}
      {commissioners && commissioners.length === 0 && !error && <p>{t.empty}</p>}
      {commissioners && commissioners.length > 0 && (
        <div class="table-scroll" tabIndex={0} role="group" aria-label={t.ledgerCommissioners}>
          <table>
            <caption class="visually-hidden">{t.ledgerCommissioners}</caption>
            <thead>
              <tr>
                <th scope="col">{t.personName}</th><th scope="col">{t.homeOrganization}</th>
                <th scope="col">{t.regionServed}</th><th scope="col">{t.year}</th>
                <th scope="col">{t.serviceModel}</th>
                {kCountOutcomes.map((o) => <th key={o.path} scope="col">{t[o.key]}</th>)}
                {kMoneyOutcomes.map((o) => <th key={o.path} scope="col">{t[o.key]}</th>)}
                {editable && <th scope="col">{t.actions}</th>}
              </tr>
            </thead>
            <tbody>
              {commissioners.map((c) => (
                <tr key={c.name}>
                  <th scope="row">{c.displayName}</th>
                  <td>{displayName(organizations, c.homeOrganization)}</td>
                  <td>{c.regionCode}</td>
                  <td class="number">{c.year}</td>
                  <td>{model(c)}</td>
                  {kCountOutcomes.map((o) => <td key={o.path} class="number">{formatCount(c[o.field], lang)}</td>)}
                  {kMoneyOutcomes.map((o) => <td key={o.path} class="number">{formatMoney(c[o.field], lang)}</td>)}
                  {editable && (
                    <td class="actions-cell">
                      <button type="button" class="secondary" aria-label={`${t.edit}: ${c.displayName} ${c.year}`}
                              onClick={() => { setNotice(''); setEditing(c); }}>{t.edit}</button>
                    </td>
                  )}
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
