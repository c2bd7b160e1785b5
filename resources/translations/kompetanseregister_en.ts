<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="nb_NO">
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
    <name>BackupsBox</name>
    <message>
        <source>Sikkerhetskopier</source>
        <extracomment>The register was replaced by a backup.</extracomment>
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
        <translation>&amp;Restore selected backup…</translation>
    </message>
    <message>
        <source>Gjenopprett fra &amp;fil…</source>
        <translation>Restore from &amp;file…</translation>
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
        <source>Utløper</source>
        <translation>Expires</translation>
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
</context>
<context>
    <name>CertificatesTab</name>
    <message>
        <source>Utløpt</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>Utløper snart</source>
        <translation>Expires soon</translation>
    </message>
    <message>
        <source>Gyldig</source>
        <translation>Valid</translation>
    </message>
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
        <translation>&amp;Local file on this computer</translation>
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
        <source>Tester tilkoblingen…</source>
        <translation>Testing the connection…</translation>
    </message>
    <message>
        <source>Programmet bruker {location} fra neste oppstart.</source>
        <translation>The program uses {location} from the next start.</translation>
    </message>
</context>
<context>
    <name>DelayedProgress</name>
    <message>
        <source>Arbeider…</source>
        <extracomment>Milliseconds a job may run before its progress dialog appears. Progress reports are forwarded to the UI at most this often (a service may report per row). Emitted after ``succeeded`` or ``failed`` and their callbacks. The widget the callbacks belong to: when it is gone, the result is dropped.</extracomment>
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
        <source>Gap</source>
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
        <source>Skriv ut utviklings&amp;plan…</source>
        <translation>Print development &amp;plan…</translation>
    </message>
    <message>
        <source>Lag utviklingsplanen som PDF til medarbeidersamtalen (Ctrl+P)</source>
        <translation>Make the development plan as a PDF for the appraisal talk (Ctrl+P)</translation>
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
        <source>Stillingsprosent i alt: {pct} %</source>
        <translation>Total FTE: {pct} %</translation>
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
    <name>Feil</name>
    <message>
        <source>Kompetanseregister</source>
        <extracomment>Dialogs without a parent window are owned by Python: keep a reference while they are open.</extracomment>
        <translation>Kompetanseregister</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <source>Velkommen til Kompetanseregister</source>
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
        <source>Fra</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Frist</source>
        <translation>Due</translation>
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
    <name>Kompetanseprofil</name>
    <message>
        <source>Oppfylt</source>
        <translation>Met</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>Gap</translation>
    </message>
    <message>
        <source>Ikke vurdert</source>
        <translation>Not assessed</translation>
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
    <name>Legend</name>
    <message>
        <source>minst {share} oppfyller kravet</source>
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
        <source>tom: ingen har kravet</source>
        <translation>empty: nobody has the requirement</translation>
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
    <name>MainWindow</name>
    <message>
        <source>Kompetanseregister</source>
        <translation>Kompetanseregister</translation>
    </message>
    <message>
        <source>DEMO (oppdiktede data)</source>
        <translation>DEMO (fictional data)</translation>
    </message>
    <message>
        <source>Navigasjon</source>
        <extracomment>The screens made so far: each is made the first time it is shown (a faster start).</extracomment>
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
        <source>Om Kompetanseregister</source>
        <translation>About Kompetanseregister</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Kompetanseregister {version}&lt;/h3&gt;&lt;p&gt;Kompetanse, utviklingsmål og gapanalyse for kommuner, knyttet til arbeidsgiverstrategien.&lt;/p&gt;&lt;p&gt;Database: {location}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Kompetanseregister {version}&lt;/h3&gt;&lt;p&gt;Competences, learning goals and gap analysis for municipalities, tied to the employer strategy.&lt;/p&gt;&lt;p&gt;Database: {location}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Et arbeid i bakgrunnen er ikke ferdig. Vent litt og prøv å avslutte igjen.</source>
        <translation>Work in the background has not finished. Wait a moment and try to quit again.</translation>
    </message>
</context>
<context>
    <name>MarkLeftDialog</name>
    <message>
        <source>Registrer at {name} har sluttet</source>
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
        <source>Rapporter</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Enheter</source>
        <translation>Units</translation>
    </message>
</context>
<context>
    <name>NewEmployeeDialog</name>
    <message>
        <source>Ny ansatt</source>
        <translation>New employee</translation>
    </message>
    <message>
        <source>Fra</source>
        <translation>From</translation>
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
    <name>OptionalAmount</name>
    <message>
        <source>ikke oppgitt</source>
        <translation>not given</translation>
    </message>
</context>
<context>
    <name>OptionalHours</name>
    <message>
        <source>ikke oppgitt</source>
        <translation>not given</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Enhet for oversikten</source>
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
        <source>sårbare kritiske kompetanser</source>
        <translation>vulnerable critical competences</translation>
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
        <source>Stillingsstørrelse (heltidskultur)</source>
        <translation>Position size (full-time culture)</translation>
    </message>
    <message>
        <source>Andel krav oppfylt per strategiområde</source>
        <translation>Share of requirements met per strategy area</translation>
    </message>
    <message>
        <source>Heltidskultur: samlet stillingsprosent</source>
        <translation>Full-time culture: total FTE per person</translation>
    </message>
    <message>
        <source>Kompetanse</source>
        <translation>Competence</translation>
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
        <source>Snittgap</source>
        <translation>Mean gap</translation>
    </message>
    <message>
        <source>Enhet</source>
        <translation>Unit</translation>
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
        <source>Største gap</source>
        <translation>Largest gaps</translation>
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
        <source>Sårbare kompetanser (én eller ingen har dem)</source>
        <translation>Vulnerable competences (held by one or nobody)</translation>
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
    <message>
        <source>100 %</source>
        <translation>100 %</translation>
    </message>
    <message>
        <source>75–99 %</source>
        <translation>75–99 %</translation>
    </message>
    <message>
        <source>50–74 %</source>
        <translation>50–74 %</translation>
    </message>
    <message>
        <source>under 50 %</source>
        <translation>under 50 %</translation>
    </message>
    <message>
        <source>Ingen stillinger.</source>
        <translation>No positions.</translation>
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
        <source>Fra</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Til</source>
        <translation>To</translation>
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
        <source>Gap</source>
        <translation>Gap</translation>
    </message>
    <message>
        <source>Prosentpoeng under kravet</source>
        <translation>Percentage points below the requirement</translation>
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
        <translation>as &amp;leader</translation>
    </message>
    <message>
        <source>som &amp;egenvurdering</source>
        <translation>as &amp;self-assessment</translation>
    </message>
    <message>
        <source>&amp;Vurder med dato og merknad…</source>
        <translation>&amp;Assess with date and note…</translation>
    </message>
    <message>
        <source>Nytt &amp;mål for kompetansen…</source>
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
        <source>{met} av {total} krav oppfylt · {gaps} med gap · {na} ikke vurdert</source>
        <translation>{met} of {total} requirements met · {gaps} with a gap · {na} not assessed</translation>
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
    <message>
        <source>Kompetansematrise (Excel)</source>
        <translation>Competence matrix (Excel)</translation>
    </message>
    <message>
        <source>Alle ansatte i utvalget med nåværende nivå på hver kompetanse rollene deres krever, farget etter om kravet er oppfylt, med forklaring og utskriftsoppsett.</source>
        <translation>Everyone in the selection with their current level of each competence their roles require, coloured by whether the requirement is met, with a legend and print setup.</translation>
    </message>
    <message>
        <source>Kompetansematrise</source>
        <translation>Competence matrix</translation>
    </message>
    <message>
        <source>{people} ansatte × {competences} kompetanser ({na} ikke vurdert).</source>
        <translation>{people} employees × {competences} competences ({na} not assessed).</translation>
    </message>
    <message>
        <source>Avviksrapport (Excel)</source>
        <translation>Gap report (Excel)</translation>
    </message>
    <message>
        <source>Nøkkeltall, andel krav oppfylt per enhet og strategiområde, sårbare kompetanser, sertifikater som utløper og utviklingsmål.</source>
        <translation>Key figures, share of requirements met per unit and strategy area, vulnerable competences, expiring certificates and learning goals.</translation>
    </message>
    <message>
        <source>Avviksrapport</source>
        <translation>Gap report</translation>
    </message>
    <message>
        <source>Enheter: {units} · sårbare kompetanser: {vulnerable} · sertifikatvarsler: {certificates} · utviklingsmål: {goals}.</source>
        <translation>Units: {units} · vulnerable competences: {vulnerable} · certificate alerts: {certificates} · learning goals: {goals}.</translation>
    </message>
    <message>
        <source>Vurderingsmal (Excel)</source>
        <translation>Assessment template (Excel)</translation>
    </message>
    <message>
        <source>Et regneark lederen fyller ut med nivåer fra nedtrekkslister og leser inn igjen (Import). Dagens nivåer står ferdig utfylt.</source>
        <translation>A spreadsheet the leader fills in with levels from drop-down lists and reads back in (Import). Today&apos;s levels are filled in already.</translation>
    </message>
    <message>
        <source>Vurderingsmal</source>
        <translation>Assessment template</translation>
    </message>
    <message>
        <source>{people} ansatte × {competences} kompetanser.</source>
        <translation>{people} employees × {competences} competences.</translation>
    </message>
    <message>
        <source>Utviklingsplan for én ansatt (PDF)</source>
        <translation>Development plan for one employee (PDF)</translation>
    </message>
    <message>
        <source>Den individuelle utviklingsplanen til medarbeidersamtalen: kompetanseprofil med krav og avvik, utviklingsmål, kurs og sertifikater, og linjer for underskrift.</source>
        <translation>The individual development plan for the appraisal talk: competence profile with requirements and gaps, learning goals, courses and certificates, and lines for signatures.</translation>
    </message>
    <message>
        <source>Utviklingsplan</source>
        <translation>Development plan</translation>
    </message>
    <message>
        <source>Utviklingsplan for ansatt {no}, {pages} sider.</source>
        <translation>Development plan of employee {no}, {pages} pages.</translation>
    </message>
    <message>
        <source>Utviklingsplaner for en enhet (PDF)</source>
        <translation>Development plans for a unit (PDF)</translation>
    </message>
    <message>
        <source>Én PDF per ansatt i enheten, lagt i en mappe du velger, og om du vil også alle planene samlet i én PDF med et bokmerke per person (for utskrift).</source>
        <translation>One PDF per employee of the unit, in a folder you choose, and if you like all the plans in one PDF with a bookmark per person (for printing).</translation>
    </message>
    <message>
        <source>Utviklingsplaner</source>
        <translation>Development plans</translation>
    </message>
    <message>
        <source>{files} utviklingsplaner, {pages} sider i alt.</source>
        <translation>{files} development plans, {pages} pages in all.</translation>
    </message>
    <message>
        <source>Samlet fil: {name}</source>
        <translation>Combined file: {name}</translation>
    </message>
    <message>
        <source>Kompetanseplan for enheten (PDF)</source>
        <translation>Unit competence plan (PDF)</translation>
    </message>
    <message>
        <source>Enhetens kompetanseplan: nøkkeltall, strategiområder, kompetansekart, sårbare kompetanser, planlagte læringsaktiviteter og sertifikater som må fornyes.</source>
        <translation>The unit&apos;s competence plan: key figures, strategy areas, competence map, vulnerable competences, planned learning activities and certificates to renew.</translation>
    </message>
    <message>
        <source>Kompetanseplan</source>
        <translation>Competence plan</translation>
    </message>
    <message>
        <source>{pages} sider, {people} ansatte, {activities} planlagte tiltak.</source>
        <translation>{pages} pages, {people} employees, {activities} planned activities.</translation>
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
        <source> måneder</source>
        <translation> months</translation>
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
        <source> dager</source>
        <translation> days</translation>
    </message>
    <message>
        <source> timer</source>
        <translation> hours</translation>
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
        <source>Lagret.</source>
        <translation>Saved.</translation>
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
        <source>&amp;Velg mappe og lag planene…</source>
        <translation>&amp;Choose a folder and make the plans…</translation>
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
        <extracomment>How many people the demo municipality of ``--demo`` has. Set by the benchmark to the time the process was started (``time.time()``). The database could not be opened; the user has been told why. ``main`` exits with 1.</extracomment>
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
        <source>Automatisk sikkerhetskopi tatt: {path}</source>
        <translation>Automatic backup taken: {path}</translation>
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
        <translation>Type or choose a unit</translation>
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
        <source>Snittgap (prosentpoeng)</source>
        <translation>Mean gap (percentage points)</translation>
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
        <source>Gapanalyse</source>
        <translation>Gap analysis</translation>
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
        <source>Beregner gapanalysen…</source>
        <translation>Computing the gap analysis…</translation>
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
        <source>snittgap {gap} prosentpoeng</source>
        <translation>mean gap {gap} percentage points</translation>
    </message>
    <message>
        <source>{count} sårbare kritiske kompetanser</source>
        <translation>{count} vulnerable critical competences</translation>
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
        <source>S&amp;pråk:</source>
        <translation>&amp;Language:</translation>
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
        <source>Snittgap: {gap} prosentpoeng</source>
        <translation>Mean gap: {gap} percentage points</translation>
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
        <source>Med krav</source>
        <translation>Required of</translation>
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
    <message>
        <source>Kritiske kompetanser som en enhet krever, og som bare én eller ingen av dens ansatte har på kravnivået. Enter eller dobbeltklikk viser personene i kartet.</source>
        <translation>Critical competences a unit requires that only one or none of its employees holds at the required level. Enter or a double-click shows the people in the map.</translation>
    </message>
</context>
</TS>
