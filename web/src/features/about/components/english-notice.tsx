import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { useLang } from '@/lib/i18n';

/** Told in English that the statement below is in Norwegian. */
export function NorwegianOnlyNotice() {
  const lang = useLang();
  if (lang !== 'en') return null;
  return (
    <Alert data-color="info" lang="en">
      <Paragraph>This statement is published in Norwegian (bokmål), as required for Norwegian public-sector services.</Paragraph>
    </Alert>
  );
}
