/**
 * The national provincial PAR Index (Chỉ số CCHC cấp tỉnh) of QĐ 876/QĐ-BNV (10/11/2022), Đề án "Xác định Chỉ
 * số cải cách hành chính của các bộ, cơ quan ngang bộ, UBND tỉnh, thành phố trực thuộc Trung ương" 2022–2030:
 * what the sources read say, and what they do not.
 *
 * Known (../shared/spec/reform-and-eoffice.md §A.1, from the BNV release of 19/4/2023 as reported by
 * vietnambiz.vn): 8 areas (lĩnh vực), 37 criteria (tiêu chí), 88 component criteria (tiêu chí thành phần); a scale
 * of 100 points, of which 32 come from the sociological survey (điều tra xã hội học) and 68 are self-assessed
 * then appraised. For comparison the ministries' index of the same decision has 7 areas, 38 criteria, 97
 * components and 31,50 survey points (tintuc.thuvienphapluat.com, "Tiêu chí xác định Chỉ số CCHC cấp bộ giai
 * đoạn 2022-2030", which lists the criteria per area for ministries only).
 *
 * The area names below are those used by provincial indices and BNV guides built on 876 (the spec's [RECALL],
 * consistent with Hà Nam's 2023 numbering, where area 3 is "Cải cách thủ tục hành chính"; the first seven match
 * the seven areas of the ministries' index named in the thuvienphapluat summary).
 *
 * NOT FOUND in the sources read (searched again for this module: "Phụ lục", "Chỉ số CCHC cấp tỉnh", "điểm tối đa"
 * with 876/QĐ-BNV, in stored pages, documentation and code): the maximum points of each area, the 37 criteria and
 * the 88 component criteria. The appendix of 876 is a PDF table that no source read reproduces. The only per-area
 * maxima found belong to the previous index (QĐ 2948/QĐ-BNV 2017: 10; 10; 14,5; 11; 16; 7; 16; 15,5 — 8 areas,
 * 38 criteria, 81 components; bonoivu.cls.vn course page "Nội dung Chỉ số CCHC cấp tỉnh và phương pháp xác định"),
 * which 876 replaced, so they are not used. The per-area maxima are therefore left to the province, which loads
 * them from the decision it applies (spreadsheet import, or the draft editor): nothing here presents a figure as law
 * that was not read.
 */
import type { ParPoints } from './types.js';

export const PAR_NATIONAL_PROVINCIAL_INDEX = {
  decision: { number: '876/QĐ-BNV', date: '2022-11-10', issuer: 'Bộ Nội vụ' },
  areaCount: 8,
  criterionCount: 37,
  componentCount: 88,
  /** The scale, hundredths: 100 points. */
  scale: 10_000 as ParPoints,
  /** Points from the sociological survey, hundredths: 32 points. */
  surveyPoints: 3_200 as ParPoints,
  areas: [
    { code: '1', title: 'Công tác chỉ đạo, điều hành cải cách hành chính' },
    { code: '2', title: 'Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật (cải cách thể chế)' },
    { code: '3', title: 'Cải cách thủ tục hành chính' },
    { code: '4', title: 'Cải cách tổ chức bộ máy hành chính nhà nước' },
    { code: '5', title: 'Cải cách chế độ công vụ' },
    { code: '6', title: 'Cải cách tài chính công' },
    { code: '7', title: 'Xây dựng và phát triển Chính phủ điện tử, Chính phủ số' },
    { code: '8', title: 'Tác động của cải cách hành chính đến người dân, tổ chức và phát triển kinh tế - xã hội' },
  ],
  /** The per-area maxima are not in any source read (see the module comment): the province enters them. */
  areaMaximaKnown: false,
} as const;
