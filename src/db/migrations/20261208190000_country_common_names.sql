-- Countries by the names people use (issue 17 §2): ISO 3166's sort forms ("United States of America (the)",
-- "Korea (the Republic of)") read badly on screens and in reports; the Netherlands Antilles (AN, dissolved on
-- 10/10/2010) appeared as a second "Curaçao" in Vietnamese. Codes do not change, so no stored row moves.
update countries set name_en = regexp_replace(name_en, ' \(the\)$', '') where name_en like '% (the)';

update countries set name_en = names.name_en
from (values
  ('US', 'United States'),
  ('GB', 'United Kingdom'),
  ('KR', 'Republic of Korea'),
  ('KP', 'Democratic People''s Republic of Korea'),
  ('MD', 'Republic of Moldova'),
  ('TZ', 'United Republic of Tanzania'),
  ('CD', 'Democratic Republic of the Congo'),
  ('CG', 'Republic of the Congo'),
  ('BO', 'Bolivia'),
  ('IR', 'Iran'),
  ('VE', 'Venezuela'),
  ('FM', 'Micronesia')
) as names(code, name_en)
where countries.code = names.code;

update countries set name_vi = 'Cộng hòa Congo' where code = 'CG';
update countries set name_vi = 'Cộng hòa Dân chủ Congo' where code = 'CD';
update countries set name_vi = 'Antille thuộc Hà Lan (đến 2010)', name_en = 'Netherlands Antilles (until 2010)' where code = 'AN';
