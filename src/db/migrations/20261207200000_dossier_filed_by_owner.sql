-- Issue 13: the aid approval dossier is filed by the Vietnamese aid owner (D80 Art. 8, 10), not by the NGO donor.
-- The dossier keeps the donor organisation (organisation_id: the donor reads it) and records which aid owner filed it;
-- an aid owner sees and acts on the dossiers it filed.
alter table dossiers add column filed_by_agency_id text references agencies(id);
create index dossiers_filed_by_agency_idx on dossiers (filed_by_agency_id) where filed_by_agency_id is not null;
