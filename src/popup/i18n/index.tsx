import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Language } from '../../shared/messages';
import { en, type MessageKey } from './en';
import { zh_CN } from './zh_CN';

export type { MessageKey };
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export const dictionaries: Record<Language, Record<MessageKey, string>> = { en, zh_CN };

export function translator(lang: Language): Translate {
  const dict = dictionaries[lang];
  return (key, vars) => {
    const text = dict[key];
    return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
  };
}

const I18nContext = createContext<{ lang: Language; t: Translate }>({ lang: 'en', t: translator('en') });

export function I18nProvider({ lang, children }: { lang: Language; children: ReactNode }) {
  // One `t` per language: screens that load data in an effect on `t` do not load again on every app render.
  const value = useMemo(() => ({ lang, t: translator(lang) }), [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useT(): Translate {
  return useContext(I18nContext).t;
}

export function useLang(): Language {
  return useContext(I18nContext).lang;
}
