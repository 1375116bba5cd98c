import { Alert, Button, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { ApiError } from '@/lib/api-client';
import { useT } from '@/lib/i18n';

export function Loading({ label }: { label?: string }) {
  const t = useT();
  return (
    <div className="loading" role="status">
      <Spinner aria-hidden data-size="sm" />
      <span>{label ?? t('app.loading')}</span>
    </div>
  );
}

export function errorMessage(error: unknown, fallback: string): string {
  if (error instanceof ApiError) return error.problem.detail || error.problem.title || fallback;
  if (error instanceof Error && error.message) return error.message;
  return fallback;
}

/** Shows why a query failed, with the server's Norwegian detail, and a retry button. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  return (
    <Alert data-color="danger" className="load-error">
      <Heading level={2} data-size="xs">
        {t('common.loadError')}
      </Heading>
      <Paragraph>{errorMessage(error, t('common.loadError'))}</Paragraph>
      {onRetry && (
        <Button variant="secondary" data-size="sm" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  );
}
