// The string tables and the current language. zh-Hans is the default; the choice is kept in
// localStorage. A missing or extra key in any table is a type error.
import {createContext} from 'preact';
import {useContext} from 'preact/hooks';

import {en} from './en';
import {zhHans} from './zh-Hans';
import {zhHant} from './zh-Hant';

export type Strings = Record<keyof typeof zhHans, string>;
export type StringKey = keyof Strings;
export type Lang = 'zh-Hans'|'zh-Hant'|'en';

export const kLanguages: ReadonlyArray<{lang: Lang; label: string}> = [
  {lang: 'zh-Hans', label: '简体中文'},
  {lang: 'zh-Hant', label: '繁體中文'},
  {lang: 'en', label: 'English'},
];

const kTables: Record<Lang, Strings> = {
  'zh-Hans': zhHans,
  'zh-Hant': zhHant,
  en
};

export function stringsFor(lang: Lang): Strings {
  return kTables[lang];
}

export function storedLang(): Lang {
  const stored = localStorage.getItem('techmatch.lang');
  return stored === 'zh-Hant' || stored === 'en' ? stored : 'zh-Hans';
}

export function storeLang(lang: Lang): void {
  localStorage.setItem('techmatch.lang', lang);
  document.documentElement.lang = lang;
}

export interface I18n {
  lang: Lang;
  t: Strings;
}

export const I18nContext = createContext<I18n>({lang: 'zh-Hans', t: zhHans});

export function useI18n(): I18n {
  return useContext(I18nContext);
}
