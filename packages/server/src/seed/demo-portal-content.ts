import {
  findAgencyByCode,
  findAppSetting,
  findUserCredentials,
  insertAppSettingIfMissing,
  insertUser,
  insertUserRole,
  markPortalArticlesDemo,
  upsertPortalCategory,
} from '@motcua/db';
import { type OfficialRole, ROLE_DEFINITIONS } from '@motcua/domain';
import { hashPassword } from '../auth/passwords.js';
import type { AppContext } from '../context.js';
import { loadOfficial } from '../usecases/auth/resolve-actor.js';
import {
  changePortalContent,
  createPortalContent,
  getPortalMenuForEditor,
  replacePortalMenuItems,
} from '../usecases/portal-content/manage-content.js';
import { DEMO_AGENCY_CODES } from './demo-procedures.js';

/**
 * The portal's news and pages of the demo province (issue 22 item 1), once: a portal author and a portal editor
 * at Sở Nội vụ, the three categories, a handful of articles of the kinds provincial portals publish about
 * administrative reform (every one labelled demo on the page; no figures presented as real), one submitted for
 * review, the "Giới thiệu" page and the menu.
 */
const MARKER = 'demo.portal.content';
const DEMO_NOTE = '<p><em>Bài viết minh họa cho bản trình diễn (demo), không phải thông tin chính thức.</em></p>';

export const DEMO_PORTAL_USERS: { username: string; fullName: string; title: string; role: OfficialRole }[] = [
  { username: 'tacgia.cong', fullName: 'Trần Thị Thu Hà', title: 'Chuyên viên, Sở Nội vụ', role: 'portal_author' },
  {
    username: 'bientap.cong',
    fullName: 'Lê Minh Tuấn',
    title: 'Biên tập viên Cổng thông tin điện tử tỉnh',
    role: 'portal_editor',
  },
];

const CATEGORIES = [
  { slug: 'tin-cchc', name: 'Tin cải cách hành chính', position: 1 },
  { slug: 'thong-bao', name: 'Thông báo', position: 2 },
  { slug: 'huong-dan', name: 'Hướng dẫn', position: 3 },
];

type DemoArticle = { category: string; title: string; summary: string; body: string; daysAgo: number | null };

const ARTICLES: DemoArticle[] = [
  {
    category: 'tin-cchc',
    title: 'Sở Nội vụ rút kinh nghiệm công tác cải cách hành chính sau kỳ chấm điểm Chỉ số CCHC',
    summary:
      'Lãnh đạo Sở họp với các phòng, đơn vị trực thuộc để đánh giá những việc đã làm được, chưa làm được và phân công trách nhiệm cho năm tới.',
    body: `<p>Ngay sau khi có kết quả chấm điểm Chỉ số cải cách hành chính, lãnh đạo Sở Nội vụ đã họp với lãnh đạo các phòng, đơn vị trực thuộc để đánh giá công tác cải cách hành chính của Sở.</p>
<h2>Những việc sẽ làm</h2><ul><li>Lồng ghép nhiệm vụ cải cách hành chính vào kế hoạch công tác của từng phòng;</li><li>Phân công rõ người chịu trách nhiệm cho từng tiêu chí, tiêu chí thành phần;</li><li>Rà soát, cập nhật thủ tục hành chính và công khai đầy đủ tại Bộ phận Một cửa.</li></ul>`,
    daysAgo: 12,
  },
  {
    category: 'thong-bao',
    title: 'Thông báo lịch tiếp công dân định kỳ tại Trung tâm Phục vụ hành chính công tỉnh',
    summary: 'Lãnh đạo Ủy ban nhân dân tỉnh tiếp công dân định kỳ vào ngày 15 hằng tháng.',
    body: `<p>Ủy ban nhân dân tỉnh thông báo lịch tiếp công dân định kỳ của lãnh đạo tỉnh như sau:</p>
<table><thead><tr><th scope="col">Thời gian</th><th scope="col">Địa điểm</th></tr></thead><tbody><tr><td>Ngày 15 hằng tháng (nếu trùng ngày nghỉ thì chuyển sang ngày làm việc kế tiếp)</td><td>Trụ sở Tiếp công dân tỉnh</td></tr></tbody></table>
<p>Công dân mang theo giấy tờ tùy thân và tài liệu liên quan đến nội dung đề nghị.</p>`,
    daysAgo: 8,
  },
  {
    category: 'huong-dan',
    title: 'Hướng dẫn nộp hồ sơ trực tuyến trên Cổng dịch vụ công của tỉnh',
    summary: 'Các bước đăng nhập bằng tài khoản định danh điện tử, chọn thủ tục, đính kèm giấy tờ và theo dõi hồ sơ.',
    body: `<ol><li>Đăng nhập Cổng dịch vụ công bằng tài khoản định danh điện tử (VNeID).</li><li>Tìm thủ tục theo tên, có dấu hoặc không dấu.</li><li>Điền tờ khai, đính kèm thành phần hồ sơ theo hướng dẫn của từng thủ tục.</li><li>Nộp phí, lệ phí trực tuyến (nếu có) và theo dõi tình trạng hồ sơ bằng mã hồ sơ.</li></ol>
<p>Xem danh mục thủ tục tại <a href="/">Cổng dịch vụ công</a>; tra cứu hồ sơ tại <a href="/tra-cuu-ho-so">trang tra cứu</a>.</p>`,
    daysAgo: 5,
  },
  {
    category: 'tin-cchc',
    title: 'Đẩy mạnh tuyên truyền cải cách hành chính trên Cổng thông tin điện tử tỉnh',
    summary:
      'Các sở, ngành và Ủy ban nhân dân cấp xã đăng tải tin, bài về cải cách hành chính và công khai biểu mẫu của thủ tục hành chính.',
    body: `<p>Thực hiện kế hoạch tuyên truyền cải cách hành chính, các cơ quan, đơn vị thường xuyên đăng tải tin, bài về cải cách hành chính; thủ tục hành chính mới ban hành, sửa đổi, bãi bỏ; các hồ sơ mẫu, biểu mẫu của thủ tục hành chính trên Cổng thông tin điện tử của tỉnh.</p>
<p>Hình thức tuyên truyền được đa dạng hóa: tin, bài, hỏi đáp, video ngắn, bảo đảm nội dung chính xác, dễ hiểu với người dân.</p>`,
    daysAgo: 2,
  },
  {
    category: 'thong-bao',
    title: 'Thông báo tạm dừng tiếp nhận hồ sơ trực tiếp để nâng cấp hệ thống',
    summary: 'Hồ sơ trực tuyến vẫn được tiếp nhận bình thường trong thời gian nâng cấp.',
    body: '<p>Trong thời gian nâng cấp hệ thống, Bộ phận Một cửa tạm dừng tiếp nhận hồ sơ trực tiếp vào buổi chiều; người dân, doanh nghiệp có thể nộp hồ sơ trực tuyến trên Cổng dịch vụ công.</p>',
    daysAgo: null,
  },
];

const ensurePortalUsers = async (ctx: AppContext, password: string): Promise<Map<string, string>> => {
  const ids = new Map<string, string>();
  const homeAffairs = await findAgencyByCode(ctx.db, DEMO_AGENCY_CODES.homeAffairs);
  if (!homeAffairs) {
    return ids;
  }
  const hash = await hashPassword(password);
  for (const person of DEMO_PORTAL_USERS) {
    const existing = await findUserCredentials(ctx.db, person.username);
    if (existing) {
      ids.set(person.username, existing.id);
      continue;
    }
    const inserted = await insertUser(ctx.db, {
      username: person.username,
      fullName: person.fullName,
      title: person.title,
      email: null,
      phone: null,
      passwordHash: hash,
      provinceCode: homeAffairs.provinceCode,
      now: ctx.clock.now(),
    });
    if (inserted) {
      await insertUserRole(ctx.db, {
        userId: inserted.id,
        agencyId: homeAffairs.id,
        role: person.role,
        includeSubagencies: ROLE_DEFINITIONS[person.role].defaultIncludeSubagencies,
        grantedBy: null,
      });
      ids.set(person.username, inserted.id);
    }
  }
  return ids;
};

/** Seeds the portal's demo news, page and menu once; answers whether it did. */
export const seedDemoPortalContent = async (
  ctx: AppContext,
  options: { provinceCode: string; password: string },
): Promise<boolean> => {
  if (await findAppSetting(ctx.db, MARKER)) {
    return false;
  }
  const ids = await ensurePortalUsers(ctx, options.password);
  const authorId = ids.get('tacgia.cong');
  const editorId = ids.get('bientap.cong');
  const author = authorId ? await loadOfficial(ctx, authorId, 'session') : undefined;
  const editor = editorId ? await loadOfficial(ctx, editorId, 'session') : undefined;
  if (!author || !editor) {
    return false;
  }
  const categories = new Map<string, string>();
  for (const category of CATEGORIES) {
    const row = await upsertPortalCategory(ctx.db, { provinceCode: options.provinceCode, ...category });
    categories.set(category.slug, row.id);
  }
  const now = ctx.clock.now().getTime();
  const created: string[] = [];
  for (const article of ARTICLES) {
    const draft = await createPortalContent(ctx, author, {
      kind: 'article',
      categoryId: categories.get(article.category),
      title: article.title,
      summary: article.summary,
      bodyHtml: `${article.body}${DEMO_NOTE}`,
    });
    created.push(draft.id);
    const submitted = await changePortalContent(ctx, author, draft.id, { action: 'submit', expectedVersion: 1 });
    if (article.daysAgo !== null) {
      await changePortalContent(ctx, editor, draft.id, {
        action: 'publish',
        expectedVersion: submitted.version,
        publishAt: new Date(now - article.daysAgo * 86_400_000).toISOString(),
      });
    }
  }
  const page = await createPortalContent(ctx, editor, {
    kind: 'page',
    title: 'Giới thiệu',
    summary: 'Cổng thông tin điện tử của tỉnh: tin tức, thông báo và hướng dẫn về cải cách hành chính.',
    bodyHtml: `<p>Cổng thông tin đăng tải tin tức, thông báo, hướng dẫn về cải cách hành chính của tỉnh và liên kết đến Cổng dịch vụ công, nơi người dân, doanh nghiệp nộp và tra cứu hồ sơ thủ tục hành chính.</p><h2>Liên hệ</h2><p>Văn phòng Ủy ban nhân dân tỉnh, Bộ phận Một cửa: <a href="mailto:motcua@hungyen.demo.motcua.vn">motcua@hungyen.demo.motcua.vn</a></p>${DEMO_NOTE}`,
  });
  created.push(page.id);
  await changePortalContent(ctx, editor, page.id, { action: 'publish', expectedVersion: page.version });
  await markPortalArticlesDemo(ctx.db, created);
  const menu = await getPortalMenuForEditor(ctx, editor);
  await replacePortalMenuItems(ctx, editor, {
    version: menu.version,
    items: [
      { label: 'Giới thiệu', targetKind: 'page', target: 'gioi-thieu' },
      { label: 'Thông báo', targetKind: 'category', target: 'thong-bao' },
      { label: 'Hướng dẫn', targetKind: 'category', target: 'huong-dan' },
      { label: 'Cổng DVC quốc gia', targetKind: 'url', target: 'https://dichvucong.gov.vn' },
    ],
  });
  await insertAppSettingIfMissing(ctx.db, MARKER, { seededAt: ctx.clock.now().toISOString() });
  return true;
};
