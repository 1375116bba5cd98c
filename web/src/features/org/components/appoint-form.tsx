import { Alert, Button, Fieldset, Paragraph, Radio } from '@digdir/designsystemet-react';
import { useMemo, useState, type FormEvent } from 'react';
import { DateField } from '@/components/date-field';
import { SelectField } from '@/components/fields';
import { FormErrorSummary, useFormErrors } from '@/components/form-errors';
import { Loading } from '@/components/query-state';
import type { FieldError } from '@/lib/api-client';
import { useAuthorization, type PermissionName } from '@/lib/authorization';
import { addDays, formatDate, todayIso } from '@/lib/format';
import { roleLabel, useLang } from '@/lib/i18n';
import { useT } from '../i18n';
import { useCreateRole } from '../api/create-role';
import { useMunicipalities } from '../api/get-municipalities';
import { PEOPLE_PICKER_SIZE, usePeople } from '../api/get-people';
import { productAreaName, useProductAreas } from '../api/get-product-areas';

/**
 * The roles this form appoints, and the permission that lets the caller appoint each (its scope
 * says in which municipalities). Central roles (director, staff, …) are appointed elsewhere.
 */
const APPOINTABLE = {
  officer: 'org.roles.appoint_officer',
  product_manager: 'org.roles.appoint_local',
  employee: 'org.roles.appoint_local',
} as const satisfies Record<string, PermissionName>;

export type AppointableRole = keyof typeof APPOINTABLE;
export const APPOINTABLE_ROLES = Object.keys(APPOINTABLE) as AppointableRole[];

const FIELD_IDS = {
  role: 'appoint-role-officer',
  municipality: 'appoint-municipality',
  product_area: 'appoint-product-area',
  person_id: 'appoint-person',
  valid_from: 'appoint-valid-from',
  valid_to: 'appoint-valid-to',
};

type Props = {
  initialRole?: AppointableRole;
  initialMunicipality?: string;
  onDone: (message: string) => void;
  onCancel: () => void;
};

/** Appoints a procurement officer, a product manager (municipality × product area) or an employee. */
export function AppointForm({ initialRole, initialMunicipality, onDone, onCancel }: Props) {
  const t = useT();
  const lang = useLang();
  const { can } = useAuthorization();
  const municipalities = useMunicipalities();
  const areas = useProductAreas();
  const people = usePeople({ page_size: PEOPLE_PICKER_SIZE });
  const create = useCreateRole();
  const form = useFormErrors(FIELD_IDS);

  const allowedRoles = APPOINTABLE_ROLES.filter((r) => can(APPOINTABLE[r]));
  const [role, setRole] = useState<AppointableRole>(
    initialRole && allowedRoles.includes(initialRole) ? initialRole : (allowedRoles[0] ?? 'officer'),
  );
  const [municipality, setMunicipality] = useState(initialMunicipality ?? '');
  const [productArea, setProductArea] = useState('');
  const [personId, setPersonId] = useState('');
  const [validFrom, setValidFrom] = useState<string | null>(todayIso());
  const [validTo, setValidTo] = useState<string | null>('');

  const allowedMunicipalities = (municipalities.data?.items ?? []).filter((m) => can(APPOINTABLE[role], { municipality: m.orgnr }));
  const selectedMunicipality = allowedMunicipalities.find((m) => m.orgnr === municipality);

  // People from the chosen municipality first, then everyone else.
  const [local, others] = useMemo(() => {
    const all = people.data?.items ?? [];
    if (!municipality) return [[], all];
    return [all.filter((p) => p.municipality === municipality), all.filter((p) => p.municipality !== municipality)];
  }, [people.data, municipality]);

  if (municipalities.isPending || people.isPending || areas.isPending) return <Loading />;

  function submit(e: FormEvent) {
    e.preventDefault();
    const found: FieldError[] = [];
    if (!selectedMunicipality) found.push({ field: 'municipality', message: t('roles.missingMunicipality') });
    if (role === 'product_manager' && !productArea) found.push({ field: 'product_area', message: t('roles.missingProductArea') });
    if (!personId) found.push({ field: 'person_id', message: t('roles.missingPerson') });
    if (!validFrom) found.push({ field: 'valid_from', message: t('common.invalidDate') });
    if (validTo === null) found.push({ field: 'valid_to', message: t('common.invalidDate') });
    if (!form.validate(found)) return;
    const person = people.data?.items.find((p) => String(p.id) === personId);
    create.mutate(
      {
        person_id: Number(personId),
        role,
        municipality,
        product_area: role === 'product_manager' ? productArea : null,
        valid_from: validFrom as string,
        valid_to: validTo || null,
      },
      {
        onSuccess: () =>
          onDone(
            t('roles.appointed', {
              person: person?.name ?? '',
              role:
                role === 'product_manager'
                  ? `${roleLabel(t, role).toLowerCase()} (${productAreaName(areas.data?.items.find((a) => a.code === productArea), lang, productArea)}, ${selectedMunicipality?.name ?? ''})`
                  : `${roleLabel(t, role).toLowerCase()} (${selectedMunicipality?.name ?? ''})`,
              date: formatDate(validFrom),
            }),
          ),
        onError: (err) => form.setServerError(err),
      },
    );
  }

  const replacing = role === 'officer' && selectedMunicipality?.officer && validFrom ? selectedMunicipality.officer : null;

  return (
    <form onSubmit={submit} noValidate className="stack form-narrow">
      <FormErrorSummary form={form} labels={{ role: t('roles.role'), municipality: t('roles.municipality'), product_area: t('roles.productArea'), person_id: t('roles.person'), valid_from: t('roles.validFrom'), valid_to: t('roles.validTo') }} />
      {allowedRoles.length > 1 && (
        <Fieldset>
          <Fieldset.Legend>{t('roles.role')}</Fieldset.Legend>
          {allowedRoles.map((r) => (
            <Radio
              key={r}
              id={r === 'officer' ? FIELD_IDS.role : `appoint-role-${r}`}
              name="role"
              value={r}
              label={roleLabel(t, r)}
              checked={role === r}
              onChange={() => setRole(r)}
            />
          ))}
        </Fieldset>
      )}
      <SelectField
        id={FIELD_IDS.municipality}
        label={t('roles.municipality')}
        value={municipality}
        onChange={setMunicipality}
        error={form.error('municipality')}
      >
        <option value="">{t('roles.municipalityPlaceholder')}</option>
        {allowedMunicipalities.map((m) => (
          <option key={m.orgnr} value={m.orgnr}>
            {m.name}
          </option>
        ))}
      </SelectField>
      {role === 'product_manager' && (
        <SelectField
          id={FIELD_IDS.product_area}
          label={t('roles.productArea')}
          value={productArea}
          onChange={setProductArea}
          error={form.error('product_area')}
        >
          <option value="">{t('roles.productAreaPlaceholder')}</option>
          {(areas.data?.items ?? []).map((a) => (
            <option key={a.code} value={a.code}>
              {productAreaName(a, lang)}
            </option>
          ))}
        </SelectField>
      )}
      <SelectField id={FIELD_IDS.person_id} label={t('roles.person')} value={personId} onChange={setPersonId} error={form.error('person_id')}>
        <option value="">{t('roles.personPlaceholder')}</option>
        {local.length > 0 && (
          <optgroup label={t('roles.fromMunicipality', { name: selectedMunicipality?.name ?? '' })}>
            {local.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title ? `${p.name} – ${p.title}` : p.name}
              </option>
            ))}
          </optgroup>
        )}
        {local.length > 0 ? (
          <optgroup label={t('roles.otherPeople')}>
            {others.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title ? `${p.name} – ${p.title}` : p.name}
              </option>
            ))}
          </optgroup>
        ) : (
          others.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title ? `${p.name} – ${p.title}` : p.name}
            </option>
          ))
        )}
      </SelectField>
      <DateField id={FIELD_IDS.valid_from} label={t('roles.validFrom')} value={validFrom} onChange={setValidFrom} error={form.error('valid_from')} />
      <DateField
        id={FIELD_IDS.valid_to}
        label={`${t('roles.validTo')} ${t('common.optional')}`}
        description={t('roles.validToHint')}
        value={validTo}
        onChange={setValidTo}
        error={form.error('valid_to')}
      />
      {replacing && (
        <Alert data-color="info">
          <Paragraph>
            {t('roles.appointIntro')} ({replacing.name}: {formatDate(replacing.valid_from)}–{formatDate(addDays(validFrom as string, -1))})
          </Paragraph>
        </Alert>
      )}
      <div className="button-row">
        <Button type="submit" loading={create.isPending}>
          {role === 'officer' ? t('roles.appointOfficer') : role === 'product_manager' ? t('roles.appointProductManager') : t('roles.appointEmployee')}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
