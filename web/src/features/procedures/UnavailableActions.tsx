import { useTranslation } from 'react-i18next';
import { ruleMessages } from '@domain/rule-error';

/**
 * The actions the caller's role could take in this state but whose checks do not pass yet, each with the reason in
 * words (the server's error code: a domain rule's own message, else the error catalogue), so nobody clicks a button
 * only to be refused.
 */
export function UnavailableActions({
  checks,
  context,
}: {
  checks: readonly { action: string; available: boolean; reason: string | null }[];
  context: string | undefined;
}) {
  const { t, i18n } = useTranslation('procedures');
  const { t: tc } = useTranslation('caseFile');
  const { t: te } = useTranslation('errors');
  const blocked = checks.filter((c) => !c.available);
  if (!blocked.length) return null;
  const reasonText = (code: string | null) => {
    if (!code) return '';
    const rule = (ruleMessages as Record<string, { vi: string; en: string } | undefined>)[code];
    return rule ? rule[i18n.language === 'en' ? 'en' : 'vi'] : te(code, { defaultValue: code });
  };
  return (
    <div className="notice warning" data-testid="unavailable-actions">
      <strong>{tc('unavailable.title')}</strong>
      <ul>
        {blocked.map((c) => (
          <li key={c.action} data-action={c.action}>
            {tc('unavailable.item', { action: t(`actions.${c.action}`, { context }), reason: reasonText(c.reason) })}
          </li>
        ))}
      </ul>
    </div>
  );
}
