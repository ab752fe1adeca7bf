// The ledger lists' filter bar: a year (four digits; optional unless `yearRequired`), a region
// (GB/T 2260: the server includes every region under it) and any further controls the list
// adds (`children`: a level, a kind). Applying hands back the year (null when empty) and region.
import type {ComponentChildren} from 'preact';
import {useState} from 'preact/hooks';
import {useI18n} from '../i18n/i18n';

// The list filter (see the README's filter grammar) of a year, a region and further terms.
export function listFilter(year: number|null, region: string, terms: string[] = []): string {
  return [...(year ? [`year = ${year}`] : []), ...(region ? [`region_code = "${region}"`] : []), ...terms]
      .join(' AND ');
}

export function YearRegionFilter({id, year, region, yearRequired, onApply, children}: {
  id: string;
  year: number|null;
  region: string;
  yearRequired?: boolean;
  onApply: (year: number|null, region: string) => void;
  children?: ComponentChildren;
}) {
  const {t} = useI18n();
  const [yearText, setYearText] = useState(year ? String(year) : '');
  const [regionText, setRegionText] = useState(region);
  const [yearError, setYearError] = useState('');
  const [regionError, setRegionError] = useState('');

  function submit(e: Event) {
    e.preventDefault();
    const yearTrimmed = yearText.trim();
    const regionTrimmed = regionText.trim();
    const yearBad = yearTrimmed ? !/^\d{4}$/.test(yearTrimmed) : !!yearRequired;
    const regionBad = regionTrimmed !== '' && !/^\d{6}$/.test(regionTrimmed);
    setYearError(yearBad ? t.yearBad : '');
    setRegionError(regionBad ? t.regionBad : '');
    if (yearBad || regionBad) return;
    onApply(yearTrimmed ? Number(yearTrimmed) : null, regionTrimmed);
  }

  return (
    <form class="filter-bar ledger-filter" onSubmit={submit} noValidate aria-label={t.filter}>
      <div class={yearError ? 'field field-invalid' : 'field'}>
        <label for={`${id}-year`}>{t.year}</label>
        <input id={`${id}-year`} value={yearText} inputMode="numeric" size={6}
               aria-invalid={yearError ? true : undefined}
               aria-describedby={yearError ? `${id}-year-error` : undefined}
               onInput={(e) => setYearText((e.currentTarget as HTMLInputElement).value)} />
        {yearError && <p id={`${id}-year-error`} class="field-error" role="alert">{yearError}</p>}
      </div>
      <div class={regionError ? 'field field-invalid' : 'field'}>
        <label for={`${id}-region`}>{t.regionFilter}</label>
        <input id={`${id}-region`} value={regionText} inputMode="numeric" size={8}
               aria-invalid={regionError ? true : undefined}
               aria-describedby={regionError ? `${id}-region-error` : undefined}
               onInput={(e) => setRegionText((e.currentTarget as HTMLInputElement).value)} />
        {regionError && <p id={`${id}-region-error`} class="field-error" role="alert">{regionError}</p>}
      </div>
      {children}
      <button type="submit">{t.apply}</button>
    </form>
  );
}
