-- The publisher's titles and descriptions in every language it gave (issue 16 #9): vnaid's record holds a
-- Vietnamese and an English text only (a title in English or French alone is also copied as the Vietnamese one,
-- which vnaid requires), so the export writes each published narrative back with its own language from here.
alter table iati_activity_sources add column narratives jsonb;
