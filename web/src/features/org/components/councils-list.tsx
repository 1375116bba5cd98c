import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { AppLink } from '@/components/app-link';
import { LoadError, Loading } from '@/components/query-state';
import { TableScroll } from '@/components/table-scroll';
import { roleLabel, useLang } from '@/lib/i18n';
import { useT } from '../i18n';
import { paths } from '@/lib/paths';
import { useCouncils } from '../api/get-councils';
import { municipalityNames, useMunicipalities } from '../api/get-municipalities';

/** The cooperation council and the procurement council, with their members. */
export function CouncilsList() {
  const t = useT();
  const lang = useLang();
  const councils = useCouncils();
  const municipalities = useMunicipalities();
  if (councils.isPending) return <Loading />;
  if (councils.error) return <LoadError error={councils.error} onRetry={() => councils.refetch()} />;
  const names = municipalityNames(municipalities.data);

  return (
    <div className="stack-lg">
      {councils.data.items.map((c) => {
        const title = lang === 'en' ? c.name_en || c.name_nb : c.name_nb;
        const headingId = `council-${c.code}`;
        return (
          <section key={c.code} aria-labelledby={headingId} className="stack">
            <div className="section-header">
              <Heading level={2} data-size="sm" id={headingId}>
                {title}
              </Heading>
              <span className="muted">{t('council.memberCount', { count: c.members.length })}</span>
            </div>
            {c.members.length === 0 ? (
              <Paragraph>{t('council.noMembers')}</Paragraph>
            ) : (
              <TableScroll label={title}>
                <Table zebra data-size="sm" className="data-table" aria-labelledby={headingId}>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell>{t('council.member')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('council.municipality')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('council.role')}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {c.members.map((m) => (
                      <Table.Row key={`${m.person_id}-${m.role}-${m.municipality ?? ''}`}>
                        <Table.Cell>
                          <AppLink to={paths.contact(m.person_id)}>{m.name}</AppLink>
                        </Table.Cell>
                        <Table.Cell>{m.municipality ? (names.get(m.municipality) ?? m.municipality) : '–'}</Table.Cell>
                        <Table.Cell>{roleLabel(t, m.role)}</Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </TableScroll>
            )}
          </section>
        );
      })}
    </div>
  );
}
