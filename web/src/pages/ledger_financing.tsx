// Science–finance work: loans, guarantees, equity, awards and subsidies, narrowed by kind, year
// and region, each with provider and recipient by name, the amount exactly, the day granted,
// the region it counts in and the framework agreement it came under. Organizers record one
// (financings are recorded, never changed); others read what the server lists to them (an
// enterprise or institute: what its organization provided or received).
import {useEffect, useState} from 'preact/hooks';
import {ErrorBanner} from '../components/field';
import {displayName, useOrganizations} from '../components/organizations';
import {Financing_Kind, type Financing} from '../gen/techmatch/v1/financing_pb';
import {useI18n} from '../i18n/i18n';
import {api} from '../lib/api';
import {errorMessage} from '../lib/field_errors';
import {formatMoney} from '../lib/money';
import {cstDay} from './agreement_fields';
import {FinancingForm} from './ledger_financing_form';
import {listFilter, YearRegionFilter} from './ledger_filter';
import {kFinancingKinds, labelOf} from './ledger_labels';

export function Financings({editable, region}: {editable: boolean; region: string}) {
  const {lang, t} = useI18n();
  const organizations = useOrganizations();
  const [query, setQuery] = useState({year: null as number|null, kind: '', region});
  const [kindDraft, setKindDraft] = useState('');
  const [financings, setFinancings] = useState<Financing[]|null>(null);
  const [next, setNext] = useState('');
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [creating, setCreating] = useState(false);

  async function load(pageToken: string) {
    setError('');
    try {
      const filter = listFilter(query.year, query.region, query.kind ? [`kind = ${query.kind}`] : []);
      const response = await api.financings().listFinancings({filter, pageSize: 200, pageToken});
      setFinancings((previous) => [...(pageToken ? previous ?? [] : []), ...response.financings]);
      setNext(response.nextPageToken);
    } catch (e) {
      setError(errorMessage(e, t));
      setFinancings([]);
    }
  }
  useEffect(() => {
    setFinancings(null);
    load('');
  }, [query]);

  const kind = (f: Financing) => {
    const key = labelOf(kFinancingKinds, f.kind);
    return key ? t[key] : '—';
  };
  return (
    <section aria-labelledby="financing-title">
      <h3 id="financing-title">{t.ledgerFinancing}</h3>
      <YearRegionFilter id="financing" year={query.year} region={query.region}
                        onApply={(year, region) => setQuery({year, kind: kindDraft, region})}>
        <div class="field">
          <label for="financing-kind">{t.financingKind}</label>
          <select id="financing-kind" value={kindDraft}
                  onChange={(e) => setKindDraft((e.currentTarget as HTMLSelectElement).value)}>
            <option value="">{t.allKinds}</option>
            {kFinancingKinds.map(([k, key]) => <option key={k} value={Financing_Kind[k]}>{t[key]}</option>)}
          </select>
        </div>
      </YearRegionFilter>
      <ErrorBanner messages={error ? [error] : []} />
      <p class="notice" role="status">{notice}</p>
      {editable && (creating ? (
        <FinancingForm onDone={(saved) => {
          setCreating(false);
          if (!saved) return;
          setNotice(`${t.saved}: ${kind(saved)} ${formatMoney(saved.amount, lang)}`);
          load('');
        }} />
      ) : (
        <button type="button" onClick={() => { setNotice(''); setCreating(true); }}>{t.newFinancing}</button>
      ))}
      {financings === null && <p>{t.loading}</p>}
      {financings && financings.length === 0 && !error && <p>{t.empty}</p>}
      {financings && financings.length > 0 && (
        <div class="table-scroll" tabIndex={0} role="group" aria-label={t.ledgerFinancing}>
          <table>
            <caption class="visually-hidden">{t.ledgerFinancing}</caption>
            <thead>
              <tr>
                <th scope="col">{t.financingKind}</th><th scope="col">{t.provider}</th>
                <th scope="col">{t.recipient}</th><th scope="col">{t.amount}</th>
                <th scope="col">{t.grantDay}</th><th scope="col">{t.region}</th>
                <th scope="col">{t.frameworkAgreement}</th>
              </tr>
            </thead>
            <tbody>
              {financings.map((f) => (
                <tr key={f.name}>
                  <th scope="row">{kind(f)}</th>
                  <td>{displayName(organizations, f.provider)}</td>
                  <td>{displayName(organizations, f.recipient)}</td>
                  <td class="number">{formatMoney(f.amount, lang)}</td>
                  <td>{cstDay(f.grantTime) || '—'}</td>
                  <td>{f.regionCode}</td>
                  <td>{f.agreement || '—'}</td>
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
