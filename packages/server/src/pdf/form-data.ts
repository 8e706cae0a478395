/**
 * What each printed form needs, already formatted as text (dates in Vietnamese style, names,
 * codes). The use-cases build these from a dossier; the renderers only lay them out. Forms follow
 * Circular 01/2018/TT-VPCP (forms 01–06) as renumbered by Circular 03/2025/TT-VPCP, in the
 * administrative-document layout of Decree 30/2020/NĐ-CP.
 */

/** The issuing agency block at the top left: the parent agency (optional) over the agency, upper case. */
export type IssuerBlock = {
  parentName?: string;
  agencyName: string;
  /** Where the document is signed, for "<place>, ngày … tháng … năm …". */
  placeName: string;
};

export type ApplicantBlock = {
  name: string;
  kind: 'person' | 'organisation';
  /** 12-digit ID number or tax code, as printed. */
  identifier: string;
  address: string;
  phone?: string;
  email?: string;
  submitterName?: string;
};

export type ComponentLine = { name: string; originals: number; copies: number; note?: string };

export type SignatureBlock = { title: string; name?: string };

export type CommonFormData = {
  issuer: IssuerBlock;
  dossierCode: string;
  /** The address the QR code on the form points to: the public lookup of this dossier. */
  lookupUrl: string;
  /** Signing date/time of the form, Vietnam time, e.g. { date: '2026-11-22', time: '09:30' }. */
  issuedAt: { date: string; time: string };
  procedureName: string;
  applicant: ApplicantBlock;
};

export type ReceiptFormData = CommonFormData & {
  form: 'receipt';
  receivingUnit: string;
  channel: string;
  summary: string;
  components: ComponentLine[];
  sets: number;
  legalTime: string;
  receivedAt: { date: string; time: string };
  appointment: { date: string; time: string };
  provisional: boolean;
  resultPlace: string;
  trackingPin: string;
  receiver: SignatureBlock;
};

export type SupplementRequestFormData = CommonFormData & {
  form: 'supplement_request';
  missing: string[];
  reason: string;
  guidingOfficer: SignatureBlock & { phone?: string };
};

export type RefusalFormData = CommonFormData & {
  form: 'refusal';
  reason: string;
  officer: SignatureBlock;
};

export type ApologyFormData = CommonFormData & {
  form: 'apology';
  receivedAt: { date: string; time: string };
  originalAppointment: { date: string; time: string };
  newAppointment: { date: string; time: string };
  reason: string;
  head: SignatureBlock;
};

export type StopNoticeFormData = CommonFormData & {
  form: 'stop_notice';
  reason: string;
  head: SignatureBlock;
};

export type ControlSlipLine = {
  /** "Giao" side: the unit handing over and when. */
  from: string;
  givenAt?: { date: string; time: string };
  /** "Nhận" side: the unit receiving and when. */
  to: string;
  receivedAt?: { date: string; time: string };
  /** The official who handed over ("Người giao") and who took it ("Người nhận"), printed under their signatures. */
  givenBy?: string;
  receivedBy?: string;
  dueAt?: { date: string; time: string };
  result?: string;
  note?: string;
};

export type ControlSlipFormData = CommonFormData & {
  form: 'control_slip';
  receivedAt: { date: string; time: string };
  appointment: { date: string; time: string };
  lines: ControlSlipLine[];
  /** The return of the result; `result` is the dossier's early / on time / late against its legal due instant. */
  returned?: { date: string; time: string; channel: string; returnedBy?: string; result?: string };
  /** The result documents of the dossier (name, number, SHA-256 of the stored file when there is one). */
  results?: { name: string; documentNo?: string; sha256?: string }[];
  /**
   * The SIPAS satisfaction survey the applicant is invited to (the dossier is in the sample of an open
   * campaign and has not answered): its one-time link, printed with its QR code.
   */
  survey?: { url: string };
};

export type TrackingBookRow = {
  index: number;
  dossierCode: string;
  summary: string;
  sets: number;
  applicantName: string;
  address: string;
  phone?: string;
  receivedAt: string;
  appointment: string;
  returnedAt?: string;
  receiver: string;
  note?: string;
};

/** Sổ theo dõi hồ sơ (Mẫu 06, TT 03/2025: Mẫu 07), A4 landscape; also used for a one-dossier extract. */
export type TrackingBookFormData = {
  form: 'tracking_book';
  issuer: IssuerBlock;
  period: string;
  rows: TrackingBookRow[];
  issuedAt: { date: string; time: string };
};

export type FormData =
  | ReceiptFormData
  | SupplementRequestFormData
  | RefusalFormData
  | ApologyFormData
  | StopNoticeFormData
  | ControlSlipFormData
  | TrackingBookFormData;
