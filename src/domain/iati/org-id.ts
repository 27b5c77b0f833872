/**
 * The shape of an IATI organisation identifier: the registration agency's prefix (country and agency, e.g.
 * `VN-COA`, `XM-DAC`) and the organisation's number there, without the characters IATI forbids in identifiers
 * (`/ & | ?` and spaces).
 */
export const IATI_ORG_ID = /^[A-Z]{2}-[A-Z0-9]{2,}-[^\s/&|?]+$/;
