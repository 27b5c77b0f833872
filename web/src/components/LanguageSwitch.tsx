import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useSession } from '../api/session';

/** Switches vi/en; a signed-in user's choice is remembered on the server too. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { user, refresh } = useSession();
  const change = async (lang: 'vi' | 'en') => {
    await i18n.changeLanguage(lang);
    if (user) {
      await api.patch('/api/me', { locale: lang });
      await refresh();
    }
  };
  return (
    <div className="language-switch" role="group" aria-label={t('language')}>
      {(['vi', 'en'] as const).map((lang) => (
        <button key={lang} type="button" lang={lang} aria-pressed={i18n.language === lang} onClick={() => void change(lang)}>
          {lang.toUpperCase()}
          <span className="sr-only"> {t(`languages.${lang}`)}</span>
        </button>
      ))}
    </div>
  );
}
