/**
 * Central officers (Committee for Foreign NGO Affairs, MOFA, PACCOM) and administrators see and act on the whole
 * country; every other role is scoped to its province, agency or organisation. The one copy of that rule, for the
 * server's policies and the screens alike.
 */
export const hasNationalScope = (who: { role: string } | null | undefined): boolean => who?.role === 'admin' || who?.role === 'central';
