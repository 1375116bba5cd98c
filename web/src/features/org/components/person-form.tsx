import { Button, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { SelectField } from '@/components/fields';
import { FormErrorSummary, useFormErrors } from '@/components/form-errors';
import type { FieldError } from '@/lib/api-client';
import { useAuthorization } from '@/lib/authorization';
import { useT } from '../i18n';
import { useCreatePerson } from '../api/create-person';
import { useMunicipalities } from '../api/get-municipalities';
import type { Person } from '../api/get-people';
import { useUpdatePerson, type UpdatePersonInput } from '../api/update-person';

const FIELD_IDS = {
  name: 'person-name',
  title: 'person-title',
  municipality: 'person-municipality',
  email: 'person-email',
  phone: 'person-phone',
};

type Values = { name: string; title: string; municipality: string; email: string; phone: string };
const FIELDS = ['title', 'municipality', 'email', 'phone'] as const;

type Props = { person?: Person; onDone: (p: Person) => void; onCancel: () => void };

/** Create a contact, or edit one (only changed fields are sent, as a merge patch). */
export function PersonForm({ person, onDone, onCancel }: Props) {
  const t = useT();
  const { can } = useAuthorization();
  const municipalities = useMunicipalities();
  // Municipalities the caller may register people in (all, or their own); people outside any
  // municipality (central staff) need org.people.write_central.
  const allowed = (municipalities.data?.items ?? []).filter((m) => can('org.people.write', { municipality: m.orgnr }));
  const mayWriteCentral = can('org.people.write_central');
  const create = useCreatePerson();
  const update = useUpdatePerson();
  const form = useFormErrors(FIELD_IDS);
  const [v, setV] = useState<Values>({
    name: person?.name ?? '',
    title: person?.title ?? '',
    municipality: person?.municipality ?? '',
    email: person?.email ?? '',
    phone: person?.phone ?? '',
  });
  const set = (key: keyof Values, value: string) => setV((old) => ({ ...old, [key]: value }));

  function submit(e: FormEvent) {
    e.preventDefault();
    const found: FieldError[] = [];
    if (!v.name.trim()) found.push({ field: 'name', message: t('common.required', { field: t('people.name').toLowerCase() }) });
    if (!mayWriteCentral && !v.municipality) found.push({ field: 'municipality', message: t('roles.missingMunicipality') });
    if (v.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email.trim())) found.push({ field: 'email', message: t('people.emailInvalid') });
    if (!form.validate(found)) return;
    const options = { onSuccess: onDone, onError: (err: unknown) => form.setServerError(err) };
    const clean = (s: string) => (s.trim() === '' ? null : s.trim());
    if (!person) {
      create.mutate(
        { name: v.name.trim(), title: clean(v.title), municipality: clean(v.municipality), email: clean(v.email), phone: clean(v.phone) },
        options,
      );
      return;
    }
    const patch: UpdatePersonInput = {};
    if (v.name.trim() !== person.name) patch.name = v.name.trim();
    for (const f of FIELDS) if (clean(v[f]) !== (person[f] ?? null)) patch[f] = clean(v[f]);
    if (Object.keys(patch).length === 0) {
      onDone(person);
      return;
    }
    update.mutate({ id: person.id, patch }, options);
  }

  return (
    <form onSubmit={submit} noValidate className="stack form-narrow">
      <FormErrorSummary form={form} labels={{ name: t('people.name'), title: t('people.title_'), municipality: t('people.municipality'), email: t('people.email'), phone: t('people.phone') }} />
      <Textfield id={FIELD_IDS.name} label={t('people.name')} autoComplete="off" value={v.name} onChange={(e) => set('name', e.target.value)} error={form.error('name')} />
      <Textfield id={FIELD_IDS.title} label={`${t('people.title_')} ${t('common.optional')}`} autoComplete="off" value={v.title} onChange={(e) => set('title', e.target.value)} error={form.error('title')} />
      <SelectField id={FIELD_IDS.municipality} label={mayWriteCentral ? `${t('people.municipality')} ${t('common.optional')}` : t('people.municipality')} value={v.municipality} onChange={(x) => set('municipality', x)} error={form.error('municipality')}>
        {mayWriteCentral ? <option value="">{t('people.noMunicipality')}</option> : <option value="">{t('roles.municipalityPlaceholder')}</option>}
        {allowed.map((m) => (
          <option key={m.orgnr} value={m.orgnr}>
            {m.name}
          </option>
        ))}
      </SelectField>
      <Textfield id={FIELD_IDS.email} type="email" label={`${t('people.email')} ${t('common.optional')}`} autoComplete="off" value={v.email} onChange={(e) => set('email', e.target.value)} error={form.error('email')} />
      <Textfield id={FIELD_IDS.phone} type="tel" label={`${t('people.phone')} ${t('common.optional')}`} autoComplete="off" value={v.phone} onChange={(e) => set('phone', e.target.value)} error={form.error('phone')} />
      <div className="button-row">
        <Button type="submit" loading={create.isPending || update.isPending}>
          {person ? t('common.save') : t('common.create')}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
