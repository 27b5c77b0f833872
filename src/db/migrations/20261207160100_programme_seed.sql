-- The two national programmes (domain.md §4). Decision 1225/QĐ-TTg of 17/09/2019 (2019–2025) and the 2026–2030
-- orientation agreed at the 5th International Conference of 04/12/2025 (no decision issued yet: provisional).
-- Indicators' targets are not in the retrieved text of the decision: they are the review figures, marked provisional.
-- Administrators and central officers edit both at /programmes (every version kept in programme_versions).

insert into programmes (code, sort, content) values
('NP-2019-2025', 1, $json${
  "titleVi": "Chương trình quốc gia về tăng cường hợp tác và vận động viện trợ phi chính phủ nước ngoài giai đoạn 2019–2025",
  "titleEn": "National Programme on strengthening cooperation and mobilising foreign non-governmental aid, 2019–2025",
  "decision": {"number": "1225/QĐ-TTg", "date": "2019-09-17", "signer": "Thủ tướng Chính phủ", "effectiveFrom": "2019-09-17"},
  "agreedOn": null,
  "from": 2019, "to": 2025, "provisional": false,
  "goalVi": "Tăng cường hợp tác và nâng cao hiệu quả nguồn viện trợ phi chính phủ nước ngoài để thúc đẩy quan hệ của nhân dân Việt Nam với các nước, góp phần giảm nghèo, phát triển kinh tế – xã hội và phát triển bền vững.",
  "goalEn": "Strengthen cooperation and the effectiveness of foreign NGO aid, to build ties between peoples, reduce poverty and support socio-economic and sustainable development.",
  "objectives": [
    {"code": "PARTNERSHIP", "textVi": "Củng cố quan hệ đối tác với các tổ chức phi chính phủ nước ngoài", "textEn": "Consolidate partnerships with foreign NGOs", "provisional": false},
    {"code": "VALUE", "textVi": "Duy trì hoặc nâng cao giá trị và hiệu quả viện trợ", "textEn": "Maintain or raise the value and effectiveness of aid", "provisional": false},
    {"code": "UNDERSTANDING", "textVi": "Góp phần giúp bạn bè quốc tế hiểu đúng chủ trương, chính sách của Việt Nam", "textEn": "Help the world understand Vietnam's policies", "provisional": false}
  ],
  "priorities": [
    {"code": "EDU", "nameVi": "Giáo dục và đào tạo", "nameEn": "Education and training", "sectorCodes": ["GDDT"], "provisional": false},
    {"code": "HEALTH", "nameVi": "Y tế", "nameEn": "Health", "sectorCodes": ["YTE"], "provisional": false},
    {"code": "AGRI", "nameVi": "Nông, lâm, ngư nghiệp và phát triển nông thôn", "nameEn": "Agriculture, forestry, fisheries and rural development", "sectorCodes": ["NLNN"], "provisional": false},
    {"code": "SOCIAL", "nameVi": "Các vấn đề xã hội", "nameEn": "Social issues", "sectorCodes": ["XH"], "provisional": false},
    {"code": "ENV", "nameVi": "Môi trường", "nameEn": "Environment", "sectorCodes": ["TNMT"], "provisional": false},
    {"code": "CLIMATE", "nameVi": "Biến đổi khí hậu", "nameEn": "Climate change", "sectorCodes": ["TNMT"], "provisional": false},
    {"code": "DISASTER", "nameVi": "Phòng chống, giảm nhẹ thiên tai và cứu trợ khẩn cấp", "nameEn": "Disaster prevention, mitigation and emergency relief", "sectorCodes": ["TT_KC"], "provisional": false},
    {"code": "WAR", "nameVi": "Khắc phục hậu quả chiến tranh", "nameEn": "Overcoming war consequences", "sectorCodes": ["KPHQCT"], "provisional": false}
  ],
  "principles": [
    {"code": "ENCOURAGE", "textVi": "Khuyến khích, tạo điều kiện cho hoạt động nhân đạo và phát triển của các tổ chức phi chính phủ nước ngoài", "textEn": "Encourage and facilitate the humanitarian and development work of foreign NGOs"},
    {"code": "TRANSPARENCY", "textVi": "Công khai, minh bạch, trách nhiệm giải trình và sự tham gia của người dân", "textEn": "Openness, transparency, accountability and people's participation"},
    {"code": "FOREIGN_POLICY", "textVi": "Quan hệ đối tác phù hợp đường lối, chính sách đối ngoại của Việt Nam", "textEn": "Partnerships in line with Vietnam's foreign policy"},
    {"code": "LAW", "textVi": "Tuân thủ quy định của pháp luật Việt Nam", "textEn": "Compliance with the law of Vietnam"}
  ],
  "indicators": [
    {"code": "AID_PER_YEAR", "nameVi": "Giá trị viện trợ giải ngân hằng năm", "nameEn": "Aid disbursed per year", "target": "220", "unit": "million_usd_per_year", "provisional": true},
    {"code": "ACTIVE_NGOS", "nameVi": "Số tổ chức PCPNN hoạt động thường xuyên", "nameEn": "Regularly active foreign NGOs", "target": "500", "unit": "organisations", "provisional": true}
  ],
  "agencies": [
    {"agencyId": "COMINGO", "roleVi": "Chủ trì, hướng dẫn thực hiện", "roleEn": "Leads and guides implementation"},
    {"agencyId": "VUFO", "roleVi": "Cơ quan nòng cốt về công tác phi chính phủ nước ngoài", "roleEn": "Core agency for foreign NGO work"},
    {"agencyId": "MOFA", "roleVi": "Phối hợp", "roleEn": "Coordination"}
  ],
  "sources": ["phuthodfa.gov.vn (17/09/2019)", "en.vietnamplus.vn (sơ kết 21/12/2022)"]
}$json$::jsonb),
('NP-2026-2030', 2, $json${
  "titleVi": "Định hướng hợp tác và vận động viện trợ phi chính phủ nước ngoài giai đoạn 2026–2030",
  "titleEn": "Orientation for cooperation with and aid mobilisation from foreign NGOs, 2026–2030",
  "decision": null,
  "agreedOn": "2025-12-04",
  "from": 2026, "to": 2030, "provisional": true,
  "goalVi": "Các ưu tiên thống nhất tại Hội nghị quốc tế lần thứ 5 về hợp tác với các tổ chức phi chính phủ nước ngoài (Hà Nội, 04/12/2025); chờ văn bản ban hành.",
  "goalEn": "Priorities agreed at the 5th International Conference on cooperation with foreign NGOs (Hà Nội, 04/12/2025); awaiting an issued decision.",
  "objectives": [],
  "priorities": [
    {"code": "HEALTH", "nameVi": "Y tế", "nameEn": "Health", "sectorCodes": ["YTE"], "provisional": true},
    {"code": "EDU_HR", "nameVi": "Giáo dục và phát triển nguồn nhân lực", "nameEn": "Education and human resources", "sectorCodes": ["GDDT", "XDNL"], "provisional": true},
    {"code": "STI", "nameVi": "Khoa học, công nghệ và đổi mới sáng tạo", "nameEn": "Science, technology and innovation", "sectorCodes": ["KHCN"], "provisional": true},
    {"code": "RURAL", "nameVi": "Phát triển nông thôn bền vững", "nameEn": "Sustainable rural development", "sectorCodes": ["NLNN", "PTKTXH"], "provisional": true},
    {"code": "ENV_CLIMATE", "nameVi": "Môi trường và biến đổi khí hậu", "nameEn": "Environment and climate change", "sectorCodes": ["TNMT", "TT_KC"], "provisional": true},
    {"code": "WAR", "nameVi": "Khắc phục hậu quả chiến tranh", "nameEn": "War legacies", "sectorCodes": ["KPHQCT"], "provisional": true},
    {"code": "VULNERABLE", "nameVi": "Hỗ trợ các nhóm dễ bị tổn thương", "nameEn": "Vulnerable groups", "sectorCodes": ["XH"], "provisional": true}
  ],
  "principles": [],
  "indicators": [
    {"code": "AID_PER_YEAR", "nameVi": "Giá trị viện trợ giải ngân hằng năm", "nameEn": "Aid disbursed per year", "target": null, "unit": "million_usd_per_year", "provisional": true}
  ],
  "agencies": [
    {"agencyId": "COMINGO", "roleVi": "Chủ trì", "roleEn": "Leads"},
    {"agencyId": "VUFO", "roleVi": "Cơ quan nòng cốt", "roleEn": "Core agency"}
  ],
  "sources": ["sggp.org.vn (04/12/2025)"]
}$json$::jsonb);

insert into programme_versions (code, version, content) select code, version, content from programmes;
