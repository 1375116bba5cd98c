import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { FormErrorSummary, useFormErrors } from '@/components/form-errors';
import { ApiError } from '@/lib/api-client';
import { useLogin, type Session } from '@/lib/auth';
import { useErrorText } from '@/lib/error-texts';
import { formatTime } from '@/lib/format';
import { useT, type Translate } from '../i18n';

const FIELD_IDS = { username: 'login-username', password: 'login-password' };

/** "You can try again at 14:05 (in 5 min)" from the Retry-After of a 429. */
export function retryText(t: Translate, retryAt: Date | null, now: Date = new Date()): string | null {
  if (!retryAt) return null;
  const seconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
  if (seconds < 90) return t('login.retryIn', { seconds });
  return t('login.retryAt', { time: formatTime(retryAt), minutes: Math.ceil(seconds / 60) });
}

export function LoginForm({ onSuccess }: { onSuccess: (session: Session) => void }) {
  const t = useT();
  const errorText = useErrorText();
  const login = useLogin();
  const form = useFormErrors(FIELD_IDS);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');

  const refused =
    login.error instanceof ApiError && (login.error.status === 401 || login.error.status === 429) ? login.error : null;

  function submit(e: FormEvent) {
    e.preventDefault();
    const missing = [];
    if (!username.trim()) missing.push({ field: 'username', message: t('common.required', { field: t('login.username').toLowerCase() }) });
    if (!password) missing.push({ field: 'password', message: t('common.required', { field: t('login.password').toLowerCase() }) });
    login.reset();
    if (!form.validate(missing)) return;
    login.mutate(
      { username: username.trim(), password },
      {
        onSuccess,
        onError: (err) => {
          setPassword('');
          if (!(err instanceof ApiError && (err.status === 401 || err.status === 429))) form.setServerError(err);
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="stack" aria-describedby="login-intro">
      <Paragraph id="login-intro">{t('login.intro')}</Paragraph>
      {refused && (
        <Alert data-color={refused.status === 429 ? 'warning' : 'danger'} role="alert">
          <Heading level={2} data-size="xs">
            {t('login.failed')}
          </Heading>
          <Paragraph>{errorText.message(refused)}</Paragraph>
          {refused.status === 429 && <Paragraph>{retryText(t, refused.retryAt)}</Paragraph>}
        </Alert>
      )}
      <FormErrorSummary form={form} />
      <Textfield
        id={FIELD_IDS.username}
        name="username"
        label={t('login.username')}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        value={username}
        onChange={(e) => setUsername(e.target.value)}
        error={form.error('username')}
      />
      <Textfield
        id={FIELD_IDS.password}
        name="password"
        type="password"
        label={t('login.password')}
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={form.error('password')}
      />
      <div>
        <Button type="submit" loading={login.isPending} aria-disabled={login.isPending || undefined}>
          {login.isPending ? t('login.submitting') : t('login.submit')}
        </Button>
      </div>
    </form>
  );
}
