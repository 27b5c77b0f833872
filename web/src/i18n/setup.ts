import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { namespaces, resources } from '@common/i18n/resources';
import { setRequestLanguage } from '../api/client';

const STORAGE_KEY = 'vnaid.language';
const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;

void i18next.use(initReactI18next).init({
  resources,
  lng: stored === 'en' ? 'en' : 'vi',
  fallbackLng: 'vi',
  ns: namespaces,
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
});

setRequestLanguage(i18next.language);
document.documentElement.lang = i18next.language;
i18next.on('languageChanged', (lang) => {
  setRequestLanguage(lang);
  document.documentElement.lang = lang;
  localStorage.setItem(STORAGE_KEY, lang);
});

export default i18next;
