import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { RequestBodyOf, ResponseOf, Schema } from '../../api/contract';

/** Every request of the signing certificates page (chứng thư số): the list, issue, import, image, revoke. */

export type SigningCredential = Schema<'SigningCredential'>;
export type CredentialOwner = RequestBodyOf<'/api/v1/signing/credentials/test-certificate', 'post'>;
export type CredentialImport = RequestBodyOf<'/api/v1/signing/credentials/import', 'post'>;
export type OfficialOption = { id: string; fullName: string };

/** The largest signature image the server takes (usecases/signing/credentials.ts). */
export const SIGNATURE_IMAGE_MAX_BYTES = 512 * 1024;

const KEY = ['signing-credentials'] as const;

/** The agency's and its officials' certificates, newest first, keyset-paginated. */
export const useCredentials = (agencyId: string | undefined) =>
  useInfiniteQuery({
    queryKey: [...KEY, agencyId],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.get<ResponseOf<'/api/v1/signing/credentials', 'get'>>(
        '/api/v1/signing/credentials',
        { agencyId: agencyId ?? '', cursor: pageParam, limit: 20 },
        signal,
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: !!agencyId,
  });

/**
 * The officials a certificate may be issued to: the agency administrator reads the agency's officials
 * (user.read), an agency head the people of its documents (document.read).
 */
export const useAgencyOfficials = (agencyId: string | undefined, asAdministrator: boolean) =>
  useQuery({
    queryKey: [...KEY, 'officials', agencyId, asAdministrator],
    queryFn: async ({ signal }): Promise<OfficialOption[]> => {
      if (asAdministrator) {
        const page = await api.get<ResponseOf<'/api/v1/users', 'get'>>(
          '/api/v1/users',
          { agency: agencyId ?? '', pageSize: 100 },
          signal,
        );
        return page.items.filter((user) => user.status === 'active').map(({ id, fullName }) => ({ id, fullName }));
      }
      const people = await api.get<ResponseOf<'/api/v1/outgoing-documents/people', 'get'>>(
        '/api/v1/outgoing-documents/people',
        { agencyId: agencyId ?? '' },
        signal,
      );
      const seen = new Map<string, OfficialOption>();
      for (const person of people.items) {
        if (person.agencyId === agencyId && !seen.has(person.userId)) {
          seen.set(person.userId, { id: person.userId, fullName: person.fullName });
        }
      }
      return [...seen.values()];
    },
    enabled: !!agencyId,
  });

const useRefresh = () => {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: KEY });
};

export const useIssueTestCredential = () => {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (owner: CredentialOwner) =>
      api.post<SigningCredential>('/api/v1/signing/credentials/test-certificate', owner),
    onSuccess: refresh,
  });
};

export const useImportCredential = () => {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: CredentialImport) => api.post<SigningCredential>('/api/v1/signing/credentials/import', body),
    onSuccess: refresh,
  });
};

export const useSetSignatureImage = () => {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; pngBase64: string; expectedVersion: number }) =>
      api.put<SigningCredential>(`/api/v1/signing/credentials/${encodeURIComponent(id)}/image`, body),
    onSettled: refresh,
  });
};

export const useRevokeCredential = () => {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, expectedVersion }: { id: string; expectedVersion: number }) =>
      api.post<SigningCredential>(`/api/v1/signing/credentials/${encodeURIComponent(id)}/revoke`, { expectedVersion }),
    onSettled: refresh,
  });
};

/** A file's bytes as base64 (what the JSON bodies of import and image carry). */
export const fileToBase64 = async (file: Blob): Promise<string> => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let index = 0; index < bytes.length; index += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  }
  return btoa(binary);
};

/** Whether the bytes start with the PNG signature. */
export const isPng = async (file: Blob): Promise<boolean> => {
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  return [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((byte, index) => head[index] === byte);
};
