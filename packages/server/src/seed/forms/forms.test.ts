import {
  buildFormValuesSchema,
  FormDefinition,
  normalizeNationalRecord,
  type ProcedureVersionContent,
} from '@motcua/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { adaptForDemo, DEMO_PROCEDURES, readNationalCatalogFile } from '../demo-procedures.js';
import { DEMO_FORM_EXAMPLES, EXAMPLE_TODAY } from './examples.js';
import { attachApplicationForm, DEMO_APPLICATION_FORMS, findReplacedComponents } from './index.js';

/** The national version of each form's procedure, normalised as the import does. */
const national = new Map<string, ProcedureVersionContent>();

beforeAll(() => {
  const codes = new Set(DEMO_APPLICATION_FORMS.map((form) => form.procedureCode));
  for (const record of readNationalCatalogFile().records) {
    const code = (record as { code?: unknown }).code;
    if (typeof code === 'string' && codes.has(code)) {
      const result = normalizeNationalRecord(record);
      if (result.status !== 'rejected') {
        national.set(code, result.content);
      }
    }
  }
});

const adopted = (code: string): ProcedureVersionContent => {
  const spec = DEMO_PROCEDURES.find((s) => s.code === code);
  const content = national.get(code);
  if (!spec || !content) {
    throw new Error(`${code} is not an adopted demo procedure of the national catalogue`);
  }
  return adaptForDemo(content, spec);
};

describe('demo application forms', () => {
  it('cover the ten procedures citizens use most, one form each, all adopted by the demo', () => {
    expect(DEMO_APPLICATION_FORMS.map((form) => form.procedureCode)).toEqual([
      '1.001193', // đăng ký khai sinh
      '1.000656', // đăng ký khai tử
      '1.000894', // đăng ký kết hôn
      '2.000635', // cấp bản sao trích lục hộ tịch
      '2.000815', // chứng thực bản sao từ bản chính
      '1.004873', // xác nhận tình trạng hôn nhân
      '1.001612', // đăng ký thành lập hộ kinh doanh
      '3.000333', // cấp Phiếu lý lịch tư pháp
      '1.012537', // hỗ trợ chi phí khám chữa bệnh (BHYT-related support)
      '1.013225', // giấy phép xây dựng nhà ở riêng lẻ
    ]);
    const adoptedCodes = new Set(DEMO_PROCEDURES.map((spec) => spec.code));
    for (const form of DEMO_APPLICATION_FORMS) {
      expect(adoptedCodes.has(form.procedureCode), form.procedureCode).toBe(true);
    }
    expect(new Set(DEMO_APPLICATION_FORMS.map((form) => form.definition.key)).size).toBe(10);
  });

  describe.each(DEMO_APPLICATION_FORMS.map((form) => [form.definition.key, form] as const))('%s', (key, form) => {
    it('is a valid form definition citing the official form', () => {
      expect(FormDefinition.safeParse(form.definition).error).toBeUndefined();
      expect(form.definition.legalSource).toMatch(/(Thông tư|Nghị định|Quyết định) số \d+\//);
    });

    it('replaces the paper form component of the adopted version', () => {
      const content = adopted(form.procedureCode);
      const replaced = content.applicationForm?.replacesComponent;
      expect(content.applicationForm?.key).toBe(key);
      if (form.interactiveForm !== null) {
        // The form is the interactive e-form the national text asks for online: no longer a paper or an upload.
        const eForm = { name: form.interactiveForm };
        expect(findReplacedComponents(national.get(form.procedureCode)?.components ?? [], eForm)).toHaveLength(1);
        expect(findReplacedComponents(content.components, eForm)).toEqual([]);
        expect(content.components).toHaveLength((national.get(form.procedureCode)?.components.length ?? 0) - 1);
      } else {
        expect(content.components).toEqual(national.get(form.procedureCode)?.components);
      }
      if (form.replaces === null) {
        // Chứng thực bản sao: the law publishes no request form, so there is no paper to replace.
        expect(replaced).toBeUndefined();
        return;
      }
      const component = content.components.find((c) => c.key === replaced);
      expect(component?.group).toBe('submit');
      expect(component?.name.startsWith(form.replaces.name)).toBe(true);
      // The interactive e-form of the national text ("… điện tử tương tác") is not the paper form.
      expect(component?.name).not.toMatch(/điện tử tương tác/);
    });

    it('accepts a realistic filled example', () => {
      const example = DEMO_FORM_EXAMPLES[key];
      expect(example).toBeDefined();
      const parsed = buildFormValuesSchema(FormDefinition.parse(form.definition), { today: EXAMPLE_TODAY }).safeParse(
        example,
      );
      expect(parsed.error?.issues).toBeUndefined();
    });

    it('lists its required fields when sent empty', () => {
      const definition = FormDefinition.parse(form.definition);
      const parsed = buildFormValuesSchema(definition, { today: EXAMPLE_TODAY }).safeParse({});
      const required = parsed.error?.issues
        .filter((issue) => issue.message === 'msg:REQUIRED')
        .map((issue) => issue.path.join('/'));
      // Every required field that is not shown only on a condition; conditional ones are hidden when empty.
      const expected = definition.sections
        .flatMap((section) => section.fields)
        .filter((field) => field.required && !field.visibleWhen)
        .map((field) => field.key);
      expect(expected.length).toBeGreaterThan(2);
      expect(required).toEqual(expected);
    });
  });

  it('refuses a parent CCCD that does not agree with the birth date entered', () => {
    const form = DEMO_APPLICATION_FORMS[0];
    const definition = FormDefinition.parse(form?.definition);
    const example = DEMO_FORM_EXAMPLES['to-khai-dang-ky-khai-sinh'];
    // 033195…: a woman born in 1995, given as the father born in 1993.
    const parsed = buildFormValuesSchema(definition, { today: EXAMPLE_TODAY }).safeParse({
      ...example,
      fatherIdNumber: '033195004512',
    });
    expect(parsed.error?.issues.map((issue) => [issue.path.join('/'), issue.message])).toEqual([
      ['fatherIdNumber', 'msg:ID_BIRTH_YEAR_MISMATCH'],
    ]);
  });

  it('asks for the household members and each member’s CCCD only when the family founds the business', () => {
    const definition = FormDefinition.parse(
      DEMO_APPLICATION_FORMS.find((f) => f.procedureCode === '1.001612')?.definition,
    );
    const example = DEMO_FORM_EXAMPLES['giay-de-nghi-dang-ky-ho-kinh-doanh'] ?? {};
    const schema = buildFormValuesSchema(definition, { today: EXAMPLE_TODAY });
    const { members: _members, ...alone } = example;
    expect(schema.safeParse({ ...alone, foundedBy: 'ca-nhan' }).success).toBe(true);
    const family = schema.safeParse({ ...alone, foundedBy: 'ho-gia-dinh' });
    expect(family.error?.issues.map((issue) => issue.path.join('/'))).toEqual(['members']);
    const wrongSex = schema.safeParse({
      ...example,
      members: [{ ...(example.members as object[])[0], memberSex: 'female' }],
    });
    expect(wrongSex.error?.issues.map((issue) => [issue.path.join('/'), issue.message])).toEqual([
      ['members/0/memberIdNumber', 'msg:ID_CENTURY_SEX_MISMATCH'],
    ]);
  });

  it('fails loudly when the national text no longer lists the paper form', () => {
    const form = DEMO_APPLICATION_FORMS[0];
    const content = national.get('1.001193');
    if (!form || !content) {
      throw new Error('khai sinh is missing');
    }
    const renamed = {
      ...content,
      components: content.components.map((c) =>
        c.name.startsWith('Tờ khai đăng ký khai sinh') ? { ...c, name: `Mẫu ${c.name}` } : c,
      ),
    };
    expect(findReplacedComponents(renamed.components, { name: 'Tờ khai đăng ký khai sinh' })).toEqual([]);
    expect(() => attachApplicationForm(renamed, form)).toThrow(/0 components match "Tờ khai đăng ký khai sinh"/);
    const withoutEForm = { ...content, components: content.components.filter((c) => !/tương tác/.test(c.name)) };
    expect(() => attachApplicationForm(withoutEForm, form)).toThrow(
      /0 components match "Mẫu hộ tịch điện tử tương tác/,
    );
  });

  it('picks the detached-house case among the construction permit forms listed once per kind of works', () => {
    const content = national.get('1.013225');
    const all = findReplacedComponents(content?.components ?? [], { name: 'Đơn đề nghị cấp giấy phép' });
    expect(all.length).toBeGreaterThan(1);
    const house = adopted('1.013225').applicationForm?.replacesComponent;
    expect(content?.components.find((c) => c.key === house)?.section).toMatch(/nhà ở riêng lẻ/);
  });
});
