import { Alert, Button, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useErrorText } from '@/lib/error-texts';
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

/** Shows why a query failed (the server's detail, in English by its code), and a retry button. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  return (
    <Alert data-color="danger" className="load-error">
      <Heading level={2} data-size="xs">
        {t('common.loadError')}
      </Heading>
      <Paragraph>{errorText.message(error, t('common.loadError'))}</Paragraph>
      {onRetry && (
        <Button variant="secondary" data-size="sm" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  );
}
