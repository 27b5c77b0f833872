-- Issue 13 §1: the bodies of a province that appraise and are consulted on a local aid approval (D80 Art. 10.2;
-- Decree 313/2025): the provincial Department of Finance (Sở Tài chính, which took over the Department of Planning
-- and Investment's aid role in 2025) and the provincial Police (Công an tỉnh / thành phố), one of each for the 34
-- current provinces. Codes follow the People's Committees' (`UBND:new34:NN`): `STC:new34:NN` and `CA:new34:NN`.
-- Names are derived from the People's Committee's so the unit word ("tỉnh", "thành phố") stays as reference data
-- writes it. Kind OTHER (not PROVINCE): they are not the province's reporting body; province_id gives their territory.
insert into agencies (id, name_vi, name_en, short_name, kind, province_id, valid_from, valid_until, successor_id, note)
select 'STC:' || a.province_id,
       'Sở Tài chính ' || regexp_replace(regexp_replace(regexp_replace(a.name_vi, '^Ủy ban nhân dân ', ''), '^Tỉnh ', 'tỉnh '), '^Thành phố ', 'thành phố '),
       'Department of Finance of ' || regexp_replace(a.name_en, '^People''s Committee of ', ''),
       'STC ' || regexp_replace(coalesce(a.short_name, a.province_id), '^UBND ', ''),
       'OTHER', a.province_id, '2025-07-01', null, null,
       'Lead appraiser of local aid (D80 Art. 9, 10; Decree 313/2025)'
  from agencies a
 where a.id like 'UBND:new34:%'
on conflict (id) do nothing;

insert into agencies (id, name_vi, name_en, short_name, kind, province_id, valid_from, valid_until, successor_id, note)
select 'CA:' || a.province_id,
       'Công an ' || regexp_replace(regexp_replace(regexp_replace(a.name_vi, '^Ủy ban nhân dân ', ''), '^Tỉnh ', 'tỉnh '), '^Thành phố ', 'thành phố '),
       'Police of ' || regexp_replace(a.name_en, '^People''s Committee of ', ''),
       'CA ' || regexp_replace(coalesce(a.short_name, a.province_id), '^UBND ', ''),
       'OTHER', a.province_id, '2025-07-01', null, null,
       'Consulted on local aid (D80 Art. 10.2)'
  from agencies a
 where a.id like 'UBND:new34:%'
on conflict (id) do nothing;

-- The body that receives, appraises and decides an aid approval follows its approval level (D80 Art. 7, 9, 10):
-- MOF for Prime Minister level, the governing agency at the centre, the province's Department of Finance for local
-- aid. Set by the service from the application; null for Decree 58 dossiers (COMINGO and MOFA handle those).
alter table dossiers add column handling_agency_id text references agencies(id);
create index dossiers_handling_agency_idx on dossiers (handling_agency_id) where handling_agency_id is not null;

update dossiers d
   set handling_agency_id = case when d.application->>'approvalLevel' = 'PM' then 'MOF' else d.application->>'governingAgencyId' end
 where d.procedure_code = 'AID_APPROVAL'
   and exists (select 1 from agencies a
                where a.id = case when d.application->>'approvalLevel' = 'PM' then 'MOF' else d.application->>'governingAgencyId' end);
