// The ledger's indicators (name → record), loaded once per page load and shared by the pages
// that show their names or record figures against them.
import {useEffect, useState} from 'preact/hooks';
import {IndicatorUnit, type Indicator} from '../gen/techmatch/v1/indicator_pb';
import type {Lang} from '../i18n/i18n';
import {api} from '../lib/api';
import type {FigureUnit} from '../lib/figures';

export type Indicators = Map<string, Indicator>;

let loading: Promise<Indicators>|null = null;

async function loadAll(): Promise<Indicators> {
  const found: Indicators = new Map();
  let pageToken = '';
  for (let page = 0; page < 10; ++page) {
    const response = await api.indicators().listIndicators({pageSize: 1000, pageToken});
    for (const indicator of response.indicators) found.set(indicator.name, indicator);
    pageToken = response.nextPageToken;
    if (!pageToken) break;
  }
  return found;
}

// The indicators, empty until they arrive (or when they cannot be read: names then show as
// resource names).
export function useIndicators(): Indicators {
  const [indicators, setIndicators] = useState<Indicators>(new Map());
  useEffect(() => {
    if (!loading) {
      loading = loadAll();
      loading.catch(() => {
        loading = null;
      });
    }
    loading.then(setIndicators, () => {});
  }, []);
  return indicators;
}

// The indicator's name in the page's language (the Chinese name for both scripts).
export function indicatorName(indicators: Indicators, name: string, lang: Lang): string {
  const indicator = indicators.get(name);
  if (!indicator) return name;
  return (lang === 'en' ? indicator.displayNameEn : indicator.displayNameZh) || name;
}

// Which of the oneof's fields carries a figure of the indicator.
export function unitOf(indicators: Indicators, name: string): FigureUnit {
  switch (indicators.get(name)?.unit) {
    case IndicatorUnit.MONEY:
      return 'money';
    case IndicatorUnit.PERCENT:
      return 'percentBp';
    default:
      return 'count';
  }
}
