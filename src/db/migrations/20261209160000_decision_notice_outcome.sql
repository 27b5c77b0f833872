-- Decision notices state the outcome (issue 13 §2, issue 17 §1): the text is now "Hồ sơ {{code}}: {{outcomeVi}}".
-- Notices written before carry only the outcome code; they get the outcome in words (no certificate number: the
-- documents of those decisions were not produced).
update notifications
set params = params || jsonb_build_object(
  'outcomeVi', case params->>'outcome' when 'APPROVED' then 'được chấp thuận.' when 'REJECTED' then 'không được chấp thuận.' else 'đã có quyết định.' end,
  'outcomeEn', case params->>'outcome' when 'APPROVED' then 'approved.' when 'REJECTED' then 'refused.' else 'decided.' end)
where kind = 'DOSSIER_DECIDED' and not (params ? 'outcomeVi');
