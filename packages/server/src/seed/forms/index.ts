import { COPY_CERTIFICATION_FORM } from './chung-thuc-ban-sao.js';
import type { DemoApplicationForm } from './demo-form.js';
import { HOUSE_BUILDING_PERMIT_FORM } from './giay-phep-xay-dung.js';
import { HOUSEHOLD_BUSINESS_FORM } from './ho-kinh-doanh.js';
import { HEALTH_COST_SUPPORT_FORM } from './ho-tro-kham-chua-benh.js';
import { MARRIAGE_REGISTRATION_FORM } from './ket-hon.js';
import { BIRTH_REGISTRATION_FORM } from './khai-sinh.js';
import { DEATH_REGISTRATION_FORM } from './khai-tu.js';
import { JUDICIAL_RECORD_FORM } from './ly-lich-tu-phap.js';
import { CIVIL_STATUS_EXTRACT_COPY_FORM } from './trich-luc-ho-tich.js';
import { MARITAL_STATUS_FORM } from './xac-nhan-tinh-trang-hon-nhan.js';

export { attachApplicationForm, type DemoApplicationForm, findReplacedComponents } from './demo-form.js';

/** The application forms of the procedures citizens use most, attached to the demo's adopted versions. */
export const DEMO_APPLICATION_FORMS: readonly DemoApplicationForm[] = [
  BIRTH_REGISTRATION_FORM,
  DEATH_REGISTRATION_FORM,
  MARRIAGE_REGISTRATION_FORM,
  CIVIL_STATUS_EXTRACT_COPY_FORM,
  COPY_CERTIFICATION_FORM,
  MARITAL_STATUS_FORM,
  HOUSEHOLD_BUSINESS_FORM,
  JUDICIAL_RECORD_FORM,
  HEALTH_COST_SUPPORT_FORM,
  HOUSE_BUILDING_PERMIT_FORM,
];

/** The demo form of a procedure, if it has one. */
export const findDemoApplicationForm = (procedureCode: string): DemoApplicationForm | undefined =>
  DEMO_APPLICATION_FORMS.find((form) => form.procedureCode === procedureCode);
