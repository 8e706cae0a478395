import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { AdministrativeUnit, Page } from '../../api/types';

/**
 * The requests of the form renderer: the 2025 administrative units (34 provinces, 3,321 communes) for the
 * address fields, read from the reference API. A province has at most a few hundred communes, so they are
 * read whole and searched in the browser without diacritics; the lists are cached for the visit.
 */

const UNITS_PAGE_SIZE = 100;

const fetchUnits = (query: Record<string, string | number>, signal?: AbortSignal) =>
  api.get<Page<AdministrativeUnit>>('/api/v1/administrative-units', query, signal);

/** Every page of a list (a province's communes take two or three pages of 100). */
const fetchAllUnits = async (query: Record<string, string>, signal?: AbortSignal): Promise<AdministrativeUnit[]> => {
  const first = await fetchUnits({ ...query, pageSize: UNITS_PAGE_SIZE, page: 1 }, signal);
  const pages = Math.ceil(first.total / UNITS_PAGE_SIZE);
  const rest = await Promise.all(
    Array.from({ length: Math.max(0, pages - 1) }, (_, i) =>
      fetchUnits({ ...query, pageSize: UNITS_PAGE_SIZE, page: i + 2 }, signal),
    ),
  );
  return [first, ...rest].flatMap((page) => page.items);
};

const STALE_FOR_A_VISIT = 60 * 60 * 1000;

export const useProvinces = () =>
  useQuery({
    queryKey: ['eforms', 'provinces'],
    queryFn: ({ signal }) => fetchAllUnits({ level: 'province' }, signal),
    staleTime: STALE_FOR_A_VISIT,
  });

export const useCommunes = (provinceCode: string | undefined) =>
  useQuery({
    queryKey: ['eforms', 'communes', provinceCode],
    queryFn: ({ signal }) => fetchAllUnits({ level: 'commune', parent: provinceCode ?? '' }, signal),
    enabled: Boolean(provinceCode),
    staleTime: STALE_FOR_A_VISIT,
  });

/** The commune of a stored code (its province is not in the value): the search finds units by code too. */
export const useCommune = (communeCode: string | undefined) =>
  useQuery({
    queryKey: ['eforms', 'commune', communeCode],
    queryFn: async ({ signal }) => {
      const page = await fetchUnits({ level: 'commune', q: communeCode ?? '', pageSize: 5 }, signal);
      return page.items.find((unit) => unit.code === communeCode) ?? null;
    },
    enabled: Boolean(communeCode),
    staleTime: STALE_FOR_A_VISIT,
  });
