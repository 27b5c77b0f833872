/**
 * Word lists of the synthetic demo data: donor countries (weights follow the published split of 2020 aid,
 * Europe 41 %, North America 36 %, Asia 23 %), organisation names, sector weights and aid titles.
 */

/** Donor countries with a weight (number of NGOs) and the currency their aid is often given in. */
export const donorCountries: readonly { code: string; weight: number; currency: string }[] = [
  { code: 'US', weight: 120, currency: 'USD' },
  { code: 'CA', weight: 22, currency: 'CAD' },
  { code: 'GB', weight: 42, currency: 'GBP' },
  { code: 'DE', weight: 38, currency: 'EUR' },
  { code: 'FR', weight: 36, currency: 'EUR' },
  { code: 'NL', weight: 22, currency: 'EUR' },
  { code: 'BE', weight: 14, currency: 'EUR' },
  { code: 'IT', weight: 10, currency: 'EUR' },
  { code: 'ES', weight: 8, currency: 'EUR' },
  { code: 'IE', weight: 8, currency: 'EUR' },
  { code: 'AT', weight: 6, currency: 'EUR' },
  { code: 'FI', weight: 6, currency: 'EUR' },
  { code: 'LU', weight: 5, currency: 'EUR' },
  { code: 'PT', weight: 2, currency: 'EUR' },
  { code: 'GR', weight: 2, currency: 'EUR' },
  { code: 'CH', weight: 16, currency: 'CHF' },
  { code: 'SE', weight: 12, currency: 'SEK' },
  { code: 'NO', weight: 10, currency: 'NOK' },
  { code: 'DK', weight: 10, currency: 'DKK' },
  { code: 'CZ', weight: 3, currency: 'USD' },
  { code: 'PL', weight: 2, currency: 'USD' },
  { code: 'HU', weight: 2, currency: 'USD' },
  { code: 'IS', weight: 1, currency: 'USD' },
  { code: 'AU', weight: 26, currency: 'AUD' },
  { code: 'NZ', weight: 6, currency: 'NZD' },
  { code: 'JP', weight: 30, currency: 'JPY' },
  { code: 'KR', weight: 34, currency: 'KRW' },
  { code: 'TW', weight: 10, currency: 'USD' },
  { code: 'SG', weight: 8, currency: 'SGD' },
  { code: 'HK', weight: 4, currency: 'USD' },
  { code: 'CN', weight: 3, currency: 'CNY' },
  { code: 'TH', weight: 5, currency: 'THB' },
  { code: 'PH', weight: 3, currency: 'USD' },
  { code: 'IN', weight: 4, currency: 'USD' },
  { code: 'MY', weight: 3, currency: 'USD' },
  { code: 'ID', weight: 2, currency: 'USD' },
  { code: 'IL', weight: 2, currency: 'USD' },
  { code: 'BD', weight: 1, currency: 'USD' },
  { code: 'KH', weight: 1, currency: 'USD' },
  { code: 'AE', weight: 1, currency: 'USD' },
];

/** Name parts: English theme and its Vietnamese rendering. */
export const nameThemes: readonly [string, string][] = [
  ["Children's Hope", 'Hy vọng Trẻ em'],
  ['Green Earth', 'Trái đất Xanh'],
  ['Clean Water', 'Nước sạch'],
  ['Healthy Villages', 'Làng Khỏe mạnh'],
  ['Bright Futures', 'Tương lai Tươi sáng'],
  ['Mekong Partners', 'Đối tác Mê Kông'],
  ['Open Hands', 'Bàn tay Rộng mở'],
  ['Rural Development', 'Phát triển Nông thôn'],
  ['Mother and Child Health', 'Sức khỏe Bà mẹ và Trẻ em'],
  ['Education for All', 'Giáo dục cho Mọi người'],
  ['Sight for Life', 'Ánh sáng Cuộc sống'],
  ['Safe Harbour', 'Bến bờ An toàn'],
  ['Community Bridges', 'Cầu nối Cộng đồng'],
  ['Disability Inclusion', 'Hòa nhập Người khuyết tật'],
  ['Climate Resilience', 'Thích ứng Khí hậu'],
  ['Forest Friends', 'Bạn của Rừng'],
  ['Legal Aid', 'Trợ giúp Pháp lý'],
  ['Smile Train', 'Nụ cười'],
  ['Heart to Heart', 'Trái tim đến Trái tim'],
  ['Peace Villages', 'Làng Hòa bình'],
  ['Mine Action', 'Rà phá Bom mìn'],
  ['Youth Skills', 'Kỹ năng Thanh niên'],
  ['Women Empowerment', 'Trao quyền cho Phụ nữ'],
  ['Small Steps', 'Những Bước nhỏ'],
  ['Hearing Help', 'Hỗ trợ Thính lực'],
  ['Fair Harvest', 'Mùa vụ Công bằng'],
  ['Blue Ocean', 'Đại dương Xanh'],
  ['Highland Schools', 'Trường học Vùng cao'],
  ['Elder Care', 'Chăm sóc Người cao tuổi'],
  ['Digital Inclusion', 'Hòa nhập Số'],
  ['Nutrition First', 'Dinh dưỡng Trước tiên'],
  ['Rainbow Bridge', 'Cầu Cầu vồng'],
  ['Living Rivers', 'Dòng sông Sống'],
  ['Second Chance', 'Cơ hội Thứ hai'],
  ['Lotus Care', 'Chăm sóc Hoa sen'],
  ['Harmony', 'Hòa hợp'],
  ['Seeds of Learning', 'Hạt giống Tri thức'],
  ['Medical Volunteers', 'Tình nguyện Y tế'],
  ['Shelter Now', 'Mái ấm'],
  ['Global Neighbours', 'Láng giềng Toàn cầu'],
];

export const nameForms: readonly [string, string][] = [
  ['Foundation', 'Quỹ'],
  ['Association', 'Hội'],
  ['Alliance', 'Liên minh'],
  ['Network', 'Mạng lưới'],
  ['International', 'Tổ chức Quốc tế'],
  ['Trust', 'Quỹ Tín thác'],
  ['Institute', 'Viện'],
  ['Mission', 'Tổ chức'],
  ['Society', 'Hiệp hội'],
  ['Initiative', 'Sáng kiến'],
];

export const nameQualifiers: readonly [string, string][] = [
  ['', ''],
  [' Asia', ' châu Á'],
  [' Vietnam', ' Việt Nam'],
  [' Worldwide', ' Toàn cầu'],
];

/** Relative weight of each sector in the demo aid (main fields of 2022: social issues, health, socio-economic). */
export const sectorWeights: readonly { value: string; weight: number }[] = [
  { value: 'XH', weight: 19 },
  { value: 'YTE', weight: 20 },
  { value: 'PTKTXH', weight: 16 },
  { value: 'GDDT', weight: 14 },
  { value: 'TNMT', weight: 9 },
  { value: 'NLNN', weight: 8 },
  { value: 'XDNL', weight: 6 },
  { value: 'TT_KC', weight: 5 },
  { value: 'KPHQCT', weight: 4 },
  { value: 'HTTP', weight: 3 },
  { value: 'VHTT', weight: 1 },
  { value: 'KHCN', weight: 1 },
];

/** Title templates per sector: [Vietnamese, English], `{p}` is the province name. */
export const titles: Readonly<Record<string, readonly [string, string][]>> = {
  XH: [
    ['Hỗ trợ trẻ em có hoàn cảnh đặc biệt khó khăn tại {p}', 'Support for children in especially difficult circumstances in {p}'],
    ['Phòng, chống mua bán người và bạo lực gia đình tại {p}', 'Preventing trafficking and domestic violence in {p}'],
    ['Hòa nhập cộng đồng cho người khuyết tật tại {p}', 'Community inclusion of people with disabilities in {p}'],
  ],
  YTE: [
    ['Nâng cao chất lượng chăm sóc sức khỏe ban đầu tại {p}', 'Better primary health care in {p}'],
    ['Chăm sóc sức khỏe bà mẹ và trẻ sơ sinh tại {p}', 'Maternal and newborn health in {p}'],
    ['Phòng chống bệnh lao và HIV tại {p}', 'Tuberculosis and HIV prevention in {p}'],
  ],
  PTKTXH: [
    ['Phát triển sinh kế bền vững cho hộ nghèo tại {p}', 'Sustainable livelihoods for poor households in {p}'],
    ['Tài chính vi mô cho phụ nữ nông thôn tại {p}', 'Microfinance for rural women in {p}'],
  ],
  GDDT: [
    ['Xây dựng trường học và thư viện tại {p}', 'Schools and libraries in {p}'],
    ['Đào tạo nghề cho thanh niên tại {p}', 'Vocational training for young people in {p}'],
    ['Học bổng cho học sinh dân tộc thiểu số tại {p}', 'Scholarships for ethnic-minority pupils in {p}'],
  ],
  TNMT: [
    ['Ứng phó với biến đổi khí hậu tại {p}', 'Climate change adaptation in {p}'],
    ['Bảo vệ rừng và đa dạng sinh học tại {p}', 'Forest and biodiversity protection in {p}'],
  ],
  NLNN: [
    ['Nông nghiệp thông minh thích ứng khí hậu tại {p}', 'Climate-smart agriculture in {p}'],
    ['Nước sạch và vệ sinh nông thôn tại {p}', 'Rural water supply and sanitation in {p}'],
  ],
  XDNL: [['Nâng cao năng lực cho tổ chức cộng đồng tại {p}', 'Capacity building for community organisations in {p}']],
  TT_KC: [
    ['Cứu trợ khẩn cấp sau bão lũ tại {p}', 'Emergency relief after storms and floods in {p}'],
    ['Giảm nhẹ rủi ro thiên tai dựa vào cộng đồng tại {p}', 'Community-based disaster risk reduction in {p}'],
  ],
  KPHQCT: [
    ['Rà phá bom mìn, vật liệu nổ sau chiến tranh tại {p}', 'Clearing unexploded ordnance in {p}'],
    ['Hỗ trợ nạn nhân chất độc da cam tại {p}', 'Support for Agent Orange victims in {p}'],
  ],
  HTTP: [['Trợ giúp pháp lý cho người dân tại {p}', 'Legal aid for residents of {p}']],
  VHTT: [['Bảo tồn di sản văn hóa tại {p}', 'Cultural heritage preservation in {p}']],
  KHCN: [['Chuyển đổi số cho trạm y tế xã tại {p}', 'Digital transformation of commune health stations in {p}']],
};

/** The Vietnamese partner that implements aid of a sector in a province. */
export const partnerBySector: Readonly<Record<string, string>> = {
  XH: 'Hội Liên hiệp Phụ nữ',
  YTE: 'Sở Y tế',
  PTKTXH: 'Hội Nông dân',
  GDDT: 'Sở Giáo dục và Đào tạo',
  TNMT: 'Sở Nông nghiệp và Môi trường',
  NLNN: 'Sở Nông nghiệp và Môi trường',
  XDNL: 'Liên hiệp các tổ chức hữu nghị',
  TT_KC: 'Hội Chữ thập đỏ',
  KPHQCT: 'Hội Nạn nhân chất độc da cam/dioxin',
  HTTP: 'Sở Tư pháp',
  VHTT: 'Sở Văn hóa, Thể thao và Du lịch',
  KHCN: 'Sở Khoa học và Công nghệ',
};
