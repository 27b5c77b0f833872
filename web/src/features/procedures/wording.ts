/**
 * The dossier state machine is shared by every procedure, but its words are not: in an aid approval the governing
 * agency itself appraises, so the step the Decree 58 procedures call "forward to MOFA" is "collect the opinions for
 * appraisal" there. Labels read with this i18next context (`actions.FORWARD_TO_MOFA_aid`) fall back to the
 * common key when a procedure has no wording of its own.
 */
export function wordingContext(procedureCode: string): string | undefined {
  return procedureCode === 'AID_APPROVAL' ? 'aid' : undefined;
}
