import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { setUnauthorizedHandler } from '@/lib/api-client';
import { sessionQueryKey, setSignOutReason } from '@/lib/auth';
import { ErrorTextsProvider } from '@/lib/error-texts';
import { createQueryClient } from '@/lib/react-query';
import { allErrors } from './i18n';

/**
 * Query cache, the English error texts of every feature, and the one place that reacts to an
 * expired session (401 from any request).
 */
export function AppProvider({ children, queryClient }: { children: ReactNode; queryClient?: QueryClient }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  useEffect(() => {
    setUnauthorizedHandler(() => {
      if (client.getQueryData(sessionQueryKey)) setSignOutReason('expired');
      // The route guard sees no session and sends the user to the login page.
      client.setQueryData(sessionQueryKey, null);
    });
    return () => setUnauthorizedHandler(null);
  }, [client]);
  return (
    <QueryClientProvider client={client}>
      <ErrorTextsProvider texts={allErrors}>{children}</ErrorTextsProvider>
    </QueryClientProvider>
  );
}
