<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="nb_NO">
<context>
    <name>10-FAKTOR</name>
    <message>
        <source>Grupper i filen: {groups} · lagres: {stored} · under minstegrensen ({minimum} svar): {below} · hoppes over: {skipped}</source>
        <translation>Groups in the file: {groups} · stored: {stored} · under the minimum ({minimum} answers): {below} · skipped: {skipped}</translation>
    </message>
    <message>
        <source>Velg en enhet (eller «hopp over») for: {names}</source>
        <translation>Choose a unit (or &apos;skip&apos;) for: {names}</translation>
    </message>
    <message>
        <source>{count} verdier kan ikke leses; rett dem i filen og les den inn på nytt:</source>
        <translation>{count} values cannot be read; correct them in the file and read it again:</translation>
    </message>
    <message>
        <source>Innlesing av 10-FAKTOR-resultater</source>
        <translation>Import of 10-FAKTOR results</translation>
    </message>
    <message>
        <source>Fil: {file}, arket «{sheet}»</source>
        <translation>File: {file}, the sheet &apos;{sheet}&apos;</translation>
    </message>
    <message>
        <source>{name}: ingen 10-FAKTOR-resultater. Grupper med færre enn {minimum} svar blir aldri lest inn eller vist.</source>
        <extracomment>the unit&apos;s mean per year of ``years``</extracomment>
        <translation>{name}: no 10-FAKTOR results. Groups with fewer than {minimum} answers are never read or shown.</translation>
    </message>
    <message>
        <source>{name}: {year}, {count} svar</source>
        <translation>{name}: {year}, {count} answers</translation>
    </message>
    <message>
        <source> (beregnet fra enhetene under, vektet etter antall svar)</source>
        <translation> (computed from the units below, weighted by the number of answers)</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>Om Kompetanseregister</source>
        <translation>About Kompetanseregister</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Kompetanseregister {version}&lt;/h3&gt;&lt;p&gt;Kompetanse, utviklingsmål og avviksanalyse for kommuner, knyttet til arbeidsgiverstrategien.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Kompetanseregister {version}&lt;/h3&gt;&lt;p&gt;Competences, learning goals and gap analysis for municipalities, tied to the employer strategy.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Program og register</source>
        <translation>&amp;Program and register</translation>
    </message>
    <message>
        <source>&amp;Lisenser</source>
        <translation>&amp;Licences</translation>
    </message>
    <message>
        <source>Lukk</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>&amp;Kopier opplysningene</source>
        <translation>&amp;Copy the details</translation>
    </message>
    <message>
        <source>Til utklippstavlen, for den som hjelper deg</source>
        <translation>To the clipboard, for whoever helps you</translation>
    </message>
    <message>
        <source>fil</source>
        <translation>file</translation>
    </message>
    <message>
        <source>server</source>
        <translation>server</translation>
    </message>
    <message>
        <source>Versjon</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Register i bruk ({kind})</source>
        <translation>Register in use ({kind})</translation>
    </message>
    <message>
        <source>Datamappe</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>Loggmappe</source>
        <translation>Log folder</translation>
    </message>
    <message>
        <source>Programmet kjører fra</source>
        <translation>The program runs from</translation>
    </message>
    <message>
        <source>Qt og Python</source>
        <translation>Qt and Python</translation>
    </message>
    <message>
        <source>Henter…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Programversjoner som har skrevet registeret</source>
        <translation>Program versions that have written the register</translation>
    </message>
    <message>
        <source>Skrevet av:</source>
        <translation>Written by:</translation>
    </message>
    <message>
        <source>(ikke registrert)</source>
        <translation>(not recorded)</translation>
    </message>
    <message>
        <source>versjon {version}, sist åpnet {last} (første gang {first})</source>
        <translation>version {version}, last opened {last} (first {first})</translation>
    </message>
    <message>
        <source>før det: versjon {version}, {first}–{last}</source>
        <translation>before that: version {version}, {first}–{last}</translation>
    </message>
    <message>
        <source>(kunne ikke leses)</source>
        <translation>(could not be read)</translation>
    </message>
    <message>
        <source>Registeret er skrevet av: {versions}</source>
        <translation>The register was written by: {versions}</translation>
    </message>
    <message>
        <source>Kopiert</source>
        <translation>Copied</translation>
    </message>
    <message>
        <source>Kompetanseregister er bygd med disse programbibliotekene og skriftene, som hver har sin lisens. Velg én for å lese lisensteksten.</source>
        <translation>Kompetanseregister is built with these libraries and fonts, each under its own licence. Choose one to read its licence text.</translation>
    </message>
    <message>
        <source>Komponenter og lisenser</source>
        <translation>Components and licences</translation>
    </message>
    <message>
        <source>Komponent</source>
        <translation>Component</translation>
    </message>
    <message>
        <source>Lisens</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Lisenstekst</source>
        <translation>Licence text</translation>
    </message>
    <message>
        <source>Lisens: {licence}. Pakken har ingen egen lisenstekst.</source>
        <translation>Licence: {licence}. The package has no licence text of its own.</translation>
    </message>
</context>
<context>
    <name>AccountsBox</name>
    <message>
        <source>Tilganger til det felles registeret</source>
        <translation>Access to the shared register</translation>
    </message>
    <message>
        <source>Innlogging</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>Tilgang</source>
        <translation>Access</translation>
    </message>
    <message>
        <source>Leder (person i registeret)</source>
        <translation>Leader (person in the register)</translation>
    </message>
    <message>
        <source>Registrert</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>Registrerte innlogginger</source>
        <translation>Registered logins</translation>
    </message>
    <message>
        <source>Din tilgang</source>
        <translation>Your access</translation>
    </message>
    <message>
        <source>&amp;Gi tilgang…</source>
        <translation>&amp;Give access…</translation>
    </message>
    <message>
        <source>&amp;Endre…</source>
        <translation>&amp;Change…</translation>
    </message>
    <message>
        <source>&amp;Trekk tilbake…</source>
        <translation>&amp;Revoke…</translation>
    </message>
    <message>
        <source>Du er logget inn som {login} ({reach}). En innlogging som ikke står her, når ingenting; databaseansvarlig oppretter innlogginger på serveren.</source>
        <translation>You are logged in as {login} ({reach}). A login not listed here reaches nothing; the database administrator creates logins on the server.</translation>
    </message>
    <message>
        <source>Du er logget inn som {login} ({reach}). Bare HR kan endre tilganger.</source>
        <translation>You are logged in as {login} ({reach}). Only HR can change access.</translation>
    </message>
    <message>
        <source>{login} har fått tilgang: {kind}.</source>
        <translation>{login} was given access: {kind}.</translation>
    </message>
    <message>
        <source>Trekk tilbake tilgang</source>
        <translation>Revoke access</translation>
    </message>
    <message>
        <source>Ta tilgangen fra {login}? Innloggingen når ingenting i registeret etterpå, heller ikke fra andre programmer. Endringen føres i revisjonsloggen.</source>
        <translation>Take access away from {login}? The login reaches nothing in the register afterwards, not from other programs either. The change is recorded in the audit log.</translation>
    </message>
    <message>
        <source>{login} har ikke lenger tilgang.</source>
        <translation>{login} no longer has access.</translation>
    </message>
    <message>
        <source>Trekker tilbake tilgangen…</source>
        <translation>Revoking access…</translation>
    </message>
</context>
<context>
    <name>Ansattliste</name>
    <message>
        <source>Ansattnr.</source>
        <translation>Employee no.</translation>
    </message>
    <message>
        <source>Navn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Enhet</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Stilling</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Rolle</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Stillingsprosent</source>
        <translation>FTE %</translation>
    </message>
    <message>
        <source>E-post</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Sluttet</source>
        <translation>Left</translation>
    </message>
</context>
<context>
    <name>AppraisalDialog</name>
    <message>
        <source>Endre medarbeidersamtale</source>
        <translation>Edit appraisal talk</translation>
    </message>
    <message>
        <source>Ny medarbeidersamtale</source>
        <translation>New appraisal talk</translation>
    </message>
    <message>
        <source>Dato:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>Type samtale:</source>
        <translation>Kind of talk:</translation>
    </message>
    <message>
        <source>Leder:</source>
        <translation>Leader:</translation>
    </message>
    <message>
        <source>Sammendrag:</source>
        <translation>Summary:</translation>
    </message>
    <message>
        <source>Avtalt:</source>
        <translation>Agreed:</translation>
    </message>
    <message>
        <source>Notater:</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <source>Avtalte mål:</source>
        <translation>Agreed goals:</translation>
    </message>
    <message>
        <source>Ingen utviklingsmål ennå. Legg dem inn under Utviklingsmål og knytt dem hit.</source>
        <translation>No learning goals yet. Add them under Learning goals and link them here.</translation>
    </message>
</context>
<context>
    <name>AppraisalsTab</name>
    <message>
        <source>Dato</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Leder</source>
        <translation>Leader</translation>
    </message>
    <message>
        <source>Avtalte mål</source>
        <translation>Agreed goals</translation>
    </message>
    <message>
        <source>Sammendrag</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Medarbeidersamtaler</source>
        <translation>Appraisal talks</translation>
    </message>
    <message>
        <source>Samtalen i sin helhet</source>
        <translation>The whole talk</translation>
    </message>
    <message>
        <source>Ny samtale…</source>
        <translation>New talk…</translation>
    </message>
    <message>
        <source>Endre…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Slett</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Neste medarbeidersamtale</source>
        <translation>Next appraisal talk</translation>
    </message>
    <message>
        <source>Personen har ingen stilling i dag, og ingen medarbeidersamtale forfaller.</source>
        <translation>The person holds no position today, and no appraisal talk falls due.</translation>
    </message>
    <message>
        <source>Ingen medarbeidersamtale er registrert, og startdatoen er ukjent: samtalen er forfalt.</source>
        <translation>No appraisal talk is recorded and the start date is unknown: the talk is overdue.</translation>
    </message>
    <message>
        <source>Neste medarbeidersamtale forfalt {date}</source>
        <translation>Next appraisal talk was due {date}</translation>
    </message>
    <message>
        <source>Neste medarbeidersamtale forfaller snart: {date}</source>
        <translation>Next appraisal talk is due soon: {date}</translation>
    </message>
    <message>
        <source>Neste medarbeidersamtale: {date}</source>
        <translation>Next appraisal talk: {date}</translation>
    </message>
    <message>
        <source>(ingen registrert ennå)</source>
        <translation>(none recorded yet)</translation>
    </message>
    <message>
        <source>(forrige {date})</source>
        <translation>(previous {date})</translation>
    </message>
    <message>
        <source>{kind} {date}</source>
        <translation>{kind} {date}</translation>
    </message>
    <message>
        <source>Leder:</source>
        <translation>Manager:</translation>
    </message>
    <message>
        <source>Avtalt</source>
        <translation>Agreed</translation>
    </message>
    <message>
        <source>Notater</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Slett medarbeidersamtale</source>
        <translation>Delete appraisal talk</translation>
    </message>
    <message>
        <source>Slette samtalen {date}? Målene som ble avtalt beholdes.</source>
        <translation>Delete the talk of {date}? The goals agreed are kept.</translation>
    </message>
</context>
<context>
    <name>AreaDialog</name>
    <message>
        <source>Endre område</source>
        <translation>Edit area</translation>
    </message>
    <message>
        <source>Nytt område</source>
        <translation>New area</translation>
    </message>
    <message>
        <source>Kode (f.eks. §10):</source>
        <translation>Code (e.g. §10):</translation>
    </message>
    <message>
        <source>Navn:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Engelsk navn:</source>
        <translation>English name:</translation>
    </message>
    <message>
        <source>Beskrivelse:</source>
        <translation>Description:</translation>
    </message>
</context>
<context>
    <name>AssessDialog</name>
    <message>
        <source>Vurder «{name}»</source>
        <translation>Assess &apos;{name}&apos;</translation>
    </message>
    <message>
        <source>Krav:</source>
        <translation>Required:</translation>
    </message>
    <message>
        <source>Nivå:</source>
        <translation>Level:</translation>
    </message>
    <message>
        <source>Kilde:</source>
        <translation>Source:</translation>
    </message>
    <message>
        <source>Dato:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>Vurdert av (navn):</source>
        <translation>Assessed by (name):</translation>
    </message>
    <message>
        <source>Merknad:</source>
        <translation>Note:</translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message>
        <source>Revisjonslogg</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>Handling</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Alle handlinger</source>
        <translation>All actions</translation>
    </message>
    <message>
        <source>Ansattnummer</source>
        <translation>Employee number</translation>
    </message>
    <message>
        <source>alle</source>
        <translation>all</translation>
    </message>
    <message>
        <source>&amp;Vis</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <source>&amp;Handling:</source>
        <translation>&amp;Action:</translation>
    </message>
    <message>
        <source>&amp;Ansattnr.:</source>
        <translation>&amp;Employee no.:</translation>
    </message>
    <message>
        <source>&amp;Fra og med:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <source>Fra og med dato</source>
        <translation>From date</translation>
    </message>
    <message>
        <source>Tidspunkt</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Bruker</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Gjelder</source>
        <translation>Concerns</translation>
    </message>
    <message>
        <source>Ansattnr.</source>
        <translation>Employee no.</translation>
    </message>
    <message>
        <source>Detaljer</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Hendelser i revisjonsloggen</source>
        <translation>Events in the audit log</translation>
    </message>
    <message>
        <source>Antall hendelser</source>
        <translation>Number of events</translation>
    </message>
    <message>
        <source>Loggen viser hvem som gjorde hva og når. Den inneholder aldri navn, e-post eller fritekst, bare ansattnummeret. Etter en sletting står bare at en sletting fant sted.</source>
        <translation>The log shows who did what and when. It never holds names, e-mail addresses or free text, only the employee number. After an erasure it only says that an erasure took place.</translation>
    </message>
    <message>
        <source>&amp;Eksporter…</source>
        <translation>E&amp;xport…</translation>
    </message>
    <message>
        <source>Alle hendelser som passer til filteret, som CSV (Excel) eller JSON</source>
        <translation>Every event matching the filter, as CSV (Excel) or JSON</translation>
    </message>
    <message>
        <source>Lukk</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Laster…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Viser de {n} nyeste hendelsene. Eksporter for å få alle.</source>
        <translation>Showing the {n} newest events. Export to get them all.</translation>
    </message>
    <message>
        <source>{n} hendelser</source>
        <translation>{n} events</translation>
    </message>
    <message>
        <source>Eksporter revisjonsloggen</source>
        <translation>Export the audit log</translation>
    </message>
    <message>
        <source>Revisjonslogg {date}</source>
        <translation>Audit log {date}</translation>
    </message>
    <message>
        <source>CSV for Excel (*.csv);;JSON-fil (*.json)</source>
        <translation>CSV for Excel (*.csv);;JSON file (*.json)</translation>
    </message>
    <message>
        <source>Eksporterer revisjonsloggen…</source>
        <translation>Exporting the audit log…</translation>
    </message>
</context>
<context>
    <name>BackupsBox</name>
    <message>
        <source>Sikkerhetskopier</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Tatt</source>
        <translation>Taken</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>automatisk</source>
        <translation>automatic</translation>
    </message>
    <message>
        <source>manuell</source>
        <translation>manual</translation>
    </message>
    <message>
        <source>Størrelse</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} MB</translation>
    </message>
    <message>
        <source>Fil</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Mappe: {folder}</source>
        <translation>Folder: {folder}</translation>
    </message>
    <message>
        <source>Ta sikkerhetskopi &amp;nå</source>
        <translation>Back up &amp;now</translation>
    </message>
    <message>
        <source>&amp;Gjenopprett valgt kopi…</source>
        <translation>Restore selected &amp;backup…</translation>
    </message>
    <message>
        <source>Gjenopprett fr&amp;a fil…</source>
        <translation>Restore from fil&amp;e…</translation>
    </message>
    <message>
        <source>Sikkerhetskopi lagret: {path}</source>
        <translation>Backup saved: {path}</translation>
    </message>
    <message>
        <source>Tar sikkerhetskopi…</source>
        <translation>Taking a backup…</translation>
    </message>
    <message>
        <source>Velg sikkerhetskopi</source>
        <translation>Choose a backup</translation>
    </message>
    <message>
        <source>Sikkerhetskopier (*.db);;Alle filer (*)</source>
        <translation>Backups (*.db);;All files (*)</translation>
    </message>
    <message>
        <source>Gjenopprett</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Erstatte hele registeret med innholdet i {name}?

Det som ligger i registeret nå, lagres først i en egen sikkerhetskopi, så du kan angre.</source>
        <translation>Replace the whole register with the contents of {name}?

What the register holds now is saved in a backup of its own first, so you can undo this.</translation>
    </message>
    <message>
        <source>Gjenopprettet</source>
        <translation>Restored</translation>
    </message>
    <message>
        <source>Registeret er gjenopprettet fra {name}.
Det forrige innholdet ligger i {safety}.</source>
        <translation>The register was restored from {name}.
The previous contents are in {safety}.</translation>
    </message>
    <message>
        <source>Gjenoppretter…</source>
        <translation>Restoring…</translation>
    </message>
</context>
<context>
    <name>BudgetBox</name>
    <message>
        <source>Kompetansebudsjett</source>
        <translation>Competence budget</translation>
    </message>
    <message>
        <source>Sett bud&amp;sjett…</source>
        <translation>Set &amp;budget…</translation>
    </message>
    <message>
        <source>Kompetansebudsjett {year}</source>
        <translation>Competence budget {year}</translation>
    </message>
    <message>
        <source>ikke satt</source>
        <translation>not set</translation>
    </message>
    <message>
        <source>Budsjett: {budget} · planlagt: {planned} (tiltak {measures} + utviklingsmål {goals})</source>
        <translation>Budget: {budget} · planned: {planned} (measures {measures} + learning goals {goals})</translation>
    </message>
    <message>
        <source>Brukt: {spent} (tiltak {measures} + fullførte utviklingsmål {goals})</source>
        <translation>Spent: {spent} (measures {measures} + completed learning goals {goals})</translation>
    </message>
    <message>
        <source>Igjen å planlegge: {left}</source>
        <translation>Left to plan: {left}</translation>
    </message>
    <message>
        <source>Planlagt over budsjettet: {over}</source>
        <translation>Planned over the budget: {over}</translation>
    </message>
    <message>
        <source>Finansiert utenfor enhetens budsjett: {amount}</source>
        <translation>Funded outside the unit&apos;s budget: {amount}</translation>
    </message>
</context>
<context>
    <name>BudgetDialog</name>
    <message>
        <source>Kompetansebudsjett {year}</source>
        <translation>Competence budget {year}</translation>
    </message>
    <message>
        <source>Budsjett:</source>
        <translation>Budget:</translation>
    </message>
    <message>
        <source>Merknad:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>Tomt felt fjerner budsjettet for året.</source>
        <translation>An empty field removes the year&apos;s budget.</translation>
    </message>
</context>
<context>
    <name>BugDialog</name>
    <message>
        <source>Uventet feil</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <source>Det oppstod en uventet feil i programmet. Arbeidet du lagret tidligere er ikke berørt, men den siste handlingen ble kanskje ikke fullført.</source>
        <translation>An unexpected error occurred in the program. Work you saved earlier is not affected, but the last action may not have been completed.</translation>
    </message>
    <message>
        <source>Feilen er skrevet til loggen: {path}</source>
        <translation>The error was written to the log: {path}</translation>
    </message>
    <message>
        <source>Rapport til brukerstøtte:</source>
        <translation>Report for support:</translation>
    </message>
    <message>
        <source>Feilrapport</source>
        <translation>Error report</translation>
    </message>
    <message>
        <source>Kopier rapporten</source>
        <translation>Copy the report</translation>
    </message>
    <message>
        <source>Kopiert</source>
        <translation>Copied</translation>
    </message>
</context>
<context>
    <name>CalendarPopup</name>
    <message>
        <source>Kalender</source>
        <translation>Calendar</translation>
    </message>
</context>
<context>
    <name>CertificateDialog</name>
    <message>
        <source>Endre kurs/sertifikat</source>
        <translation>Edit course/certificate</translation>
    </message>
    <message>
        <source>Nytt kurs/sertifikat</source>
        <translation>New course/certificate</translation>
    </message>
    <message>
        <source>(ingen)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Lovpålagt opplæring og andre kurs registret i rammeverkene</source>
        <translation>Statutory training and other courses registered in the frameworks</translation>
    </message>
    <message>
        <source>Tomt: navnet på kurset over</source>
        <translation>Empty: the name of the course above</translation>
    </message>
    <message>
        <source>Tomt: regnes ut fra kursets gyldighet, eller gyldig uten utløp</source>
        <translation>Empty: worked out from the course&apos;s validity, or valid without expiry</translation>
    </message>
    <message>
        <source>Kurs:</source>
        <translation>Course:</translation>
    </message>
    <message>
        <source>Navn:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Utsteder:</source>
        <translation>Issuer:</translation>
    </message>
    <message>
        <source>Fullført:</source>
        <translation>Completed:</translation>
    </message>
    <message>
        <source>Gyldig til:</source>
        <translation>Valid until:</translation>
    </message>
    <message>
        <source>Merknad:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>Kompetansen kurset gir, som vurderes på nivå</source>
        <translation>The competence the course gives, assessed at a level</translation>
    </message>
    <message>
        <source>Gir kompetanse i:</source>
        <translation>Gives competence in:</translation>
    </message>
    <message>
        <source>Nivå etter kurset:</source>
        <translation>Level after the course:</translation>
    </message>
</context>
<context>
    <name>CertificatesTab</name>
    <message>
        <source>Kurs/sertifikat</source>
        <translation>Course/certificate</translation>
    </message>
    <message>
        <source>Utsteder</source>
        <translation>Issuer</translation>
    </message>
    <message>
        <source>Fullført</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Gyldig til</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>uten utløp</source>
        <translation>no expiry</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Kurs og sertifikater</source>
        <translation>Courses and certificates</translation>
    </message>
    <message>
        <source>Registrer kurs/sertifikat…</source>
        <translation>Register course/certificate…</translation>
    </message>
    <message>
        <source>Endre…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Slett</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Slett kurs/sertifikat</source>
        <translation>Delete course/certificate</translation>
    </message>
    <message>
        <source>Slette «{name}»?</source>
        <translation>Delete &apos;{name}&apos;?</translation>
    </message>
</context>
<context>
    <name>CompetenceDialog</name>
    <message>
        <source>Endre kompetanse</source>
        <translation>Edit competence</translation>
    </message>
    <message>
        <source>Ny kompetanse</source>
        <translation>New competence</translation>
    </message>
    <message>
        <source>Område:</source>
        <translation>Area:</translation>
    </message>
    <message>
        <source>Kode (f.eks. §10.2):</source>
        <translation>Code (e.g. §10.2):</translation>
    </message>
    <message>
        <source>Navn:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Engelsk navn:</source>
        <translation>English name:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>Kritisk: enheten er sårbar om bare én eller ingen har den</source>
        <translation>Critical: the unit is vulnerable if only one person or nobody has it</translation>
    </message>
    <message>
        <source>Kritisk:</source>
        <translation>Critical:</translation>
    </message>
    <message>
        <source>{name} ({count} nivåer)</source>
        <translation>{name} ({count} levels)</translation>
    </message>
    <message>
        <source>Skala:</source>
        <translation>Scale:</translation>
    </message>
    <message>
        <source>måneder</source>
        <translation>months</translation>
    </message>
    <message>
        <source>ingen utløpstid</source>
        <translation>no expiry</translation>
    </message>
    <message>
        <source>Gyldighet:</source>
        <translation>Validity:</translation>
    </message>
    <message>
        <source>(ingen)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Ligger under:</source>
        <translation>Lies under:</translation>
    </message>
    <message>
        <source>Beskrivelse:</source>
        <translation>Description:</translation>
    </message>
    <message>
        <source>Engelsk beskrivelse:</source>
        <translation>English description:</translation>
    </message>
    <message>
        <source>Sitat fra strategien:</source>
        <translation>Quote from the strategy:</translation>
    </message>
    <message>
        <source>Kilde (kapittel):</source>
        <translation>Source (section):</translation>
    </message>
</context>
<context>
    <name>CompetenceFilter</name>
    <message>
        <source>Kompetanse</source>
        <translation>Competence</translation>
    </message>
    <message>
        <source>Kompetanse, f.eks. digcomp 4.2</source>
        <translation>Competence, e.g. digcomp 4.2</translation>
    </message>
    <message>
        <source>Minste nivå</source>
        <translation>Minimum level</translation>
    </message>
    <message>
        <source>Nivå minst:</source>
        <translation>Level at least:</translation>
    </message>
    <message>
        <source>Alle (ingen kompetansefilter)</source>
        <extracomment>(competence id, minimum level ordinal), or (None, 0) when cleared.</extracomment>
        <translation>All (no competence filter)</translation>
    </message>
</context>
<context>
    <name>CompleteGoalDialog</name>
    <message>
        <source>Fullfør utviklingsmålet</source>
        <translation>Complete the learning goal</translation>
    </message>
    <message>
        <source>«{goal}» er nådd. Registrer hva det førte til, så er profilen oppdatert.</source>
        <translation>“{goal}” is reached. Record what it led to, and the profile is up to date.</translation>
    </message>
    <message>
        <source>(ikke registrer nytt nivå)</source>
        <translation>(do not record a new level)</translation>
    </message>
    <message>
        <source>Nytt nivå i {name}:</source>
        <translation>New level in {name}:</translation>
    </message>
    <message>
        <source>Resultat:</source>
        <translation>Result:</translation>
    </message>
    <message>
        <source>Registrer &amp;kursbevis for {name}</source>
        <translation>Record a &amp;certificate for {name}</translation>
    </message>
    <message>
        <source>Registrer &amp;kursbevis (nivået regnes da som gitt av kurset)</source>
        <translation>Record a &amp;certificate (the level then counts as given by the course)</translation>
    </message>
    <message>
        <source>Tomt: navnet på kurset</source>
        <translation>Empty: the name of the course</translation>
    </message>
    <message>
        <source>Tomt: regnes ut fra kursets gyldighet, eller gyldig uten utløp</source>
        <translation>Empty: worked out from the course&apos;s validity, or valid without expiry</translation>
    </message>
    <message>
        <source>Kursbevis:</source>
        <translation>Certificate:</translation>
    </message>
    <message>
        <source>Utsteder:</source>
        <translation>Issuer:</translation>
    </message>
    <message>
        <source>Fullført:</source>
        <translation>Completed:</translation>
    </message>
    <message>
        <source>Gyldig til:</source>
        <translation>Valid until:</translation>
    </message>
</context>
<context>
    <name>ComplianceDuePanel</name>
    <message>
        <source>Mangler, frist {date}</source>
        <translation>Missing, deadline {date}</translation>
    </message>
    <message>
        <source>Lovpålagte krav som mangler</source>
        <translation>Mandatory requirements missing</translation>
    </message>
    <message>
        <source>Navn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Krav</source>
        <translation>Requirement</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Siden</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>Enhet</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Enter eller dobbeltklikk åpner ansattkortet</source>
        <translation>Enter or double-click opens the employee card</translation>
    </message>
    <message>
        <source>{unit}; mangler siden {date}</source>
        <translation>{unit}; missing since {date}</translation>
    </message>
    <message>
        <source>Beregner…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <source>{lacking} av {people} ansatte mangler minst ett lovpålagt krav ({overdue} forfalt); {compliant} oppfyller alle.</source>
        <translation>{lacking} of {people} employees lack at least one mandatory requirement ({overdue} overdue); {compliant} meet them all.</translation>
    </message>
    <message>
        <source>Én stilling hviler på en dispensasjon (se Enheter).</source>
        <translation>One post rests on a dispensation (see Units).</translation>
    </message>
    <message>
        <source>{count} stillinger hviler på en dispensasjon (se Enheter).</source>
        <translation>{count} posts rest on a dispensation (see Units).</translation>
    </message>
</context>
<context>
    <name>CopyDialog</name>
    <message>
        <source>Lag en kopi av rammeverket</source>
        <translation>Copy the framework</translation>
    </message>
    <message>
        <source>Kopien får egne områder, kompetanser og skalaer som kommunen kan endre. Originalen «{name}» forblir som den er.</source>
        <translation>The copy gets its own areas, competences and scales that the municipality can change. The original &quot;{name}&quot; stays as it is.</translation>
    </message>
    <message>
        <source>{name} – vår utgave</source>
        <translation>{name} – our edition</translation>
    </message>
    <message>
        <source>Navn på kopien:</source>
        <translation>Name of the copy:</translation>
    </message>
    <message>
        <source>Engelsk navn:</source>
        <translation>English name:</translation>
    </message>
</context>
<context>
    <name>DamagedDatabaseDialog</name>
    <message>
        <source>Databasefilen er skadet</source>
        <translation>The database file is damaged</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Registeret kan ikke åpnes&lt;/h3&gt;&lt;p&gt;Databasefilen {location} er skadet og kan ikke brukes. Ingenting er skrevet til den.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;The register cannot be opened&lt;/h3&gt;&lt;p&gt;The database file {location} is damaged and cannot be used. Nothing was written to it.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Nyeste sikkerhetskopi er &lt;b&gt;{name}&lt;/b&gt;, tatt {date} kl. {time}.&lt;/p&gt;&lt;p&gt;Gjenoppretter du den, flyttes den skadede filen til side (den slettes ikke), og kopien tas i bruk. Det som ble lagt inn etter at kopien ble tatt, må legges inn på nytt.&lt;/p&gt;</source>
        <translation>&lt;p&gt;The newest backup is &lt;b&gt;{name}&lt;/b&gt;, taken {date} at {time}.&lt;/p&gt;&lt;p&gt;If you restore it, the damaged file is moved aside (not deleted) and the backup is used instead. Anything entered after the backup was taken must be entered again.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Det finnes ingen sikkerhetskopi i {folder}. Velg en sikkerhetskopi du har lagret et annet sted, eller avslutt og kontakt IT.&lt;/p&gt;</source>
        <translation>&lt;p&gt;There is no backup in {folder}. Choose a backup you have saved elsewhere, or quit and contact IT.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Melding om skadet database</source>
        <translation>Message about a damaged database</translation>
    </message>
    <message>
        <source>&amp;Gjenopprett fra sikkerhetskopi</source>
        <translation>&amp;Restore from backup</translation>
    </message>
    <message>
        <source>&amp;Velg en annen sikkerhetskopi…</source>
        <translation>&amp;Choose another backup…</translation>
    </message>
    <message>
        <source>&amp;Avslutt</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Velg sikkerhetskopi</source>
        <translation>Choose a backup</translation>
    </message>
    <message>
        <source>Sikkerhetskopier (*.db);;Alle filer (*)</source>
        <translation>Backups (*.db);;All files (*)</translation>
    </message>
    <message>
        <source>Gjenoppretter…</source>
        <translation>Restoring…</translation>
    </message>
</context>
<context>
    <name>DatabaseBox</name>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>I bruk nå: {location}</source>
        <translation>In use now: {location}</translation>
    </message>
    <message>
        <source>&amp;Lokal fil på denne maskinen</source>
        <translation>Lo&amp;cal file on this computer</translation>
    </message>
    <message>
        <source>Delt &amp;PostgreSQL-server</source>
        <translation>Shared &amp;PostgreSQL server</translation>
    </message>
    <message>
        <source>Databasefil</source>
        <translation>Database file</translation>
    </message>
    <message>
        <source>Velg fil…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>Adresse til PostgreSQL-serveren</source>
        <translation>Address of the PostgreSQL server</translation>
    </message>
    <message>
        <source>postgresql://server/kompetanse</source>
        <translation>postgresql://server/kompetanse</translation>
    </message>
    <message>
        <source>Kryptering</source>
        <translation>Encryption</translation>
    </message>
    <message>
        <source>&amp;Test tilkoblingen</source>
        <translation>&amp;Test the connection</translation>
    </message>
    <message>
        <source>Bruk ved neste oppstart</source>
        <translation>Use at next start</translation>
    </message>
    <message>
        <source>Resultat av testen</source>
        <translation>Result of the test</translation>
    </message>
    <message>
        <source>Fil:</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>Adresse:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <source>Velg databasefil</source>
        <translation>Choose database file</translation>
    </message>
    <message>
        <source>Databasefiler (*.db *.sqlite);;Alle filer (*)</source>
        <translation>Database files (*.db *.sqlite);;All files (*)</translation>
    </message>
    <message>
        <source>Skriv inn en fil eller en serveradresse først.</source>
        <translation>Enter a file or a server address first.</translation>
    </message>
    <message>
        <source>Tester…</source>
        <translation>Testing…</translation>
    </message>
    <message>
        <source>Tilkoblingen virker. Databasen er tom og gjøres klar ved neste oppstart.</source>
        <translation>The connection works. The database is empty and will be prepared at the next start.</translation>
    </message>
    <message>
        <source>Tilkoblingen virker. Databasen oppgraderes ved neste oppstart (det tas kopi først).</source>
        <translation>The connection works. The database will be upgraded at the next start (a backup is taken first).</translation>
    </message>
    <message>
        <source>Tilkoblingen virker: {location}</source>
        <translation>The connection works: {location}</translation>
    </message>
    <message>
        <source>Tilkoblingen virker ikke: {error}</source>
        <translation>The connection does not work: {error}</translation>
    </message>
    <message>
        <source>Passordet i adressen ble ikke lagret: du blir spurt om det når du logger inn.</source>
        <translation>The password in the address was not saved: you will be asked for it when you log in.</translation>
    </message>
    <message>
        <source>Tester tilkoblingen…</source>
        <translation>Testing the connection…</translation>
    </message>
    <message>
        <source>Kr&amp;yptering:</source>
        <translation>Encr&amp;yption:</translation>
    </message>
    <message>
        <source>Programmet bruker {location} fra neste oppstart.</source>
        <translation>The program uses {location} from the next start.</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <source>dd.mm.åååå</source>
        <translation>dd.mm.yyyy</translation>
    </message>
    <message>
        <source>{pattern} (valgfri)</source>
        <translation>{pattern} (optional)</translation>
    </message>
    <message>
        <source>Velg i kalenderen (Alt+Pil ned)</source>
        <translation>Pick from the calendar (Alt+Down)</translation>
    </message>
    <message>
        <source>Åpne kalenderen</source>
        <translation>Open the calendar</translation>
    </message>
    <message>
        <source>Fyll inn en dato.</source>
        <translation>Enter a date.</translation>
    </message>
    <message>
        <source>«{text}» er ikke en dato. Skriv dag, måned og år, for eksempel {example}.</source>
        <translation>“{text}” is not a date. Type day, month and year, for example {example}.</translation>
    </message>
    <message>
        <source>Datoen kan ikke være etter i dag ({today}).</source>
        <translation>The date cannot be after today ({today}).</translation>
    </message>
    <message>
        <source>Datoen kan ikke være etter {latest}.</source>
        <translation>The date cannot be after {latest}.</translation>
    </message>
    <message>
        <source>Datoen kan ikke være før {earliest}.</source>
        <translation>The date cannot be before {earliest}.</translation>
    </message>
</context>
<context>
    <name>DelayedProgress</name>
    <message>
        <source>Arbeider…</source>
        <extracomment>A job with the register: its unit of work (made by the runner), progress and cancel. A job without the register&apos;s unit of work (opening a register, a file on its own). Milliseconds a job may run before its progress dialog appears. Progress reports are forwarded to the UI at most this often (a service may report per row). Emitted after ``succeeded`` or ``failed`` and their callbacks. The job&apos;s unit of work (None for a detached job): what it committed is published. A newer request of the same screen replaced this one: its result is not wanted. The widget the callbacks belong to: when it is gone, the result is dropped.</extracomment>
        <translation>Working…</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Avbryter…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <source>Beskrivelse av valgt element</source>
        <extracomment>The column of the level table that shows the band (&quot;Grunnleggende&quot;), hidden for scales without.</extracomment>
        <translation>Description of the selected item</translation>
    </message>
    <message>
        <source>Nivå</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Navn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Trinn</source>
        <translation>Band</translation>
    </message>
    <message>
        <source>Prosent</source>
        <translation>Percent</translation>
    </message>
    <message>
        <source>Nivåene i skalaen</source>
        <translation>The levels of the scale</translation>
    </message>
    <message>
        <source>Velg et rammeverk i listen.</source>
        <translation>Choose a framework in the list.</translation>
    </message>
    <message>
        <source>Eier:</source>
        <translation>Owner:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>Innhold:</source>
        <translation>Content:</translation>
    </message>
    <message>
        <source>{areas} områder, {competences} kompetanser</source>
        <translation>{areas} areas, {competences} competences</translation>
    </message>
    <message>
        <source>Versjon:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <source>Nøkkel:</source>
        <translation>Key:</translation>
    </message>
    <message>
        <source>Kilde:</source>
        <translation>Source:</translation>
    </message>
    <message>
        <source>Utgiver:</source>
        <translation>Publisher:</translation>
    </message>
    <message>
        <source>Dato:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>Lisens:</source>
        <translation>Licence:</translation>
    </message>
    <message>
        <source>innebygd (kan ikke endres, men kan kopieres)</source>
        <translation>built in (cannot be changed, but can be copied)</translation>
    </message>
    <message>
        <source>kommunens egen kopi</source>
        <translation>the municipality&apos;s own copy</translation>
    </message>
    <message>
        <source>kommunens eget</source>
        <translation>the municipality&apos;s own</translation>
    </message>
    <message>
        <source>Kompetanser:</source>
        <translation>Competences:</translation>
    </message>
    <message>
        <source>Kritiske:</source>
        <translation>Critical:</translation>
    </message>
    <message>
        <source>Kritisk:</source>
        <translation>Critical:</translation>
    </message>
    <message>
        <source>ja, enheten er sårbar uten den</source>
        <translation>yes, the unit is vulnerable without it</translation>
    </message>
    <message>
        <source>nei</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Skala:</source>
        <translation>Scale:</translation>
    </message>
    <message>
        <source>Gyldighet:</source>
        <translation>Validity:</translation>
    </message>
    <message>
        <source>{months} måneder</source>
        <translation>{months} months</translation>
    </message>
    <message>
        <source>Under:</source>
        <translation>Under:</translation>
    </message>
    <message>
        <source>Fra strategien</source>
        <translation>From the strategy</translation>
    </message>
    <message>
        <source>Velg en kompetanse for å se nivåene i skalaen.</source>
        <translation>Choose a competence to see the levels of its scale.</translation>
    </message>
    <message>
        <source>Standardskala: {name} (nivå og prosent)</source>
        <translation>Default scale: {name} (level and percent)</translation>
    </message>
    <message>
        <source>Skala: {name} (nivå og prosent)</source>
        <translation>Scale: {name} (level and percent)</translation>
    </message>
</context>
<context>
    <name>DispensationDialog</name>
    <message>
        <source>Endre dispensasjon</source>
        <translation>Edit dispensation</translation>
    </message>
    <message>
        <source>Ny dispensasjon</source>
        <translation>New dispensation</translation>
    </message>
    <message>
        <source>f.eks. Kommunedirektøren, sak 2026/77</source>
        <translation>e.g. the chief municipal executive, case 2026/77</translation>
    </message>
    <message>
        <source>Fra kravet om:</source>
        <translation>From the requirement for:</translation>
    </message>
    <message>
        <source>Gjelder fra:</source>
        <translation>Valid from:</translation>
    </message>
    <message>
        <source>Gjelder til:</source>
        <translation>Valid until:</translation>
    </message>
    <message>
        <source>Innvilget av:</source>
        <translation>Granted by:</translation>
    </message>
    <message>
        <source>Begrunnelse:</source>
        <translation>Reason:</translation>
    </message>
</context>
<context>
    <name>DispensationTable</name>
    <message>
        <source>Fra kravet om</source>
        <translation>From the requirement for</translation>
    </message>
    <message>
        <source>Fra</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Til</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Gjelder ikke i dag</source>
        <translation>Not in force today</translation>
    </message>
    <message>
        <source>Innvilget av</source>
        <translation>Granted by</translation>
    </message>
    <message>
        <source>Dispensasjoner</source>
        <translation>Dispensations</translation>
    </message>
    <message>
        <source>Ny d&amp;ispensasjon…</source>
        <translation>New d&amp;ispensation…</translation>
    </message>
    <message>
        <source>Endre…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Slett</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Slett dispensasjon</source>
        <translation>Delete dispensation</translation>
    </message>
    <message>
        <source>Slette dispensasjonen fra «{name}»?</source>
        <translation>Delete the dispensation from “{name}”?</translation>
    </message>
</context>
<context>
    <name>DispensationsTab</name>
    <message>
        <source>Enhet</source>
        <extracomment>a person&apos;s card is asked for (their employee id)</extracomment>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Navn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Fra kravet om</source>
        <translation>From the requirement for</translation>
    </message>
    <message>
        <source>Gjelder til</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Innvilget av</source>
        <translation>Granted by</translation>
    </message>
    <message>
        <source>Stillinger som hviler på en dispensasjon</source>
        <translation>Posts that rest on a dispensation</translation>
    </message>
    <message>
        <source>Enter eller dobbeltklikk åpner ansattkortet</source>
        <translation>Enter or double-click opens the employee card</translation>
    </message>
    <message>
        <source>Stillinger som bare oppfyller et kvalifikasjonskrav rollen stiller fordi personen har dispensasjon. Når dispensasjonen utløper, mangler kravet.</source>
        <translation>Posts that meet a qualification requirement of their role only because the person has a dispensation. When the dispensation ends, the requirement is missing.</translation>
    </message>
    <message>
        <source>Ingen stilling i utvalget hviler på en dispensasjon.</source>
        <translation>No post in the selection rests on a dispensation.</translation>
    </message>
</context>
<context>
    <name>DrillPanel</name>
    <message>
        <source>Personene bak cellen</source>
        <translation>The people behind the cell</translation>
    </message>
    <message>
        <source>Åpne &amp;ansattkortet</source>
        <translation>Open the &amp;employee card</translation>
    </message>
    <message>
        <source>Velg en celle i kartet for å se hvem som står bak tallene.</source>
        <translation>Choose a cell in the map to see who is behind the figures.</translation>
    </message>
    <message>
        <source>Oppfylt</source>
        <translation>Met</translation>
    </message>
    <message>
        <source>Avvik</source>
        <translation>Gap</translation>
    </message>
    <message>
        <source>Ikke vurdert</source>
        <translation>Not assessed</translation>
    </message>
    <message>
        <source>Mangler</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>Navn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Ansattnr.</source>
        <translation>Employee no.</translation>
    </message>
    <message>
        <source>Nåværende nivå</source>
        <translation>Current level</translation>
    </message>
    <message>
        <source>Krav</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Vurdert</source>
        <translation>Assessed</translation>
    </message>
    <message>
        <source>ikke registrert</source>
        <translation>not registered</translation>
    </message>
    <message>
        <source>gyldig</source>
        <translation>valid</translation>
    </message>
    <message>
        <source>utløpt</source>
        <translation>expired</translation>
    </message>
    <message>
        <source>ikke vurdert</source>
        <translation>not assessed</translation>
    </message>
</context>
<context>
    <name>EditEmployeeDialog</name>
    <message>
        <source>Endre ansatt</source>
        <translation>Edit employee</translation>
    </message>
    <message>
        <source>Ansattnummer:</source>
        <translation>Employee number:</translation>
    </message>
    <message>
        <source>Fornavn:</source>
        <translation>First name:</translation>
    </message>
    <message>
        <source>Etternavn:</source>
        <translation>Last name:</translation>
    </message>
    <message>
        <source>E-post:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <source>Leder:</source>
        <translation>Manager:</translation>
    </message>
    <message>
        <source>Stillingsprosenten personen ønsker seg, fra personallisten eller samtalen</source>
        <translation>The FTE the person would like, from the roster or the talk</translation>
    </message>
    <message>
        <source>Ønsket stillingsprosent:</source>
        <translation>Desired FTE:</translation>
    </message>
</context>
<context>
    <name>EditFrameworkDialog</name>
    <message>
        <source>Endre rammeverket</source>
        <translation>Edit the framework</translation>
    </message>
    <message>
        <source>Navn:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Engelsk navn:</source>
        <translation>English name:</translation>
    </message>
    <message>
        <source>Eier:</source>
        <translation>Owner:</translation>
    </message>
    <message>
        <source>Beskrivelse:</source>
        <translation>Description:</translation>
    </message>
</context>
<context>
    <name>Egenvurdering</name>
    <message>
        <source>ingen</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Enhet {unit}, {people} ansatte – egenvurderinger lagret: {recorded} · uendret: {unchanged}</source>
        <translation>Unit {unit}, {people} employees – self-assessments saved: {recorded} · unchanged: {unchanged}</translation>
    </message>
    <message>
        <source>Enhet {unit}, {people} ansatte – egenvurderinger: {recorded} · avviste celler: {refused} · uendret: {unchanged}</source>
        <translation>Unit {unit}, {people} employees – self-assessments: {recorded} · refused cells: {refused} · unchanged: {unchanged}</translation>
    </message>
    <message>
        <source>allerede registrert: {count}</source>
        <translation>already registered: {count}</translation>
    </message>
    <message>
        <source>Innlesing av egenvurderinger</source>
        <translation>Reading in self-assessments</translation>
    </message>
    <message>
        <source>Fil: {file}</source>
        <translation>File: {file}</translation>
    </message>
    <message>
        <source>Egenvurderinger:</source>
        <translation>Self-assessments:</translation>
    </message>
    <message>
        <source>Avviste celler:</source>
        <translation>Refused cells:</translation>
    </message>
</context>
<context>
    <name>Eksport</name>
    <message>
        <source>PDF-dokument (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>Excel-arbeidsbok (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>EmployeeCard</name>
    <message>
        <source>← Ansattlisten</source>
        <extracomment>The card finished loading (used by tests and the screenshot script).</extracomment>
        <translation>← Employee list</translation>
    </message>
    <message>
        <source>Tilbake til ansattlisten (Alt+Venstre)</source>
        <translation>Back to the employee list (Alt+Left)</translation>
    </message>
    <message>
        <source>Endre…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>&amp;Eksporter alt om personen (innsyn)…</source>
        <translation>&amp;Export everything about the person (access request)…</translation>
    </message>
    <message>
        <source>Alt registeret har om personen, som PDF eller JSON</source>
        <translation>Everything the register holds on the person, as PDF or JSON</translation>
    </message>
    <message>
        <source>Slett personen og alle spor etter vedkommende</source>
        <translation>Erase the person and every trace of them</translation>
    </message>
    <message>
        <source>Perso&amp;nvern</source>
        <translation>&amp;Data protection</translation>
    </message>
    <message>
        <source>Personvern: innsyn og sletting</source>
        <translation>Data protection: access and erasure</translation>
    </message>
    <message>
        <source>Ansattkort</source>
        <translation>Employee card</translation>
    </message>
    <message>
        <source>K&amp;ompetanse</source>
        <translation>C&amp;ompetence</translation>
    </message>
    <message>
        <source>&amp;Stillinger</source>
        <translation>&amp;Positions</translation>
    </message>
    <message>
        <source>&amp;Utviklingsmål</source>
        <translation>&amp;Learning goals</translation>
    </message>
    <message>
        <source>&amp;Kurs og sertifikater</source>
        <translation>&amp;Courses and certificates</translation>
    </message>
    <message>
        <source>Kv&amp;alifikasjoner</source>
        <translation>&amp;Qualifications</translation>
    </message>
    <message>
        <source>&amp;Medarbeidersamtaler</source>
        <translation>&amp;Appraisal talks</translation>
    </message>
    <message>
        <source>Laster…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Ansattnr. {no}</source>
        <translation>Employee no. {no}</translation>
    </message>
    <message>
        <source>Leder: {name}</source>
        <translation>Manager: {name}</translation>
    </message>
    <message>
        <source>Sluttet {date}</source>
        <translation>Left {date}</translation>
    </message>
    <message>
        <source>Registrer som aktiv igjen</source>
        <translation>Register as active again</translation>
    </message>
    <message>
        <source>Registrer som sluttet…</source>
        <translation>Register as having left…</translation>
    </message>
    <message>
        <source>Ansattkort for {name}</source>
        <translation>Employee card for {name}</translation>
    </message>
    <message>
        <source>Aktiv igjen</source>
        <translation>Active again</translation>
    </message>
    <message>
        <source>Registrere {name} som aktiv igjen?</source>
        <translation>Register {name} as active again?</translation>
    </message>
    <message>
        <source>Skriv ut utviklings&amp;plan…</source>
        <translation>Print development pla&amp;n…</translation>
    </message>
    <message>
        <source>Lag utviklingsplanen som PDF til medarbeidersamtalen (Ctrl+P)</source>
        <translation>Make the development plan as a PDF for the appraisal talk (Ctrl+P)</translation>
    </message>
    <message>
        <source>Slett pe&amp;rsonen (personvern)…</source>
        <translation>Erase the perso&amp;n (data protection)…</translation>
    </message>
    <message>
        <source>Stillingsprosent i alt: {pct}</source>
        <translation>Total FTE: {pct}</translation>
    </message>
    <message>
        <source>Lagre utviklingsplanen for {name}</source>
        <translation>Save the development plan of {name}</translation>
    </message>
    <message>
        <source>Utviklingsplanen er lagret: {path}</source>
        <translation>The development plan was saved: {path}</translation>
    </message>
</context>
<context>
    <name>EmployeesPage</name>
    <message>
        <source>Vis også de som har sluttet</source>
        <translation>Also show those who have left</translation>
    </message>
    <message>
        <source>Bare de med &amp;medarbeidersamtale forfalt</source>
        <translation>Only those with the appraisal talk &amp;overdue</translation>
    </message>
    <message>
        <source>De som skulle hatt medarbeidersamtale nå (Innstillinger: tid mellom samtalene)</source>
        <translation>Those who should have had an appraisal talk by now (Settings: time between talks)</translation>
    </message>
    <message>
        <source>Nullstill filtre</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>Filtre</source>
        <translation>Filters</translation>
    </message>
    <message>
        <source>&amp;Enhet</source>
        <translation>&amp;Unit</translation>
    </message>
    <message>
        <source>&amp;Rolle</source>
        <translation>&amp;Role</translation>
    </message>
    <message>
        <source>&amp;Kompetanse</source>
        <translation>&amp;Competence</translation>
    </message>
    <message>
        <source>Søk på navn, ansattnummer, enhet, stilling, rolle eller e-post</source>
        <translation>Search by name, employee number, unit, position, role or e-mail</translation>
    </message>
    <message>
        <source>Søk i ansattlisten</source>
        <translation>Search the employee list</translation>
    </message>
    <message>
        <source>Pil ned eller Enter går til listen</source>
        <translation>Down arrow or Enter goes to the list</translation>
    </message>
    <message>
        <source>Antall viste ansatte</source>
        <translation>Number of employees shown</translation>
    </message>
    <message>
        <source>&amp;Ny ansatt…</source>
        <translation>&amp;New employee…</translation>
    </message>
    <message>
        <source>Ansatte</source>
        <translation>Employees</translation>
    </message>
    <message>
        <source>&amp;Søk:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <source>Laster…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Viser {shown} av {total}</source>
        <translation>Showing {shown} of {total}</translation>
    </message>
</context>
<context>
    <name>EndPositionDialog</name>
    <message>
        <source>Avslutt stilling</source>
        <translation>End position</translation>
    </message>
    <message>
        <source>Siste dag:</source>
        <translation>Last day:</translation>
    </message>
</context>
<context>
    <name>Enheter</name>
    <message>
        <source>(kommunen {mean})</source>
        <translation>(municipality {mean})</translation>
    </message>
</context>
<context>
    <name>ErasureDialog</name>
    <message>
        <source>Slett personen (personvern)</source>
        <translation>Erase the person (data protection)</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Slette {name} (ansattnr. {number}) for godt?&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Erase {name} (employee no. {number}) for good?&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Dette slettes:&lt;/p&gt;&lt;ul&gt;{items}&lt;/ul&gt;</source>
        <translation>&lt;p&gt;This is erased:&lt;/p&gt;&lt;ul&gt;{items}&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>Dette slettes</source>
        <translation>This is erased</translation>
    </message>
    <message>
        <source>Revisjonsloggen beholder bare at en sletting fant sted, uten ansattnummer eller navn. Slettingen kan ikke angres.

Sikkerhetskopier tatt før slettingen inneholder fortsatt personen til de roteres bort (de {keep} nyeste automatiske kopiene beholdes). Manuelle kopier må du slette selv. Gjenoppretter du en eldre kopi, må slettingen gjøres på nytt.</source>
        <translation>The audit log keeps only that an erasure took place, without employee number or name. The erasure cannot be undone.

Backups taken before the erasure still hold the person until they are rotated out (the {keep} newest automatic backups are kept). Manual backups you must delete yourself. If you restore an older backup, the erasure must be done again.</translation>
    </message>
    <message>
        <source>S&amp;kriv ansattnummeret {number} for å bekrefte:</source>
        <translation>&amp;Type the employee number {number} to confirm:</translation>
    </message>
    <message>
        <source>Ansattnummer som bekreftelse</source>
        <translation>Employee number as confirmation</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Slett pers&amp;onen</source>
        <translation>Erase the perso&amp;n</translation>
    </message>
</context>
<context>
    <name>FactorTable</name>
    <message>
        <source>Snitt på skalaen 1–5. Faktor 4 og 7 (uthevet) hører sammen med enhetens kompetansetall. Bare resultater per enhet lagres, aldri svar fra den enkelte.</source>
        <translation>Means on the 1–5 scale. Factors 4 and 7 (marked) go with the unit&apos;s competence figures. Only results per unit are stored, never a person&apos;s answers.</translation>
    </message>
    <message>
        <source>Faktor</source>
        <translation>Factor</translation>
    </message>
    <message>
        <source>Endring</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Fra {old} til {new}</source>
        <translation>From {old} to {new}</translation>
    </message>
    <message>
        <source>Kommunen {year}</source>
        <translation>Municipality {year}</translation>
    </message>
    <message>
        <source>Forskjell</source>
        <translation>Difference</translation>
    </message>
    <message>
        <source>Enhetens snitt minus kommunens</source>
        <translation>The unit&apos;s mean minus the municipality&apos;s</translation>
    </message>
</context>
<context>
    <name>Feil</name>
    <message>
        <source>Kompetanseregister</source>
        <extracomment>Dialogs without a parent window are owned by Python: keep a reference while they are open.</extracomment>
        <translation>Kompetanseregister</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Filen som skal leses inn</source>
        <extracomment>Which folder the file dialog remembers; its title and filters are set by the subclass.</extracomment>
        <translation>The file to read</translation>
    </message>
    <message>
        <source>&amp;Bla gjennom…</source>
        <translation>B&amp;rowse…</translation>
    </message>
    <message>
        <source>&amp;Fil:</source>
        <translation>&amp;File:</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <source>Velkommen til Kompetanseregister</source>
        <extracomment>The key of the Import screen, whose roster wizard the &quot;import a roster&quot; choice opens.</extracomment>
        <translation>Welcome to Kompetanseregister</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Registeret er tomt&lt;/h3&gt;&lt;p&gt;Hvordan vil du begynne? Du kan hente inn en personalliste fra HR-systemet, prøve programmet med en oppdiktet kommune, eller legge inn enheter og ansatte selv.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;The register is empty&lt;/h3&gt;&lt;p&gt;How would you like to begin? You can import a staff list from the HR system, try the program with a fictional municipality, or enter units and employees yourself.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Importer personalliste fra Excel…</source>
        <translation>&amp;Import a staff list from Excel…</translation>
    </message>
    <message>
        <source>&amp;Prøv med en demokommune</source>
        <translation>&amp;Try a demo municipality</translation>
    </message>
    <message>
        <source>Åpner en egen demodatabase med oppdiktede personer. Ditt eget register forblir tomt.</source>
        <translation>Opens a separate demo database with fictional people. Your own register stays empty.</translation>
    </message>
    <message>
        <source>&amp;Start med et tomt register</source>
        <translation>&amp;Start with an empty register</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Feilmelding</source>
        <extracomment>Widgets whose inner parts (a combo box&apos;s line edit, a view&apos;s viewport) are not fields of their own.</extracomment>
        <translation>Error message</translation>
    </message>
    <message>
        <source>Lagre</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Rett opp feltet som er merket med rødt, så kan du lagre.</source>
        <translation>Correct the field marked in red, then you can save.</translation>
    </message>
    <message>
        <source>Forkaste endringene?</source>
        <translation>Discard your changes?</translation>
    </message>
    <message>
        <source>Du har fylt inn noe som ikke er lagret. Vil du forkaste det?</source>
        <translation>You have entered something that is not saved. Do you want to discard it?</translation>
    </message>
    <message>
        <source>For&amp;kast</source>
        <translation>Disc&amp;ard</translation>
    </message>
    <message>
        <source>Fortsett å &amp;redigere</source>
        <translation>Keep &amp;editing</translation>
    </message>
</context>
<context>
    <name>FrameworkFiles</name>
    <message>
        <source>Rammeverksfiler (*.json);;Alle filer (*)</source>
        <extracomment>A file was imported; the id of the framework it added or updated. A framework was written to a file.</extracomment>
        <translation>Framework files (*.json);;All files (*)</translation>
    </message>
    <message>
        <source>Importer rammeverk</source>
        <translation>Import framework</translation>
    </message>
    <message>
        <source>Leser inn rammeverket…</source>
        <translation>Reading the framework…</translation>
    </message>
    <message>
        <source>Rammeverket er lest inn</source>
        <translation>The framework was imported</translation>
    </message>
    <message>
        <source>Eksporter rammeverk</source>
        <translation>Export framework</translation>
    </message>
    <message>
        <source>Lagrer rammeverket…</source>
        <translation>Saving the framework…</translation>
    </message>
    <message>
        <source>«{name}» (versjon {version}) er lagret i {path}</source>
        <translation>&quot;{name}&quot; (version {version}) saved to {path}</translation>
    </message>
</context>
<context>
    <name>FrameworkTreeWidget</name>
    <message>
        <source>Område og kompetanse</source>
        <extracomment>The (kind, id) behind an item: (&quot;area&quot;, 12) or (&quot;competence&quot;, 40). Lower-case text the filter matches.</extracomment>
        <translation>Area and competence</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Kritisk</source>
        <translation>Critical</translation>
    </message>
    <message>
        <source>Områder og kompetanser</source>
        <translation>Areas and competences</translation>
    </message>
    <message>
        <source>Ja</source>
        <translation>Yes</translation>
    </message>
</context>
<context>
    <name>FrameworksPage</name>
    <message>
        <source>&amp;Rammeverk</source>
        <translation>F&amp;rameworks</translation>
    </message>
    <message>
        <source>R&amp;oller og krav</source>
        <translation>R&amp;oles and requirements</translation>
    </message>
    <message>
        <source>Kv&amp;alifikasjoner</source>
        <translation>Q&amp;ualifications</translation>
    </message>
    <message>
        <source>Rammeverk og roller</source>
        <translation>Frameworks and roles</translation>
    </message>
</context>
<context>
    <name>FrameworksTab</name>
    <message>
        <source>Rammeverk</source>
        <extracomment>The user chose another framework: the page loads its tree. A framework&apos;s tree is shown (used by tests and the screenshots). Select this item after the next reload (what was just added or edited). Show this framework after the next reload (a copy just made, a file just imported).</extracomment>
        <translation>Framework</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Kompetanser</source>
        <translation>Competences</translation>
    </message>
    <message>
        <source>Rammeverk i registeret</source>
        <translation>Frameworks in the register</translation>
    </message>
    <message>
        <source>Lag &amp;kopi…</source>
        <translation>Make a &amp;copy…</translation>
    </message>
    <message>
        <source>Endre &amp;navn…</source>
        <translation>Re&amp;name…</translation>
    </message>
    <message>
        <source>Slett rammeverket</source>
        <translation>Delete the framework</translation>
    </message>
    <message>
        <source>&amp;Importer fil…</source>
        <translation>&amp;Import file…</translation>
    </message>
    <message>
        <source>Les inn et rammeverk fra en JSON-fil</source>
        <translation>Read a framework from a JSON file</translation>
    </message>
    <message>
        <source>Lagre det valgte rammeverket som en JSON-fil</source>
        <translation>Save the selected framework as a JSON file</translation>
    </message>
    <message>
        <source>Om rammeverket kan endres</source>
        <translation>Whether the framework can be changed</translation>
    </message>
    <message>
        <source>Søk på kode, navn eller sitat («4.2», «personvern»)</source>
        <translation>Search by code, name or quote (&quot;4.2&quot;, &quot;privacy&quot;)</translation>
    </message>
    <message>
        <source>Søk i rammeverket</source>
        <translation>Search the framework</translation>
    </message>
    <message>
        <source>Antall viste kompetanser</source>
        <translation>Number of competences shown</translation>
    </message>
    <message>
        <source>&amp;Søk:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <source>&amp;Endre…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>Rammeverk i re&amp;gisteret:</source>
        <translation>Frameworks in the re&amp;gister:</translation>
    </message>
    <message>
        <source>Eksporter fi&amp;l…</source>
        <translation>E&amp;xport file…</translation>
    </message>
    <message>
        <source>Nytt o&amp;mråde…</source>
        <translation>New &amp;area…</translation>
    </message>
    <message>
        <source>Ny kompe&amp;tanse…</source>
        <translation>New compe&amp;tence…</translation>
    </message>
    <message>
        <source>F&amp;jern</source>
        <translation>Re&amp;move</translation>
    </message>
    <message>
        <source>Endre navnene på nivåene i skalaen</source>
        <translation>Change the names of the levels of the scale</translation>
    </message>
    <message>
        <source>Niv&amp;ånavn…</source>
        <translation>Leve&amp;l names…</translation>
    </message>
    <message>
        <source>Innebygd</source>
        <translation>Built in</translation>
    </message>
    <message>
        <source>Egen</source>
        <translation>Own</translation>
    </message>
    <message>
        <source>{shown} av {total}</source>
        <translation>{shown} of {total}</translation>
    </message>
    <message>
        <source>Innebygd rammeverk: det følger programmet og kan ikke endres. Lag en kopi for å tilpasse det til kommunen.</source>
        <translation>Built-in framework: it comes with the program and cannot be changed. Make a copy to adapt it to the municipality.</translation>
    </message>
    <message>
        <source>Kommunens eget rammeverk: områder, kompetanser og nivånavn kan endres.</source>
        <translation>The municipality&apos;s own framework: areas, competences and level names can be changed.</translation>
    </message>
    <message>
        <source>Slette rammeverket «{name}» med alle områder og kompetanser? Det kan bare slettes når ingen krav, vurderinger, kurs eller mål bruker det.</source>
        <translation>Delete the framework &quot;{name}&quot; with all its areas and competences? It can only be deleted when no requirement, assessment, course or goal uses it.</translation>
    </message>
    <message>
        <source>Fjerne kompetansen «{name}» fra rammeverket?</source>
        <translation>Remove the competence &quot;{name}&quot; from the framework?</translation>
    </message>
    <message>
        <source>Fjerne området «{name}» med alle de {count} kompetansene i det?</source>
        <translation>Remove the area &quot;{name}&quot; with all {count} competences in it?</translation>
    </message>
    <message>
        <source>Fjern</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>FulltimePanel</name>
    <message>
        <source>Heltidskultur: samlet stillingsprosent</source>
        <translation>Full-time culture: total FTE</translation>
    </message>
    <message>
        <source>Nøkkeltall for heltidskultur</source>
        <translation>Key figures of full-time culture</translation>
    </message>
    <message>
        <source>Stillingsstørrelse (heltidskultur)</source>
        <translation>Post size (full-time culture)</translation>
    </message>
    <message>
        <source>{share} i heltid · snitt {mean} · {invol} ufrivillig deltid · {over} over {full}</source>
        <translation>{share} full time · mean {mean} · {invol} involuntary part-time · {over} above {full}</translation>
    </message>
    <message>
        <source>Hver person telles med sin samlede stillingsprosent i alle enheter; {known} av {people} har oppgitt ønsket stillingsprosent.</source>
        <translation>Each person counts with their total FTE in all units; {known} of {people} have given a desired FTE.</translation>
    </message>
    <message>
        <source>Ingen stillinger.</source>
        <translation>No posts.</translation>
    </message>
</context>
<context>
    <name>FulltimeTab</name>
    <message>
        <source>Nøkkeltall for heltidskultur</source>
        <translation>Key figures of full-time culture</translation>
    </message>
    <message>
        <source>Samlet stillingsprosent per person</source>
        <translation>Total FTE per person</translation>
    </message>
    <message>
        <source>Andel i heltid de siste to årene</source>
        <translation>Share in full time over the last two years</translation>
    </message>
    <message>
        <source>Andel i heltid (fra stillingshistorikken)</source>
        <translation>Share in full time (from position history)</translation>
    </message>
    <message>
        <source>Enhet</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Snitt {mean}; midlertidige: {temporary}</source>
        <translation>Mean {mean}; temporary: {temporary}</translation>
    </message>
    <message>
        <source>Personer</source>
        <translation>People</translation>
    </message>
    <message>
        <source>Heltid</source>
        <translation>Full time</translation>
    </message>
    <message>
        <source>Snitt</source>
        <translation>Mean</translation>
    </message>
    <message>
        <source>Gjennomsnittlig samlet stillingsprosent per person</source>
        <translation>Average total FTE per person</translation>
    </message>
    <message>
        <source>Ønsker mer</source>
        <translation>Want more</translation>
    </message>
    <message>
        <source>Ufrivillig deltid: i deltid og ønsker større stilling</source>
        <translation>Involuntary part-time: part time and want a larger post</translation>
    </message>
    <message>
        <source>Midlertidig</source>
        <translation>Temporary</translation>
    </message>
    <message>
        <source>Navn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Ansattnr.</source>
        <translation>Employee no.</translation>
    </message>
    <message>
        <source>Samlet</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Ønsket</source>
        <translation>Desired</translation>
    </message>
    <message>
        <source>Stillinger</source>
        <translation>Posts</translation>
    </message>
    <message>
        <source>Heltidskultur per enhet</source>
        <translation>Full-time culture per unit</translation>
    </message>
    <message>
        <source>Over {full} til sammen</source>
        <translation>Above {full} in all</translation>
    </message>
    <message>
        <source>Ønsker større stilling</source>
        <translation>Want a larger post</translation>
    </message>
    <message>
        <source>Heltidskultur i detalj</source>
        <translation>Full-time culture in detail</translation>
    </message>
    <message>
        <source>Per enhet</source>
        <translation>Per unit</translation>
    </message>
    <message>
        <source>Over {full}</source>
        <translation>Above {full}</translation>
    </message>
    <message>
        <source>Hver person telles med sin samlede stillingsprosent i alle enheter: {here} her og {there} der er heltid i begge. Ufrivillig deltid bygger på ønsket stillingsprosent fra personallisten eller ansattkortet.</source>
        <translation>Each person counts with their total FTE in all units: {here} here and {there} there is full time in both. Involuntary part-time rests on the desired FTE from the roster or the employee card.</translation>
    </message>
    <message>
        <source>Ingen stillinger.</source>
        <translation>No posts.</translation>
    </message>
    <message>
        <source>Ingen stillinger i perioden.</source>
        <translation>No posts in the period.</translation>
    </message>
    <message>
        <source>Over {full} ({count})</source>
        <translation>Above {full} ({count})</translation>
    </message>
    <message>
        <source>Ønsker større stilling ({count})</source>
        <translation>Want a larger post ({count})</translation>
    </message>
</context>
<context>
    <name>GoalDialog</name>
    <message>
        <source>Endre utviklingsmål</source>
        <translation>Edit learning goal</translation>
    </message>
    <message>
        <source>Nytt utviklingsmål</source>
        <translation>New learning goal</translation>
    </message>
    <message>
        <source>(ingen)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>timer</source>
        <translation>hours</translation>
    </message>
    <message>
        <source>Beskrivelse:</source>
        <translation>Description:</translation>
    </message>
    <message>
        <source>Aktivitet:</source>
        <translation>Activity:</translation>
    </message>
    <message>
        <source>Kompetanse:</source>
        <translation>Competence:</translation>
    </message>
    <message>
        <source>Strategiområde:</source>
        <translation>Strategy area:</translation>
    </message>
    <message>
        <source>Målnivå:</source>
        <translation>Target level:</translation>
    </message>
    <message>
        <source>Start:</source>
        <translation>Start:</translation>
    </message>
    <message>
        <source>Frist:</source>
        <translation>Due:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Timer:</source>
        <translation>Hours:</translation>
    </message>
    <message>
        <source>Kostnad:</source>
        <translation>Cost:</translation>
    </message>
    <message>
        <source>Resultat:</source>
        <translation>Result:</translation>
    </message>
    <message>
        <source>(ikke angitt)</source>
        <translation>(not set)</translation>
    </message>
</context>
<context>
    <name>GoalsTab</name>
    <message>
        <source>Beskrivelse</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Aktivitet</source>
        <translation>Activity</translation>
    </message>
    <message>
        <source>Kompetanse / område</source>
        <translation>Competence / area</translation>
    </message>
    <message>
        <source>Målnivå</source>
        <translation>Target level</translation>
    </message>
    <message>
        <source>Frist</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Fristen er passert</source>
        <translation>The due date has passed</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Timer</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Kostnad</source>
        <translation>Cost</translation>
    </message>
    <message>
        <source>Utviklingsmål</source>
        <translation>Learning goals</translation>
    </message>
    <message>
        <source>Nytt mål…</source>
        <translation>New goal…</translation>
    </message>
    <message>
        <source>Endre…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Sett status</source>
        <translation>Set status</translation>
    </message>
    <message>
        <source>Slett</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Slett utviklingsmål</source>
        <translation>Delete learning goal</translation>
    </message>
    <message>
        <source>Slette målet «{text}»?</source>
        <translation>Delete the goal &apos;{text}&apos;?</translation>
    </message>
</context>
<context>
    <name>GrantDialog</name>
    <message>
        <source>Endre tilgang</source>
        <translation>Change access</translation>
    </message>
    <message>
        <source>Gi tilgang</source>
        <translation>Give access</translation>
    </message>
    <message>
        <source>Innlogging</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>innloggingen på databaseserveren</source>
        <translation>the login on the database server</translation>
    </message>
    <message>
        <source>&amp;HR: hele kommunen</source>
        <translation>&amp;HR: the whole municipality</translation>
    </message>
    <message>
        <source>&amp;Enhetsleder: personene i enhetene denne personen leder</source>
        <translation>Unit &amp;leader: the people in the units this person leads</translation>
    </message>
    <message>
        <source>Lederen i registeret</source>
        <translation>The leader in the register</translation>
    </message>
    <message>
        <source>En enhetsleder når personene i enhetene lederen leder og enhetene under, sine direkte underordnede og seg selv, og kan ikke utvide det selv. Databasen gir og tar tilbake rettighetene; endringen føres i revisjonsloggen.</source>
        <translation>A unit leader reaches the people in the units the leader leads and the units below, their direct reports and themselves, and cannot widen that. The database grants and takes back the privileges; the change is recorded in the audit log.</translation>
    </message>
    <message>
        <source>Melding</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>&amp;Innlogging:</source>
        <translation>&amp;Login:</translation>
    </message>
    <message>
        <source>Tilgang:</source>
        <translation>Access:</translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation>&amp;Person:</translation>
    </message>
    <message>
        <source>&amp;Gi tilgang</source>
        <translation>&amp;Give access</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Velg eller skriv innloggingen som skal få tilgang.</source>
        <translation>Choose or type the login that is to get access.</translation>
    </message>
    <message>
        <source>Velg personen i registeret som innloggingen tilhører.</source>
        <translation>Choose the person in the register the login belongs to.</translation>
    </message>
    <message>
        <source>Gir tilgang…</source>
        <translation>Giving access…</translation>
    </message>
</context>
<context>
    <name>GroupsView</name>
    <message>
        <source>Oppsummering</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Rad</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Enhet i filen</source>
        <translation>Unit in the file</translation>
    </message>
    <message>
        <source>År</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Svar</source>
        <translation>Answers</translation>
    </message>
    <message>
        <source>Enhet i registeret</source>
        <translation>Unit in the register</translation>
    </message>
    <message>
        <source>Resultat</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Gruppene i filen</source>
        <translation>The groups of the file</translation>
    </message>
</context>
<context>
    <name>HeldQualificationDialog</name>
    <message>
        <source>Endre kvalifikasjon</source>
        <translation>Edit qualification</translation>
    </message>
    <message>
        <source>Registrer kvalifikasjon</source>
        <translation>Record qualification</translation>
    </message>
    <message>
        <source>f.eks. Helsedirektoratet, OsloMet</source>
        <translation>e.g. the Norwegian Directorate of Health, OsloMet</translation>
    </message>
    <message>
        <source>Hvor dokumentet er arkivert, f.eks. sak 2019/1234</source>
        <translation>Where the document is filed, e.g. case 2019/1234</translation>
    </message>
    <message>
        <source>Kvalifikasjon:</source>
        <translation>Qualification:</translation>
    </message>
    <message>
        <source>Oppnådd:</source>
        <translation>Obtained:</translation>
    </message>
    <message>
        <source>Utløper:</source>
        <translation>Expires:</translation>
    </message>
    <message>
        <source>Utsteder:</source>
        <translation>Issuer:</translation>
    </message>
    <message>
        <source>Dokumentreferanse:</source>
        <translation>Document reference:</translation>
    </message>
    <message>
        <source>Merknad:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>Registeret holder bare en henvisning til dokumentet, aldri en kopi, og aldri fødselsnummer.</source>
        <translation>The register holds only a reference to the document, never a copy, and never a national identity number.</translation>
    </message>
</context>
<context>
    <name>HeldTable</name>
    <message>
        <source>Kvalifikasjon</source>
        <translation>Qualification</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Oppnådd</source>
        <translation>Obtained</translation>
    </message>
    <message>
        <source>Utløper</source>
        <translation>Expires</translation>
    </message>
    <message>
        <source>uten utløp</source>
        <translation>no expiry</translation>
    </message>
    <message>
        <source>Dokument</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Kvalifikasjoner personen har</source>
        <translation>Qualifications the person holds</translation>
    </message>
    <message>
        <source>Re&amp;gistrer kvalifikasjon…</source>
        <translation>Record q&amp;ualification…</translation>
    </message>
    <message>
        <source>Endre…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Slett</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Slett kvalifikasjon</source>
        <translation>Delete qualification</translation>
    </message>
    <message>
        <source>Slette «{name}» fra personen?</source>
        <translation>Delete “{name}” from the person?</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>Brukerveiledning – Kompetanseregister</source>
        <extracomment>The guide&apos;s topics in the order of its table of contents. The keys of the screens are those of their pages (ui/pages/page_*.py); &quot;card&quot; is the employee card.</extracomment>
        <translation>User guide – Kompetanseregister</translation>
    </message>
    <message>
        <source>Innhold</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>Hjelpetekst</source>
        <translation>Help text</translation>
    </message>
</context>
<context>
    <name>Heltid</name>
    <message>
        <source>{full} eller mer</source>
        <translation>{full} or more</translation>
    </message>
    <message>
        <source>under {share}</source>
        <translation>under {share}</translation>
    </message>
    <message>
        <source>{people} personer · {full} i heltid ({share}) · gjennomsnittlig stillingsstørrelse {mean}</source>
        <translation>{people} people · {full} full time ({share}) · average post size {mean}</translation>
    </message>
    <message>
        <source>{invol} av {part} i deltid ønsker større stilling · {known} har oppgitt ønsket stillingsprosent</source>
        <translation>{invol} of {part} part-timers want a larger post · {known} have given a desired FTE</translation>
    </message>
    <message>
        <source>{permanent} fast ansatt · {temporary} kun midlertidig · {several} med flere stillinger · {over} over {full}</source>
        <translation>{permanent} permanent · {temporary} temporary only · {several} with several posts · {over} above {full}</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>Personalliste fra HR-systemet</source>
        <translation>Roster from the HR system</translation>
    </message>
    <message>
        <source>Hold registeret i takt med HR-systemet: les inn ansattlisten som Excel- eller LibreOffice-fil. Nye personer og stillinger legges til, endringer oppdateres, og de som ikke lenger står på en hel liste, markeres som sluttet. Du ser alt før noe lagres.</source>
        <translation>Keep the register in step with the HR system: read the employee roster as an Excel or LibreOffice file. New people and positions are added, changes are updated, and those no longer on a full roster are marked as having left. You see everything before anything is saved.</translation>
    </message>
    <message>
        <source>&amp;Importer personalliste…</source>
        <translation>&amp;Import roster…</translation>
    </message>
    <message>
        <source>Utfylt vurderingsmal</source>
        <translation>Filled-in assessment template</translation>
    </message>
    <message>
        <source>Les inn en vurderingsmal en leder har fylt ut i Excel. Nye nivåer blir vurderinger fra leder; celler som ikke kan leses, vises med cellereferanse og årsak.</source>
        <translation>Read an assessment template a leader has filled in in Excel. New levels become leader assessments; cells that cannot be read are shown with their cell reference and the reason.</translation>
    </message>
    <message>
        <source>Les inn vurderings&amp;mal…</source>
        <translation>Read assessment te&amp;mplate…</translation>
    </message>
    <message>
        <source>Les inn &amp;10-FAKTOR…</source>
        <translation>Import &amp;10-FAKTOR…</translation>
    </message>
    <message>
        <source>Resultater fra 10-FAKTOR</source>
        <translation>Results from 10-FAKTOR</translation>
    </message>
    <message>
        <source>Les inn enhetenes resultater fra medarbeiderundersøkelsen (snitt per faktor og antall svar). Grupper under minstegrensen leses aldri inn. Resultatene vises under Planlegging, Enheter og Oversikt.</source>
        <translation>Import the units&apos; results of the employee survey (the mean per factor and the number who answered). Groups under the minimum are never read. The results show in Planning, Units and Overview.</translation>
    </message>
    <message>
        <source>Les inn e&amp;genvurderinger…</source>
        <translation>Read in s&amp;elf-assessments…</translation>
    </message>
    <message>
        <source>Utfylt egenvurderingsskjema</source>
        <translation>Completed self-assessment form</translation>
    </message>
    <message>
        <source>Les inn skjemaet de ansatte har fylt ut før medarbeidersamtalen. Nivåene lagres som egenvurderinger ved siden av lederens; alt eller ingenting.</source>
        <translation>Read in the form the employees filled in before the appraisal talk. The levels are saved as self-assessments next to the leader&apos;s; all or nothing.</translation>
    </message>
    <message>
        <source>Tidspunkt</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Fil</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Utført av</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Resultat</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Endringer</source>
        <translation>Counts</translation>
    </message>
    <message>
        <source>Tidligere importer</source>
        <translation>Earlier imports</translation>
    </message>
    <message>
        <source>&amp;Tidligere importer:</source>
        <translation>Earlier impor&amp;ts:</translation>
    </message>
</context>
<context>
    <name>Importhistorikk</name>
    <message>
        <source>nye: {n}</source>
        <translation>new: {n}</translation>
    </message>
    <message>
        <source>endret: {n}</source>
        <translation>changed: {n}</translation>
    </message>
    <message>
        <source>sluttet: {n}</source>
        <translation>left: {n}</translation>
    </message>
    <message>
        <source>avviste rader: {n}</source>
        <translation>rejected rows: {n}</translation>
    </message>
    <message>
        <source>vurderinger: {n}</source>
        <translation>assessments: {n}</translation>
    </message>
    <message>
        <source>avviste celler: {n}</source>
        <translation>refused cells: {n}</translation>
    </message>
    <message>
        <source>egenvurderinger: {n}</source>
        <translation>self-assessments: {n}</translation>
    </message>
    <message>
        <source>ansatte: {n}</source>
        <translation>employees: {n}</translation>
    </message>
    <message>
        <source>kompetanser: {n}</source>
        <translation>competences: {n}</translation>
    </message>
    <message>
        <source>nye grupper: {n}</source>
        <translation>new groups: {n}</translation>
    </message>
    <message>
        <source>erstattet: {n}</source>
        <translation>replaced: {n}</translation>
    </message>
    <message>
        <source>under minstegrensen: {n}</source>
        <translation>under the minimum: {n}</translation>
    </message>
</context>
<context>
    <name>Importrapport</name>
    <message>
        <source>Ny</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Endret</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>Endres</source>
        <translation>Changes</translation>
    </message>
    <message>
        <source>Uendret</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>navn</source>
        <translation>name</translation>
    </message>
    <message>
        <source>e-post</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>leder</source>
        <translation>manager</translation>
    </message>
    <message>
        <source>tilbake etter å ha sluttet</source>
        <translation>back after having left</translation>
    </message>
    <message>
        <source>stillinger</source>
        <translation>positions</translation>
    </message>
    <message>
        <source>ansattnummer slik HR-systemet skriver det</source>
        <translation>employee number as the HR system writes it</translation>
    </message>
    <message>
        <source>ønsket stillingsprosent</source>
        <translation>desired FTE</translation>
    </message>
    <message>
        <source>sluttet (alle stillinger har sluttdato)</source>
        <translation>left (every position has an end date)</translation>
    </message>
    <message>
        <source>alle stillingene har passert sluttdato</source>
        <translation>every position has passed its end date</translation>
    </message>
    <message>
        <source>står ikke i filen</source>
        <translation>not in the file</translation>
    </message>
    <message>
        <source>Kolonner som ikke leses inn: {columns}</source>
        <translation>Columns not read: {columns}</translation>
    </message>
    <message>
        <source>Personer i filen: {persons} · nye: {created} · endret: {updated} · uendret: {unchanged} · markert som sluttet: {left}</source>
        <translation>People in the file: {persons} · new: {created} · changed: {updated} · unchanged: {unchanged} · marked as left: {left}</translation>
    </message>
    <message>
        <source>Personer i filen: {persons} · nye: {created} · endres: {updated} · uendret: {unchanged} · markeres som sluttet: {left}</source>
        <translation>People in the file: {persons} · new: {created} · to change: {updated} · unchanged: {unchanged} · to be marked as left: {left}</translation>
    </message>
    <message>
        <source>Avviste rader: {rejected} · advarsler: {warnings} · tomme rader og summer hoppet over: {ignored}</source>
        <translation>Rejected rows: {rejected} · warnings: {warnings} · blank and totals rows skipped: {ignored}</translation>
    </message>
    <message>
        <source>Stillinger – nye: {created} · endret: {updated} · avsluttet: {ended}</source>
        <translation>Positions – new: {created} · changed: {updated} · ended: {ended}</translation>
    </message>
    <message>
        <source>Stillinger – nye: {created} · endres: {updated} · avsluttes: {ended}</source>
        <translation>Positions – new: {created} · to change: {updated} · to end: {ended}</translation>
    </message>
    <message>
        <source>Enheter – nye: {created} · nytt navn: {renamed}</source>
        <translation>Units – new: {created} · renamed: {renamed}</translation>
    </message>
    <message>
        <source>Forhåndsvisning av import av personalliste</source>
        <translation>Preview of a roster import</translation>
    </message>
    <message>
        <source>Import av personalliste</source>
        <translation>Roster import</translation>
    </message>
    <message>
        <source>Hele personallisten</source>
        <translation>The whole roster</translation>
    </message>
    <message>
        <source>Delvis liste (ingen markeres som sluttet)</source>
        <translation>A partial roster (nobody is marked as left)</translation>
    </message>
    <message>
        <source>Rad {row}: {message}</source>
        <translation>Row {row}: {message}</translation>
    </message>
    <message>
        <source>Fil: {file}</source>
        <translation>File: {file}</translation>
    </message>
    <message>
        <source>Ark: {sheet} (overskrifter på rad {row})</source>
        <translation>Sheet: {sheet} (headers in row {row})</translation>
    </message>
    <message>
        <source>Avviste rader:</source>
        <translation>Rejected rows:</translation>
    </message>
    <message>
        <source>Advarsler:</source>
        <translation>Warnings:</translation>
    </message>
    <message>
        <source>Markeres som sluttet:</source>
        <translation>To be marked as left:</translation>
    </message>
    <message>
        <source>Markert som sluttet:</source>
        <translation>Marked as left:</translation>
    </message>
    <message>
        <source>Nye og endrede personer:</source>
        <translation>New and changed people:</translation>
    </message>
    <message>
        <source>Rad {rows}: {number} {name}: {what}</source>
        <translation>Row {rows}: {number} {name}: {what}</translation>
    </message>
</context>
<context>
    <name>Kolonnekobling</name>
    <message>
        <source> eller </source>
        <translation> or </translation>
    </message>
    <message>
        <source> og </source>
        <translation> and </translation>
    </message>
</context>
<context>
    <name>Kompetanseprofil</name>
    <message>
        <source>Oppfylt</source>
        <extracomment>a mandatory course without a valid certificate: orange while its deadline lasts, dark red after (ui/status_colours.py, as in the heatmap and the matrix) the order of the status column: what needs doing first</extracomment>
        <translation>Met</translation>
    </message>
    <message>
        <source>Avvik</source>
        <translation>Gap</translation>
    </message>
    <message>
        <source>Ikke vurdert</source>
        <translation>Not assessed</translation>
    </message>
    <message>
        <source>Mangler</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>Forfalt</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Mangler, frist {date}</source>
        <translation>Missing, deadline {date}</translation>
    </message>
    <message>
        <source>ikke registrert</source>
        <translation>not registered</translation>
    </message>
    <message>
        <source>gyldig</source>
        <translation>valid</translation>
    </message>
    <message>
        <source>utløpt</source>
        <translation>expired</translation>
    </message>
    <message>
        <source>ikke vurdert</source>
        <translation>not assessed</translation>
    </message>
    <message>
        <source>Egenvurdering {date}</source>
        <extracomment>the employee&apos;s own level differs from the leader&apos;s</extracomment>
        <translation>Self-assessment {date}</translation>
    </message>
    <message>
        <source>Avvik i prosentpoeng av skalaen: krav minus nåværende nivå, når nivået er lavere enn kravet. Ikke vurdert teller som {zero} i avviket.</source>
        <translation>Gap in percentage points of the scale: required minus current level, when the level is below the requirement. Not assessed counts as {zero} in the gap.</translation>
    </message>
</context>
<context>
    <name>Kryptering</name>
    <message>
        <source>ingen (ukryptert)</source>
        <translation>none (unencrypted)</translation>
    </message>
    <message>
        <source>kryptert hvis serveren tilbyr det (prefer)</source>
        <translation>encrypted if the server offers it (prefer)</translation>
    </message>
    <message>
        <source>alltid kryptert (require)</source>
        <translation>always encrypted (require)</translation>
    </message>
    <message>
        <source>kryptert, serverens sertifikat kontrolleres (verify-ca)</source>
        <translation>encrypted, the server&apos;s certificate checked (verify-ca)</translation>
    </message>
    <message>
        <source>kryptert, sertifikat og servernavn kontrolleres (verify-full)</source>
        <translation>encrypted, certificate and server name checked (verify-full)</translation>
    </message>
</context>
<context>
    <name>Kvalifikasjoner</name>
    <message>
        <source>Oppfylt (dispensasjon til {date})</source>
        <translation>Met (dispensation until {date})</translation>
    </message>
    <message>
        <source>Mangler, frist {date}</source>
        <translation>Missing, deadline {date}</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <source>minst {share} oppfyller kravet</source>
        <extracomment>The bar under the name of a critical competence in the heatmap&apos;s header. a mandatory course lacking (*mangler*, docs/compliance.md): the cell&apos;s corner takes the dark one of its colours, to stand out on any fill</extracomment>
        <translation>at least {share} meet the requirement</translation>
    </message>
    <message>
        <source>{low}–{high}</source>
        <translation>{low}–{high}</translation>
    </message>
    <message>
        <source>under {share}</source>
        <translation>below {share}</translation>
    </message>
    <message>
        <source>ingen er vurdert (i.v.)</source>
        <translation>nobody assessed (n.a.)</translation>
    </message>
    <message>
        <source>stripe: andel ikke vurdert</source>
        <translation>strip: share not assessed</translation>
    </message>
    <message>
        <source>hjørne: noen mangler et lovpålagt kurs</source>
        <translation>corner: someone lacks a mandatory course</translation>
    </message>
    <message>
        <source>tom: ingen har kravet</source>
        <translation>empty: nobody has the requirement</translation>
    </message>
    <message>
        <source>rød strek under navnet: kritisk kompetanse</source>
        <translation>red bar under the name: critical competence</translation>
    </message>
    <message>
        <source>Fargeforklaring</source>
        <translation>Colour legend</translation>
    </message>
</context>
<context>
    <name>LevelDelegate</name>
    <message>
        <source>Nytt nivå</source>
        <extracomment>Called with (competence id, level ordinal) when the user picks a level in place.</extracomment>
        <translation>New level</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Logg inn på det felles registeret</source>
        <translation>Log in to the shared register</translation>
    </message>
    <message>
        <source>Registeret ligger på en databaseserver. Logg inn med din egen innlogging; databasen avgjør selv hva den gir deg tilgang til.</source>
        <translation>The register is on a database server. Log in with your own login; the database itself decides what it gives you access to.</translation>
    </message>
    <message>
        <source>Databaseserver</source>
        <translation>Database server</translation>
    </message>
    <message>
        <source>Kryptering</source>
        <translation>Encryption</translation>
    </message>
    <message>
        <source>Innlogging</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>Passord</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>tomt: passordet i en pgpass- eller tjenestefil</source>
        <translation>empty: the password in a pgpass or service file</translation>
    </message>
    <message>
        <source>&amp;Husk passordet i nøkkelringen på denne maskinen</source>
        <translation>&amp;Remember the password in this machine&apos;s keychain</translation>
    </message>
    <message>
        <source>Denne maskinen har ingen nøkkelring der passordet kan lagres trygt, så det kan ikke huskes. Du kan i stedet legge det i en pgpass-fil (se docs/security.md).</source>
        <translation>This machine has no keychain where the password can be kept safely, so it cannot be remembered. You can put it in a pgpass file instead (see docs/security.md).</translation>
    </message>
    <message>
        <source>Melding</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Kryptering:</source>
        <translation>Encryption:</translation>
    </message>
    <message>
        <source>&amp;Innlogging:</source>
        <translation>&amp;Login:</translation>
    </message>
    <message>
        <source>&amp;Passord:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>&amp;Logg inn</source>
        <translation>&amp;Log in</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Skriv inn innloggingen din.</source>
        <translation>Type your login.</translation>
    </message>
    <message>
        <source>Kobler til…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Kunne ikke koble til: {error}</source>
        <translation>Could not connect: {error}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Kompetanseregister</source>
        <extracomment>What the status bar&apos;s &quot;what the login reaches&quot; depends on. The user closed the window (and nothing in the background kept it open).</extracomment>
        <translation>Kompetanseregister</translation>
    </message>
    <message>
        <source>DEMO (oppdiktede data)</source>
        <translation>DEMO (fictional data)</translation>
    </message>
    <message>
        <source>Navigasjon</source>
        <extracomment>The screens made so far: each is made the first time it is shown (a faster start). The user guide, once opened (F1).</extracomment>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>&amp;Fil</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Ta &amp;sikkerhetskopi nå</source>
        <translation>Take a &amp;backup now</translation>
    </message>
    <message>
        <source>&amp;Revisjonslogg…</source>
        <translation>&amp;Audit log…</translation>
    </message>
    <message>
        <source>&amp;Avslutt</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Vis</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Søk</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>&amp;Oppdater</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>&amp;Hjelp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Brukerveiledning</source>
        <translation>&amp;User guide</translation>
    </message>
    <message>
        <source>Hjelp til skjermbildet du står i (F1)</source>
        <translation>Help on the screen you are in (F1)</translation>
    </message>
    <message>
        <source>Åpne &amp;loggmappen</source>
        <translation>Open the &amp;log folder</translation>
    </message>
    <message>
        <source>&amp;Om Kompetanseregister</source>
        <translation>&amp;About Kompetanseregister</translation>
    </message>
    <message>
        <source>Arbeider…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <source>Arbeider i bakgrunnen</source>
        <translation>Working in the background</translation>
    </message>
    <message>
        <source>fil</source>
        <translation>file</translation>
    </message>
    <message>
        <source>server</source>
        <translation>server</translation>
    </message>
    <message>
        <source>Database ({kind}): {location}</source>
        <translation>Database ({kind}): {location}</translation>
    </message>
    <message>
        <source>Database i bruk</source>
        <translation>Database in use</translation>
    </message>
    <message>
        <source>Din rolle</source>
        <translation>Your role</translation>
    </message>
    <message>
        <source>Rolle: {role}</source>
        <translation>Role: {role}</translation>
    </message>
    <message>
        <source>Innlogget som {login}</source>
        <translation>Logged in as {login}</translation>
    </message>
    <message>
        <source>Databasen avgjør hva innloggingen din når.</source>
        <translation>The database decides what your login reaches.</translation>
    </message>
    <message>
        <source>Denne siden har ikke noe søkefelt.</source>
        <translation>This page has no search field.</translation>
    </message>
    <message>
        <source>Sikkerhetskopi lagret: {path}</source>
        <translation>Backup saved: {path}</translation>
    </message>
    <message>
        <source>Tar sikkerhetskopi…</source>
        <translation>Taking a backup…</translation>
    </message>
    <message>
        <source>Et arbeid i bakgrunnen er ikke ferdig. Vent litt og prøv å avslutte igjen.</source>
        <translation>Work in the background has not finished. Wait a moment and try to quit again.</translation>
    </message>
</context>
<context>
    <name>MappingGrid</name>
    <message>
        <source>Felt i registeret</source>
        <extracomment>Confidence at or above which a detected column needs no second look. Groups of fields of which one must have a column (the number; the name in one or two columns).</extracomment>
        <translation>Field in the register</translation>
    </message>
    <message>
        <source>Kolonne i filen</source>
        <translation>Column in the file</translation>
    </message>
    <message>
        <source>Gjenkjent</source>
        <translation>Recognised</translation>
    </message>
    <message>
        <source>Eksempler</source>
        <translation>Examples</translation>
    </message>
    <message>
        <source>Kolonne for {field}</source>
        <translation>Column for {field}</translation>
    </message>
    <message>
        <source>(ikke i bruk)</source>
        <translation>(not used)</translation>
    </message>
    <message>
        <source>(uten overskrift)</source>
        <translation>(no header)</translation>
    </message>
    <message>
        <source>valgt av deg</source>
        <translation>chosen by you</translation>
    </message>
    <message>
        <source>ikke funnet</source>
        <translation>not found</translation>
    </message>
    <message>
        <source>lagret fra forrige import</source>
        <translation>saved from the last import</translation>
    </message>
    <message>
        <source>sikker</source>
        <translation>certain</translation>
    </message>
    <message>
        <source>usikker ({percent}) – kontroller</source>
        <translation>uncertain ({percent}) – check</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Kolonner</source>
        <translation>Columns</translation>
    </message>
    <message>
        <source>Kontroller at hver opplysning hentes fra riktig kolonne. Felt merket * må være med.</source>
        <translation>Check that each item is read from the right column. Fields marked * are required.</translation>
    </message>
    <message>
        <source>Kolonner som ikke leses</source>
        <translation>Columns that are not read</translation>
    </message>
    <message>
        <source>&amp;Husk koblingen for filer med de samme kolonnene</source>
        <translation>&amp;Remember the mapping for files with the same columns</translation>
    </message>
    <message>
        <source>&amp;Glem den lagrede koblingen</source>
        <translation>&amp;Forget the saved mapping</translation>
    </message>
    <message>
        <source>Ark «{sheet}»: overskrifter på rad {row}, {rows} rader under.</source>
        <translation>Sheet &quot;{sheet}&quot;: headers in row {row}, {rows} rows below.</translation>
    </message>
    <message>
        <source>Koblingen er hentet fra forrige import av samme oppsett.</source>
        <translation>The mapping comes from the last import of the same layout.</translation>
    </message>
    <message>
        <source>Ingen overskrifter ble kjent igjen, så den første raden med innhold er brukt som overskrifter. Velg kolonnen for hver opplysning selv.</source>
        <translation>No headers were recognised, so the first row with content is used as the headers. Choose the column for each field yourself.</translation>
    </message>
    <message>
        <source>Velg kolonnen for {fields}.</source>
        <translation>Choose the column for {fields}.</translation>
    </message>
    <message>
        <source>Finner kolonnene på nytt…</source>
        <translation>Finding the columns again…</translation>
    </message>
</context>
<context>
    <name>MarkLeftDialog</name>
    <message>
        <source>Registrer at {name} har sluttet</source>
        <extracomment>What the card shows (the employee screen reloads it when one of these changed): the gap analysis&apos;s inputs, the person&apos;s talks and their formal qualifications.</extracomment>
        <translation>Register that {name} has left</translation>
    </message>
    <message>
        <source>Sluttdato:</source>
        <translation>End date:</translation>
    </message>
    <message>
        <source>Personen skjules i ansattlisten, men opplysningene beholdes til oppbevaringstiden er ute (se Innstillinger).</source>
        <translation>The person is hidden in the employee list, but the data is kept until the retention period is over (see Settings).</translation>
    </message>
</context>
<context>
    <name>MeasureDialog</name>
    <message>
        <source>Endre tiltak</source>
        <translation>Change measure</translation>
    </message>
    <message>
        <source>Nytt tiltak</source>
        <translation>New measure</translation>
    </message>
    <message>
        <source>(ingen)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>{competence}, nivå {level}: {have}/{need}</source>
        <translation>{competence}, level {level}: {have}/{need}</translation>
    </message>
    <message>
        <source>{qualification}: {have}/{need}</source>
        <translation>{qualification}: {have}/{need}</translation>
    </message>
    <message>
        <source>(ikke oppgitt: enhetens budsjett)</source>
        <translation>(not given: the unit&apos;s budget)</translation>
    </message>
    <message>
        <source>Tiltak:</source>
        <translation>Measure:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>År:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>Rettet mot mål:</source>
        <translation>Aimed at target:</translation>
    </message>
    <message>
        <source>eller kompetanse (avvik):</source>
        <translation>or competence (gap):</translation>
    </message>
    <message>
        <source>eller strategiområde:</source>
        <translation>or strategy area:</translation>
    </message>
    <message>
        <source>Beskrivelse:</source>
        <translation>Description:</translation>
    </message>
    <message>
        <source>Ansvarlig:</source>
        <translation>Responsible:</translation>
    </message>
    <message>
        <source>Frist:</source>
        <translation>Due:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Kostnad:</source>
        <translation>Cost:</translation>
    </message>
    <message>
        <source>Brukt hittil:</source>
        <translation>Spent so far:</translation>
    </message>
    <message>
        <source>Finansiering:</source>
        <translation>Funding:</translation>
    </message>
    <message>
        <source>Evaluering:</source>
        <translation>Evaluation:</translation>
    </message>
</context>
<context>
    <name>MeasureTable</name>
    <message>
        <source>Tiltak</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Rettet mot</source>
        <translation>Aimed at</translation>
    </message>
    <message>
        <source>(ingen kobling)</source>
        <translation>(not linked)</translation>
    </message>
    <message>
        <source>Ansvarlig</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>Frist</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Kostnad</source>
        <translation>Cost</translation>
    </message>
    <message>
        <source>Brukt</source>
        <translation>Spent</translation>
    </message>
    <message>
        <source>Finansiering</source>
        <translation>Funding</translation>
    </message>
    <message>
        <source>Evaluering</source>
        <translation>Evaluation</translation>
    </message>
    <message>
        <source>Nytt t&amp;iltak…</source>
        <translation>New &amp;measure…</translation>
    </message>
    <message>
        <source>En&amp;dre…</source>
        <translation>Ed&amp;it…</translation>
    </message>
    <message>
        <source>Slet&amp;t</source>
        <translation>Dele&amp;te</translation>
    </message>
    <message>
        <source>Slett tiltak</source>
        <translation>Delete measure</translation>
    </message>
    <message>
        <source>Slette tiltaket «{title}»?</source>
        <translation>Delete the measure &apos;{title}&apos;?</translation>
    </message>
</context>
<context>
    <name>Navigasjon</name>
    <message>
        <source>Ansatte</source>
        <translation>Employees</translation>
    </message>
    <message>
        <source>Innstillinger</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Oversikt</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Rammeverk og roller</source>
        <translation>Frameworks and roles</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Rapporter</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Enheter</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>Planlegging</source>
        <translation>Planning</translation>
    </message>
</context>
<context>
    <name>NewEmployeeDialog</name>
    <message>
        <source>Ny ansatt</source>
        <translation>New employee</translation>
    </message>
    <message>
        <source>Ansattnummer:</source>
        <translation>Employee number:</translation>
    </message>
    <message>
        <source>Fornavn:</source>
        <translation>First name:</translation>
    </message>
    <message>
        <source>Etternavn:</source>
        <translation>Last name:</translation>
    </message>
    <message>
        <source>E-post:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <source>Enhet:</source>
        <translation>Unit:</translation>
    </message>
    <message>
        <source>Stillingstittel:</source>
        <translation>Job title:</translation>
    </message>
    <message>
        <source>Rolle:</source>
        <translation>Role:</translation>
    </message>
    <message>
        <source>Stillingsprosent:</source>
        <translation>FTE %:</translation>
    </message>
    <message>
        <source>Startdato:</source>
        <translation>Start date:</translation>
    </message>
    <message>
        <source>La stå tom for å registrere stillingen senere</source>
        <translation>Leave empty to register the position later</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Melding</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Lukk</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Lukk meldingen</source>
        <translation>Close the message</translation>
    </message>
</context>
<context>
    <name>NumberField</name>
    <message>
        <source>ikke oppgitt</source>
        <extracomment>The red of a refusal or an error a user must act on (not a status: see ui/status_colours.py).</extracomment>
        <translation>not given</translation>
    </message>
    <message>
        <source>Skriv et helt tall.</source>
        <translation>Type a whole number.</translation>
    </message>
    <message>
        <source>Høyst {n} desimal(er).</source>
        <translation>At most {n} decimal(s).</translation>
    </message>
    <message>
        <source>«{text}» er ikke et tall. Skriv for eksempel {example}.</source>
        <translation>“{text}” is not a number. Type, for example, {example}.</translation>
    </message>
    <message>
        <source>Fyll inn et tall.</source>
        <translation>Enter a number.</translation>
    </message>
    <message>
        <source>Kan ikke være negativt.</source>
        <translation>Cannot be negative.</translation>
    </message>
    <message>
        <source>Kan ikke være mindre enn {minimum}.</source>
        <translation>Cannot be less than {minimum}.</translation>
    </message>
    <message>
        <source>Kan ikke være mer enn {maximum}.</source>
        <translation>Cannot be more than {maximum}.</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Enhet for oversikten</source>
        <extracomment>the largest gaps listed</extracomment>
        <translation>Unit for the overview</translation>
    </message>
    <message>
        <source>Hele kommunen</source>
        <translation>The whole municipality</translation>
    </message>
    <message>
        <source>&amp;Enhet:</source>
        <translation>&amp;Unit:</translation>
    </message>
    <message>
        <source>ansatte</source>
        <translation>employees</translation>
    </message>
    <message>
        <source>av kompetansekravene er oppfylt</source>
        <translation>of the competence requirements are met</translation>
    </message>
    <message>
        <source>krav er ikke vurdert ennå</source>
        <translation>requirements not assessed yet</translation>
    </message>
    <message>
        <source>sertifikater utløper snart</source>
        <translation>certificates expire soon</translation>
    </message>
    <message>
        <source>sertifikater er utløpt</source>
        <translation>certificates have expired</translation>
    </message>
    <message>
        <source>utviklingsmål har passert fristen</source>
        <translation>learning goals are past their due date</translation>
    </message>
    <message>
        <source>Dekning per strategiområde</source>
        <translation>Coverage per strategy area</translation>
    </message>
    <message>
        <source>Andel krav oppfylt per strategiområde</source>
        <translation>Share of requirements met per strategy area</translation>
    </message>
    <message>
        <source>Kompetanse</source>
        <translation>Competence</translation>
    </message>
    <message>
        <source>{area}; {people} med kravet</source>
        <translation>{area}; {people} with the requirement</translation>
    </message>
    <message>
        <source>Med krav</source>
        <translation>Required of</translation>
    </message>
    <message>
        <source>Oppfylt</source>
        <translation>Met</translation>
    </message>
    <message>
        <source>Snittavvik</source>
        <translation>Mean gap</translation>
    </message>
    <message>
        <source>Gjennomsnittlig avvik i prosentpoeng av skalaen blant dem med kravet (ikke vurdert teller som {zero})</source>
        <translation>Mean gap in percentage points of the scale among those with the requirement (not assessed counts as {zero})</translation>
    </message>
    <message>
        <source>Hvorfor</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Største avvik</source>
        <translation>Largest gaps</translation>
    </message>
    <message>
        <source>Sårbare kompetanser (under målet, eller én eller ingen har dem)</source>
        <translation>Vulnerable competences (short of the target, or held by one or nobody)</translation>
    </message>
    <message>
        <source>Enhet</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>sårbare kompetanser</source>
        <translation>vulnerable competences</translation>
    </message>
    <message>
        <source>Innehavere</source>
        <translation>Holders</translation>
    </message>
    <message>
        <source>ingen</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Navn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kurs/sertifikat</source>
        <translation>Course/certificate</translation>
    </message>
    <message>
        <source>Gyldig til</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Sårbare kompetanser</source>
        <translation>Vulnerable competences</translation>
    </message>
    <message>
        <source>Sertifikater som utløper</source>
        <translation>Certificates expiring</translation>
    </message>
    <message>
        <source>Enter eller dobbeltklikk åpner ansattkortet</source>
        <translation>Enter or double-click opens the employee card</translation>
    </message>
    <message>
        <source>Sertifikater som utløper eller er utløpt</source>
        <translation>Certificates expiring or expired</translation>
    </message>
    <message>
        <source>Beregner…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <source>Per {date}</source>
        <translation>As of {date}</translation>
    </message>
    <message>
        <source>{met} av {total} krav</source>
        <translation>{met} of {total} requirements</translation>
    </message>
    <message>
        <source>innen {days} dager</source>
        <translation>within {days} days</translation>
    </message>
    <message>
        <source>sertifikater utløper innen {days} dager</source>
        <translation>certificates expire within {days} days</translation>
    </message>
    <message>
        <source>{area} ({framework}): {met} av {items} krav oppfylt, {na} ikke vurdert</source>
        <translation>{area} ({framework}): {met} of {items} requirements met, {na} not assessed</translation>
    </message>
    <message>
        <source>Ingen kompetansekrav i utvalget ennå.</source>
        <translation>No competence requirements in the selection yet.</translation>
    </message>
</context>
<context>
    <name>PersonPicker</name>
    <message>
        <source>Skriv navn, ansattnummer eller enhet</source>
        <translation>Type a name, employee number or unit</translation>
    </message>
    <message>
        <source>(ingen leder)</source>
        <translation>(no manager)</translation>
    </message>
</context>
<context>
    <name>Personvern</name>
    <message>
        <source>{n} hendelser eksportert til {path}</source>
        <translation>{n} events exported to {path}</translation>
    </message>
    <message>
        <source>{role}: fjernes fra {n} rader</source>
        <translation>{role}: removed from {n} rows</translation>
    </message>
    <message>
        <source>Navn, e-post og ansattnummer fjernes fra andres tekst: {n} felt</source>
        <translation>Name, e-mail and employee number removed from others&apos; text: {n} fields</translation>
    </message>
    <message>
        <source>Hendelser i revisjonsloggen med ansattnummeret: {n}</source>
        <translation>Audit log events with the employee number: {n}</translation>
    </message>
    <message>
        <source>Sletter personen…</source>
        <translation>Erasing the person…</translation>
    </message>
    <message>
        <source>{name} er slettet ({rows} rader).</source>
        <translation>{name} was erased ({rows} rows).</translation>
    </message>
    <message>
        <source>Slettet</source>
        <translation>Erased</translation>
    </message>
    <message>
        <source>Personen er slettet. Bare eieren av det felles registeret kan bygge tabellene om (VACUUM FULL), så rester av de slettede dataene kan ligge i databasefilenes ledige plass til serveren bruker den igjen. Be databaseansvarlig kjøre VACUUM FULL (docs/privacy.md).</source>
        <translation>The person was erased. Only the owner of the shared register can rebuild its tables (VACUUM FULL), so remains of the erased data may stay in the free space of the database files until the server reuses it. Ask the database administrator to run VACUUM FULL (docs/privacy.md).</translation>
    </message>
    <message>
        <source>Personen er slettet, men databasen var i bruk av noen andre, så filen kunne ikke ryddes helt nå. Rester av de slettede dataene kan ligge igjen i filen til neste sletting eller anonymisering.</source>
        <translation>The person was erased, but the database was in use by someone else, so the file could not be fully cleaned now. Remnants of the erased data may stay in the file until the next erasure or anonymisation.</translation>
    </message>
    <message>
        <source>Teller det som slettes…</source>
        <translation>Counting what will be erased…</translation>
    </message>
    <message>
        <source>PDF-dokument (*.pdf);;JSON-fil (*.json)</source>
        <translation>PDF document (*.pdf);;JSON file (*.json)</translation>
    </message>
    <message>
        <source>Innsyn {number}</source>
        <translation>Access request {number}</translation>
    </message>
    <message>
        <source>Lagre alt registeret har om personen</source>
        <translation>Save everything the register holds on the person</translation>
    </message>
    <message>
        <source>Innsyn lagret: {path} ({count} oppføringer). Filen inneholder personopplysninger.</source>
        <translation>Access report saved: {path} ({count} records). The file holds personal data.</translation>
    </message>
    <message>
        <source>Samler alt om personen…</source>
        <translation>Collecting everything about the person…</translation>
    </message>
    <message>
        <source>Personen selv (navn, e-post, ansattnummer)</source>
        <translation>The person (name, e-mail, employee number)</translation>
    </message>
    <message>
        <source>Stillinger</source>
        <translation>Positions</translation>
    </message>
    <message>
        <source>Kompetansevurderinger (med historikk)</source>
        <translation>Competence assessments (with history)</translation>
    </message>
    <message>
        <source>Kurs og sertifikater</source>
        <translation>Courses and certificates</translation>
    </message>
    <message>
        <source>Utviklingsmål</source>
        <translation>Learning goals</translation>
    </message>
    <message>
        <source>Medarbeidersamtaler</source>
        <translation>Appraisal talks</translation>
    </message>
    <message>
        <source>Tilgang til det felles registeret</source>
        <translation>Access to the shared register</translation>
    </message>
    <message>
        <source>Leder for enheter</source>
        <translation>Leader of units</translation>
    </message>
    <message>
        <source>Nærmeste leder for andre ansatte</source>
        <translation>Line manager of other employees</translation>
    </message>
    <message>
        <source>Leder for andres stillinger</source>
        <translation>Manager of others&apos; positions</translation>
    </message>
    <message>
        <source>Leder i andres medarbeidersamtaler</source>
        <translation>Leader in others&apos; appraisal talks</translation>
    </message>
    <message>
        <source>import</source>
        <translation>import</translation>
    </message>
    <message>
        <source>innstillinger</source>
        <translation>settings</translation>
    </message>
    <message>
        <source>rammeverk</source>
        <translation>framework</translation>
    </message>
    <message>
        <source>ansatt</source>
        <translation>employee</translation>
    </message>
    <message>
        <source>stilling</source>
        <translation>position</translation>
    </message>
    <message>
        <source>kompetansevurdering</source>
        <translation>competence assessment</translation>
    </message>
    <message>
        <source>vurderingsskjema</source>
        <translation>assessment template</translation>
    </message>
    <message>
        <source>kurs eller sertifikat</source>
        <translation>course or certificate</translation>
    </message>
    <message>
        <source>utviklingsmål</source>
        <translation>learning goal</translation>
    </message>
    <message>
        <source>medarbeidersamtale</source>
        <translation>appraisal talk</translation>
    </message>
    <message>
        <source>enhet</source>
        <translation>unit</translation>
    </message>
    <message>
        <source>rolle</source>
        <translation>role</translation>
    </message>
    <message>
        <source>krav</source>
        <translation>requirement</translation>
    </message>
    <message>
        <source>strategiområde</source>
        <translation>strategy area</translation>
    </message>
    <message>
        <source>kompetanse</source>
        <translation>competence</translation>
    </message>
    <message>
        <source>nivåskala</source>
        <translation>level scale</translation>
    </message>
    <message>
        <source>kompetansematrise</source>
        <translation>competence matrix</translation>
    </message>
    <message>
        <source>avviksrapport</source>
        <translation>gap report</translation>
    </message>
    <message>
        <source>enhetsplan</source>
        <translation>unit plan</translation>
    </message>
    <message>
        <source>utviklingsplan</source>
        <translation>development plan</translation>
    </message>
    <message>
        <source>utviklingsplaner for en enhet</source>
        <translation>development plans for a unit</translation>
    </message>
    <message>
        <source>kolonneoppsett for import</source>
        <translation>import column mapping</translation>
    </message>
    <message>
        <source>revisjonsloggen</source>
        <translation>the audit log</translation>
    </message>
    <message>
        <source>tilgang til det felles registeret</source>
        <translation>access to the shared register</translation>
    </message>
    <message>
        <source>demodata</source>
        <translation>demo data</translation>
    </message>
    <message>
        <source>1 måned</source>
        <translation>1 month</translation>
    </message>
    <message>
        <source>{n} måneder</source>
        <translation>{n} months</translation>
    </message>
    <message>
        <source>1 person</source>
        <translation>1 person</translation>
    </message>
    <message>
        <source>{n} personer</source>
        <translation>{n} people</translation>
    </message>
    <message>
        <source>{people} som sluttet for mer enn {months} siden skal slettes</source>
        <translation>{people} who left more than {months} ago are to be erased</translation>
    </message>
    <message>
        <source>{people} som sluttet for mer enn {months} siden skal anonymiseres</source>
        <translation>{people} who left more than {months} ago are to be anonymised</translation>
    </message>
    <message>
        <source>Alt om personene slettes, som ved sletting etter krav: stillinger, vurderinger, sertifikater, mål og samtaler. Revisjonsloggen beholder bare at en sletting fant sted.</source>
        <translation>Everything about these people is erased, as with an erasure on request: positions, assessments, certificates, goals and talks. The audit log keeps only that an erasure took place.</translation>
    </message>
    <message>
        <source>Navn, e-post og fritekst fjernes, og ansattnummeret erstattes av en tilfeldig kode som ikke kan spores tilbake. Nivåer, datoer, stillinger og timer blir stående, så enhetens historikk og statistikk fortsatt stemmer.</source>
        <translation>Names, e-mail addresses and free text are removed, and the employee number is replaced by a random code that cannot be traced back. Levels, dates, positions and hours stay, so the unit&apos;s history and statistics still add up.</translation>
    </message>
    <message>
        <source>Advarsel: {message}</source>
        <extracomment>Who is due under the retention rule depends on who left when, and on the retention setting.</extracomment>
        <translation>Warning: {message}</translation>
    </message>
</context>
<context>
    <name>PlanningPage</name>
    <message>
        <source>Hele kommunen</source>
        <translation>The whole municipality</translation>
    </message>
    <message>
        <source>Enhet</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Med &amp;underenheter</source>
        <translation>With &amp;sub-units</translation>
    </message>
    <message>
        <source>År</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>&amp;Enhet:</source>
        <translation>&amp;Unit:</translation>
    </message>
    <message>
        <source>Å&amp;r:</source>
        <translation>&amp;Year:</translation>
    </message>
    <message>
        <source>10-FAKTOR for enheten</source>
        <translation>10-FAKTOR of the unit</translation>
    </message>
    <message>
        <source>Planlegging</source>
        <translation>Planning</translation>
    </message>
    <message>
        <source>&amp;Mål</source>
        <translation>T&amp;argets</translation>
    </message>
    <message>
        <source>Tiltak og &amp;budsjett</source>
        <translation>Measures and bu&amp;dget</translation>
    </message>
    <message>
        <source>&amp;10-FAKTOR</source>
        <translation>&amp;10-FAKTOR</translation>
    </message>
    <message>
        <source>He&amp;ltid</source>
        <translation>Full tim&amp;e</translation>
    </message>
    <message>
        <source>Henter…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Ikke hentet</source>
        <translation>Not loaded</translation>
    </message>
    <message>
        <source>Henter planen…</source>
        <translation>Loading the plan…</translation>
    </message>
    <message>
        <source>{targets} mål, {short} under målet · {measures} tiltak i {year}</source>
        <translation>{targets} targets, {short} short · {measures} measures in {year}</translation>
    </message>
</context>
<context>
    <name>PositionDialog</name>
    <message>
        <source>Endre stilling</source>
        <translation>Edit position</translation>
    </message>
    <message>
        <source>Ny stilling</source>
        <translation>New position</translation>
    </message>
    <message>
        <source>Enhet:</source>
        <translation>Unit:</translation>
    </message>
    <message>
        <source>Stillingstittel:</source>
        <translation>Job title:</translation>
    </message>
    <message>
        <source>Rolle:</source>
        <translation>Role:</translation>
    </message>
    <message>
        <source>Stillingsprosent:</source>
        <translation>FTE %:</translation>
    </message>
    <message>
        <source>Startdato:</source>
        <translation>Start date:</translation>
    </message>
    <message>
        <source>Sluttdato:</source>
        <translation>End date:</translation>
    </message>
    <message>
        <source>Nærmeste leder i denne stillingen, når det er en annen enn personens leder</source>
        <translation>The line manager in this post, when it is someone other than the person&apos;s manager</translation>
    </message>
    <message>
        <source>Leder i stillingen:</source>
        <translation>Manager in this post:</translation>
    </message>
</context>
<context>
    <name>PositionsTab</name>
    <message>
        <source>Enhet</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Stillingstittel</source>
        <translation>Job title</translation>
    </message>
    <message>
        <source>Rolle</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Prosent</source>
        <translation>Percent</translation>
    </message>
    <message>
        <source>Fra</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Til</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Aktiv</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Avsluttet</source>
        <translation>Ended</translation>
    </message>
    <message>
        <source>Stillinger</source>
        <translation>Positions</translation>
    </message>
    <message>
        <source>Ny stilling…</source>
        <translation>New position…</translation>
    </message>
    <message>
        <source>Endre…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Avslutt…</source>
        <translation>End…</translation>
    </message>
    <message>
        <source>Slett</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Slett stilling</source>
        <translation>Delete position</translation>
    </message>
    <message>
        <source>Slette stillingen «{title}» i {unit}? Bruk heller «Avslutt» når stillingen har vært reell, så historikken beholdes.</source>
        <translation>Delete the position &apos;{title}&apos; in {unit}? Use &apos;End&apos; instead when the position was real, so the history is kept.</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Sammenligner med registeret…</source>
        <translation>Comparing with the register…</translation>
    </message>
    <message>
        <source>Forhåndsvisning</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Ingenting er lagret ennå. Se gjennom hva som vil skje, og trykk Importer.</source>
        <translation>Nothing has been saved yet. Review what will happen, and press Import.</translation>
    </message>
    <message>
        <source>&amp;Importer</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>&amp;Hele personallisten: de som ikke står i filen, markeres som sluttet</source>
        <translation>T&amp;he whole roster: those not in the file are marked as having left</translation>
    </message>
    <message>
        <source>&amp;Delvis liste (noen enheter): ingen andre berøres</source>
        <translation>A &amp;partial roster (some units): nobody else is touched</translation>
    </message>
    <message>
        <source>&amp;Ja, {count} av {active} aktive ansatte skal markeres som sluttet. (Så mange er uvanlig: er dette hele personallisten?)</source>
        <extracomment>Shown when the import would mark so many as left that it must be confirmed, naming how many.</extracomment>
        <translation>&amp;Yes, {count} of {active} active employees are to be marked as having left. (So many is unusual: is this the whole roster?)</translation>
    </message>
    <message>
        <source>Importerer personallisten…</source>
        <translation>Importing the roster…</translation>
    </message>
</context>
<context>
    <name>PrivacyBox</name>
    <message>
        <source>Personvern</source>
        <translation>Data protection</translation>
    </message>
    <message>
        <source>Sjekker oppbevaringstiden…</source>
        <translation>Checking the retention period…</translation>
    </message>
    <message>
        <source>Oppbevaringstid</source>
        <translation>Retention period</translation>
    </message>
    <message>
        <source>Vis og &amp;utfør…</source>
        <translation>Show and &amp;apply…</translation>
    </message>
    <message>
        <source>Vis og utfør oppbevaringsregelen</source>
        <translation>Show and apply the retention rule</translation>
    </message>
    <message>
        <source>Vis rev&amp;isjonsloggen…</source>
        <translation>Show the aud&amp;it log…</translation>
    </message>
    <message>
        <source>Innsyn i og sletting av én person gjøres fra ansattkortet (knappen Personvern). Revisjonsloggen viser hvem som har importert, endret, eksportert, gjenopprettet, anonymisert og slettet, og kan eksporteres til kommunens personvernombud.</source>
        <translation>Access requests and erasure of one person are made from the employee card (the Data protection button). The audit log shows who imported, changed, exported, restored, anonymised and erased, and can be exported for the municipality&apos;s data protection officer.</translation>
    </message>
    <message>
        <source>{text} (sluttet {date} eller før).</source>
        <translation>{text} (left on {date} or before).</translation>
    </message>
    <message>
        <source>Ingen har passert oppbevaringstiden ({months} etter sluttdato).</source>
        <translation>Nobody is past the retention period ({months} after leaving).</translation>
    </message>
</context>
<context>
    <name>ProfileTab</name>
    <message>
        <source>sertifikat</source>
        <extracomment>Ask the card for a new learning goal for this competence.</extracomment>
        <translation>certificate</translation>
    </message>
    <message>
        <source>Kompetanse</source>
        <translation>Competence</translation>
    </message>
    <message>
        <source>Område</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Krav</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>Nåværende</source>
        <translation>Current</translation>
    </message>
    <message>
        <source>Dobbeltklikk eller F2 for å endre nivået</source>
        <translation>Double-click or F2 to change the level</translation>
    </message>
    <message>
        <source>Egenvurdering</source>
        <translation>Self-assessment</translation>
    </message>
    <message>
        <source>Den ansattes egen vurdering ved siden av nivået som teller (lederens, med mindre Innstillinger sier nyeste uansett kilde); tallet i parentes er forskjellen.</source>
        <translation>The employee&apos;s own assessment beside the level that counts (the leader&apos;s, unless Settings say the newest of any source); the number in brackets is the difference.</translation>
    </message>
    <message>
        <source>Avvik</source>
        <translation>Gap</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Vurdert</source>
        <translation>Assessed</translation>
    </message>
    <message>
        <source>Kompetanseprofil</source>
        <translation>Competence profile</translation>
    </message>
    <message>
        <source>som &amp;leder</source>
        <translation>as leade&amp;r</translation>
    </message>
    <message>
        <source>som &amp;egenvurdering</source>
        <translation>as &amp;self-assessment</translation>
    </message>
    <message>
        <source>Vu&amp;rder med dato og merknad…</source>
        <translation>Assess with date and no&amp;te…</translation>
    </message>
    <message>
        <source>Nytt mål for kompe&amp;tansen…</source>
        <translation>New &amp;goal for the competence…</translation>
    </message>
    <message>
        <source>Nivå endret i tabellen registreres</source>
        <translation>A level changed in the table is recorded</translation>
    </message>
    <message>
        <source>Dato</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Nivå</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Kilde</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Vurdert av</source>
        <translation>Assessed by</translation>
    </message>
    <message>
        <source>Merknad</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Vurderingshistorikk</source>
        <translation>Assessment history</translation>
    </message>
    <message>
        <source>Historikk: velg en kompetanse</source>
        <translation>History: choose a competence</translation>
    </message>
    <message>
        <source>{met} av {total} krav oppfylt · {gaps} med avvik · {na} ikke vurdert</source>
        <translation>{met} of {total} requirements met · {gaps} with a gap · {na} not assessed</translation>
    </message>
    <message>
        <source> · {lacking} lovpålagte kurs mangler ({overdue} forfalt)</source>
        <translation> · {lacking} mandatory courses missing ({overdue} overdue)</translation>
    </message>
    <message>
        <source>Rollen til personen har ingen kompetansekrav ennå (se Rammeverk og roller).</source>
        <translation>The person&apos;s role has no competence requirements yet (see Frameworks and roles).</translation>
    </message>
    <message>
        <source>Historikk for {name}</source>
        <translation>History for {name}</translation>
    </message>
</context>
<context>
    <name>QualificationDialog</name>
    <message>
        <source>Endre kvalifikasjon</source>
        <translation>Edit qualification</translation>
    </message>
    <message>
        <source>Ny kvalifikasjon i katalogen</source>
        <translation>New qualification in the catalogue</translation>
    </message>
    <message>
        <source>(ikke oppgitt)</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <source>f.eks. helsepersonelloven § 48</source>
        <translation>e.g. Health Personnel Act § 48</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <source>Navn:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Navn på engelsk:</source>
        <translation>Name in English:</translation>
    </message>
    <message>
        <source>Utdanningsnivå:</source>
        <translation>Level of education:</translation>
    </message>
    <message>
        <source>Fagområde:</source>
        <translation>Field:</translation>
    </message>
    <message>
        <source>Hjemmel:</source>
        <translation>Legal basis:</translation>
    </message>
    <message>
        <source>Beskrivelse:</source>
        <translation>Description:</translation>
    </message>
</context>
<context>
    <name>QualificationPicker</name>
    <message>
        <source>Skriv eller velg kvalifikasjon</source>
        <translation>Type or choose a qualification</translation>
    </message>
</context>
<context>
    <name>QualificationRequirementDialog</name>
    <message>
        <source>Endre kvalifikasjonskrav for {role}</source>
        <translation>Edit qualification requirement for {role}</translation>
    </message>
    <message>
        <source>Nytt kvalifikasjonskrav for {role}</source>
        <translation>New qualification requirement for {role}</translation>
    </message>
    <message>
        <source>Kvalifikasjon:</source>
        <translation>Qualification:</translation>
    </message>
    <message>
        <source>Obligatorisk (ellers ønsket)</source>
        <translation>Mandatory (otherwise desirable)</translation>
    </message>
    <message>
        <source>Obligatorisk:</source>
        <translation>Mandatory:</translation>
    </message>
    <message>
        <source>Frist etter tiltredelse:</source>
        <translation>Deadline after taking up the post:</translation>
    </message>
</context>
<context>
    <name>QualificationsCatalogueTab</name>
    <message>
        <source>Kvalifikasjon</source>
        <translation>Qualification</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Nivå</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Hjemmel</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>Har den</source>
        <translation>Held by</translation>
    </message>
    <message>
        <source>Roller som krever den</source>
        <translation>Roles that require it</translation>
    </message>
    <message>
        <source>Kvalifikasjoner</source>
        <translation>Qualifications</translation>
    </message>
    <message>
        <source>Ny &amp;kvalifikasjon…</source>
        <translation>New &amp;qualification…</translation>
    </message>
    <message>
        <source>Endre…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Slett</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Formelle kvalifikasjoner en rolle kan kreve: utdanning, fag- og svennebrev, autorisasjoner og lisenser. Listen begynner med vanlige kvalifikasjoner i en kommune; endre dem og legg til kommunens egne.</source>
        <translation>Formal qualifications a role can require: education, trade and journeyman&apos;s certificates, authorisations and licences. The list starts with qualifications common in a municipality; edit them and add the municipality&apos;s own.</translation>
    </message>
    <message>
        <source>Slett kvalifikasjon</source>
        <translation>Delete qualification</translation>
    </message>
    <message>
        <source>Slette «{name}» fra katalogen?</source>
        <translation>Delete “{name}” from the catalogue?</translation>
    </message>
</context>
<context>
    <name>QualificationsTab</name>
    <message>
        <source>Rollen krever</source>
        <translation>The role requires</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Krav</source>
        <translation>Requirement</translation>
    </message>
    <message>
        <source>Obligatorisk</source>
        <translation>Mandatory</translation>
    </message>
    <message>
        <source>Ønsket</source>
        <translation>Desirable</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Mangler siden {date}</source>
        <translation>Missing since {date}</translation>
    </message>
    <message>
        <source>Kvalifikasjoner rollen krever</source>
        <translation>Qualifications the role requires</translation>
    </message>
    <message>
        <source>Rollen til personen krever ingen formelle kvalifikasjoner.</source>
        <translation>The person&apos;s role requires no formal qualifications.</translation>
    </message>
    <message>
        <source>{lacking} av {total} lovpålagte eller obligatoriske kvalifikasjoner mangler.</source>
        <translation>{lacking} of {total} statutory or mandatory qualifications are missing.</translation>
    </message>
    <message>
        <source>Personen har alle kvalifikasjonene rollen krever.</source>
        <translation>The person holds every qualification the role requires.</translation>
    </message>
</context>
<context>
    <name>RadarChart</name>
    <message>
        <source>Radardiagram: krav og nivå per strategiområde</source>
        <translation>Radar chart: requirement and level per strategy area</translation>
    </message>
    <message>
        <source>{area}: krav {required}, nå {current}</source>
        <translation>{area}: required {required}, now {current}</translation>
    </message>
    <message>
        <source>Krav</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>Nåværende nivå</source>
        <translation>Current level</translation>
    </message>
    <message>
        <source>Ingen krav å vise for rollen.</source>
        <translation>No requirements to show for the role.</translation>
    </message>
</context>
<context>
    <name>Rapporter</name>
    <message>
        <source>Lager {title}…</source>
        <translation>Making {title}…</translation>
    </message>
</context>
<context>
    <name>RegisterBox</name>
    <message>
        <source>Registeret (gjelder alle brukere)</source>
        <translation>The register (applies to all users)</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>Velg logo…</source>
        <translation>Choose logo…</translation>
    </message>
    <message>
        <source>Fjern logo</source>
        <translation>Remove logo</translation>
    </message>
    <message>
        <source>anonymiseres</source>
        <translation>anonymised</translation>
    </message>
    <message>
        <source>slettes helt</source>
        <translation>erased completely</translation>
    </message>
    <message>
        <source>måneder</source>
        <translation>months</translation>
    </message>
    <message>
        <source>dager</source>
        <translation>days</translation>
    </message>
    <message>
        <source>timer</source>
        <translation>hours</translation>
    </message>
    <message>
        <source>Hvilken vurdering som teller i avviksanalysen. Egenvurderinger vises alltid ved siden av lederens på ansattkortet og i utviklingsplanen.</source>
        <translation>Which assessment counts in the gap analysis. Self-assessments are always shown next to the leader&apos;s on the employee card and in the learning plan.</translation>
    </message>
    <message>
        <source>Lagre innstillingene for registeret</source>
        <translation>Save the register settings</translation>
    </message>
    <message>
        <source>&amp;Kommune:</source>
        <translation>&amp;Municipality:</translation>
    </message>
    <message>
        <source>Logo i rapporter:</source>
        <translation>Logo in reports:</translation>
    </message>
    <message>
        <source>Oppbevaring etter sluttdato:</source>
        <translation>Retention after leaving:</translation>
    </message>
    <message>
        <source>Deretter:</source>
        <translation>Then:</translation>
    </message>
    <message>
        <source>Varsle utløp av sertifikater:</source>
        <translation>Warn of certificate expiry:</translation>
    </message>
    <message>
        <source>Automatisk sikkerhetskopi hver:</source>
        <translation>Automatic backup every:</translation>
    </message>
    <message>
        <source>Behold automatiske kopier:</source>
        <translation>Keep automatic backups:</translation>
    </message>
    <message>
        <source>Tid mellom medarbeidersamtaler:</source>
        <translation>Time between appraisal talks:</translation>
    </message>
    <message>
        <source>Varsle samtale som forfaller:</source>
        <translation>Warn of a talk falling due:</translation>
    </message>
    <message>
        <source>Nivået som gjelder:</source>
        <translation>The level that counts:</translation>
    </message>
    <message>
        <source>Kommune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Oppbevaringstid i måneder</source>
        <translation>Retention period in months</translation>
    </message>
    <message>
        <source>Hva skjer etter oppbevaringstiden</source>
        <translation>What happens after the retention period</translation>
    </message>
    <message>
        <source>Varsel om utløp i dager</source>
        <translation>Expiry warning in days</translation>
    </message>
    <message>
        <source>Intervall for automatisk sikkerhetskopi i timer</source>
        <translation>Automatic backup interval in hours</translation>
    </message>
    <message>
        <source>Antall automatiske kopier som beholdes</source>
        <translation>Number of automatic backups kept</translation>
    </message>
    <message>
        <source>Måneder mellom medarbeidersamtaler</source>
        <translation>Months between appraisal talks</translation>
    </message>
    <message>
        <source>Varsel før en medarbeidersamtale forfaller, i dager</source>
        <translation>Warning before an appraisal talk falls due, in days</translation>
    </message>
    <message>
        <source>Nivået som gjelder i avviksanalysen</source>
        <translation>The level that counts in the gap analysis</translation>
    </message>
    <message>
        <source>(ingen logo)</source>
        <translation>(no logo)</translation>
    </message>
    <message>
        <source>Velg logo</source>
        <translation>Choose logo</translation>
    </message>
    <message>
        <source>Bilder (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Rett opp feltet som er merket, så lagres innstillingene.</source>
        <translation>Correct the field that is marked, then the settings are saved.</translation>
    </message>
    <message>
        <source>Lagret.</source>
        <translation>Saved.</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>&amp;Kopier rapporten</source>
        <translation>&amp;Copy the report</translation>
    </message>
    <message>
        <source>&amp;Lagre som tekst…</source>
        <translation>&amp;Save as text…</translation>
    </message>
    <message>
        <source>Rapporten er kopiert.</source>
        <translation>The report was copied.</translation>
    </message>
    <message>
        <source>Lagre rapporten</source>
        <translation>Save the report</translation>
    </message>
    <message>
        <source>importrapport.txt</source>
        <translation>import-report.txt</translation>
    </message>
    <message>
        <source>Tekstfiler (*.txt);;Alle filer (*)</source>
        <translation>Text files (*.txt);;All files (*)</translation>
    </message>
    <message>
        <source>Rapporten er lagret i {path}.</source>
        <translation>The report was saved to {path}.</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <source>Oppsummering</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Rad</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Ansattnr.</source>
        <translation>Employee no.</translation>
    </message>
    <message>
        <source>Navn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Hva skjer</source>
        <translation>What happens</translation>
    </message>
    <message>
        <source>Endringer</source>
        <translation>Changes</translation>
    </message>
    <message>
        <source>Årsak</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Advarsel</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Sluttet</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>Hvorfor</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Vis personer</source>
        <translation>Show people</translation>
    </message>
    <message>
        <source>Alle</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Nye</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Endres</source>
        <translation>Changes</translation>
    </message>
    <message>
        <source>Uendret</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>&amp;Vis:</source>
        <translation>S&amp;how:</translation>
    </message>
    <message>
        <source>Personer i filen</source>
        <translation>People in the file</translation>
    </message>
    <message>
        <source>Avviste rader</source>
        <translation>Rejected rows</translation>
    </message>
    <message>
        <source>Advarsler</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <source>Markeres som sluttet</source>
        <translation>To be marked as left</translation>
    </message>
    <message>
        <source>Kolonner som ikke leses inn</source>
        <extracomment>The columns the import does not read (only the register&apos;s own fields are: data minimisation).</extracomment>
        <translation>Columns not read</translation>
    </message>
    <message>
        <source>Personer ({count})</source>
        <translation>People ({count})</translation>
    </message>
    <message>
        <source>Avvist ({count})</source>
        <translation>Rejected ({count})</translation>
    </message>
    <message>
        <source>Advarsler ({count})</source>
        <translation>Warnings ({count})</translation>
    </message>
    <message>
        <source>Markert som sluttet ({count})</source>
        <translation>Marked as left ({count})</translation>
    </message>
    <message>
        <source>Slutter ({count})</source>
        <translation>Leaving ({count})</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Rapporter</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Enhet</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Ta med &amp;underenhetene</source>
        <translation>Include the &amp;sub-units</translation>
    </message>
    <message>
        <source>Ansatt</source>
        <translation>Employee</translation>
    </message>
    <message>
        <source>Dato for samtalen</source>
        <translation>Date of the talk</translation>
    </message>
    <message>
        <source>Lag også én &amp;samlet PDF med alle planene</source>
        <translation>Also make one &amp;combined PDF of all the plans</translation>
    </message>
    <message>
        <source>&amp;Enhet:</source>
        <translation>&amp;Unit:</translation>
    </message>
    <message>
        <source>&amp;Ansatt:</source>
        <translation>&amp;Employee:</translation>
    </message>
    <message>
        <source>&amp;Dato for samtalen:</source>
        <translation>&amp;Date of the talk:</translation>
    </message>
    <message>
        <source>Utvalg</source>
        <translation>Selection</translation>
    </message>
    <message>
        <source>Feilmelding</source>
        <translation>Error message</translation>
    </message>
    <message>
        <source>&amp;Lag rapport…</source>
        <translation>&amp;Make report…</translation>
    </message>
    <message>
        <source>Resultat</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Å&amp;pne filen</source>
        <translation>O&amp;pen the file</translation>
    </message>
    <message>
        <source>Åpne &amp;mappen</source>
        <translation>Open the f&amp;older</translation>
    </message>
    <message>
        <source>Ferdig</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Velg mappe &amp;og lag planene…</source>
        <translation>Choose a folder and ma&amp;ke the plans…</translation>
    </message>
    <message>
        <source>Hele kommunen</source>
        <translation>The whole municipality</translation>
    </message>
    <message>
        <source>hele kommunen</source>
        <translation>whole municipality</translation>
    </message>
    <message>
        <source>Rett opp feltet som er merket med rødt.</source>
        <translation>Correct the field marked in red.</translation>
    </message>
    <message>
        <source>Velg mappen planene skal lagres i</source>
        <translation>Choose the folder for the plans</translation>
    </message>
    <message>
        <source>Lagre {title}</source>
        <translation>Save {title}</translation>
    </message>
    <message>
        <source>Lagret i {path}.
{summary}</source>
        <translation>Saved in {path}.
{summary}</translation>
    </message>
    <message>
        <source>Lagret: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <source>Avbrutt</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Eksporten ble avbrutt. Ingen fil ble lagret.</source>
        <translation>The export was cancelled. No file was saved.</translation>
    </message>
</context>
<context>
    <name>RequirementDialog</name>
    <message>
        <source>Endre krav for {role}</source>
        <translation>Edit requirement for {role}</translation>
    </message>
    <message>
        <source>Nytt krav for {role}</source>
        <translation>New requirement for {role}</translation>
    </message>
    <message>
        <source>(velg kompetanse)</source>
        <translation>(choose competence)</translation>
    </message>
    <message>
        <source>Skriv kode eller navn, f.eks. «4.2» eller «HMS»</source>
        <translation>Type a code or name, e.g. &quot;4.2&quot; or &quot;HMS&quot;</translation>
    </message>
    <message>
        <source>Kompetanse:</source>
        <translation>Competence:</translation>
    </message>
    <message>
        <source>Nivå som kreves:</source>
        <translation>Required level:</translation>
    </message>
    <message>
        <source>Obligatorisk (ellers ønsket)</source>
        <translation>Mandatory (otherwise desirable)</translation>
    </message>
    <message>
        <source>Obligatorisk:</source>
        <translation>Mandatory:</translation>
    </message>
    <message>
        <source>Frist etter tiltredelse:</source>
        <translation>Deadline after taking up the post:</translation>
    </message>
    <message>
        <source>Rollen krever allerede nivå {level}; det nye nivået erstatter det.</source>
        <translation>The role already requires level {level}; the new level replaces it.</translation>
    </message>
</context>
<context>
    <name>ResultView</name>
    <message>
        <source>Oppsummering</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Celle</source>
        <translation>Cell</translation>
    </message>
    <message>
        <source>Ansattnr.</source>
        <translation>Employee no.</translation>
    </message>
    <message>
        <source>Navn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kompetanse</source>
        <translation>Competence</translation>
    </message>
    <message>
        <source>Før</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>Ansatt</source>
        <translation>Employee</translation>
    </message>
    <message>
        <source>Forrige</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>Nytt nivå</source>
        <translation>New level</translation>
    </message>
    <message>
        <source>Kommentar</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Ark og celle</source>
        <translation>Sheet and cell</translation>
    </message>
    <message>
        <source>Årsak</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Egenvurderinger som lagres</source>
        <translation>Self-assessments to be saved</translation>
    </message>
    <message>
        <source>Egenvurderinger ({count})</source>
        <translation>Self-assessments ({count})</translation>
    </message>
    <message>
        <source>Celler med nytt nivå</source>
        <translation>Cells with a new level</translation>
    </message>
    <message>
        <source>Avviste celler</source>
        <translation>Refused cells</translation>
    </message>
    <message>
        <source>Nye nivåer ({count})</source>
        <translation>New levels ({count})</translation>
    </message>
    <message>
        <source>Avvist ({count})</source>
        <translation>Rejected ({count})</translation>
    </message>
</context>
<context>
    <name>RetentionDialog</name>
    <message>
        <source>Oppbevaringstiden er ute</source>
        <translation>The retention period has run out</translation>
    </message>
    <message>
        <source>Laster…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Hvem det gjelder</source>
        <translation>Who it concerns</translation>
    </message>
    <message>
        <source>Ansattnr.</source>
        <translation>Employee no.</translation>
    </message>
    <message>
        <source>Navn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Sluttet</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>Personer som har passert oppbevaringstiden</source>
        <translation>People past the retention period</translation>
    </message>
    <message>
        <source>Oppbevaringstiden og om personene anonymiseres eller slettes, stilles inn under Innstillinger. Sikkerhetskopier tatt før kjøringen inneholder fortsatt personene til de roteres bort.</source>
        <translation>The retention period, and whether people are anonymised or erased, is set under Settings. Backups taken before the run still hold these people until they are rotated out.</translation>
    </message>
    <message>
        <source>Utfør</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>Lukk</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Ingen som sluttet {date} eller før, venter på behandling.</source>
        <translation>Nobody who left on {date} or before is waiting to be processed.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{text}&lt;/b&gt; (sluttet {date} eller før).</source>
        <translation>&lt;b&gt;{text}&lt;/b&gt; (left on {date} or before).</translation>
    </message>
    <message>
        <source>Slett {people} &amp;nå</source>
        <translation>Erase {people} &amp;now</translation>
    </message>
    <message>
        <source>Anonymiser {people} &amp;nå</source>
        <translation>Anonymise {people} &amp;now</translation>
    </message>
    <message>
        <source>{text}.

Vil du gjøre det nå? Det kan ikke angres.</source>
        <translation>{text}.

Do it now? It cannot be undone.</translation>
    </message>
    <message>
        <source>Behandler personene som har passert oppbevaringstiden…</source>
        <translation>Processing the people past the retention period…</translation>
    </message>
    <message>
        <source>{people} er slettet.</source>
        <translation>{people} erased.</translation>
    </message>
    <message>
        <source>{people} er anonymisert.</source>
        <translation>{people} anonymised.</translation>
    </message>
</context>
<context>
    <name>RetentionNotice</name>
    <message>
        <source>Vis og utfør…</source>
        <translation>Show and apply…</translation>
    </message>
    <message>
        <source>Vis og utfør oppbevaringsregelen</source>
        <translation>Show and apply the retention rule</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <source>Endre rolle</source>
        <translation>Edit role</translation>
    </message>
    <message>
        <source>Ny rolle</source>
        <translation>New role</translation>
    </message>
    <message>
        <source>Navn:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Beskrivelse:</source>
        <translation>Description:</translation>
    </message>
    <message>
        <source>En rolle samler kravene til en stillingstype, f.eks. «Sykepleier» eller «Enhetsleder». Stillinger med samme tittel som rollen får den automatisk ved import.</source>
        <translation>A role gathers the requirements of a kind of post, e.g. &quot;Nurse&quot; or &quot;Unit leader&quot;. Positions with the same title as the role get it automatically on import.</translation>
    </message>
</context>
<context>
    <name>RoleFilter</name>
    <message>
        <source>Rolle</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Alle roller</source>
        <translation>All roles</translation>
    </message>
</context>
<context>
    <name>RolePicker</name>
    <message>
        <source>(ingen rolle)</source>
        <translation>(no role)</translation>
    </message>
</context>
<context>
    <name>RolesTab</name>
    <message>
        <source>Rolle</source>
        <extracomment>The requirements of the selected role are shown (used by tests and the screenshots). Select this role after the next reload (one just made).</extracomment>
        <translation>Role</translation>
    </message>
    <message>
        <source>Krav</source>
        <translation>Requirements</translation>
    </message>
    <message>
        <source>Stillinger</source>
        <translation>Positions</translation>
    </message>
    <message>
        <source>Roller</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>N&amp;y rolle…</source>
        <translation>Ne&amp;w role…</translation>
    </message>
    <message>
        <source>Endre…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Slett</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Valgt rolle</source>
        <translation>Selected role</translation>
    </message>
    <message>
        <source>Kompetanse</source>
        <translation>Competence</translation>
    </message>
    <message>
        <source>Rammeverk</source>
        <translation>Framework</translation>
    </message>
    <message>
        <source>Prosent</source>
        <translation>Percent</translation>
    </message>
    <message>
        <source>Obligatorisk</source>
        <translation>Mandatory</translation>
    </message>
    <message>
        <source>Ja</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Ønsket</source>
        <translation>Desirable</translation>
    </message>
    <message>
        <source>Kritisk</source>
        <translation>Critical</translation>
    </message>
    <message>
        <source>Frist</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Gjelder fra</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <source>Krav til rollen</source>
        <translation>Requirements of the role</translation>
    </message>
    <message>
        <source>&amp;Legg til krav…</source>
        <translation>&amp;Add requirement…</translation>
    </message>
    <message>
        <source>Endre krav…</source>
        <translation>Edit requirement…</translation>
    </message>
    <message>
        <source>Fjern krav</source>
        <translation>Remove requirement</translation>
    </message>
    <message>
        <source>His&amp;torikk…</source>
        <translation>His&amp;tory…</translation>
    </message>
    <message>
        <source>Kvalifikasjon</source>
        <translation>Qualification</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Kvalifikasjoner rollen krever</source>
        <translation>Qualifications the role requires</translation>
    </message>
    <message>
        <source>Krav om &amp;kvalifikasjon…</source>
        <translation>Require a &amp;qualification…</translation>
    </message>
    <message>
        <source>Fjern</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>frist {deadline}</source>
        <translation>deadline {deadline}</translation>
    </message>
    <message>
        <source>gjelder fra starten</source>
        <translation>in force from the start</translation>
    </message>
    <message>
        <source>gjelder fra {since}</source>
        <translation>in force from {since}</translation>
    </message>
    <message>
        <source>{requirements} krav, {posts} stillinger</source>
        <translation>{requirements} requirements, {posts} posts</translation>
    </message>
    <message>
        <source>Velg en rolle for å se og endre kravene til den.</source>
        <translation>Choose a role to see and change its requirements.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt; – {count} stillinger har rollen</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; – {count} positions have the role</translation>
    </message>
    <message>
        <source>Slette rollen «{name}» med alle kravene?</source>
        <translation>Delete the role &quot;{name}&quot; with all its requirements?</translation>
    </message>
    <message>
        <source>{count} stillinger har rollen; de beholder tittelen, men mister kravene.</source>
        <translation>{count} positions have the role; they keep their title but lose the requirements.</translation>
    </message>
    <message>
        <source>Slett rolle</source>
        <translation>Delete role</translation>
    </message>
    <message>
        <source>Fjerne kravet til «{competence}» fra rollen «{role}»? Det gjelder ikke lenger fra i dag; tall for tidligere datoer regner fortsatt med det.</source>
        <translation>Remove the requirement for “{competence}” from the role “{role}”? It no longer applies from today; figures for earlier dates still count it.</translation>
    </message>
    <message>
        <source>nå</source>
        <translation>now</translation>
    </message>
    <message>
        <source>{start} – {end}: {level}{mandatory}</source>
        <translation>{start} – {end}: {level}{mandatory}</translation>
    </message>
    <message>
        <source>(ønsket)</source>
        <translation>(desirable)</translation>
    </message>
    <message>
        <source>Historikk</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Kravet til «{competence}» i rollen «{role}»:</source>
        <translation>The requirement for “{competence}” in the role “{role}”:</translation>
    </message>
    <message>
        <source>Fjerne kravet om «{qualification}» fra rollen «{role}»? Det gjelder ikke lenger fra i dag.</source>
        <translation>Remove the requirement for “{qualification}” from the role “{role}”? It no longer applies from today.</translation>
    </message>
</context>
<context>
    <name>Roller</name>
    <message>
        <source>Enhetsleder</source>
        <extracomment>The roles a user can say they have; shown in the status bar and chosen in Innstillinger.</extracomment>
        <translation>Unit leader</translation>
    </message>
    <message>
        <source>HR-rådgiver</source>
        <translation>HR adviser</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>måneder</source>
        <translation>months</translation>
    </message>
    <message>
        <source>Hvor lenge en person har på seg etter å ha fått en stilling med kravet, f.eks. 6 måneder for HMS-opplæring. Tomt: ingen frist (kravet gjelder straks).</source>
        <translation>How long a person has after taking up a position with the requirement, e.g. 6 months for HSE training. Empty: no deadline (the requirement applies at once).</translation>
    </message>
    <message>
        <source>Tomt: fra starten, så også tall for tidligere datoer regner med kravet</source>
        <translation>Empty: from the start, so figures for earlier dates count the requirement too</translation>
    </message>
    <message>
        <source>Rett &amp;opp kravet slik det står (ingen ny periode)</source>
        <translation>C&amp;orrect the requirement as it stands (no new period)</translation>
    </message>
    <message>
        <source>starten</source>
        <translation>the start</translation>
    </message>
    <message>
        <source>Endringen gjelder fra:</source>
        <translation>The change applies from:</translation>
    </message>
    <message>
        <source>Kravet gjelder nå fra {since}</source>
        <translation>The requirement now applies from {since}</translation>
    </message>
    <message>
        <source>Gjelder fra:</source>
        <translation>Valid from:</translation>
    </message>
    <message>
        <source>fra starten</source>
        <translation>from the start</translation>
    </message>
    <message>
        <source>{months} mnd.</source>
        <translation>{months} mo.</translation>
    </message>
</context>
<context>
    <name>RosterFilePage</name>
    <message>
        <source>Velg personalliste</source>
        <translation>Choose roster</translation>
    </message>
    <message>
        <source>Personalliste fra HR-systemet</source>
        <translation>Roster from the HR system</translation>
    </message>
    <message>
        <source>Personallister ({patterns});;Alle filer (*)</source>
        <translation>Rosters ({patterns});;All files (*)</translation>
    </message>
    <message>
        <source>Velg filen HR-systemet har eksportert: et regneark (xlsx, xls, ods), en CSV-fil eller en HTML- eller XML-eksport.</source>
        <translation>Choose the file the HR system exported: a spreadsheet (xlsx, xls, ods), a CSV file or an HTML or XML export.</translation>
    </message>
    <message>
        <source>Programmet finner selv arket og kolonnene, viser hva som vil skje med hver person før noe lagres, og lagrer alt samlet eller ingenting. Kolonner med fødselsnumre leses aldri inn.</source>
        <translation>The program finds the sheet and the columns itself, shows what will happen to each person before anything is saved, and saves everything at once or nothing. Columns of national identity numbers are never read.</translation>
    </message>
    <message>
        <source>Leser filen…</source>
        <translation>Reading the file…</translation>
    </message>
</context>
<context>
    <name>RosterReportPage</name>
    <message>
        <source>Rapport</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Importen er lagret.</source>
        <translation>The import has been saved.</translation>
    </message>
</context>
<context>
    <name>RosterWizard</name>
    <message>
        <source>Importer personalliste</source>
        <translation>Import roster</translation>
    </message>
</context>
<context>
    <name>ScaleDialog</name>
    <message>
        <source>Endre nivånavn</source>
        <translation>Edit level names</translation>
    </message>
    <message>
        <source>Navn på skalaen:</source>
        <translation>Name of the scale:</translation>
    </message>
    <message>
        <source>Engelsk navn:</source>
        <translation>English name:</translation>
    </message>
    <message>
        <source>Nivå</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Prosent</source>
        <translation>Percent</translation>
    </message>
    <message>
        <source>Navn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Engelsk navn</source>
        <translation>English name</translation>
    </message>
    <message>
        <source>Trinn</source>
        <translation>Band</translation>
    </message>
    <message>
        <source>Navn på nivå {n}</source>
        <translation>Name of level {n}</translation>
    </message>
    <message>
        <source>Engelsk navn på nivå {n}</source>
        <translation>English name of level {n}</translation>
    </message>
    <message>
        <source>Trinn for nivå {n}</source>
        <translation>Band of level {n}</translation>
    </message>
    <message>
        <source>Prosentene kan ikke endres: vurderinger og krav bygger på dem.</source>
        <translation>The percentages cannot be changed: assessments and requirements rest on them.</translation>
    </message>
</context>
<context>
    <name>SelfAssessmentFilePage</name>
    <message>
        <source>Velg utfylt egenvurderingsskjema</source>
        <translation>Choose a completed self-assessment form</translation>
    </message>
    <message>
        <source>Excel-arbeidsbøker (*.xlsx);;Alle filer (*)</source>
        <translation>Excel workbooks (*.xlsx);;All files (*)</translation>
    </message>
    <message>
        <source>Utfylt egenvurderingsskjema</source>
        <translation>Completed self-assessment form</translation>
    </message>
    <message>
        <source>Velg skjemaet de ansatte har fylt ut i Excel.</source>
        <translation>Choose the form the employees filled in in Excel.</translation>
    </message>
    <message>
        <source>Skjemaet lages på skjermen Rapporter (Egenvurderingsskjema). Hvert nivå en ansatt har valgt, blir en egenvurdering med dagens dato, ved siden av lederens vurdering. Du ser alt før noe lagres.</source>
        <translation>The form is made on the Reports screen (Self-assessment form). Each level an employee chose becomes a self-assessment dated today, next to the leader&apos;s assessment. You see everything before anything is saved.</translation>
    </message>
    <message>
        <source>Leser skjemaet…</source>
        <translation>Reading the form…</translation>
    </message>
</context>
<context>
    <name>SelfAssessmentPreviewPage</name>
    <message>
        <source>Forhåndsvisning</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Ingenting er lagret ennå.</source>
        <translation>Nothing is saved yet.</translation>
    </message>
    <message>
        <source>&amp;Lagre egenvurderingene</source>
        <translation>&amp;Save the self-assessments</translation>
    </message>
    <message>
        <source>{refused} celler kan ikke leses inn (se Avvist). Ingenting lagres: rett cellene i filen og les den inn på nytt.</source>
        <translation>{refused} cells cannot be read in (see Refused). Nothing is saved: correct the cells in the file and read it in again.</translation>
    </message>
    <message>
        <source>Lagrer egenvurderingene…</source>
        <translation>Saving the self-assessments…</translation>
    </message>
</context>
<context>
    <name>SelfAssessmentReportPage</name>
    <message>
        <source>Rapport</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Egenvurderingene er lagret.</source>
        <translation>The self-assessments are saved.</translation>
    </message>
</context>
<context>
    <name>SelfAssessmentWizard</name>
    <message>
        <source>Les inn egenvurderinger</source>
        <translation>Read in self-assessments</translation>
    </message>
</context>
<context>
    <name>SheetPage</name>
    <message>
        <source>Ark</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>Arket med flest kjente kolonneoverskrifter er valgt. Velg et annet om nødvendig.</source>
        <translation>The sheet with the most known column headers is chosen. Choose another if needed.</translation>
    </message>
    <message>
        <source>Rader</source>
        <translation>Rows</translation>
    </message>
    <message>
        <source>Overskrifter på rad</source>
        <translation>Headers in row</translation>
    </message>
    <message>
        <source>ikke funnet</source>
        <translation>not found</translation>
    </message>
    <message>
        <source>Kjente kolonner</source>
        <translation>Known columns</translation>
    </message>
    <message>
        <source>Synlig</source>
        <translation>Visible</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>skjult</source>
        <translation>hidden</translation>
    </message>
    <message>
        <source>Arkene i arbeidsboken</source>
        <translation>The sheets of the workbook</translation>
    </message>
    <message>
        <source>Ingen ark har kolonneoverskrifter programmet kjenner igjen. Velg arket med personallisten; på neste side velger du hvilken kolonne som er hva.</source>
        <translation>No sheet has column headers the program recognises. Choose the sheet with the roster; on the next page you choose which column is which.</translation>
    </message>
    <message>
        <source>Leser arket…</source>
        <translation>Reading the sheet…</translation>
    </message>
</context>
<context>
    <name>Splash</name>
    <message>
        <source>Kompetanse og utvikling i kommunen</source>
        <translation>Competence and development in the municipality</translation>
    </message>
    <message>
        <source>Kompetanseregister starter</source>
        <translation>Kompetanseregister is starting</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Åpner databasen…</source>
        <extracomment>Set by the benchmark to the time the process was started (``time.time()``). How long ``--smoke-test`` waits for the first screen before it gives up (exit code 3). The database could not be opened; the user has been told why. ``main`` exits with 1.</extracomment>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <source>Lager demokommunen…</source>
        <translation>Creating the demo municipality…</translation>
    </message>
    <message>
        <source>Kompetanseregister</source>
        <translation>Kompetanseregister</translation>
    </message>
    <message>
        <source>Databasen ble oppgradert. Den gamle ligger i {path}</source>
        <translation>The database was upgraded. The old one is in {path}</translation>
    </message>
    <message>
        <source>Registeret er gjenopprettet fra {backup}. Den skadede filen ligger i {damaged}.</source>
        <translation>The register was restored from {backup}. The damaged file is at {damaged}.</translation>
    </message>
    <message>
        <source>Automatisk sikkerhetskopi tatt: {path}</source>
        <translation>Automatic backup taken: {path}</translation>
    </message>
</context>
<context>
    <name>StepPage</name>
    <message>
        <source>Status</source>
        <extracomment>What the page is doing, or why the last attempt did not succeed.</extracomment>
        <translation>Status</translation>
    </message>
    <message>
        <source>Avbrutt. Ingenting ble endret.</source>
        <translation>Cancelled. Nothing was changed.</translation>
    </message>
</context>
<context>
    <name>StepWizard</name>
    <message>
        <source>&lt; &amp;Tilbake</source>
        <extracomment>Something was written to the register (the service&apos;s result is the argument).</extracomment>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <source>&amp;Neste &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>&amp;Ferdig</source>
        <translation>&amp;Finish</translation>
    </message>
</context>
<context>
    <name>SurveyBox</name>
    <message>
        <source>10-FAKTOR</source>
        <translation>10-FAKTOR</translation>
    </message>
    <message>
        <source> svar</source>
        <translation> answers</translation>
    </message>
    <message>
        <source>Minste gruppestørrelse</source>
        <translation>Minimum group size</translation>
    </message>
    <message>
        <source>&amp;Minste gruppestørrelse:</source>
        <translation>Minimum group si&amp;ze:</translation>
    </message>
    <message>
        <source>Lagre minst&amp;egrensen</source>
        <translation>Save the minim&amp;um</translation>
    </message>
    <message>
        <source>Resultater for grupper med færre svar enn dette leses aldri inn og vises aldri. KS viser ikke grupper under {lowest} svar, så grensen kan bare heves. Hever du den, fjernes resultater som nå er under den.</source>
        <translation>Results of groups with fewer answers than this are never read or shown. KS shows no group under {lowest} answers, so the limit can only be raised. Raising it removes the results now under it.</translation>
    </message>
    <message>
        <source>Heve minstegrensen?</source>
        <translation>Raise the minimum?</translation>
    </message>
    <message>
        <source>Resultater fra grupper med færre enn {minimum} svar blir fjernet. Fortsette?</source>
        <translation>Results of groups with fewer than {minimum} answers will be removed. Continue?</translation>
    </message>
    <message>
        <source>Minstegrensen er {minimum} svar; {removed} snitt under den er fjernet.</source>
        <translation>The minimum is {minimum} answers; {removed} means under it were removed.</translation>
    </message>
</context>
<context>
    <name>SurveyPanel</name>
    <message>
        <source>10-FAKTOR: kompetanse i bruk og utvikling</source>
        <translation>10-FAKTOR: competence in use and development</translation>
    </message>
    <message>
        <source>10-FAKTOR for kompetanse</source>
        <translation>10-FAKTOR on competence</translation>
    </message>
    <message>
        <source>Ingen 10-FAKTOR-resultater for utvalget (grupper under {minimum} svar vises aldri).</source>
        <translation>No 10-FAKTOR results for the selection (groups under {minimum} answers are never shown).</translation>
    </message>
    <message>
        <source>{year}, {count} svar</source>
        <translation>{year}, {count} answers</translation>
    </message>
    <message>
        <source>({change} fra {year})</source>
        <translation>({change} from {year})</translation>
    </message>
    <message>
        <source>kommunen {mean}</source>
        <translation>municipality {mean}</translation>
    </message>
</context>
<context>
    <name>TalksDuePanel</name>
    <message>
        <source>Medarbeidersamtaler som har forfalt eller forfaller snart</source>
        <translation>Appraisal talks that are overdue or due soon</translation>
    </message>
    <message>
        <source>Navn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Enhet</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Forfaller</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>nå</source>
        <translation>now</translation>
    </message>
    <message>
        <source>{status}; forrige samtale: {date}</source>
        <translation>{status}; last talk: {date}</translation>
    </message>
    <message>
        <source>Forrige</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>ingen</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Medarbeidersamtaler som forfaller</source>
        <translation>Appraisal talks falling due</translation>
    </message>
    <message>
        <source>Enter eller dobbeltklikk åpner ansattkortet</source>
        <translation>Enter or double-click opens the employee card</translation>
    </message>
    <message>
        <source>Beregner…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <source>{overdue} forfalt, {soon} forfaller innen {days} dager, av {people} ansatte (samtale hver {months}. måned).</source>
        <translation>{overdue} overdue, {soon} due within {days} days, of {people} employees (a talk every {months} months).</translation>
    </message>
</context>
<context>
    <name>TargetColumns</name>
    <message>
        <source>Enhet</source>
        <extracomment>as in the printed unit plan (competence/export/pdf/unit_plan_planning.py)</extracomment>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Kompetanse / kvalifikasjon</source>
        <translation>Competence / qualification</translation>
    </message>
    <message>
        <source>Minst nivå</source>
        <translation>At least level</translation>
    </message>
    <message>
        <source>Trenger</source>
        <translation>Need</translation>
    </message>
    <message>
        <source>Har</source>
        <translation>Have</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Innen</source>
        <translation>By</translation>
    </message>
</context>
<context>
    <name>TargetDialog</name>
    <message>
        <source>Endre mål</source>
        <translation>Change target</translation>
    </message>
    <message>
        <source>Nytt mål for enheten</source>
        <translation>New target for the unit</translation>
    </message>
    <message>
        <source>Kompetanse og nivå</source>
        <translation>Competence and level</translation>
    </message>
    <message>
        <source>Kvalifikasjon</source>
        <translation>Qualification</translation>
    </message>
    <message>
        <source>personer</source>
        <translation>people</translation>
    </message>
    <message>
        <source>Kvalifikasjonskatalogen er tom (Rammeverk → Kvalifikasjoner)</source>
        <translation>The catalogue of qualifications is empty (Frameworks → Qualifications)</translation>
    </message>
    <message>
        <source>Målet teller personene i enheten og enhetene under den som har kvalifikasjonen, gyldig på datoen. En dispensasjon teller ikke: den vises under Enheter → Dispensasjoner.</source>
        <translation>The target counts the people of the unit and the units below it who hold the qualification, valid on the date. A dispensation does not count: it is shown under Units → Dispensations.</translation>
    </message>
    <message>
        <source>Målet teller personene i enheten og enhetene under den som har kompetansen på dette nivået eller høyere.</source>
        <translation>The target counts the people of the unit and the units below it who hold the competence at this level or higher.</translation>
    </message>
    <message>
        <source>Kompetanse:</source>
        <translation>Competence:</translation>
    </message>
    <message>
        <source>Målet gjelder:</source>
        <translation>The target is about:</translation>
    </message>
    <message>
        <source>Minst nivå:</source>
        <translation>At least level:</translation>
    </message>
    <message>
        <source>Kvalifikasjon:</source>
        <translation>Qualification:</translation>
    </message>
    <message>
        <source>Antall som trengs:</source>
        <translation>People needed:</translation>
    </message>
    <message>
        <source>Begrunnelse:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>Innen:</source>
        <translation>By:</translation>
    </message>
</context>
<context>
    <name>TargetsPanel</name>
    <message>
        <source>Kompetansemål</source>
        <translation>Competence targets</translation>
    </message>
    <message>
        <source>Enhet</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Kompetanse / kvalifikasjon</source>
        <translation>Competence / qualification</translation>
    </message>
    <message>
        <source>Har / trenger</source>
        <translation>Have / need</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Enter eller dobbeltklikk åpner Planlegging</source>
        <translation>Enter or a double-click opens Planning</translation>
    </message>
    <message>
        <source>Ingen mål satt ennå. Mål settes under Planlegging.</source>
        <translation>No targets set yet. Targets are set in Planning.</translation>
    </message>
    <message>
        <source>{count} mål: {met} oppfylt, {short} under målet ({overdue} etter fristen)</source>
        <translation>{count} targets: {met} met, {short} short ({overdue} past their date)</translation>
    </message>
</context>
<context>
    <name>TargetsTab</name>
    <message>
        <source>Begrunnelse</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Mål for enheten</source>
        <translation>Targets of the unit</translation>
    </message>
    <message>
        <source>Hvem har kompetansen</source>
        <translation>Who holds the competence</translation>
    </message>
    <message>
        <source>&amp;Nytt mål…</source>
        <translation>&amp;New target…</translation>
    </message>
    <message>
        <source>En&amp;dre…</source>
        <translation>Ed&amp;it…</translation>
    </message>
    <message>
        <source>Slet&amp;t</source>
        <translation>Dele&amp;te</translation>
    </message>
    <message>
        <source>Velg en enhet for å sette mål</source>
        <translation>Choose a unit to set targets</translation>
    </message>
    <message>
        <source>Velg et mål for å se hvem som har kompetansen.</source>
        <translation>Choose a target to see who holds the competence.</translation>
    </message>
    <message>
        <source>Ingen i enheten har en gyldig kvalifikasjon ennå.</source>
        <translation>Nobody in the unit holds a valid qualification yet.</translation>
    </message>
    <message>
        <source>Ingen i enheten har kompetansen på dette nivået ennå.</source>
        <translation>Nobody in the unit holds the competence at this level yet.</translation>
    </message>
    <message>
        <source>Har kvalifikasjonen ({count}): {names}</source>
        <translation>Hold the qualification ({count}): {names}</translation>
    </message>
    <message>
        <source>Har kompetansen ({count}): {names}</source>
        <translation>Hold the competence ({count}): {names}</translation>
    </message>
    <message>
        <source>Slett mål</source>
        <translation>Delete target</translation>
    </message>
    <message>
        <source>Slette målet for «{competence}»? Tiltak rettet mot det beholdes.</source>
        <translation>Delete the target for &apos;{competence}&apos;? Measures aimed at it are kept.</translation>
    </message>
    <message>
        <source>Kompetansemål</source>
        <translation>Competence targets</translation>
    </message>
    <message>
        <source>Målene teller personene i enheten og enhetene under den som har kompetansen på minst det nivået målet sier, eller kvalifikasjonen gyldig, på datoen som vises (en dispensasjon teller ikke). Uten mål er en kritisk kompetanse som flere skal ha, sårbar når bare én eller ingen har den.</source>
        <translation>The targets count the people of the unit and the units below it who hold the competence at least at the target&apos;s level, or the qualification valid, on the date shown (a dispensation does not count). Without a target, a critical competence several people must hold is vulnerable when only one or nobody holds it.</translation>
    </message>
    <message>
        <source>Sett mål under &amp;Planlegging</source>
        <translation>Set targets in &amp;Planning</translation>
    </message>
</context>
<context>
    <name>TemplateFilePage</name>
    <message>
        <source>Velg utfylt vurderingsmal</source>
        <translation>Choose a filled-in assessment template</translation>
    </message>
    <message>
        <source>Excel-arbeidsbøker (*.xlsx);;Alle filer (*)</source>
        <translation>Excel workbooks (*.xlsx);;All files (*)</translation>
    </message>
    <message>
        <source>Utfylt vurderingsmal</source>
        <translation>Filled-in assessment template</translation>
    </message>
    <message>
        <source>Velg malen en leder har fylt ut i Excel.</source>
        <translation>Choose the template a leader has filled in in Excel.</translation>
    </message>
    <message>
        <source>Malen lages på skjermen Rapporter. Hver celle med et nytt nivå blir en ny vurdering fra leder med dagens dato. Celler som ikke kan leses inn, vises med cellereferanse og årsak før noe lagres.</source>
        <translation>The template is made on the Reports screen. Each cell with a new level becomes a new leader assessment with today&apos;s date. Cells that cannot be read are shown with their cell reference and the reason before anything is saved.</translation>
    </message>
    <message>
        <source>Leser malen…</source>
        <translation>Reading the template…</translation>
    </message>
</context>
<context>
    <name>TemplatePreviewPage</name>
    <message>
        <source>Forhåndsvisning</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Ingenting er lagret ennå. Se gjennom cellene, og trykk Lagre vurderingene.</source>
        <translation>Nothing has been saved yet. Review the cells, and press Save the assessments.</translation>
    </message>
    <message>
        <source>&amp;Lagre vurderingene</source>
        <translation>&amp;Save the assessments</translation>
    </message>
    <message>
        <source>{refused} celler kan ikke leses inn (se Avvist). Ingenting lagres før de er rettet i filen og den er lest inn på nytt.</source>
        <translation>{refused} cells cannot be read in (see Refused). Nothing is saved until they are corrected in the file and it is read in again.</translation>
    </message>
    <message>
        <source>Lagre likevel de {count} nye nivåene som kan leses inn (de avviste lagres ikke)</source>
        <translation>Save anyway the {count} new levels that can be read in (the refused ones are not saved)</translation>
    </message>
    <message>
        <source>Lagrer vurderingene…</source>
        <translation>Saving the assessments…</translation>
    </message>
</context>
<context>
    <name>TemplateReportPage</name>
    <message>
        <source>Rapport</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Vurderingene er lagret.</source>
        <translation>The assessments have been saved.</translation>
    </message>
</context>
<context>
    <name>TemplateWizard</name>
    <message>
        <source>Les inn vurderingsmal</source>
        <translation>Read assessment template</translation>
    </message>
</context>
<context>
    <name>TenFactorFilePage</name>
    <message>
        <source>Velg resultatfil fra 10-FAKTOR</source>
        <extracomment>file unit name -&gt; unit number, None to skip: the user&apos;s choices</extracomment>
        <translation>Choose a results file from 10-FAKTOR</translation>
    </message>
    <message>
        <source>Regneark (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;Alle filer (*)</source>
        <translation>Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>Resultater fra 10-FAKTOR</source>
        <translation>Results from 10-FAKTOR</translation>
    </message>
    <message>
        <source>Velg filen med enhetenes resultater fra medarbeiderundersøkelsen.</source>
        <translation>Choose the file with the units&apos; results of the employee survey.</translation>
    </message>
    <message>
        <source>Filen kan ha én rad per enhet og faktor, eller én rad per enhet med en kolonne per faktor, med antall svar. Grupper med færre svar enn minstegrensen leses aldri inn, og registeret tar aldri imot svar fra enkeltpersoner. Enheter som ikke finnes av seg selv, velger du i neste steg; valget huskes.</source>
        <translation>The file may have one row per unit and factor, or one row per unit with a column per factor, with the number who answered. Groups with fewer answers than the minimum are never read, and the register never takes a person&apos;s answers. Units not found by themselves are chosen in the next step; the choice is remembered.</translation>
    </message>
    <message>
        <source>fra filen</source>
        <translation>from the file</translation>
    </message>
    <message>
        <source>År resultatene gjelder</source>
        <translation>Year of the results</translation>
    </message>
    <message>
        <source>&amp;År (når filen ikke har en kolonne for år):</source>
        <translation>&amp;Year (when the file has no column for the year):</translation>
    </message>
    <message>
        <source>Leser filen…</source>
        <translation>Reading the file…</translation>
    </message>
</context>
<context>
    <name>TenFactorPreviewPage</name>
    <message>
        <source>Forhåndsvisning</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Ingenting er lagret ennå. Se hvor hver gruppe havner, og velg enhet der det trengs.</source>
        <translation>Nothing is saved yet. See where each group goes, and choose the unit where needed.</translation>
    </message>
    <message>
        <source>&amp;Lagre resultatene</source>
        <translation>&amp;Save the results</translation>
    </message>
    <message>
        <source>Enheter i filen og i registeret</source>
        <translation>Units in the file and in the register</translation>
    </message>
    <message>
        <source>(hopp over)</source>
        <translation>(skip)</translation>
    </message>
    <message>
        <source>Enhet for «{name}»</source>
        <translation>Unit for &apos;{name}&apos;</translation>
    </message>
    <message>
        <source>Velg enhet</source>
        <translation>Choose a unit</translation>
    </message>
    <message>
        <source>Oppdaterer forhåndsvisningen…</source>
        <translation>Updating the preview…</translation>
    </message>
    <message>
        <source>Lagrer resultatene…</source>
        <translation>Saving the results…</translation>
    </message>
</context>
<context>
    <name>TenFactorReportPage</name>
    <message>
        <source>Rapport</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Resultatene er lagret.</source>
        <translation>The results are saved.</translation>
    </message>
</context>
<context>
    <name>TenFactorWizard</name>
    <message>
        <source>Les inn 10-FAKTOR</source>
        <translation>Import 10-FAKTOR</translation>
    </message>
</context>
<context>
    <name>Tilgang</name>
    <message>
        <source>1 person</source>
        <translation>1 person</translation>
    </message>
    <message>
        <source>{count} personer</source>
        <translation>{count} people</translation>
    </message>
    <message>
        <source>HR: hele kommunen</source>
        <translation>HR: the whole municipality</translation>
    </message>
    <message>
        <source>Eier av registeret: hele kommunen</source>
        <translation>Owner of the register: the whole municipality</translation>
    </message>
    <message>
        <source>Ingen tilgang</source>
        <translation>No access</translation>
    </message>
    <message>
        <source>Leder for {units}: {people}</source>
        <translation>Leader of {units}: {people}</translation>
    </message>
    <message>
        <source>Leder: {people}</source>
        <translation>Leader: {people}</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>Ingen krav i perioden.</source>
        <translation>No requirements in the period.</translation>
    </message>
    <message>
        <source>{date}: {share} oppfylt ({met} av {total} krav, {na} ikke vurdert)</source>
        <translation>{date}: {share} met ({met} of {total} requirements, {na} not assessed)</translation>
    </message>
</context>
<context>
    <name>UnitPicker</name>
    <message>
        <source>Skriv eller velg enhet</source>
        <extracomment>Item data role: how deep a unit lies in the tree (its list item is indented by that much).</extracomment>
        <translation>Type or choose a unit</translation>
    </message>
</context>
<context>
    <name>UnitPlanning</name>
    <message>
        <source>10-FAKTOR for kompetanse</source>
        <translation>10-FAKTOR on competence</translation>
    </message>
    <message>
        <source>Faktor 4 og 7 i medarbeiderundersøkelsen 10-FAKTOR, snitt på skalaen 1–5</source>
        <translation>Factors 4 and 7 of the employee survey 10-FAKTOR, means on the 1–5 scale</translation>
    </message>
</context>
<context>
    <name>UnitTree</name>
    <message>
        <source>Enheter</source>
        <extracomment>The chosen unit&apos;s subtree, or None for all units.</extracomment>
        <translation>Units</translation>
    </message>
    <message>
        <source>Alle enheter</source>
        <translation>All units</translation>
    </message>
</context>
<context>
    <name>UnitsPage</name>
    <message>
        <source>Hele kommunen</source>
        <translation>The whole municipality</translation>
    </message>
    <message>
        <source>Enhet</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Med &amp;underenheter</source>
        <translation>With &amp;sub-units</translation>
    </message>
    <message>
        <source>Per dato</source>
        <translation>As of date</translation>
    </message>
    <message>
        <source>Vis tallene slik de var på en tidligere dato</source>
        <translation>Show the figures as they were at an earlier date</translation>
    </message>
    <message>
        <source>&amp;I dag</source>
        <translation>T&amp;oday</translation>
    </message>
    <message>
        <source>Tall i cellene</source>
        <translation>Figures in the cells</translation>
    </message>
    <message>
        <source>Andel oppfylt</source>
        <translation>Share met</translation>
    </message>
    <message>
        <source>Antall ikke vurdert</source>
        <translation>Number not assessed</translation>
    </message>
    <message>
        <source>&amp;Enhet:</source>
        <translation>&amp;Unit:</translation>
    </message>
    <message>
        <source>Per &amp;dato:</source>
        <translation>As of &amp;date:</translation>
    </message>
    <message>
        <source>Ce&amp;llene viser:</source>
        <translation>Cells sho&amp;w:</translation>
    </message>
    <message>
        <source>Nøkkeltall</source>
        <translation>Key figures</translation>
    </message>
    <message>
        <source>Andel krav oppfylt de siste to årene</source>
        <translation>Share of requirements met over the last two years</translation>
    </message>
    <message>
        <source>Klikk på et punkt for å se tallene på den datoen</source>
        <translation>Click a point to see the figures at that date</translation>
    </message>
    <message>
        <source>Andel oppfylt siste to år</source>
        <translation>Share met, last two years</translation>
    </message>
    <message>
        <source>Kompetansekart: enheter og kompetanser</source>
        <translation>Competence map: units and competences</translation>
    </message>
    <message>
        <source>Strategiområder per enhet</source>
        <translation>Strategy areas per unit</translation>
    </message>
    <message>
        <source>Kompetansene slått sammen per strategiområde. Enter eller dobbeltklikk viser kompetansene i området for enheten.</source>
        <translation>The competences pooled per strategy area. Enter or a double-click shows the area&apos;s competences for the unit.</translation>
    </message>
    <message>
        <source>&amp;Mål</source>
        <translation>Tar&amp;gets</translation>
    </message>
    <message>
        <source>Di&amp;spensasjoner</source>
        <translation>D&amp;ispensations</translation>
    </message>
    <message>
        <source>snittavvik {gap} prosentpoeng</source>
        <translation>mean gap {gap} percentage points</translation>
    </message>
    <message>
        <source>{count} sårbare kompetanser</source>
        <translation>{count} vulnerable competences</translation>
    </message>
    <message>
        <source>&amp;Kompetansekart</source>
        <translation>&amp;Competence map</translation>
    </message>
    <message>
        <source>S&amp;trategiområder</source>
        <translation>S&amp;trategy areas</translation>
    </message>
    <message>
        <source>Sår&amp;barhet</source>
        <translation>Vul&amp;nerability</translation>
    </message>
    <message>
        <source>Beregner…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <source>Ikke beregnet</source>
        <translation>Not computed</translation>
    </message>
    <message>
        <source>Beregner utviklingen…</source>
        <translation>Computing the trend…</translation>
    </message>
    <message>
        <source>Alle i utvalget</source>
        <translation>Everyone in the selection</translation>
    </message>
    <message>
        <source>Ingen i utvalget har kompetansekrav ennå. Gi rollene krav under Rammeverk og roller, og gi de ansatte roller i stillingene sine.</source>
        <translation>Nobody in the selection has competence requirements yet. Give the roles requirements under Frameworks and roles, and give the employees roles in their posts.</translation>
    </message>
    <message>
        <source>Snittavvik (prosentpoeng)</source>
        <translation>Mean gap (percentage points)</translation>
    </message>
    <message>
        <source>Avviksanalyse</source>
        <translation>Gap analysis</translation>
    </message>
    <message>
        <source>Beregner avviksanalysen…</source>
        <translation>Computing the gap analysis…</translation>
    </message>
    <message>
        <source>Per {date}</source>
        <translation>As of {date}</translation>
    </message>
    <message>
        <source>{people} ansatte</source>
        <translation>{people} employees</translation>
    </message>
    <message>
        <source>{share} av {total} krav oppfylt</source>
        <translation>{share} of {total} requirements met</translation>
    </message>
    <message>
        <source>{na} ikke vurdert</source>
        <translation>{na} not assessed</translation>
    </message>
    <message>
        <source>tallene gjelder {date}</source>
        <translation>figures as of {date}</translation>
    </message>
    <message>
        <source>Velg en celle i kartet for å se hvem som står bak tallene.</source>
        <translation>Choose a cell in the map to see who is behind the figures.</translation>
    </message>
    <message>
        <source>Raden «{total}» samler alle; velg en enhet for å se personene.</source>
        <translation>The row “{total}” pools everyone; choose a unit to see the people.</translation>
    </message>
    <message>
        <source>Ingen i {unit} har krav om {competence}.</source>
        <translation>Nobody in {unit} is required to have {competence}.</translation>
    </message>
    <message>
        <source>{unit} – {competence}: {met} av {people} oppfyller kravet</source>
        <translation>{unit} – {competence}: {met} of {people} meet the requirement</translation>
    </message>
</context>
<context>
    <name>UserBox</name>
    <message>
        <source>Deg som bruker</source>
        <translation>You as a user</translation>
    </message>
    <message>
        <source>Din rolle</source>
        <translation>Your role</translation>
    </message>
    <message>
        <source>Språk</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>&amp;Rolle:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <source>Spr&amp;åk:</source>
        <translation>Lan&amp;guage:</translation>
    </message>
    <message>
        <source>Språket endres neste gang du starter programmet. / The language changes at the next start.</source>
        <translation>The language changes the next time you start the program.</translation>
    </message>
</context>
<context>
    <name>Varmekart</name>
    <message>
        <source>i.v.</source>
        <translation>n.a.</translation>
    </message>
    <message>
        <source>{met} av {people} oppfyller kravet ({share})</source>
        <translation>{met} of {people} meet the requirement ({share})</translation>
    </message>
    <message>
        <source>Snittavvik: {gap} prosentpoeng</source>
        <translation>Mean gap: {gap} percentage points</translation>
    </message>
    <message>
        <source>Mangler lovpålagt kurs: {count}</source>
        <translation>Missing a mandatory course: {count}</translation>
    </message>
    <message>
        <source>Ikke vurdert: {count} ({share})</source>
        <translation>Not assessed: {count} ({share})</translation>
    </message>
    <message>
        <source>Hele utvalget</source>
        <translation>The whole selection</translation>
    </message>
    <message>
        <source>Ingen her har krav om dette.</source>
        <translation>Nobody here has this requirement.</translation>
    </message>
    <message>
        <source>Kritisk kompetanse</source>
        <translation>Critical competence</translation>
    </message>
</context>
<context>
    <name>VulnerabilityTab</name>
    <message>
        <source>Enhet</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Kompetanse</source>
        <translation>Competence</translation>
    </message>
    <message>
        <source>Strategiområde</source>
        <translation>Strategy area</translation>
    </message>
    <message>
        <source>Hvorfor</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Mangler {short}</source>
        <translation>Short by {short}</translation>
    </message>
    <message>
        <source>Kompetanser enheten har for få av: under et mål enheten har satt, eller, der det ikke finnes et mål, kritiske kompetanser som kreves av flere enn én og som bare én eller ingen har på kravnivået. Enter eller dobbeltklikk viser personene i kartet.</source>
        <translation>Competences the unit holds too thinly: short of a target the unit has set, or, where there is no target, critical competences required of more than one person that one person or nobody holds at the required level. Enter or a double-click shows the people in the map.</translation>
    </message>
    <message>
        <source>Har kompetansen</source>
        <translation>Holds it</translation>
    </message>
    <message>
        <source>ingen</source>
        <translation>nobody</translation>
    </message>
    <message>
        <source>Sårbare kompetanser</source>
        <translation>Vulnerable competences</translation>
    </message>
</context>
<context>
    <name>Vurderingsmal</name>
    <message>
        <source>ikke vurdert</source>
        <translation>not assessed</translation>
    </message>
    <message>
        <source>Enhet {unit} – nye vurderinger lagret: {changed} · avviste celler: {refused} · uendret: {unchanged}</source>
        <translation>Unit {unit} – new assessments saved: {changed} · refused cells: {refused} · unchanged: {unchanged}</translation>
    </message>
    <message>
        <source>Enhet {unit} – nye vurderinger: {changed} · avviste celler: {refused} · uendret: {unchanged}</source>
        <translation>Unit {unit} – new assessments: {changed} · refused cells: {refused} · unchanged: {unchanged}</translation>
    </message>
    <message>
        <source>allerede registrert: {count}</source>
        <translation>already registered: {count}</translation>
    </message>
    <message>
        <source>Innlesing av vurderingsmal</source>
        <translation>Assessment template read</translation>
    </message>
    <message>
        <source>Forhåndsvisning av vurderingsmal</source>
        <translation>Preview of an assessment template</translation>
    </message>
    <message>
        <source>Fil: {file}</source>
        <translation>File: {file}</translation>
    </message>
    <message>
        <source>Nye vurderinger:</source>
        <translation>New assessments:</translation>
    </message>
    <message>
        <source>Avviste celler:</source>
        <translation>Refused cells:</translation>
    </message>
</context>
</TS>
