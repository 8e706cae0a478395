import { api, buildUrl } from '../../api/client';
import type { RequestBodyOf, ResponseOf, Schema } from '../../api/contract';

/** Every request of the SIPAS feature: the console's campaigns and the portal's answer page. */

export type SipasCampaign = Schema<'SipasCampaign'>;
export type SipasCampaignDetail = Schema<'SipasCampaignDetail'>;
export type SipasInvitationView = Schema<'SipasInvitationView'>;
export type SipasQuestionnaireDefinition = Schema<'SipasQuestionnaireDefinition'>;
export type SipasQuestionnaire = Schema<'SipasQuestionnaire'>;
export type SipasQuestionnaireList = ResponseOf<'/api/v1/sipas/questionnaires', 'get'>;
export type NewSipasQuestionnaire = RequestBodyOf<'/api/v1/sipas/questionnaires', 'post'>;
export type SipasCampaignList = ResponseOf<'/api/v1/sipas/campaigns', 'get'>;
export type NewSipasCampaign = RequestBodyOf<'/api/v1/sipas/campaigns', 'post'>;
export type SipasAction = RequestBodyOf<'/api/v1/sipas/campaigns/{id}/actions', 'post'>['action'];
export type SipasAnswers = RequestBodyOf<'/api/v1/public/sipas/invitations/{token}/answers', 'post'>['answers'];

export const fetchSipasQuestionnaires = (provinceCode: string, signal?: AbortSignal) =>
  api.get<SipasQuestionnaireList>('/api/v1/sipas/questionnaires', { provinceCode }, signal);

export const saveSipasQuestionnaire = (body: NewSipasQuestionnaire) =>
  api.post<SipasQuestionnaire>('/api/v1/sipas/questionnaires', body);

export const fetchSipasCampaigns = (provinceCode: string, signal?: AbortSignal) =>
  api.get<SipasCampaignList>('/api/v1/sipas/campaigns', { provinceCode, limit: 50 }, signal);

export const fetchSipasCampaign = (id: string, signal?: AbortSignal) =>
  api.get<SipasCampaignDetail>(`/api/v1/sipas/campaigns/${encodeURIComponent(id)}`, undefined, signal);

export const createSipasCampaign = (body: NewSipasCampaign) => api.post<SipasCampaign>('/api/v1/sipas/campaigns', body);

export const actOnSipasCampaign = (id: string, body: { action: SipasAction; expectedVersion: number; seed?: string }) =>
  api.post<SipasCampaign>(`/api/v1/sipas/campaigns/${encodeURIComponent(id)}/actions`, body);

export const sipasWorkbookUrl = (id: string) =>
  buildUrl(`/api/v1/sipas/campaigns/${encodeURIComponent(id)}/report.xlsx`);

export const sipasReportPdfUrl = (id: string) =>
  buildUrl(`/api/v1/sipas/campaigns/${encodeURIComponent(id)}/report.pdf`);

export const fetchSipasInvitation = (token: string, signal?: AbortSignal) =>
  api.get<SipasInvitationView>(`/api/v1/public/sipas/invitations/${encodeURIComponent(token)}`, undefined, signal);

export type SipasRespondentContact = RequestBodyOf<
  '/api/v1/public/sipas/invitations/{token}/answers',
  'post'
>['contact'];

export const answerSipasInvitation = (token: string, answers: SipasAnswers, contact?: SipasRespondentContact) =>
  api.post<{ received: true }>(`/api/v1/public/sipas/invitations/${encodeURIComponent(token)}/answers`, {
    answers,
    ...(contact ? { contact } : {}),
  });

export type SipasConsentedResponses = Schema<'SipasConsentedResponses'>;

/** The answers given with consent to be identified, a page at a time (keyset on the response id). */
export const fetchSipasConsentedResponses = (id: string, cursor: string | undefined, signal?: AbortSignal) =>
  api.get<SipasConsentedResponses>(
    `/api/v1/sipas/campaigns/${encodeURIComponent(id)}/consented-responses`,
    { cursor, limit: 20 },
    signal,
  );

export type SipasSurveyEntryForm = Schema<'SipasSurveyEntryForm'>;
export type SipasSurveyCampaigns = ResponseOf<'/api/v1/sipas/survey/campaigns', 'get'>;
export type SipasSurveyorAnswer = RequestBodyOf<'/api/v1/sipas/campaigns/{id}/responses', 'post'>;

/** A surveyor's view: the campaigns taking answers (no figures). */
export const fetchSipasSurveyCampaigns = (provinceCode: string, signal?: AbortSignal) =>
  api.get<SipasSurveyCampaigns>('/api/v1/sipas/survey/campaigns', { provinceCode }, signal);

export const fetchSipasSurveyEntryForm = (id: string, signal?: AbortSignal) =>
  api.get<SipasSurveyEntryForm>(`/api/v1/sipas/survey/campaigns/${encodeURIComponent(id)}`, undefined, signal);

/** An answer collected on paper or by phone, entered by the surveyor (marked with its channel). */
export const enterSipasAnswer = (id: string, body: SipasSurveyorAnswer) =>
  api.post<ResponseOf<'/api/v1/sipas/campaigns/{id}/responses', 'post'>>(
    `/api/v1/sipas/campaigns/${encodeURIComponent(id)}/responses`,
    body,
  );
