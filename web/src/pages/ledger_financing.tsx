// Science–finance work: loans, guarantees, equity, awards and subsidies, narrowed by kind, year
// and region, each with provider and recipient by name, the amount exactly, the day granted,
// the region it counts in and the framework agreement it came under. Organizers record one
// (financings are recorded, never changed); others read what the server lists to them (an
// enterprise or institute: what its organization provided or received).
import {useState} from 'preact/hooks';
import {displayName, useOrganizations} from '../components/organizations';
import {usePagedList} from '../components/paged_list';
import {Financing_Kind, type Financing} from '../gen/techmatch/v1/financing_pb';
import {useI18n} from '../i18n/i18n';
import {api} from '../lib/api';
import {formatMoney} from '../lib/money';
import {cstDay} from './agreement_fields';
import {FinancingForm} from './ledger_financing_form';
import {FilterSelect, listFilter, YearRegionFilter} from './ledger_filter';
import {kFinancingKinds, labelOf} from './ledger_labels';
import {LedgerList} from './ledger_list';

export function Financings({editable, region}: {editable: boolean; region: string}) {
  const {lang, t} = useI18n();
  const organizations = useOrganizations();
  const [query, setQuery] = useState({year: null as number|null, kind: '', region});
  const [kindDraft, setKindDraft] = useState('');
  const [notice, setNotice] = useState('');
  const [creating, setCreating] = useState(false);
  const list = usePagedList(async (pageToken, signal) => {
    const filter = listFilter(query.year, query.region, query.kind ? [`kind = ${query.kind}`] : []);
    const response = await api.financings().listFinancings({filter, pageSize: 200, pageToken}, {signal});
    return {items: response.financings, next: response.nextPageToken};
  }, [query]);

  const kind = (f: Financing) => {
    const key = labelOf(kFinancingKinds, f.kind);
    return key ? t[key] : '—';
  };
  const filter = (
    <YearRegionFilter id="financing" year={query.year} region={query.region}
                      onApply={(year, region) => setQuery({year, kind: kindDraft, region})}>
      <FilterSelect id="financing-kind" label={t.financingKind} all={t.allKinds} value={kindDraft}
                    onChange={setKindDraft}
                    options={kFinancingKinds.map(([k, key]) => [Financing_Kind[k], t[key]] as const)} />
    </YearRegionFilter>
  );
  return (
    <LedgerList id="financing" title={t.ledgerFinancing} notice={notice} list={list} filter={filter}
                head={[t.financingKind, t.provider, t.recipient, t.amount, t.grantDay, t.region,
                       t.frameworkAgreement]}
                row={(f) => (
                  <tr key={f.name}>
                    <th scope="row">{kind(f)}</th>
                    <td>{displayName(organizations, f.provider)}</td>
                    <td>{displayName(organizations, f.recipient)}</td>
                    <td class="number">{formatMoney(f.amount, lang)}</td>
                    <td>{cstDay(f.grantTime) || '—'}</td>
                    <td>{f.regionCode}</td>
                    <td>{f.agreement || '—'}</td>
                  </tr>
                )}>
      {editable && (creating ? (
        <FinancingForm onDone={(saved) => {
          setCreating(false);
          if (!saved) return;
          setNotice(`${t.saved}: ${kind(saved)} ${formatMoney(saved.amount, lang)}`);
          list.reload();
        }} />
      ) : (
        <button type="button" onClick={() => { setNotice(''); setCreating(true); }}>{t.newFinancing}</button>
      ))}
    </LedgerList>
  );
}
