-- IATI fidelity (issue 16 #2, #5, #10): an import keeps the publisher's corrections (negative commitments and
-- disbursements: totals are net), its expenditure (IATI type 4) and incoming funds (type 1) as kinds of their own,
-- which count in no official figure, and the date of the exchange rate the publisher gave (value-date).
-- Manual entry and NGO reports still record positive commitments and disbursements only (the API's own rules).
alter table aid_transactions drop constraint aid_transactions_kind_check;
alter table aid_transactions add constraint aid_transactions_kind_check
  check (kind in ('COMMITMENT', 'DISBURSEMENT') or (source = 'IATI' and kind in ('EXPENDITURE', 'INCOMING_FUNDS')));
alter table aid_transactions drop constraint aid_transactions_amount_check;
alter table aid_transactions add constraint aid_transactions_amount_check check (amount >= 0 or source = 'IATI');
