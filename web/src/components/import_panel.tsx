// CSV import of needs or offerings (the CLI's columns): the file is read in the browser and
// sent as one import call; the summary lists every refused row with each field's reason.
import {useState} from 'preact/hooks';
import type {ImportSummary} from '../gen/techmatch/v1/common_pb';
import {useI18n} from '../i18n/i18n';
import {errorMessage} from '../lib/field_errors';
import {ErrorBanner} from './field';
import type {ListingKind} from './listing_kind';

export function ImportPanel({kind, onImported}: {kind: ListingKind; onImported: () => void}) {
  const {t} = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [late, setLate] = useState(false);
  const [busy, setBusy] = useState(false);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [error, setError] = useState('');
  const id = `${kind.resource}-import`;

  async function submit(e: Event) {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError('');
    setSummary(null);
    try {
      setSummary(await kind.importCsv(await file.text(), late));
      onImported();
    } catch (failure) {
      setError(errorMessage(failure, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <details class="card import">
      <summary>{t.importCsv}</summary>
      <form onSubmit={submit} aria-label={t.importCsv}>
        <div class="field">
          <label for={`${id}-file`}>{t.importFile}</label>
          <input id={`${id}-file`} type="file" accept=".csv,text/csv"
                 onChange={(e) => setFile((e.currentTarget as HTMLInputElement).files?.[0] ?? null)} />
        </div>
        <div class="check">
          <input id={`${id}-late`} type="checkbox" checked={late}
                 onChange={(e) => setLate((e.currentTarget as HTMLInputElement).checked)} />
          <label for={`${id}-late`}>{t.importLate}</label>
        </div>
        <button type="submit" disabled={!file || busy}>{t.importButton}</button>
      </form>
      <ErrorBanner messages={error ? [error] : []} />
      {summary && (
        <div role="status">
          <p>{t.importResult.replace('{accepted}', summary.acceptedCount.toString())
                .replace('{rejected}', summary.rejectedCount.toString())}</p>
          {summary.rejections.length > 0 && (
            <div class="table-scroll" tabIndex={0} role="group" aria-label={t.importRejected}>
              <table class="rejections">
                <caption>{t.importRejected}</caption>
                <thead>
                  <tr><th scope="col">{t.importRow}</th><th scope="col">{t.importField}</th>
                    <th scope="col">{t.importReason}</th></tr>
                </thead>
                <tbody>
                  {summary.rejections.flatMap((rejection) => rejection.fieldViolations.map((v, i) => (
                    <tr key={`${rejection.rowNumber}-${i}`}>
                      <th scope="row">{rejection.rowNumber.toString()}</th>
                      <td>{v.field}</td>
                      <td>{v.description}</td>
                    </tr>
                  )))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
    </details>
  );
}
