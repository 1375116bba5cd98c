import { Link, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { AppLink } from '@/components/app-link';
import { ExportLinks } from '@/components/export-links';
import { SelectField } from '@/components/fields';
import { LoadError, Loading } from '@/components/query-state';
import { Pager, useShowing } from '@/components/pager';
import { TableScroll } from '@/components/table-scroll';
import { useT } from '../i18n';
import { paths } from '@/lib/paths';
import { municipalityNames, useMunicipalities } from '../api/get-municipalities';
import { PEOPLE_PAGE_SIZE, usePeople } from '../api/get-people';

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** The contact directory: search by name, e-mail or title, filter by municipality. */
export function PeopleDirectory() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const municipality = params.get('kommune') ?? '';
  const debouncedQ = useDebounced(q, 250);
  const municipalities = useMunicipalities();
  const page = Math.max(1, Number(params.get('side')) || 1);
  const people = usePeople({ q: debouncedQ, municipality, page });
  const showing = useShowing();
  const setPage = (p: number) =>
    setParams(
      (old) => {
        const next = new URLSearchParams(old);
        if (p > 1) next.set('side', String(p));
        else next.delete('side');
        return next;
      },
      { replace: false },
    );
  const names = municipalityNames(municipalities.data);

  useEffect(() => {
    setParams(
      (old) => {
        const next = new URLSearchParams(old);
        const before = old.get('q') ?? '';
        if (debouncedQ.trim()) next.set('q', debouncedQ.trim());
        else next.delete('q');
        if ((next.get('q') ?? '') !== before) next.delete('side');
        return next;
      },
      { replace: true },
    );
  }, [debouncedQ, setParams]);

  return (
    <div className="stack">
      <form role="search" className="filter-bar" onSubmit={(e) => e.preventDefault()} aria-label={t('people.search')}>
        <Textfield
          id="people-q"
          type="search"
          label={t('people.search')}
          description={t('people.searchHint')}
          value={q}
          autoComplete="off"
          onChange={(e) => setQ(e.target.value)}
        />
        <SelectField
          id="people-municipality"
          label={t('people.municipality')}
          value={municipality}
          onChange={(v) =>
            setParams((old) => {
              const next = new URLSearchParams(old);
              if (v) next.set('kommune', v);
              else next.delete('kommune');
              next.delete('side');
              return next;
            })
          }
        >
          <option value="">{t('common.all')}</option>
          {(municipalities.data?.items ?? []).map((m) => (
            <option key={m.orgnr} value={m.orgnr}>
              {m.name}
            </option>
          ))}
        </SelectField>
      </form>
      <div className="filter-bar">
        <p className="result-count" role="status" aria-live="polite">
          {people.data
            ? people.data.total > people.data.items.length
              ? showing(page, PEOPLE_PAGE_SIZE, people.data.items.length, people.data.total)
              : t('people.count', { count: people.data.total })
            : ''}
        </p>
        <ExportLinks path="/api/people" query={{ q: debouncedQ.trim(), municipality }} />
      </div>
      {people.isPending ? (
        <Loading />
      ) : people.error ? (
        <LoadError error={people.error} onRetry={() => people.refetch()} />
      ) : people.data.items.length === 0 ? (
        <Paragraph>{t('common.empty')}</Paragraph>
      ) : (
        <TableScroll label={t('people.title')}>
          <Table zebra data-size="sm" className="data-table" aria-label={t('people.title')}>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('people.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('people.title_')}</Table.HeaderCell>
                <Table.HeaderCell>{t('people.municipality')}</Table.HeaderCell>
                <Table.HeaderCell>{t('people.email')}</Table.HeaderCell>
                <Table.HeaderCell>{t('people.phone')}</Table.HeaderCell>
                <Table.HeaderCell>{t('people.user')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {people.data.items.map((p) => (
                <Table.Row key={p.id}>
                  <Table.Cell>
                    <AppLink to={paths.contact(p.id)}>{p.name}</AppLink>
                  </Table.Cell>
                  <Table.Cell>{p.title ?? ''}</Table.Cell>
                  <Table.Cell>{p.municipality ? (names.get(p.municipality) ?? p.municipality) : ''}</Table.Cell>
                  <Table.Cell>{p.email ? <Link href={`mailto:${p.email}`}>{p.email}</Link> : ''}</Table.Cell>
                  <Table.Cell className="nowrap">{p.phone ? <Link href={`tel:${p.phone.replace(/\s/g, '')}`}>{p.phone}</Link> : ''}</Table.Cell>
                  <Table.Cell>{p.username ?? ''}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      {people.data && <Pager page={page} pageSize={PEOPLE_PAGE_SIZE} total={people.data.total} onChange={setPage} label={t('people.title')} />}
    </div>
  );
}
