// One agreement in full: its parties by name and role, event, need, offering, industries,
// signing day, the six money figures exactly and the history of their changes. Organizers
// also edit it and move it through its lifecycle: start (SIGNED → IMPLEMENTING), complete
// (IMPLEMENTING → COMPLETED), terminate (SIGNED or IMPLEMENTING → TERMINATED, after a
// confirmation); each sends the etag it read, so a change made meanwhile is refused.
import {timestampDate} from '@bufbuild/protobuf/wkt';
import {Fragment} from 'preact';
import {useEffect, useState} from 'preact/hooks';
import {ErrorBanner} from '../components/field';
import {displayName, useOrganizations} from '../components/organizations';
import {
  AgreementView, Agreement_Kind, Agreement_State, Party_Role, type Agreement,
} from '../gen/techmatch/v1/agreement_pb';
import {useI18n, type StringKey} from '../i18n/i18n';
import {api} from '../lib/api';
import {errorMessage} from '../lib/field_errors';
import {formatMoney} from '../lib/money';
import {cstDay, editablePaths, kMoneyFields} from './agreement_fields';
import {AgreementForm} from './agreement_form';
import {kKindKeys, kStateKeys} from './agreement_labels';

const kRoleKeys: Partial<Record<Party_Role, StringKey>> = {
  [Party_Role.SUPPLIER]: 'partySupplier',
  [Party_Role.DEMANDER]: 'partyDemander',
  [Party_Role.GOVERNMENT]: 'partyGovernment',
  [Party_Role.FINANCIER]: 'partyFinancier',
};

type Move = 'start' | 'complete' | 'terminate';

export function AgreementDetail({name, editable, onChanged, onClose}: {
  name: string;
  editable: boolean;
  onChanged: (agreement: Agreement) => void;
  onClose: () => void;
}) {
  const {lang, t} = useI18n();
  const organizations = useOrganizations();
  const [agreement, setAgreement] = useState<Agreement | null>(null);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');

  const load = () => api.agreements().getAgreement({name, view: AgreementView.WITH_HISTORY})
    .then(setAgreement, (e) => setError(errorMessage(e, t)));
  useEffect(() => {
    setAgreement(null);
    setEditing(false);
    setError('');
    setStatus('');
    load();
  }, [name]);

  async function move(how: Move) {
    if (!agreement) return;
    if (how === 'terminate' && !confirm(t.confirmTerminate)) return;
    setError('');
    const target = {name: agreement.name, etag: agreement.etag};
    try {
      const moved = how === 'start' ? await api.agreements().startAgreement(target)
        : how === 'complete' ? await api.agreements().completeAgreement(target)
        : await api.agreements().terminateAgreement(target);
      setAgreement({...moved, history: agreement.history});
      setStatus(`${t.state}: ${t[kStateKeys[moved.state]!]}`);
      onChanged(moved);
      await load();
    } catch (e) {
      setError(errorMessage(e, t));
    }
  }

  if (!agreement) {
    return <section class="card"><ErrorBanner messages={error ? [error] : []} />{!error && <p>{t.loading}</p>}</section>;
  }
  if (editing) {
    return (
      <AgreementForm agreement={agreement} onDone={(saved) => {
        setEditing(false);
        if (saved) {
          setStatus(`${t.saved}: ${saved.title}`);
          onChanged(saved);
          load();
        }
      }} />
    );
  }
  const state = agreement.state;
  const kindKey = kKindKeys[Agreement_Kind[agreement.kind]];
  return (
    <section class="card" aria-labelledby="agreement-detail-title">
      <h3 id="agreement-detail-title">{agreement.title}</h3>
      <ErrorBanner messages={error ? [error] : []} />
      <p class="notice" role="status">{status}</p>
      <dl class="details">
        <dt>{t.state}</dt><dd>{kStateKeys[state] ? t[kStateKeys[state]!] : ''}</dd>
        <dt>{t.kind}</dt><dd>{kindKey ? t[kindKey] : ''}</dd>
        <dt>{t.parties}</dt>
        <dd>
          <ul>
            {agreement.parties.map((p) => (
              <li key={p.organization}>
                {displayName(organizations, p.organization)} · {kRoleKeys[p.role] ? t[kRoleKeys[p.role]!] : ''}
              </li>
            ))}
          </ul>
        </dd>
        {agreement.event && <><dt>{t.agreementEvent}</dt><dd>{agreement.event}</dd></>}
        {agreement.need && <><dt>{t.agreementNeed}</dt><dd>{agreement.need}</dd></>}
        {agreement.offering && <><dt>{t.agreementOffering}</dt><dd>{agreement.offering}</dd></>}
        {agreement.industries.length > 0 && <><dt>{t.fieldIndustries}</dt><dd>{agreement.industries.join('、')}</dd></>}
        <dt>{t.signTime}</dt><dd>{cstDay(agreement.signTime) || '—'}</dd>
        {kMoneyFields.map((f) => (
          <Fragment key={f.path}>
            <dt>{t[f.key]}</dt>
            <dd class="number">{formatMoney(agreement[f.field], lang)}</dd>
          </Fragment>
        ))}
      </dl>
      {editable && (
        <div class="actions">
          {editablePaths(state).length > 0 && (
            <button type="button" class="secondary" onClick={() => { setStatus(''); setEditing(true); }}>{t.edit}</button>
          )}
          {state === Agreement_State.SIGNED && <button type="button" onClick={() => move('start')}>{t.startAgreement}</button>}
          {state === Agreement_State.IMPLEMENTING && (
            <button type="button" onClick={() => move('complete')}>{t.completeAgreement}</button>
          )}
          {(state === Agreement_State.SIGNED || state === Agreement_State.IMPLEMENTING) && (
            <button type="button" class="danger" onClick={() => move('terminate')}>{t.terminateAgreement}</button>
          )}
        </div>
      )}
      {agreement.history.length > 0 && (
        <div class="table-scroll" tabIndex={0} role="group" aria-label={t.amountHistory}>
          <table>
            <caption>{t.amountHistory}</caption>
            <thead>
              <tr><th scope="col">{t.time}</th><th scope="col">{t.importField}</th>
                <th scope="col">{t.oldValue}</th><th scope="col">{t.newValue}</th></tr>
            </thead>
            <tbody>
              {agreement.history.map((h, i) => {
                const field = kMoneyFields.find((f) => f.path === h.field);
                return (
                  <tr key={i}>
                    <th scope="row">{h.changeTime ? timestampDate(h.changeTime).toLocaleString(lang === 'en' ? 'en-GB' : lang) : '—'}</th>
                    <td>{field ? t[field.key] : h.field}</td>
                    <td class="number">{formatMoney(h.oldValue, lang)}</td>
                    <td class="number">{formatMoney(h.newValue, lang)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <div class="actions">
        <button type="button" class="secondary" onClick={onClose}>{t.close}</button>
      </div>
    </section>
  );
}
