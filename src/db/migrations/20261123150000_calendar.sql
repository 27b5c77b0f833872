-- Working-day calendar (domain.md §7): the Prime Minister's yearly decisions (extra days off, swapped days, working
-- Saturdays) as administrators enter them, each with its legal reference. The Labour Code defaults (weekends,
-- holidays with lunar Tết and Giỗ Tổ, compensatory days) are computed by src/domain/calendar; a decision that names
-- an occasion replaces that occasion's default days for its year. Seeded with src/domain/calendar publishedDecisions
-- (2025–2026); a unit test keeps this seed equal to that list.

create table holiday_decisions (
  id uuid primary key default gen_random_uuid(),
  date date not null unique,
  kind text not null check (kind in ('HOLIDAY', 'COMPENSATORY', 'SWAP_OFF', 'SWAP_WORK', 'EXTRA_OFF')),
  occasion text check (occasion in ('NEW_YEAR', 'LUNAR_NEW_YEAR', 'HUNG_KINGS', 'VICTORY_DAY', 'LABOUR_DAY', 'NATIONAL_DAY', 'CULTURE_DAY')),
  reason_vi text not null check (btrim(reason_vi) <> ''),
  reason_en text not null check (btrim(reason_en) <> ''),
  legal_ref text not null check (btrim(legal_ref) <> ''),
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);

-- One row of calendar-wide options: the first year 24/11 (Ngày Văn hóa Việt Nam) is a paid holiday, once the
-- Labour Code amendment is law (null = not a holiday).
create table calendar_settings (
  id boolean primary key default true check (id),
  culture_day_from_year integer check (culture_day_from_year between 2000 and 2100),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
insert into calendar_settings (id) values (true);

insert into holiday_decisions (date, kind, occasion, reason_vi, reason_en, legal_ref) values
  ('2025-01-01', 'HOLIDAY', 'NEW_YEAR', 'Tết Dương lịch', 'New Year''s Day', 'BLLĐ 2019 (45/2019/QH14) Đ.112.1.a'),
  ('2025-01-27', 'HOLIDAY', 'LUNAR_NEW_YEAR', 'Tết Âm lịch (28 tháng Chạp)', 'Lunar New Year holiday (28th day of the 12th lunar month)', 'BLLĐ 2019 (45/2019/QH14) Đ.112.1.b; Lịch nghỉ năm 2025 của CBCCVC do Thủ tướng phê duyệt (số văn bản chưa ghi nhận)'),
  ('2025-01-28', 'HOLIDAY', 'LUNAR_NEW_YEAR', 'Tết Âm lịch (29 tháng Chạp)', 'Lunar New Year holiday (29th day of the 12th lunar month)', 'BLLĐ 2019 (45/2019/QH14) Đ.112.1.b; Lịch nghỉ năm 2025 của CBCCVC do Thủ tướng phê duyệt (số văn bản chưa ghi nhận)'),
  ('2025-01-29', 'HOLIDAY', 'LUNAR_NEW_YEAR', 'Tết Âm lịch (mùng 1 tháng Giêng)', 'Lunar New Year holiday (1st day of the 1st lunar month)', 'BLLĐ 2019 (45/2019/QH14) Đ.112.1.b; Lịch nghỉ năm 2025 của CBCCVC do Thủ tướng phê duyệt (số văn bản chưa ghi nhận)'),
  ('2025-01-30', 'HOLIDAY', 'LUNAR_NEW_YEAR', 'Tết Âm lịch (mùng 2 tháng Giêng)', 'Lunar New Year holiday (2nd day of the 1st lunar month)', 'BLLĐ 2019 (45/2019/QH14) Đ.112.1.b; Lịch nghỉ năm 2025 của CBCCVC do Thủ tướng phê duyệt (số văn bản chưa ghi nhận)'),
  ('2025-01-31', 'HOLIDAY', 'LUNAR_NEW_YEAR', 'Tết Âm lịch (mùng 3 tháng Giêng)', 'Lunar New Year holiday (3rd day of the 1st lunar month)', 'BLLĐ 2019 (45/2019/QH14) Đ.112.1.b; Lịch nghỉ năm 2025 của CBCCVC do Thủ tướng phê duyệt (số văn bản chưa ghi nhận)'),
  ('2025-04-07', 'HOLIDAY', 'HUNG_KINGS', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'Hung Kings Commemoration Day (10th day of the 3rd lunar month)', 'BLLĐ 2019 (45/2019/QH14) Đ.112.1.e'),
  ('2025-04-26', 'SWAP_WORK', 'LABOUR_DAY', 'Làm bù cho ngày nghỉ Thứ Sáu 02/5', 'Working Saturday, swapped for Friday 2 May', 'Lịch nghỉ năm 2025 của CBCCVC do Thủ tướng phê duyệt (số văn bản chưa ghi nhận)'),
  ('2025-04-30', 'HOLIDAY', 'VICTORY_DAY', 'Ngày Chiến thắng (30/4)', 'Reunification Day (30 April)', 'BLLĐ 2019 (45/2019/QH14) Đ.112.1.c'),
  ('2025-05-01', 'HOLIDAY', 'LABOUR_DAY', 'Ngày Quốc tế lao động (1/5)', 'International Labour Day (1 May)', 'BLLĐ 2019 (45/2019/QH14) Đ.112.1.d'),
  ('2025-05-02', 'SWAP_OFF', 'LABOUR_DAY', 'Nghỉ hoán đổi (làm bù Thứ Bảy 26/4)', 'Day off swapped with Saturday 26 April', 'Lịch nghỉ năm 2025 của CBCCVC do Thủ tướng phê duyệt (số văn bản chưa ghi nhận)'),
  ('2025-09-01', 'HOLIDAY', 'NATIONAL_DAY', 'Quốc khánh (ngày liền kề 2/9)', 'National Day (day adjacent to 2 September)', 'BLLĐ 2019 (45/2019/QH14) Đ.112.1.đ; Lịch nghỉ năm 2025 của CBCCVC do Thủ tướng phê duyệt (số văn bản chưa ghi nhận)'),
  ('2025-09-02', 'HOLIDAY', 'NATIONAL_DAY', 'Quốc khánh (2/9)', 'National Day (2 September)', 'BLLĐ 2019 (45/2019/QH14) Đ.112.1.đ'),
  ('2026-01-01', 'HOLIDAY', 'NEW_YEAR', 'Tết Dương lịch', 'New Year''s Day', 'BLLĐ 2019 (45/2019/QH14) Đ.112.1.a'),
  ('2026-01-02', 'SWAP_OFF', 'NEW_YEAR', 'Nghỉ hoán đổi (làm bù Thứ Bảy 10/01)', 'Day off swapped with Saturday 10 January', 'Công văn 12729/VPCP-KGVX ngày 25/12/2025 (hoán đổi ngày làm việc dịp Tết Dương lịch 2026)'),
  ('2026-01-10', 'SWAP_WORK', 'NEW_YEAR', 'Làm bù cho ngày nghỉ Thứ Sáu 02/01', 'Working Saturday, swapped for Friday 2 January', 'Công văn 12729/VPCP-KGVX ngày 25/12/2025 (hoán đổi ngày làm việc dịp Tết Dương lịch 2026)'),
  ('2026-02-16', 'HOLIDAY', 'LUNAR_NEW_YEAR', 'Tết Âm lịch (29 tháng Chạp)', 'Lunar New Year holiday (29th day of the 12th lunar month)', 'BLLĐ 2019 (45/2019/QH14) Đ.112.1.b; Lịch nghỉ năm 2026 của CBCCVC do Thủ tướng phê duyệt (số văn bản chưa ghi nhận)'),
  ('2026-02-17', 'HOLIDAY', 'LUNAR_NEW_YEAR', 'Tết Âm lịch (mùng 1 tháng Giêng)', 'Lunar New Year holiday (1st day of the 1st lunar month)', 'BLLĐ 2019 (45/2019/QH14) Đ.112.1.b; Lịch nghỉ năm 2026 của CBCCVC do Thủ tướng phê duyệt (số văn bản chưa ghi nhận)'),
  ('2026-02-18', 'HOLIDAY', 'LUNAR_NEW_YEAR', 'Tết Âm lịch (mùng 2 tháng Giêng)', 'Lunar New Year holiday (2nd day of the 1st lunar month)', 'BLLĐ 2019 (45/2019/QH14) Đ.112.1.b; Lịch nghỉ năm 2026 của CBCCVC do Thủ tướng phê duyệt (số văn bản chưa ghi nhận)'),
  ('2026-02-19', 'HOLIDAY', 'LUNAR_NEW_YEAR', 'Tết Âm lịch (mùng 3 tháng Giêng)', 'Lunar New Year holiday (3rd day of the 1st lunar month)', 'BLLĐ 2019 (45/2019/QH14) Đ.112.1.b; Lịch nghỉ năm 2026 của CBCCVC do Thủ tướng phê duyệt (số văn bản chưa ghi nhận)'),
  ('2026-02-20', 'HOLIDAY', 'LUNAR_NEW_YEAR', 'Tết Âm lịch (mùng 4 tháng Giêng)', 'Lunar New Year holiday (4th day of the 1st lunar month)', 'BLLĐ 2019 (45/2019/QH14) Đ.112.1.b; Lịch nghỉ năm 2026 của CBCCVC do Thủ tướng phê duyệt (số văn bản chưa ghi nhận)'),
  ('2026-04-26', 'HOLIDAY', 'HUNG_KINGS', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'Hung Kings Commemoration Day (10th day of the 3rd lunar month)', 'BLLĐ 2019 (45/2019/QH14) Đ.112.1.e'),
  ('2026-04-27', 'COMPENSATORY', 'HUNG_KINGS', 'Nghỉ bù Giỗ Tổ Hùng Vương (trùng Chủ nhật 26/04)', 'Compensatory day off for Hung Kings Commemoration Day (fell on Sunday 26/04)', 'BLLĐ 2019 (45/2019/QH14) Đ.111.3'),
  ('2026-04-30', 'HOLIDAY', 'VICTORY_DAY', 'Ngày Chiến thắng (30/4)', 'Reunification Day (30 April)', 'BLLĐ 2019 (45/2019/QH14) Đ.112.1.c'),
  ('2026-05-01', 'HOLIDAY', 'LABOUR_DAY', 'Ngày Quốc tế lao động (1/5)', 'International Labour Day (1 May)', 'BLLĐ 2019 (45/2019/QH14) Đ.112.1.d');
