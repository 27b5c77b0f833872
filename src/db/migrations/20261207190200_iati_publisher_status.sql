-- The publisher's own IATI activity status (1–6), kept apart from vnaid's legal status (issue 16 #6): an imported
-- activity is exported again with the status its publisher gave, unless vnaid's lifecycle cancelled it.
alter table iati_activity_sources add column activity_status text check (activity_status ~ '^[1-6]$');
