import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { SelectField } from '@/components/fields';
import { FormErrorSummary, useFormErrors } from '@/components/form-errors';
import { LoadError, Loading } from '@/components/query-state';
import { InlineMessage } from '@/components/status-message';
import { useLang } from '@/lib/i18n';
import { useT } from '../i18n';
import { EMAIL_MODES, useNotificationSettings, useUpdateSettings, type EmailMode } from '../api/settings';

const fieldId = (index: number) => `notification-email-${index}`;

/** Per kind of notification: e-mail off, at once, or in the daily digest. */
export function NotificationSettings() {
  const t = useT();
  const lang = useLang();
  const settings = useNotificationSettings();
  const update = useUpdateSettings();
  const [draft, setDraft] = useState<Record<string, EmailMode>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const items = settings.data?.items ?? [];
  const ids = Object.fromEntries(items.map((_, i) => [`settings[${i}].email`, fieldId(i)]));
  const form = useFormErrors(ids);

  function save(e: FormEvent) {
    e.preventDefault();
    setSaved(null);
    const body = { settings: items.map((s) => ({ kind: s.kind, email: draft[s.kind] ?? s.email })) };
    update.mutate(body, {
      onSuccess: () => {
        form.reset();
        setDraft({});
        setSaved(t('notifications.saved'));
      },
      onError: (err) => {
        form.setServerError(err);
      },
    });
  }

  return (
    <section aria-labelledby="notification-settings-heading" className="stack">
      <Heading level={2} data-size="sm" id="notification-settings-heading">
        {t('notifications.settingsTitle')}
      </Heading>
      <Paragraph>{t('notifications.settingsIntro')}</Paragraph>
      {settings.isPending ? (
        <Loading />
      ) : settings.error ? (
        <LoadError error={settings.error} onRetry={() => settings.refetch()} />
      ) : (
        <form onSubmit={save} noValidate className="stack">
          <FormErrorSummary form={form} />
          {items.map((s, i) => {
            const kind = lang === 'en' ? s.label_en : s.label_nb;
            return (
              <SelectField
                key={s.kind}
                id={fieldId(i)}
                label={t('notifications.emailFor', { kind })}
                value={draft[s.kind] ?? s.email}
                onChange={(v) => setDraft({ ...draft, [s.kind]: v as EmailMode })}
                error={form.error(`settings[${i}].email`)}
                width="auto"
              >
                {EMAIL_MODES.map((m) => (
                  <option key={m} value={m}>
                    {t(`notifications.email.${m}`)}
                    {m === s.default_email ? ` ${t('notifications.default')}` : ''}
                  </option>
                ))}
              </SelectField>
            );
          })}
          <div className="button-row">
            <Button type="submit" loading={update.isPending}>
              {t('notifications.save')}
            </Button>
          </div>
          <InlineMessage message={saved} />
        </form>
      )}
    </section>
  );
}
