-- Regions across time (issue 15, item 7): the 8 traditional regions of the 63 former provinces, beside today's
-- socio-economic regions of the 34 provinces (table regions), so rankings of 2019–2022 can be reproduced as they
-- were published. Membership follows the usual statistical 8-region assignment (GSO yearbooks before 2006).
-- A current (new34) province belongs to a former region only when every former province merged into it lay in
-- that one region (Hà Nội, Cao Bằng, Thanh Hóa, …); the others (Phú Thọ with Hòa Bình and Vĩnh Phúc, …) have no
-- row, and aid recorded under them is shown as not mappable.

create table historic_regions (
  code text primary key,
  name_vi text not null,
  name_en text not null,
  sort integer not null
);
insert into historic_regions values
  ('TB', 'Tây Bắc', 'North West', 1),
  ('DB', 'Đông Bắc', 'North East', 2),
  ('DBSH', 'Đồng bằng sông Hồng', 'Red River Delta', 3),
  ('BTB', 'Bắc Trung Bộ', 'North Central', 4),
  ('DHNTB', 'Duyên hải Nam Trung Bộ', 'South Central Coast', 5),
  ('TN', 'Tây Nguyên', 'Central Highlands', 6),
  ('DNB', 'Đông Nam Bộ', 'South East', 7),
  ('DBSCL', 'Đồng bằng sông Cửu Long', 'Mekong River Delta', 8);

create table historic_region_provinces (
  province_id text primary key references provinces(id),
  region_code text not null references historic_regions(code)
);
insert into historic_region_provinces (province_id, region_code)
select 'old63:' || c.code, r.region
from (values
  ('TB', array['11', '12', '14', '17']),
  ('DB', array['02', '04', '06', '08', '10', '15', '19', '20', '22', '24', '25']),
  ('DBSH', array['01', '26', '27', '30', '31', '33', '34', '35', '36', '37']),
  ('BTB', array['38', '40', '42', '44', '45', '46']),
  ('DHNTB', array['48', '49', '51', '52', '54', '56', '58', '60']),
  ('TN', array['62', '64', '66', '67', '68']),
  ('DNB', array['70', '72', '74', '75', '77', '79']),
  ('DBSCL', array['80', '82', '83', '84', '86', '87', '89', '91', '92', '93', '94', '95', '96'])
) r(region, codes)
cross join lateral unnest(r.codes) c(code);

-- Current provinces whose former provinces all lay in one region.
insert into historic_region_provinces (province_id, region_code)
select n.id, min(h.region_code)
from provinces n
join provinces o on o.rolls_up_to = n.id and o.scheme = 'old63'
join historic_region_provinces h on h.province_id = o.id
where n.scheme = 'new34'
group by n.id
having count(distinct h.region_code) = 1;

do $$
begin
  if (select count(*) from historic_region_provinces where province_id like 'old63:%') <> 63 then
    raise exception 'historic regions: every one of the 63 former provinces needs a region';
  end if;
end $$;
