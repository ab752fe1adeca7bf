// Technology commissioners: each person's year of service — home organization, region served,
// service model — and what they achieved (six counts, three amounts exactly), narrowed by year
// and region. Organizers record a commissioner and edit one (outcomes are usually filled in at
// the year's end); officials read.
import {useState} from 'preact/hooks';
import {displayName, useOrganizations} from '../components/organizations';
import {usePagedList} from '../components/paged_list';
import type {Commissioner} from '../gen/techmatch/v1/commissioner_pb';
import {useI18n} from '../i18n/i18n';
import {api} from '../lib/api';
import {formatCount} from '../lib/figures';
import {formatMoney} from '../lib/money';
import {kCountOutcomes, kMoneyOutcomes} from './ledger_commissioner_fields';
import {CommissionerForm} from './ledger_commissioner_form';
import {listFilter, YearRegionFilter} from './ledger_filter';
import {kServiceModels, labelOf} from './ledger_labels';
import {LedgerList} from './ledger_list';

export function Commissioners({editable, region}: {editable: boolean; region: string}) {
  const {lang, t} = useI18n();
  const organizations = useOrganizations();
  const [query, setQuery] = useState({year: null as number|null, region});
  const [notice, setNotice] = useState('');
  const [editing, setEditing] = useState<Commissioner|'new'|null>(null);
  const list = usePagedList(async (pageToken, signal) => {
    const response = await api.commissioners().listCommissioners(
        {filter: listFilter(query.year, query.region), pageSize: 200, pageToken}, {signal});
    return {items: response.commissioners, next: response.nextPageToken};
  }, [query]);

  const model = (c: Commissioner) => {
    const key = labelOf(kServiceModels, c.serviceModel);
    return key ? t[key] : '—';
  };
  return (
    <LedgerList id="commissioners" title={t.ledgerCommissioners} notice={notice} list={list}
                filter={<YearRegionFilter id="commissioners" year={query.year} region={query.region}
                                          onApply={(year, region) => setQuery({year, region})} />}
                head={[t.personName, t.homeOrganization, t.regionServed, t.year, t.serviceModel,
                       ...kCountOutcomes.map((o) => t[o.key]), ...kMoneyOutcomes.map((o) => t[o.key]),
                       ...(editable ? [t.actions] : [])]}
                row={(c) => (
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
                )}>
      {editable && editing === null && (
        <button type="button" onClick={() => { setNotice(''); setEditing('new'); }}>{t.newCommissioner}</button>
      )}
      {editing !== null && (
        <CommissionerForm commissioner={editing === 'new' ? undefined : editing} onDone={(saved) => {
          setEditing(null);
          if (!saved) return;
          setNotice(`${t.saved}: ${saved.displayName}`);
          list.reload();
        }} />
      )}
    </LedgerList>
  );
}
