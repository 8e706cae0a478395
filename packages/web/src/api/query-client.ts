import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './client';

/**
 * One query client for the app. A 401 from any request means the session ended: the official's
 * `me` query is reset so the console's guard sends the official to the sign-in page — or, for the
 * portal's citizen queries and mutations (keys starting with 'citizen'), the citizen's. Client
 * errors (4xx) are not retried; they will not get better by asking again.
 */
const isCitizenKey = (key: readonly unknown[] | undefined): boolean => key?.[0] === 'citizen';

const onError = (error: unknown, citizen: boolean) => {
  if (isApiError(error) && error.status === 401) {
    queryClient.setQueryData(citizen ? ['citizen', 'me'] : ['me'], null);
  }
};

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (error, query) => onError(error, isCitizenKey(query.queryKey)) }),
  mutationCache: new MutationCache({
    onError: (error, _variables, _context, mutation) => onError(error, isCitizenKey(mutation.options.mutationKey)),
  }),
  defaultOptions: {
    queries: {
      refetchOnWindowFocus: false,
      staleTime: 15_000,
      retry: (count, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
    },
  },
});
