import { Heading, Link, List, Paragraph, Table } from '@digdir/designsystemet-react';
import { TableScroll } from '@/components/table-scroll';
import { NorwegianOnlyNotice } from './english-notice';

/** Personvernerklæring: what personal data Samkjøp stores, why, on what basis, for how long. */
export function PrivacyNotice() {
  return (
    <div className="stack-lg prose">
      <NorwegianOnlyNotice />
      <div lang="nb" className="stack-lg">
        <Paragraph>
          Samkjøp brukes av kommunene i Regionalt innkjøpssamarbeid i Kongsvingerregionen (RIIK) til å styre felles innkjøp.
          Denne erklæringen forklarer hvilke personopplysninger systemet lagrer, hvorfor, og hvilke rettigheter du har.
        </Paragraph>

        <section aria-labelledby="privacy-controller" className="stack">
          <Heading level={2} data-size="sm" id="privacy-controller">
            Hvem er ansvarlig
          </Heading>
          <Paragraph>
            Vertskommunen for samarbeidet, Kongsvinger kommune, drifter Samkjøp på vegne av kommunene i RIIK og er kontaktpunkt
            for spørsmål om personvern. Vertskommunens personvernombud kan også kontaktes.
          </Paragraph>
        </section>

        <section aria-labelledby="privacy-data" className="stack">
          <Heading level={2} data-size="sm" id="privacy-data">
            Hvilke opplysninger vi lagrer
          </Heading>
          <TableScroll label="Opplysninger som lagres">
            <Table className="data-table" aria-labelledby="privacy-data">
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>Opplysning</Table.HeaderCell>
                  <Table.HeaderCell>Hvorfor</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                <Table.Row>
                  <Table.Cell>Navn, e-postadresse, telefonnummer, stilling og kommune</Table.Cell>
                  <Table.Cell>Kontaktregisteret, slik at kommunene vet hvem de skal kontakte om innkjøp.</Table.Cell>
                </Table.Row>
                <Table.Row>
                  <Table.Cell>Roller med gyldighetsperiode (for eksempel innkjøpsansvarlig eller produktansvarlig)</Table.Cell>
                  <Table.Cell>Vise hvem som har ansvar for hva, og hvem som hadde det på et gitt tidspunkt.</Table.Cell>
                </Table.Row>
                <Table.Row>
                  <Table.Cell>Brukernavn og passord (passordet lagres bare som en kryptografisk hash, aldri i klartekst)</Table.Cell>
                  <Table.Cell>Innlogging.</Table.Cell>
                </Table.Row>
                <Table.Row>
                  <Table.Cell>Mislykkede innloggingsforsøk per brukernavn og IP-adresse</Table.Cell>
                  <Table.Cell>Stoppe forsøk på å gjette passord (midlertidig sperring).</Table.Cell>
                </Table.Row>
                <Table.Row>
                  <Table.Cell>Revisjonslogg: hvem som endret hva og når, med verdiene før og etter endringen</Table.Cell>
                  <Table.Cell>Sporbarhet og kontroll, slik at revisjon og kontrollutvalg kan se hva som er gjort.</Table.Cell>
                </Table.Row>
                <Table.Row>
                  <Table.Cell>En sesjonscookie mens du er innlogget</Table.Cell>
                  <Table.Cell>
                    Holde deg innlogget. Den er nødvendig for at tjenesten skal virke. Samkjøp bruker ikke cookies til analyse eller
                    sporing.
                  </Table.Cell>
                </Table.Row>
                <Table.Row>
                  <Table.Cell>Språkvalget ditt, lagret i nettleseren din (ikke hos oss)</Table.Cell>
                  <Table.Cell>Vise Samkjøp på norsk eller engelsk neste gang.</Table.Cell>
                </Table.Row>
              </Table.Body>
            </Table>
          </TableScroll>
          <Paragraph>
            Opplysningene kommer fra deg selv, fra arbeidsgiveren din (kommunen) eller fra innkjøpskontoret. Vi lagrer ikke
            fødselsnummer eller andre særlige kategorier av personopplysninger.
          </Paragraph>
        </section>

        <section aria-labelledby="privacy-basis" className="stack">
          <Heading level={2} data-size="sm" id="privacy-basis">
            Formål og rettslig grunnlag
          </Heading>
          <Paragraph>
            Formålet er å organisere og dokumentere innkjøpssamarbeidet mellom kommunene. Behandlingen er nødvendig for å utføre
            kommunenes oppgaver i allmennhetens interesse og som offentlig myndighet, jf. personvernforordningen artikkel 6 nr. 1
            bokstav e, med supplerende grunnlag i kommuneloven (interkommunalt samarbeid) og regelverket om offentlige anskaffelser.
            Revisjonsloggen og sperring av innlogging er også nødvendige for å sikre opplysningene, jf. artikkel 32.
          </Paragraph>
        </section>

        <section aria-labelledby="privacy-retention" className="stack">
          <Heading level={2} data-size="sm" id="privacy-retention">
            Hvor lenge vi lagrer
          </Heading>
          <List.Unordered>
            <List.Item>
              Kontaktopplysninger lagres så lenge du har en rolle i samarbeidet eller er kontaktperson for kommunen din, og
              rettes eller slettes når de ikke lenger trengs.
            </List.Item>
            <List.Item>
              Rollehistorikk og revisjonslogg lagres så lenge det er nødvendig for sporbarhet og kontroll, og etter arkivloven.
            </List.Item>
            <List.Item>Sesjonen slettes når du logger ut eller når den utløper.</List.Item>
            <List.Item>Opplysninger om mislykkede innloggingsforsøk brukes bare til å sperre innloggingen midlertidig.</List.Item>
          </List.Unordered>
          <Paragraph>Opplysningene deles ikke med andre enn kommunene i samarbeidet og deres revisjon.</Paragraph>
        </section>

        <section aria-labelledby="privacy-rights" className="stack">
          <Heading level={2} data-size="sm" id="privacy-rights">
            Dine rettigheter
          </Heading>
          <Paragraph>
            Du har rett til innsyn i opplysningene om deg, til å få feil rettet, og i noen tilfeller til å få opplysninger slettet
            eller behandlingen begrenset. Du kan også protestere mot behandlingen. Ta kontakt med vertskommunen, så svarer vi
            innen 30 dager.
          </Paragraph>
          <Paragraph>
            Mener du at vi behandler personopplysninger i strid med regelverket, kan du klage til{' '}
            <Link href="https://www.datatilsynet.no/">Datatilsynet</Link>.
          </Paragraph>
        </section>

        <Paragraph className="muted">Erklæringen ble sist oppdatert november 2026.</Paragraph>
      </div>
    </div>
  );
}
