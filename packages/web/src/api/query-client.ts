import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './client';

/**
 * One query client for the app. A 401 from any request means the session ended: the `me` query is
 * reset so the console's guard sends the official to the sign-in page. Client errors (4xx) are
 * not retried; they will not get better by asking again.
 */
const onError = (error: unknown) => {
  if (isApiError(error) && error.status === 401) {
    queryClient.setQueryData(['me'], null);
  }
};

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      refetchOnWindowFocus: false,
      staleTime: 15_000,
      retry: (count, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
    },
  },
});
