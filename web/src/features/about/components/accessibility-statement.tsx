import { Heading, Link, List, Paragraph } from '@digdir/designsystemet-react';
import { NorwegianOnlyNotice } from './english-notice';

/**
 * Tilgjengelighetserklæring. Honest about what is tested (axe in CI on every page) and what
 * is not (screen readers, user testing). Update it when the testing changes.
 */
export function AccessibilityStatement() {
  return (
    <div className="stack-lg prose">
      <NorwegianOnlyNotice />
      <div lang="nb" className="stack-lg">
        <Paragraph>
          Samkjøp er innkjøpssystemet til Regionalt innkjøpssamarbeid i Kongsvingerregionen (RIIK). Løsningen skal oppfylle
          kravene til universell utforming i forskrift om universell utforming av informasjons- og kommunikasjonsteknologiske
          (IKT)-løsninger, som viser til WCAG 2.1 nivå A og AA.
        </Paragraph>

        <section aria-labelledby="a11y-status" className="stack">
          <Heading level={2} data-size="sm" id="a11y-status">
            Status
          </Heading>
          <Paragraph>
            Samkjøp er <strong>delvis i samsvar</strong> med kravene. Vi har ikke funnet brudd i de automatiske testene, men
            løsningen er ennå ikke testet manuelt mot alle suksesskriteriene. Kjente mangler står nedenfor.
          </Paragraph>
        </section>

        <section aria-labelledby="a11y-tested" className="stack">
          <Heading level={2} data-size="sm" id="a11y-tested">
            Slik har vi testet
          </Heading>
          <List.Unordered>
            <List.Item>
              Hver gang systemet bygges og testes, kjøres automatisk testing med axe-core (reglene for WCAG 2.0 og 2.1, nivå A og
              AA) i nettleseren Chromium på disse sidene: innlogging, oversikt, kommuner, råd, kontakter, roller, brukere,
              revisjonslogg, tilgjengelighetserklæringen og personvernerklæringen. Testen feiler ved alvorlige eller kritiske
              brudd.
            </List.Item>
            <List.Item>
              En automatisk nettlesertest går gjennom innlogging, utnevning av en produktansvarlig, revisjonsloggen og utlogging,
              og sjekker at snarveien «Hopp til hovedinnhold» virker med tastaturet.
            </List.Item>
            <List.Item>
              Løsningen er bygget med Designsystemet fra Digitaliseringsdirektoratet, som er laget for å oppfylle WCAG. Alle
              skjemafelt har synlige ledetekster, feil vises både ved feltet og i en feiloppsummering øverst i skjemaet, og
              siden har landemerker (topptekst, meny, hovedinnhold, bunntekst).
            </List.Item>
          </List.Unordered>
        </section>

        <section aria-labelledby="a11y-gaps" className="stack">
          <Heading level={2} data-size="sm" id="a11y-gaps">
            Kjente mangler
          </Heading>
          <List.Unordered>
            <List.Item>
              Automatiske tester finner bare en del av mulige brudd. Løsningen er <strong>ikke testet med skjermleser</strong>{' '}
              (for eksempel NVDA, JAWS eller VoiceOver), med forstørrelse over 200 prosent eller av brukere med
              funksjonsnedsettelser.
            </List.Item>
            <List.Item>
              Excel- og CSV-filene fra «Eksporter» i revisjonsloggen og kontaktkatalogen er ikke kontrollert for tilgjengelighet.
            </List.Item>
            <List.Item>
              I revisjonsloggen vises verdiene før og etter en endring som teknisk data (JSON), som kan være vanskelig å lese,
              særlig med skjermleser.
            </List.Item>
            <List.Item>
              Tabeller med mange kolonner må rulles sidelengs på smale skjermer.
            </List.Item>
            <List.Item>Denne erklæringen og personvernerklæringen finnes bare på norsk.</List.Item>
          </List.Unordered>
        </section>

        <section aria-labelledby="a11y-feedback" className="stack">
          <Heading level={2} data-size="sm" id="a11y-feedback">
            Tilbakemelding og klage
          </Heading>
          <Paragraph>
            Opplever du problemer med å bruke Samkjøp, ta kontakt med innkjøpskontoret i vertskommunen Kongsvinger. Beskriv
            gjerne hvilken side og hvilket hjelpemiddel det gjelder. Vi svarer så snart vi kan.
          </Paragraph>
          <Paragraph>
            Får du ikke svar, eller er du ikke fornøyd med svaret, kan du klage til{' '}
            <Link href="https://www.uutilsynet.no/">Tilsynet for universell utforming av IKT (uutilsynet.no)</Link>.
          </Paragraph>
        </section>

        <Paragraph className="muted">Erklæringen ble sist oppdatert november 2026.</Paragraph>
      </div>
    </div>
  );
}
