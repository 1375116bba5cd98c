import { Button, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { SelectField } from '@/components/fields';
import { FormErrorSummary, useFormErrors } from '@/components/form-errors';
import type { FieldError } from '@/lib/api-client';
import { isPasswordTooShort } from '@/lib/password';
import { useT } from '../i18n';
import { useCreateUser } from '../api/create-user';

const FIELD_IDS = { username: 'user-username', person_id: 'user-person', password: 'user-password' };

/** A person who can get an account; supplied by the page (people belong to the org feature). */
export type PersonOption = { id: number; name: string; hasUser: boolean };

export function CreateUserForm({ people, onDone, onCancel }: { people: PersonOption[]; onDone: (username: string) => void; onCancel: () => void }) {
  const t = useT();
  const create = useCreateUser();
  const form = useFormErrors(FIELD_IDS);
  const [username, setUsername] = useState('');
  const [personId, setPersonId] = useState('');
  const [password, setPassword] = useState('');

  function submit(e: FormEvent) {
    e.preventDefault();
    const found: FieldError[] = [];
    if (!/^[a-z0-9][a-z0-9._-]{1,63}$/.test(username.trim())) found.push({ field: 'username', message: t('users.usernameHint') });
    if (!personId) found.push({ field: 'person_id', message: t('users.missingPerson') });
    if (isPasswordTooShort(password)) found.push({ field: 'password', message: t('common.passwordTooShort') });
    if (!form.validate(found)) return;
    create.mutate(
      { username: username.trim(), person_id: Number(personId), password },
      { onSuccess: () => onDone(username.trim()), onError: (err) => form.setServerError(err) },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="stack form-narrow">
      <FormErrorSummary form={form} labels={{ username: t('users.username'), person_id: t('users.person'), password: t('users.password') }} />
      <SelectField id={FIELD_IDS.person_id} label={t('users.person')} description={t('users.personHint')} value={personId} onChange={setPersonId} error={form.error('person_id')}>
        <option value="">{t('users.personPlaceholder')}</option>
        {people
          .filter((p) => !p.hasUser)
          .map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
      </SelectField>
      <Textfield
        id={FIELD_IDS.username}
        label={t('users.username')}
        description={t('users.usernameHint')}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        value={username}
        onChange={(e) => setUsername(e.target.value)}
        error={form.error('username')}
      />
      <Textfield
        id={FIELD_IDS.password}
        type="password"
        autoComplete="new-password"
        label={t('users.password')}
        description={t('users.passwordHint')}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={form.error('password')}
      />
      <div className="button-row">
        <Button type="submit" loading={create.isPending}>
          {t('common.create')}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
