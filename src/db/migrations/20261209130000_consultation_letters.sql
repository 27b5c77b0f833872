-- Consultations on the case file (issue 13 §2): the agency's official letter (number, date, optional file), opinions
-- received on paper and recorded by the handling officer, and silence recorded after the deadline (D58 lets the
-- process go on when an agency has not answered within its working days).
alter table dossier_consultations drop constraint dossier_consultations_status_check;
alter table dossier_consultations
  add constraint dossier_consultations_status_check check (status in ('PENDING', 'ANSWERED', 'SILENT', 'CANCELLED'));
alter table dossier_consultations
  add column channel text check (channel in ('APP', 'PAPER', 'SILENCE')),
  add column letter_number text,
  add column letter_date date,
  add column letter_file_name text,
  add column letter_media_type text,
  add column letter_size_bytes bigint,
  add column letter_sha256 text,
  add column letter_storage_path text;
