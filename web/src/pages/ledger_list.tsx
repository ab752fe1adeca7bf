// A ledger section as every one is laid out: its heading, the filter bar, the banner for a
// failed read, a status line for what was saved, the section's own buttons, forms and panels,
// then the list as a table (a labelled, scrollable group with a caption for screen readers)
// and "More" while the server has further pages. A section says only its filter, its columns
// and a row.
import type {ComponentChildren} from 'preact';
import {ErrorBanner} from '../components/field';
import type {PagedList} from '../components/paged_list';
import {useI18n} from '../i18n/i18n';

export function LedgerList<T>({id, title, label = title, filter, notice, list, head, row, children}: {
  // The section's id: its heading is `${id}-title`.
  id: string;
  title: string;
  // The table's accessible name, when it says more than the title (the year shown).
  label?: string;
  filter: ComponentChildren;
  notice: string;
  list: PagedList<T>;
  head: string[];
  row: (item: T) => ComponentChildren;
  children?: ComponentChildren;
}) {
  const {t} = useI18n();
  const {items, error} = list;
  return (
    <section aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      {filter}
      <ErrorBanner messages={error ? [error] : []} />
      <p class="notice" role="status">{notice}</p>
      {children}
      {items === null && <p>{t.loading}</p>}
      {items && items.length === 0 && !error && <p>{t.empty}</p>}
      {items && items.length > 0 && (
        <div class="table-scroll" tabIndex={0} role="group" aria-label={label}>
          <table>
            <caption class="visually-hidden">{label}</caption>
            <thead>
              <tr>{head.map((h, i) => <th key={i} scope="col">{h}</th>)}</tr>
            </thead>
            <tbody>{items.map(row)}</tbody>
          </table>
        </div>
      )}
      {list.next && <button type="button" class="secondary" onClick={list.more}>{t.more}</button>}
    </section>
  );
}
