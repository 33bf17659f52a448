<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>AcknowledgeDialog</name>
    <message>
        <location filename="../../gui/common/dialogs.py" line="127"/>
        <source>Acknowledge warning</source>
        <translation>Accepter l&apos;avertissement</translation>
    </message>
    <message>
        <location filename="../../gui/common/dialogs.py" line="130"/>
        <source>Why is it acceptable? The note goes into the report.</source>
        <translation>Pourquoi est-ce acceptable ? La note figure dans le rapport.</translation>
    </message>
</context>
<context>
    <name>AnomaliesModel</name>
    <message>
        <location filename="../../gui/hq/models.py" line="346"/>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="346"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="346"/>
        <source>Device / monitor</source>
        <translation>Appareil / contrôleur</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="346"/>
        <source>Reports</source>
        <translation>Rapports</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="347"/>
        <source>What headquarters should look at</source>
        <translation>Ce que le siège doit examiner</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="347"/>
        <source>Analyst&apos;s note</source>
        <translation>Note de l&apos;analyste</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="353"/>
        <source>alert</source>
        <translation>alerte</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="353"/>
        <source>warning</source>
        <translation>avertissement</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="355"/>
        <source>resolved</source>
        <translation>résolue</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="371"/>
        <source>{text}
— {by}, {when} (reference {ref})</source>
        <translation>{text}
— {by}, {when} (référence {ref})</translation>
    </message>
</context>
<context>
    <name>BoundFields</name>
    <message>
        <location filename="../../gui/editor/bound.py" line="167"/>
        <source>Now</source>
        <translation>Maintenant</translation>
    </message>
    <message>
        <location filename="../../gui/editor/bound.py" line="168"/>
        <source>Set to the current time</source>
        <translation>Mettre l&apos;heure actuelle</translation>
    </message>
    <message>
        <location filename="../../gui/editor/bound.py" line="235"/>
        <source>“{field}” as typed (“{text}”), not saved</source>
        <translation>« {field} » tel que saisi (« {text} »), non enregistré</translation>
    </message>
    <message>
        <location filename="../../gui/editor/bound.py" line="239"/>
        <source>“{field}” ({text})</source>
        <translation>« {field} » ({text})</translation>
    </message>
</context>
<context>
    <name>CertificateSectionWidget</name>
    <message>
        <location filename="../../gui/editor/certificate.py" line="112"/>
        <source>KP certificate</source>
        <translation>Certificat PK</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="114"/>
        <source>Certificate &amp;number</source>
        <translation>&amp;Numéro du certificat</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="115"/>
        <source>e.g. ZW 004217</source>
        <translation>p. ex. ZW 004217</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="116"/>
        <source>Issuing &amp;authority</source>
        <translation>&amp;Autorité émettrice</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="117"/>
        <source>Date of &amp;issue</source>
        <translation>Date de &amp;délivrance</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="118"/>
        <source>Date of e&amp;xpiry</source>
        <translation>Date d&apos;e&amp;xpiration</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="121"/>
        <location filename="../../gui/editor/certificate.py" line="122"/>
        <source>HS code(s)</source>
        <translation>Code(s) SH</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="123"/>
        <source>&amp;Carats</source>
        <translation>&amp;Carats</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="124"/>
        <source>e.g. 1 234.56</source>
        <translation>p. ex. 1 234.56</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="125"/>
        <source>&amp;Value (US$)</source>
        <translation>&amp;Valeur (USD)</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="126"/>
        <source>e.g. 36,015.00</source>
        <translation>p. ex. 36,015.00</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="130"/>
        <location filename="../../gui/editor/certificate.py" line="131"/>
        <source>Number of &amp;parcels</source>
        <translation>Nombre de co&amp;lis</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="133"/>
        <source>Exporter and importer</source>
        <translation>Exportateur et importateur</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="135"/>
        <source>E&amp;xporter</source>
        <translation>Ex&amp;portateur</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="136"/>
        <source>Exporter&apos;s address</source>
        <translation>Adresse de l&apos;exportateur</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="137"/>
        <source>I&amp;mporter</source>
        <translation>I&amp;mportateur</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="138"/>
        <source>Importer&apos;s address</source>
        <translation>Adresse de l&apos;importateur</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="140"/>
        <source>Countries</source>
        <translation>Pays</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="142"/>
        <source>mixed origins</source>
        <translation>origine mixte</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="144"/>
        <source>&amp;Origin</source>
        <translation>&amp;Origine</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="144"/>
        <source>country of origin</source>
        <translation>pays d&apos;origine</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="145"/>
        <source>P&amp;rovenance</source>
        <translation>P&amp;rovenance</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="146"/>
        <source>country of provenance</source>
        <translation>pays de provenance</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="147"/>
        <source>&amp;Destination</source>
        <translation>D&amp;estination</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="147"/>
        <source>destination</source>
        <translation>destination</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="149"/>
        <source>Inspection</source>
        <translation>Inspection</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="151"/>
        <source>&amp;Site</source>
        <translation>Lie&amp;u</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="151"/>
        <source>e.g. Mbada sort house, Marange</source>
        <translation>p. ex. salle de tri Mbada, Marange</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="153"/>
        <source>latitude, longitude</source>
        <translation>latitude, longitude</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="154"/>
        <location filename="../../gui/editor/certificate.py" line="155"/>
        <source>Site &amp;GPS</source>
        <translation>&amp;GPS du lieu</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="156"/>
        <source>Inspected &amp;at</source>
        <translation>&amp;Inspectée le</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="156"/>
        <source>inspection time</source>
        <translation>heure de l&apos;inspection</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="225"/>
        <source>date of issue</source>
        <translation>date de délivrance</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="225"/>
        <source>date of expiry</source>
        <translation>date d&apos;expiration</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="36"/>
        <source>“{text}” is not a whole number of parcels.</source>
        <translation>« {text} » n&apos;est pas un nombre entier de colis.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="49"/>
        <source>Write the position as latitude, longitude in degrees, like -19.95, 32.33.</source>
        <translation>Écrivez la position en latitude, longitude en degrés, comme -19.95, 32.33.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="52"/>
        <source>A latitude lies between -90 and 90 and a longitude between -180 and 180.</source>
        <translation>Une latitude est comprise entre -90 et 90 et une longitude entre -180 et 180.</translation>
    </message>
</context>
<context>
    <name>CertificatesDialog</name>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="73"/>
        <source>Signing certificate</source>
        <translation>Certificat de signature</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="74"/>
        <source>Headquarters&apos; certificates</source>
        <translation>Certificats du siège</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="81"/>
        <source>Holder</source>
        <translation>Titulaire</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="81"/>
        <source>Device</source>
        <translation>Appareil</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="82"/>
        <source>Issued by</source>
        <translation>Délivré par</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="82"/>
        <location filename="../../gui/field/certificates_dialog.py" line="87"/>
        <source>Serial</source>
        <translation>Numéro de série</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="83"/>
        <location filename="../../gui/field/certificates_dialog.py" line="88"/>
        <source>Valid</source>
        <translation>Validité</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="83"/>
        <location filename="../../gui/field/certificates_dialog.py" line="88"/>
        <source>Fingerprint</source>
        <translation>Empreinte</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="84"/>
        <source>This device&apos;s signing certificate</source>
        <translation>Le certificat de signature de cet appareil</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="87"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="92"/>
        <source>Headquarters&apos; root certificate</source>
        <translation>Certificat racine du siège</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="97"/>
        <source>Revocation list</source>
        <translation>Liste de révocation</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="100"/>
        <source>Make a &amp;signing key…</source>
        <translation>Créer une clé de &amp;signature…</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="101"/>
        <source>This home has no signing key: make one, protected by a passphrase</source>
        <translation>Ce dossier de travail n&apos;a pas de clé de signature : créez-en une, protégée par une phrase secrète</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="104"/>
        <source>Write certificate &amp;request…</source>
        <translation>Écrire une &amp;demande de certificat…</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="105"/>
        <source>Write the file to send to headquarters, which issues the certificate</source>
        <translation>Écrire le fichier à envoyer au siège, qui délivre le certificat</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="108"/>
        <source>&amp;Install certificate from headquarters…</source>
        <translation>&amp;Installer le certificat du siège…</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="110"/>
        <source>Install revocation &amp;list…</source>
        <translation>Installer la &amp;liste de révocation…</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="184"/>
        <source>This home has no signing key yet, so it cannot sign reports. Make one: it is protected by a passphrase that only you know.</source>
        <translation>Ce dossier de travail n&apos;a pas encore de clé de signature, il ne peut donc pas signer de rapports. Créez-en une : elle est protégée par une phrase secrète que vous seul connaissez.</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="196"/>
        <source>Itself (self-signed)</source>
        <translation>Lui-même (auto-signé)</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="201"/>
        <source>The signing certificate has expired: reports signed now are not valid. Write a certificate request and ask headquarters for a new one.</source>
        <translation>Le certificat de signature a expiré : les rapports signés maintenant ne sont pas valides. Écrivez une demande de certificat et demandez-en un nouveau au siège.</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="205"/>
        <source>Self-signed: reports signed with it are intact, but verifiers will say headquarters does not vouch for them. Write a certificate request, send it to headquarters, and install the certificate it sends back.</source>
        <translation>Auto-signé : les rapports signés avec lui sont intacts, mais les vérificateurs diront que le siège ne les garantit pas. Écrivez une demande de certificat, envoyez-la au siège et installez le certificat qu&apos;il renvoie.</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="209"/>
        <source>Issued by {issuer}: anyone holding headquarters&apos; root certificate sees the reports signed here as genuine.</source>
        <translation>Délivré par {issuer} : quiconque détient le certificat racine du siège voit les rapports signés ici comme authentiques.</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="213"/>
        <source>{start} to {end}</source>
        <translation>du {start} au {end}</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="227"/>
        <source>Not installed yet: it comes in the file with the certificate headquarters issues.</source>
        <translation>Pas encore installé : il arrive dans le fichier avec le certificat délivré par le siège.</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="234"/>
        <source>Reports are checked against it, here and by verifiers.</source>
        <translation>Les rapports sont contrôlés par rapport à lui, ici et par les vérificateurs.</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="236"/>
        <source>This headquarters&apos; certificate authority: it issues monitors&apos; certificates. Give it (kp-root.pem) to every verifier; issue and revoke with the command line (kpmonitor hq issue, hq revoke, hq publish).</source>
        <translation>L&apos;autorité de certification de ce siège : elle délivre les certificats des contrôleurs. Remettez-le (kp-root.pem) à chaque vérificateur ; délivrez et révoquez en ligne de commande (kpmonitor hq issue, hq revoke, hq publish).</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="241"/>
        <source>1 monitor certificate issued here.</source>
        <translation>1 certificat de contrôleur délivré ici.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/field/certificates_dialog.py" line="242"/>
        <source>%n monitor certificates issued here.</source>
        <translation>
            <numerusform>%n certificat de contrôleur délivré ici.</numerusform>
            <numerusform>%n certificats de contrôleur délivrés ici.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="255"/>
        <source>None installed: revocations are not checked. Headquarters sends its list (kp-crl.pem) with its root certificate.</source>
        <translation>Aucune installée : les révocations ne sont pas contrôlées. Le siège envoie sa liste (kp-crl.pem) avec son certificat racine.</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="261"/>
        <source>1 certificate revoked</source>
        <translation>1 certificat révoqué</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/field/certificates_dialog.py" line="262"/>
        <source>%n certificates revoked</source>
        <translation>
            <numerusform>%n certificat révoqué</numerusform>
            <numerusform>%n certificats révoqués</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="263"/>
        <source>Of {date}: {revoked}.</source>
        <translation>Du {date} : {revoked}.</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="266"/>
        <source>A newer list was due on {date}: ask headquarters for it.</source>
        <translation>Une liste plus récente était attendue le {date} : demandez-la au siège.</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="269"/>
        <source>The next is due by {date}.</source>
        <translation>La prochaine est attendue au plus tard le {date}.</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="294"/>
        <source>The passphrase of the signing key: the request is signed with the key, to show headquarters that this device holds it.</source>
        <translation>La phrase secrète de la clé de signature : la demande est signée avec la clé, pour montrer au siège que cet appareil la détient.</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="299"/>
        <source>Save the certificate request</source>
        <translation>Enregistrer la demande de certificat</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="300"/>
        <source>Certificate requests (*.pem *.csr);;All files (*)</source>
        <translation>Demandes de certificat (*.pem *.csr);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="306"/>
        <source>Opening the key and writing the request…</source>
        <translation>Ouverture de la clé et écriture de la demande…</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="311"/>
        <source>Wrote the certificate request to {path}. Send it to headquarters; install the file it sends back here.</source>
        <translation>Demande de certificat écrite dans {path}. Envoyez-la au siège ; installez ici le fichier qu&apos;il renvoie.</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="317"/>
        <source>Choose the passphrase that protects the signing key. It is asked each time you sign; nobody can recover it if it is forgotten.</source>
        <translation>Choisissez la phrase secrète qui protège la clé de signature. Elle est demandée à chaque signature ; personne ne peut la retrouver si elle est oubliée.</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="324"/>
        <source>Making the signing key…</source>
        <translation>Création de la clé de signature…</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="330"/>
        <source>Made the signing key, with a self-signed certificate. Reports can be signed now.</source>
        <translation>Clé de signature créée, avec un certificat auto-signé. Les rapports peuvent être signés dès maintenant.</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="340"/>
        <source>{name} is far too large to be a certificate file.</source>
        <translation>{name} est bien trop volumineux pour être un fichier de certificat.</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="344"/>
        <source>{name} cannot be read ({why}).</source>
        <translation>{name} ne peut pas être lu ({why}).</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="350"/>
        <source>Install the certificate from headquarters</source>
        <translation>Installer le certificat du siège</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="351"/>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificats (*.pem *.crt *.cer);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="364"/>
        <source>Installed the certificate {serial} issued by {issuer}, valid until {end}. Reports are signed with it from now on.</source>
        <translation>Certificat {serial} délivré par {issuer} installé, valide jusqu&apos;au {end}. Les rapports sont désormais signés avec lui.</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="371"/>
        <source>Install headquarters&apos; revocation list</source>
        <translation>Installer la liste de révocation du siège</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="372"/>
        <source>Revocation lists (*.pem *.crl);;All files (*)</source>
        <translation>Listes de révocation (*.pem *.crl);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="383"/>
        <source>Installed headquarters&apos; revocation list of {date}.</source>
        <translation>Liste de révocation du siège du {date} installée.</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="102"/>
        <source>Export chart as PNG…</source>
        <translation>Exporter le graphique en PNG…</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="103"/>
        <source>Export figures as CSV…</source>
        <translation>Exporter les chiffres en CSV…</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="104"/>
        <source>Export the chart “{title}” as PNG</source>
        <translation>Exporter le graphique « {title} » en PNG</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="105"/>
        <source>Export the figures of “{title}” as CSV</source>
        <translation>Exporter les chiffres de « {title} » en CSV</translation>
    </message>
</context>
<context>
    <name>ChecksModel</name>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="139"/>
        <source>Check</source>
        <translation>Contrôle</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="139"/>
        <source>What was found</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="156"/>
        <source>passed</source>
        <translation>réussi</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="156"/>
        <source>failed</source>
        <translation>échoué</translation>
    </message>
</context>
<context>
    <name>CodeField</name>
    <message>
        <location filename="../../gui/common/fields.py" line="311"/>
        <source>type a code or a name</source>
        <translation>saisir un code ou un nom</translation>
    </message>
</context>
<context>
    <name>DashboardTab</name>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="169"/>
        <source>Carats and value by month and origin</source>
        <translation>Carats et valeur par mois et origine</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="170"/>
        <source>Value per carat against the bands</source>
        <translation>Valeur par carat par rapport aux fourchettes</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="171"/>
        <source>Anomalies by kind over time</source>
        <translation>Anomalies par type dans le temps</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="172"/>
        <source>Reports per monitor</source>
        <translation>Rapports par contrôleur</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="181"/>
        <location filename="../../gui/hq/dashboard.py" line="350"/>
        <source>Carats (ct)</source>
        <translation>Carats (ct)</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="182"/>
        <location filename="../../gui/hq/dashboard.py" line="350"/>
        <source>Value (US$)</source>
        <translation>Valeur (USD)</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="183"/>
        <source>Show carats or value</source>
        <translation>Afficher les carats ou la valeur</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="185"/>
        <source>S&amp;how</source>
        <translation>&amp;Afficher</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="198"/>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="201"/>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="201"/>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="211"/>
        <source>Origin</source>
        <translation>Origine</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="213"/>
        <source>Monitor</source>
        <translation>Contrôleur</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="219"/>
        <source>&amp;Period</source>
        <translation>&amp;Période</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="219"/>
        <source>F&amp;rom</source>
        <translation>&amp;Du</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="220"/>
        <source>&amp;To</source>
        <translation>A&amp;u</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="220"/>
        <source>Ori&amp;gin</source>
        <translation>&amp;Origine</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="221"/>
        <source>Mo&amp;nitor</source>
        <translation>&amp;Contrôleur</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="228"/>
        <source>&amp;Quarterly report…</source>
        <translation>Rapport &amp;trimestriel…</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="229"/>
        <source>The quarterly monitoring report for the Working Group (PDF), for the quarter chosen, or the latest one</source>
        <translation>Le rapport trimestriel de suivi pour le Groupe de travail (PDF), pour le trimestre choisi ou le dernier</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="244"/>
        <source>Every date</source>
        <translation>Toutes les dates</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="247"/>
        <source>From – to…</source>
        <translation>Du… au…</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="249"/>
        <source>Every origin</source>
        <translation>Toutes les origines</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="253"/>
        <source>Every monitor</source>
        <translation>Tous les contrôleurs</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="296"/>
        <source>Reading the figures…</source>
        <translation>Lecture des chiffres…</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="322"/>
        <source>{what}: {shipments} shipments, {carats} ct, US$ {value}. Each shipment counts once, at its latest version, in the month of its inspection.</source>
        <translation>{what} : {shipments} expéditions, {carats} ct, {value} USD. Chaque expédition compte une fois, dans sa dernière version, au mois de son inspection.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="348"/>
        <source>origin {origin}</source>
        <translation>origine {origin}</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="351"/>
        <source>Month of inspection</source>
        <translation>Mois de l&apos;inspection</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="355"/>
        <source>{total} over {months} month(s) and {origins} origin(s).</source>
        <translation>{total} sur {months} mois et {origins} origine(s).</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="356"/>
        <source>No shipment.</source>
        <translation>Aucune expédition.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="364"/>
        <source>below its band</source>
        <translation>sous sa fourchette</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="364"/>
        <source>within</source>
        <translation>dans la fourchette</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="365"/>
        <source>above its band</source>
        <translation>au-dessus de sa fourchette</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="382"/>
        <source>band {origin} {hs}: {low}–{high}</source>
        <translation>fourchette {origin} {hs} : {low}–{high}</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="388"/>
        <source>Value per carat (US$/ct, log scale)</source>
        <translation>Valeur par carat (USD/ct, échelle log.)</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="389"/>
        <source>Date of inspection</source>
        <translation>Date de l&apos;inspection</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="392"/>
        <source>Below its band: {below}; within: {within}; above: {above}; no band: {none}.</source>
        <translation>Sous la fourchette : {below} ; dedans : {within} ; au-dessus : {above} ; sans fourchette : {none}.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="394"/>
        <source>Bands: {bands}.</source>
        <translation>Fourchettes : {bands}.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="415"/>
        <source>other kinds</source>
        <translation>autres types</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="418"/>
        <source>Anomalies (count)</source>
        <translation>Anomalies (nombre)</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="419"/>
        <source>Month of the latest report named</source>
        <translation>Mois du dernier rapport cité</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="424"/>
        <source>{total} anomalies, {open} open, of {kinds} kind(s).</source>
        <translation>{total} anomalies, {open} ouvertes, de {kinds} type(s).</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="437"/>
        <source>reports (amendments included)</source>
        <translation>rapports (rectificatifs compris)</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="441"/>
        <source>shipments</source>
        <translation>expéditions</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="443"/>
        <source>Reports received (count)</source>
        <translation>Rapports reçus (nombre)</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="446"/>
        <source>{name}: {reports} report(s), {shipments} shipment(s)</source>
        <translation>{name} : {reports} rapport(s), {shipments} expédition(s)</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="447"/>
        <source>No report.</source>
        <translation>Aucun rapport.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="455"/>
        <source>Export chart as PNG</source>
        <translation>Exporter le graphique en PNG</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="456"/>
        <source>PNG images (*.png);;All files (*)</source>
        <translation>Images PNG (*.png);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="464"/>
        <source>The chart could not be written to {file} ({why}).</source>
        <translation>Le graphique n&apos;a pas pu être écrit dans {file} ({why}).</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="467"/>
        <source>Chart written to {file}.</source>
        <translation>Graphique écrit dans {file}.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="471"/>
        <source>Export figures as CSV</source>
        <translation>Exporter les chiffres en CSV</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="472"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Fichiers CSV (*.csv);;Tous les fichiers (*)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/hq/dashboard.py" line="486"/>
        <source>%n row(s) written to {file}.</source>
        <translation>
            <numerusform>%n ligne écrite dans {file}.</numerusform>
            <numerusform>%n lignes écrites dans {file}.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="498"/>
        <source>Save the quarterly report for {quarter}</source>
        <translation>Enregistrer le rapport trimestriel de {quarter}</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="499"/>
        <source>PDF files (*.pdf);;All files (*)</source>
        <translation>Fichiers PDF (*.pdf);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="512"/>
        <source>Writing the quarterly report for {quarter}…</source>
        <translation>Écriture du rapport trimestriel de {quarter}…</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="522"/>
        <source>Quarterly report written to {file}.</source>
        <translation>Rapport trimestriel écrit dans {file}.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../gui/common/fields.py" line="205"/>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <location filename="../../gui/common/fields.py" line="209"/>
        <source>Pick the date from a calendar</source>
        <translation>Choisir la date dans un calendrier</translation>
    </message>
</context>
<context>
    <name>DropZoneWidget</name>
    <message>
        <location filename="../../gui/hq/window.py" line="144"/>
        <source>Drop report bundles (.kpbundle) or a folder here — a USB stick&apos;s folder is searched for bundles</source>
        <translation>Déposez ici des paquets de rapport (.kpbundle) ou un dossier — les paquets sont cherchés dans le dossier d&apos;une clé USB</translation>
    </message>
</context>
<context>
    <name>EventsModel</name>
    <message>
        <location filename="../../gui/editor/seals.py" line="165"/>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="166"/>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="167"/>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="168"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../gui/field/export_dialog.py" line="53"/>
        <source>Export report {report}</source>
        <translation>Exporter le rapport {report}</translation>
    </message>
    <message>
        <location filename="../../gui/field/export_dialog.py" line="54"/>
        <source>Writing report {report} to {folder}</source>
        <translation>Écriture du rapport {report} dans {folder}</translation>
    </message>
    <message>
        <location filename="../../gui/field/export_dialog.py" line="67"/>
        <source>Open &amp;folder</source>
        <translation>Ouvrir le &amp;dossier</translation>
    </message>
    <message>
        <location filename="../../gui/field/export_dialog.py" line="102"/>
        <source>Writing the signed PDF to {folder}…</source>
        <translation>Écriture du PDF signé dans {folder}…</translation>
    </message>
    <message>
        <location filename="../../gui/field/export_dialog.py" line="104"/>
        <source>Writing the bundle for headquarters (the report with its photos) to {folder}…</source>
        <translation>Écriture du paquet pour le siège (le rapport et ses photos) dans {folder}…</translation>
    </message>
    <message>
        <location filename="../../gui/field/export_dialog.py" line="122"/>
        <source>Report {report} was written to {folder}:</source>
        <translation>Le rapport {report} a été écrit dans {folder} :</translation>
    </message>
    <message>
        <location filename="../../gui/field/export_dialog.py" line="128"/>
        <source>Give the PDF to the exporter; send the bundle to headquarters.</source>
        <translation>Remettez le PDF à l&apos;exportateur ; envoyez le paquet au siège.</translation>
    </message>
    <message>
        <location filename="../../gui/field/export_dialog.py" line="129"/>
        <source>Give the PDF to the exporter and to headquarters.</source>
        <translation>Remettez le PDF à l&apos;exportateur et au siège.</translation>
    </message>
    <message>
        <location filename="../../gui/field/export_dialog.py" line="138"/>
        <source>Report {report} was not exported.</source>
        <translation>Le rapport {report} n&apos;a pas été exporté.</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <location filename="../../gui/editor/findings.py" line="56"/>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <location filename="../../gui/editor/findings.py" line="57"/>
        <source>Section</source>
        <translation>Rubrique</translation>
    </message>
    <message>
        <location filename="../../gui/editor/findings.py" line="58"/>
        <source>Finding</source>
        <translation>Constat</translation>
    </message>
    <message>
        <location filename="../../gui/editor/findings.py" line="88"/>
        <source>the finding ‘{text}’</source>
        <translation>constat « {text} »</translation>
    </message>
    <message>
        <location filename="../../gui/editor/findings.py" line="89"/>
        <source>finding {number}</source>
        <translation>constat {number}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/findings.py" line="95"/>
        <source>the {column} of {finding}</source>
        <translation>{column} du {finding}</translation>
    </message>
</context>
<context>
    <name>FindingsSectionWidget</name>
    <message>
        <location filename="../../gui/editor/findings.py" line="114"/>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <location filename="../../gui/editor/findings.py" line="118"/>
        <source>&amp;Certified for export</source>
        <translation>&amp;Certifié pour l&apos;exportation</translation>
    </message>
    <message>
        <location filename="../../gui/editor/findings.py" line="118"/>
        <source>&amp;Not certified</source>
        <translation>&amp;Non certifié</translation>
    </message>
    <message>
        <location filename="../../gui/editor/findings.py" line="119"/>
        <source>&amp;Held pending</source>
        <translation>R&amp;etenu en attente</translation>
    </message>
    <message>
        <location filename="../../gui/editor/findings.py" line="128"/>
        <source>Findings</source>
        <translation>Constats</translation>
    </message>
    <message>
        <location filename="../../gui/editor/findings.py" line="145"/>
        <source>&amp;Add finding</source>
        <translation>&amp;Ajouter un constat</translation>
    </message>
    <message>
        <location filename="../../gui/editor/findings.py" line="147"/>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <location filename="../../gui/editor/findings.py" line="149"/>
        <source>Move &amp;up</source>
        <translation>&amp;Monter</translation>
    </message>
    <message>
        <location filename="../../gui/editor/findings.py" line="151"/>
        <source>Move do&amp;wn</source>
        <translation>&amp;Descendre</translation>
    </message>
    <message>
        <location filename="../../gui/editor/findings.py" line="155"/>
        <source>&amp;Text of the selected finding</source>
        <translation>&amp;Texte du constat sélectionné</translation>
    </message>
    <message>
        <location filename="../../gui/editor/findings.py" line="210"/>
        <source>the verdict</source>
        <translation>le verdict</translation>
    </message>
    <message>
        <location filename="../../gui/editor/findings.py" line="259"/>
        <source>the text of {finding}</source>
        <translation>le texte du {finding}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/findings.py" line="298"/>
        <source>add a finding</source>
        <translation>ajouter un constat</translation>
    </message>
    <message>
        <location filename="../../gui/editor/findings.py" line="305"/>
        <source>Remove finding</source>
        <translation>Retirer le constat</translation>
    </message>
    <message>
        <location filename="../../gui/editor/findings.py" line="305"/>
        <source>Remove this finding?

{text}</source>
        <translation>Retirer ce constat ?

{text}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/findings.py" line="317"/>
        <source>remove {row}</source>
        <translation>retirer {row}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/findings.py" line="330"/>
        <source>move {row} up</source>
        <translation>monter {row}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/findings.py" line="330"/>
        <source>move {row} down</source>
        <translation>descendre {row}</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../gui/common/first_run.py" line="87"/>
        <source>Welcome to kpmonitor</source>
        <translation>Bienvenue dans kpmonitor</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="88"/>
        <source>kpmonitor keeps its inspections, photos and keys in one folder on this computer. Say who will use it to create that folder.</source>
        <translation>kpmonitor garde ses inspections, photos et clés dans un dossier de cet ordinateur. Indiquez qui l&apos;utilisera pour créer ce dossier.</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="92"/>
        <source>A KP &amp;monitor in the field</source>
        <translation>Un &amp;contrôleur PK sur le terrain</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="93"/>
        <source>&amp;Headquarters (receives monitors&apos; reports)</source>
        <translation>Le &amp;siège (reçoit les rapports des contrôleurs)</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="99"/>
        <source>e.g. Jane Moyo</source>
        <translation>p. ex. Jane Moyo</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="102"/>
        <source>at least 8 characters</source>
        <translation>au moins 8 caractères</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="105"/>
        <source>The passphrase protects the key that signs reports (or, at headquarters, issues monitors&apos; certificates). It is asked each time; nobody can recover it if it is forgotten.</source>
        <translation>La phrase secrète protège la clé qui signe les rapports (ou, au siège, délivre les certificats des contrôleurs). Elle est demandée à chaque fois ; personne ne peut la retrouver si elle est oubliée.</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="111"/>
        <source>empty: on this computer; else postgresql://USER@HOST/DATABASE</source>
        <translation>vide : sur cet ordinateur ; sinon postgresql://UTILISATEUR@HÔTE/BASE</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="112"/>
        <source>A database that already holds headquarters is joined: this home then holds no key, and needs no passphrase.</source>
        <translation>Une base de données qui contient déjà le siège est rejointe : ce dossier de travail ne détient alors aucune clé et ne demande pas de phrase secrète.</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="120"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="122"/>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="123"/>
        <source>&amp;Database</source>
        <translation>&amp;Base de données</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="124"/>
        <source>&amp;Passphrase</source>
        <translation>&amp;Phrase secrète</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="125"/>
        <source>&amp;Repeat it</source>
        <translation>&amp;Répétez-la</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="128"/>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="165"/>
        <source>Give the monitor&apos;s name (field) or the office&apos;s name (hq).</source>
        <translation>Indiquez le nom du contrôleur (terrain) ou celui du bureau (siège).</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="168"/>
        <source>The two passphrases differ; type the same one twice.</source>
        <translation>Les deux phrases secrètes diffèrent ; saisissez deux fois la même.</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="171"/>
        <source>Making the key…</source>
        <translation>Création de la clé…</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="195"/>
        <source>Headquarters&apos; home for {name} is ready.</source>
        <translation>Le dossier de travail du siège pour {name} est prêt.</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="196"/>
        <source>Your home is ready, {name}.</source>
        <translation>Votre dossier de travail est prêt, {name}.</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="198"/>
        <source>{name} joined headquarters on its database. This home trusts the root certificate found there, SHA-256 {fingerprint}: compare it with the issuing home&apos;s (kpmonitor keys show, there) before relying on it. It holds no key: it imports, lists and annotates; issuing and revoking stay with the issuing home.</source>
        <translation>{name} a rejoint le siège sur sa base de données. Ce dossier de travail fait confiance au certificat racine trouvé là, SHA-256 {fingerprint} : comparez-le avec celui du dossier de travail émetteur (kpmonitor keys show, là-bas) avant de vous y fier. Il ne détient aucune clé : il importe, liste et annote ; délivrer et révoquer restent au dossier de travail émetteur.</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="202"/>
        <source>What to do next:</source>
        <translation>Et maintenant :</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="205"/>
        <source>Start</source>
        <translation>Commencer</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="59"/>
        <source>Issue each monitor&apos;s certificate from the request they send you (Monitors → Issue certificate from request…), and send it back to them.</source>
        <translation>Délivrez le certificat de chaque contrôleur à partir de la demande qu&apos;il vous envoie (Contrôleurs → Délivrer un certificat sur demande…), et renvoyez-le-lui.</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="61"/>
        <source>Publish the trust list and revocation list (Monitors → Publish…) for the monitors&apos; laptops and for verifiers.</source>
        <translation>Publiez la liste de confiance et la liste de révocation (Contrôleurs → Publier…) pour les portables des contrôleurs et pour les vérificateurs.</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="63"/>
        <source>Import the report bundles monitors bring you: drop a USB stick&apos;s folder on the Inbox.</source>
        <translation>Importez les paquets de rapport que les contrôleurs vous apportent : déposez le dossier d&apos;une clé USB sur la Boîte de réception.</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="67"/>
        <source>Enrol with headquarters, so that your reports verify as genuine: Tools → Signing certificate… → Write certificate request…, send the file to headquarters, then install the certificate it sends back (Install certificate from headquarters…).</source>
        <translation>Enregistrez-vous auprès du siège, pour que vos rapports soient reconnus authentiques : Outils → Certificat de signature… → Écrire une demande de certificat…, envoyez le fichier au siège, puis installez le certificat qu&apos;il renvoie (Installer le certificat du siège…).</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="71"/>
        <source>Start an inspection: New inspection ({keys}), then type the KP certificate&apos;s number. Every change is saved as you make it.</source>
        <translation>Commencez une inspection : Nouvelle inspection ({keys}), puis saisissez le numéro du certificat PK. Chaque modification est enregistrée aussitôt faite.</translation>
    </message>
</context>
<context>
    <name>GroupStatsModel</name>
    <message>
        <location filename="../../gui/hq/models.py" line="459"/>
        <source>Mine</source>
        <translation>Mine</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="459"/>
        <source>Operator</source>
        <translation>Exploitant</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="459"/>
        <source>Shipments</source>
        <translation>Expéditions</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="460"/>
        <source>Certified</source>
        <translation>Certifiées</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="460"/>
        <source>Carats</source>
        <translation>Carats</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="460"/>
        <source>Value (US$)</source>
        <translation>Valeur (USD)</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="460"/>
        <source>US$ per carat</source>
        <translation>USD par carat</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="464"/>
        <source>(not recorded)</source>
        <translation>(non renseigné)</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../gui/editor/history.py" line="73"/>
        <source>{what} ({old} → {new})</source>
        <translation>{what} ({old} → {new})</translation>
    </message>
    <message>
        <location filename="../../gui/editor/history.py" line="80"/>
        <source>empty</source>
        <translation>vide</translation>
    </message>
    <message>
        <location filename="../../gui/editor/history.py" line="137"/>
        <source>There is nothing to add again.</source>
        <translation>Il n&apos;y a rien à rajouter.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/history.py" line="230"/>
        <source>That seal event is no longer in this inspection.</source>
        <translation>Cet événement de scellé n&apos;est plus dans cette inspection.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/history.py" line="234"/>
        <location filename="../../gui/editor/history.py" line="317"/>
        <source>That row is no longer in this inspection.</source>
        <translation>Cette ligne n&apos;est plus dans cette inspection.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/history.py" line="283"/>
        <source>The parcel seal {number} was on is no longer in this inspection.</source>
        <translation>Le colis sur lequel était le scellé {number} n&apos;est plus dans cette inspection.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/history.py" line="294"/>
        <source>Photo {name} was added to this inspection again since; it is there once.</source>
        <translation>La photo {name} a depuis été ajoutée de nouveau à cette inspection ; elle n&apos;y figure qu&apos;une fois.</translation>
    </message>
</context>
<context>
    <name>HqWindow</name>
    <message>
        <location filename="../../gui/hq/window.py" line="216"/>
        <source>kpmonitor — headquarters: {name}</source>
        <translation>kpmonitor — siège : {name}</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="220"/>
        <source>Inbox</source>
        <translation>Boîte de réception</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="221"/>
        <source>Reports</source>
        <translation>Rapports</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="222"/>
        <location filename="../../gui/hq/window.py" line="1037"/>
        <source>Anomalies</source>
        <translation>Anomalies</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="223"/>
        <source>Monitors</source>
        <translation>Contrôleurs</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="224"/>
        <source>Statistics</source>
        <translation>Statistiques</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="229"/>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="233"/>
        <source>Headquarters home: {name}</source>
        <translation>Dossier de travail du siège : {name}</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="256"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="258"/>
        <source>&amp;Import bundles…</source>
        <translation>&amp;Importer des paquets…</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="259"/>
        <source>Import report bundles received from monitors</source>
        <translation>Importer les paquets de rapport reçus des contrôleurs</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="261"/>
        <source>Import a &amp;folder…</source>
        <translation>Importer un &amp;dossier…</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="262"/>
        <source>Import every bundle in a folder, such as a USB stick</source>
        <translation>Importer tous les paquets d&apos;un dossier, comme une clé USB</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="264"/>
        <source>&amp;Export statistics…</source>
        <translation>&amp;Exporter les statistiques…</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="267"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="268"/>
        <source>&amp;View</source>
        <translation>Affic&amp;hage</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="269"/>
        <source>&amp;Inbox</source>
        <translation>&amp;Boîte de réception</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="269"/>
        <source>&amp;Reports</source>
        <translation>&amp;Rapports</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="269"/>
        <source>&amp;Anomalies</source>
        <translation>&amp;Anomalies</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="269"/>
        <source>&amp;Monitors</source>
        <translation>&amp;Contrôleurs</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="270"/>
        <source>&amp;Statistics</source>
        <translation>&amp;Statistiques</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="270"/>
        <source>&amp;Dashboard</source>
        <translation>&amp;Tableau de bord</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="274"/>
        <source>Re&amp;fresh</source>
        <translation>Act&amp;ualiser</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="275"/>
        <source>Read the reports, anomalies and monitors again</source>
        <translation>Relire les rapports, les anomalies et les contrôleurs</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="276"/>
        <source>&amp;Tools</source>
        <translation>&amp;Outils</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="278"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="279"/>
        <source>View &amp;log</source>
        <translation>Afficher le &amp;journal</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="280"/>
        <source>&amp;About kpmonitor</source>
        <translation>À &amp;propos de kpmonitor</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="332"/>
        <source>Import files…</source>
        <translation>Importer des fichiers…</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="334"/>
        <source>Import a folder…</source>
        <translation>Importer un dossier…</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="339"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="355"/>
        <source>This import</source>
        <translation>Cette importation</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="363"/>
        <source>Import history</source>
        <translation>Historique des importations</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="382"/>
        <source>Import report bundles</source>
        <translation>Importer des paquets de rapport</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="383"/>
        <source>Report bundles (*.kpbundle);;All files (*)</source>
        <translation>Paquets de rapport (*.kpbundle);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="387"/>
        <source>Import every bundle in a folder</source>
        <translation>Importer tous les paquets d&apos;un dossier</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="448"/>
        <source>{count} more will be imported when this import is done.</source>
        <translation>{count} de plus seront importés à la fin de cette importation.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="469"/>
        <source>Looking for bundles…</source>
        <translation>Recherche des paquets…</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="479"/>
        <source>Stopping after this bundle…</source>
        <translation>Arrêt après ce paquet…</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="485"/>
        <source>{done} of {total}: {name}</source>
        <translation>{done} sur {total} : {name}</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="488"/>
        <source>{done} of {total}</source>
        <translation>{done} sur {total}</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="523"/>
        <source>No report bundles (.kpbundle) were found there.</source>
        <translation>Aucun paquet de rapport (.kpbundle) n&apos;a été trouvé là.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="525"/>
        <source>{imported} imported, {already} already here, {conflict} set aside, {refused} refused.</source>
        <translation>{imported} importés, {already} déjà présents, {conflict} mis de côté, {refused} refusés.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="531"/>
        <source>Import stopped.</source>
        <translation>Importation arrêtée.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="564"/>
        <source>Search: certificate number, exporter, importer, monitor, origin, date, verdict, seal…</source>
        <translation>Rechercher : n° de certificat, exportateur, importateur, contrôleur, origine, date, verdict, scellé…</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="573"/>
        <source>&amp;Find</source>
        <translation>Re&amp;chercher</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="579"/>
        <source>Open report</source>
        <translation>Ouvrir le rapport</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/hq/window.py" line="614"/>
        <source>%n report(s)</source>
        <translation>
            <numerusform>%n rapport</numerusform>
            <numerusform>%n rapports</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="633"/>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="658"/>
        <source>Note or resolve…</source>
        <translation>Annoter ou résoudre…</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="659"/>
        <source>Write what you found on the selected anomaly, and mark it resolved if it is: kept on record, a later note supersedes it</source>
        <translation>Écrire ce que vous avez constaté sur l&apos;anomalie sélectionnée, et la marquer résolue si elle l&apos;est : c&apos;est archivé, une note ultérieure la remplace</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="685"/>
        <source>Note on an anomaly</source>
        <translation>Note sur une anomalie</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="686"/>
        <source>What did you find? The note is kept on record with your name; a later note supersedes it.</source>
        <translation>Qu&apos;avez-vous constaté ? La note est archivée avec votre nom ; une note ultérieure la remplace.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="687"/>
        <source>Keep the note</source>
        <translation>Garder la note</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="688"/>
        <source>Resolved: nothing more to look at</source>
        <translation>Résolue : plus rien à examiner</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="708"/>
        <source>Resolved, with your note.</source>
        <translation>Résolue, avec votre note.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="708"/>
        <source>Your note is kept.</source>
        <translation>Votre note est conservée.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="717"/>
        <source>Issue certificate from request…</source>
        <translation>Délivrer un certificat sur demande…</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="719"/>
        <source>Revoke…</source>
        <translation>Révoquer…</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="721"/>
        <source>Publish trust list and revocation list…</source>
        <translation>Publier la liste de confiance et la liste de révocation…</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="729"/>
        <source>Certificates issued by headquarters</source>
        <translation>Certificats délivrés par le siège</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="735"/>
        <source>Devices headquarters has received reports from</source>
        <translation>Appareils dont le siège a reçu des rapports</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="759"/>
        <source>Choose the monitor&apos;s certificate request</source>
        <translation>Choisir la demande de certificat du contrôleur</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="760"/>
        <source>Certificate requests (*.pem *.csr);;All files (*)</source>
        <translation>Demandes de certificat (*.pem *.csr);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="778"/>
        <source>The passphrase of headquarters&apos; root key, to issue a certificate to {name}.</source>
        <translation>La phrase secrète de la clé racine du siège, pour délivrer un certificat à {name}.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="783"/>
        <source>Save the certificate to send to the monitor</source>
        <translation>Enregistrer le certificat à envoyer au contrôleur</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="785"/>
        <source>Certificates (*.pem);;All files (*)</source>
        <translation>Certificats (*.pem);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="791"/>
        <source>Issuing the certificate…</source>
        <translation>Délivrance du certificat…</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="798"/>
        <source>Certificate issued and saved as {file}; send it to the monitor, who installs it under Signing certificate.</source>
        <translation>Certificat délivré et enregistré sous {file} ; envoyez-le au contrôleur, qui l&apos;installe dans Certificat de signature.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="810"/>
        <source>Choose the certificate to revoke in the list.</source>
        <translation>Choisissez dans la liste le certificat à révoquer.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="811"/>
        <source>Revoke certificate</source>
        <translation>Révoquer le certificat</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="812"/>
        <source>Revoke the certificate of {name} (serial {serial})? Reports signed with it will no longer be accepted once the new revocation list is published; this cannot be undone.</source>
        <translation>Révoquer le certificat de {name} (numéro de série {serial}) ? Les rapports signés avec lui ne seront plus acceptés une fois la nouvelle liste de révocation publiée ; c&apos;est irréversible.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="815"/>
        <source>Revoke</source>
        <translation>Révoquer</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="817"/>
        <location filename="../../gui/hq/window.py" line="842"/>
        <source>The passphrase of headquarters&apos; root key, to sign the revocation list.</source>
        <translation>La phrase secrète de la clé racine du siège, pour signer la liste de révocation.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="824"/>
        <source>Revoking the certificate…</source>
        <translation>Révocation du certificat…</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="829"/>
        <source>Certificate {serial} is revoked. Publish the revocation list so that field devices and verifiers learn of it.</source>
        <translation>Le certificat {serial} est révoqué. Publiez la liste de révocation pour que les appareils de terrain et les vérificateurs l&apos;apprennent.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="839"/>
        <source>Choose the folder to publish the trust list and revocation list into</source>
        <translation>Choisir le dossier où publier la liste de confiance et la liste de révocation</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="849"/>
        <source>Publishing…</source>
        <translation>Publication…</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="854"/>
        <source>Written: {files}. Send them to field devices and verifiers.</source>
        <translation>Écrits : {files}. Envoyez-les aux appareils de terrain et aux vérificateurs.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="883"/>
        <source>Done here, but not yet shared with the other analysts: {why}</source>
        <translation>Fait ici, mais pas encore partagé avec les autres analystes : {why}</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="905"/>
        <source>Shipments, carats and value; an amended report counts once, at its latest version.</source>
        <translation>Expéditions, carats et valeur ; un rapport rectifié compte une fois, dans sa dernière version.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="908"/>
        <source>By month and origin</source>
        <translation>Par mois et origine</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="908"/>
        <source>By operator</source>
        <translation>Par exploitant</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="909"/>
        <source>By mine</source>
        <translation>Par mine</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="911"/>
        <source>Group the statistics</source>
        <translation>Regrouper les statistiques</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="913"/>
        <source>&amp;Group</source>
        <translation>&amp;Grouper</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="917"/>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="955"/>
        <source>Export statistics</source>
        <translation>Exporter les statistiques</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="956"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Fichiers CSV (*.csv);;Tous les fichiers (*)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/hq/window.py" line="971"/>
        <source>%n row(s) written to {file}.</source>
        <translation>
            <numerusform>%n ligne écrite dans {file}.</numerusform>
            <numerusform>%n lignes écrites dans {file}.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="1027"/>
        <source>Nothing to look at: every report has arrived, and none repeats a seal or a certificate.</source>
        <translation>Rien à examiner : tous les rapports sont arrivés, et aucun ne répète un scellé ou un certificat.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="1029"/>
        <source>{alerts} alert(s) and {warnings} warning(s) open, most serious first. Double-click one to open its report; select one to note or resolve it.</source>
        <translation>{alerts} alerte(s) et {warnings} avertissement(s) ouverts, les plus graves en premier. Double-cliquez sur l&apos;une pour ouvrir son rapport ; sélectionnez-en une pour l&apos;annoter ou la résoudre.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="1033"/>
        <source>{resolved} resolved (listed, dimmed).</source>
        <translation>{resolved} résolue(s) (listées, grisées).</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="1036"/>
        <source>Anomalies ({count})</source>
        <translation>Anomalies ({count})</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="1146"/>
        <source>Others recorded something at headquarters; the lists are up to date.</source>
        <translation>Quelqu&apos;un d&apos;autre a enregistré quelque chose au siège ; les listes sont à jour.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="1155"/>
        <source>1 report imported elsewhere; the lists are up to date.</source>
        <translation>1 rapport importé ailleurs ; les listes sont à jour.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/hq/window.py" line="1157"/>
        <source>%n reports imported elsewhere; the lists are up to date.</source>
        <translation>
            <numerusform>%n rapport importé ailleurs ; les listes sont à jour.</numerusform>
            <numerusform>%n rapports importés ailleurs ; les listes sont à jour.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="1159"/>
        <source>1 note on anomalies written elsewhere; the lists are up to date.</source>
        <translation>1 note sur les anomalies écrite ailleurs ; les listes sont à jour.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/hq/window.py" line="1161"/>
        <source>%n notes on anomalies written elsewhere; the lists are up to date.</source>
        <translation>
            <numerusform>%n note sur les anomalies écrite ailleurs ; les listes sont à jour.</numerusform>
            <numerusform>%n notes sur les anomalies écrites ailleurs ; les listes sont à jour.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="1163"/>
        <source>1 confirmation of receipt recorded elsewhere; the lists are up to date.</source>
        <translation>1 confirmation de réception enregistrée ailleurs ; les listes sont à jour.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/hq/window.py" line="1165"/>
        <source>%n confirmations of receipt recorded elsewhere; the lists are up to date.</source>
        <translation>
            <numerusform>%n confirmation de réception enregistrée ailleurs ; les listes sont à jour.</numerusform>
            <numerusform>%n confirmations de réception enregistrées ailleurs ; les listes sont à jour.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n report(s) imported elsewhere; the lists are up to date.</source>
        <translation type="vanished">
            <numerusform>%n rapport importé ailleurs ; les listes sont à jour.</numerusform>
            <numerusform>%n rapports importés ailleurs ; les listes sont à jour.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s) on anomalies written elsewhere; the lists are up to date.</source>
        <translation type="vanished">
            <numerusform>%n note sur les anomalies écrite ailleurs ; les listes sont à jour.</numerusform>
            <numerusform>%n notes sur les anomalies écrites ailleurs ; les listes sont à jour.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n confirmation(s) of receipt recorded elsewhere; the lists are up to date.</source>
        <translation type="vanished">
            <numerusform>%n confirmation de réception enregistrée ailleurs ; les listes sont à jour.</numerusform>
            <numerusform>%n confirmations de réception enregistrées ailleurs ; les listes sont à jour.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HsCodesField</name>
    <message>
        <location filename="../../gui/common/fields.py" line="436"/>
        <source>Not a rough-diamond code of the reference table</source>
        <translation>Pas un code de diamants bruts de la table de référence</translation>
    </message>
</context>
<context>
    <name>ImportLogModel</name>
    <message>
        <location filename="../../gui/hq/models.py" line="158"/>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="158"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="158"/>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="158"/>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="158"/>
        <source>What happened</source>
        <translation>Ce qui s&apos;est passé</translation>
    </message>
</context>
<context>
    <name>ImportResultsModel</name>
    <message>
        <location filename="../../gui/hq/models.py" line="139"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="139"/>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="139"/>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="139"/>
        <source>What happened</source>
        <translation>Ce qui s&apos;est passé</translation>
    </message>
</context>
<context>
    <name>InspectionEditorWidget</name>
    <message>
        <location filename="../../gui/editor/editor.py" line="83"/>
        <source>← Inspections</source>
        <translation>← Inspections</translation>
    </message>
    <message>
        <location filename="../../gui/editor/editor.py" line="86"/>
        <source>Back to the list of inspections (Alt+Left)</source>
        <translation>Retour à la liste des inspections (Alt+Left)</translation>
    </message>
    <message>
        <location filename="../../gui/editor/editor.py" line="155"/>
        <source>Every change is saved as you make it.</source>
        <translation>Chaque modification est enregistrée aussitôt faite.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/editor.py" line="184"/>
        <source>New inspection</source>
        <translation>Nouvelle inspection</translation>
    </message>
    <message>
        <location filename="../../gui/editor/editor.py" line="200"/>
        <source>Signed on {when} — report {report}, version {version}. Amend to correct.</source>
        <translation>Signée le {when} — rapport {report}, version {version}. Rectifiez pour corriger.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/editor.py" line="203"/>
        <source>This inspection is signed and can no longer be changed. Amend to correct.</source>
        <translation>Cette inspection est signée et ne peut plus être modifiée. Rectifiez pour corriger.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/editor.py" line="206"/>
        <source>Amends report {report} v{version}; will be version {next}.</source>
        <translation>Rectifie le rapport {report} v{version} ; sera la version {next}.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/editor.py" line="217"/>
        <source>C&amp;ertificate</source>
        <translation>&amp;Certificat</translation>
    </message>
    <message>
        <location filename="../../gui/editor/editor.py" line="218"/>
        <source>&amp;Parcels ({count})</source>
        <translation>C&amp;olis ({count})</translation>
    </message>
    <message>
        <location filename="../../gui/editor/editor.py" line="219"/>
        <source>&amp;Seals ({count})</source>
        <translation>&amp;Scellés ({count})</translation>
    </message>
    <message>
        <location filename="../../gui/editor/editor.py" line="220"/>
        <source>P&amp;hotos ({count})</source>
        <translation>P&amp;hotos ({count})</translation>
    </message>
    <message>
        <location filename="../../gui/editor/editor.py" line="221"/>
        <source>&amp;Findings and verdict</source>
        <translation>Cons&amp;tats et verdict</translation>
    </message>
    <message>
        <location filename="../../gui/editor/editor.py" line="224"/>
        <source>Shipment</source>
        <translation>Expédition</translation>
    </message>
    <message>
        <location filename="../../gui/editor/editor.py" line="225"/>
        <source>Production &amp;&amp; valuation</source>
        <translation>Production et évaluation</translation>
    </message>
    <message>
        <location filename="../../gui/editor/editor.py" line="226"/>
        <source>People &amp;&amp; documents</source>
        <translation>Personnes et documents</translation>
    </message>
    <message>
        <location filename="../../gui/editor/editor.py" line="242"/>
        <source>Saved at {time}</source>
        <translation>Enregistré à {time}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/editor.py" line="248"/>
        <source>Not saved: {why}</source>
        <translation>Non enregistré : {why}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/editor.py" line="332"/>
        <source>A cell is being typed in: Enter stores it, Escape lets it go; then Ctrl+Z undoes the changes saved.</source>
        <translation>Une cellule est en cours de saisie : Entrée l&apos;enregistre, Échap l&apos;abandonne ; ensuite Ctrl+Z annule les modifications enregistrées.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/editor.py" line="392"/>
        <source>Recovered after an interruption: {what}.</source>
        <translation>Récupéré après une interruption : {what}.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/editor.py" line="431"/>
        <source>{first} and {last}</source>
        <translation>{first} et {last}</translation>
    </message>
</context>
<context>
    <name>InspectionListWidget</name>
    <message>
        <location filename="../../gui/field/inspection_list.py" line="95"/>
        <source>Search certificate number, exporter, importer, site, seal…</source>
        <translation>Rechercher n° de certificat, exportateur, importateur, lieu, scellé…</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspection_list.py" line="96"/>
        <source>&amp;Find</source>
        <translation>Re&amp;chercher</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspection_list.py" line="99"/>
        <source>&amp;New inspection</source>
        <translation>&amp;Nouvelle inspection</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspection_list.py" line="100"/>
        <source>&amp;Open</source>
        <translation>Ou&amp;vrir</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspection_list.py" line="101"/>
        <source>&amp;Delete draft</source>
        <translation>&amp;Supprimer le brouillon</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspection_list.py" line="104"/>
        <source>&amp;Undo</source>
        <translation>Ann&amp;uler</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspection_list.py" line="138"/>
        <source>No inspections yet.</source>
        <translation>Aucune inspection pour l&apos;instant.</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspection_list.py" line="194"/>
        <source>1 found</source>
        <translation>1 trouvée</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspection_list.py" line="194"/>
        <source>{count} found</source>
        <translation>{count} trouvées</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspection_list.py" line="196"/>
        <source>1 inspection</source>
        <translation>1 inspection</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspection_list.py" line="196"/>
        <source>{count} inspections</source>
        <translation>{count} inspections</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspection_list.py" line="229"/>
        <source>No inspection matches “{search}”. Search for a certificate number, an exporter, an importer, a site or a seal number, or clear the search to see every inspection.</source>
        <translation>Aucune inspection ne correspond à « {search} ». Cherchez un numéro de certificat, un exportateur, un importateur, un lieu ou un numéro de scellé, ou effacez la recherche pour voir toutes les inspections.</translation>
    </message>
</context>
<context>
    <name>InspectionSession</name>
    <message>
        <location filename="../../gui/session.py" line="155"/>
        <source>The change could not be saved ({error}). Check that the disk is not full; the details are in the log.</source>
        <translation>La modification n&apos;a pas pu être enregistrée ({error}). Vérifiez que le disque n&apos;est pas plein ; les détails sont dans le journal.</translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="261"/>
        <source>Nothing to undo.</source>
        <translation>Rien à annuler.</translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="261"/>
        <source>Nothing to redo.</source>
        <translation>Rien à rétablir.</translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="267"/>
        <source>Not undone: {what}. {why} It stays the next to undo.</source>
        <translation>Non annulé : {what}. {why} Cela reste la prochaine action à annuler.</translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="268"/>
        <source>Not redone: {what}. {why} It stays the next to redo.</source>
        <translation>Non rétabli : {what}. {why} Cela reste la prochaine action à rétablir.</translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="276"/>
        <source>Undone: {what}.</source>
        <translation>Annulé : {what}.</translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="276"/>
        <source>Redone: {what}.</source>
        <translation>Rétabli : {what}.</translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="342"/>
        <source>accept “{problem}”</source>
        <translation>accepter « {problem} »</translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="345"/>
        <source>withdraw the acceptance of “{problem}”</source>
        <translation>retirer l&apos;acceptation de « {problem} »</translation>
    </message>
</context>
<context>
    <name>InspectionsModel</name>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="207"/>
        <source>Certificate</source>
        <translation>Certificat</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="207"/>
        <source>Exporter</source>
        <translation>Exportateur</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="207"/>
        <source>Origin</source>
        <translation>Origine</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="207"/>
        <source>Carats</source>
        <translation>Carats</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="208"/>
        <source>US$</source>
        <translation>USD</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="208"/>
        <source>Parcels</source>
        <translation>Colis</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="208"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="208"/>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="209"/>
        <source>Last change</source>
        <translation>Dernière modification</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="244"/>
        <source>(no number yet)</source>
        <translation>(pas encore de numéro)</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="266"/>
        <source>Signed v{version}</source>
        <translation>Signé v{version}</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="268"/>
        <source>Amendment v{version}</source>
        <translation>Rectificatif v{version}</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="270"/>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="274"/>
        <source>supersedes v{version}</source>
        <translation>remplace v{version}</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="275"/>
        <source>supersedes an earlier report</source>
        <translation>remplace un rapport antérieur</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="277"/>
        <source>superseded by v{version}</source>
        <translation>remplacé par v{version}</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="278"/>
        <source>being amended</source>
        <translation>en cours de rectification</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="280"/>
        <source>received by HQ</source>
        <translation>reçu par le siège</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="281"/>
        <source>exported</source>
        <translation>exporté</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="281"/>
        <source>not exported</source>
        <translation>non exporté</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="287"/>
        <source>Report {report}, version {version}.</source>
        <translation>Rapport {report}, version {version}.</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="290"/>
        <source>Amends report version {version}: {reason}</source>
        <translation>Rectifie le rapport version {version} : {reason}</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="291"/>
        <source>(no reason given yet)</source>
        <translation>(pas encore de motif)</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="293"/>
        <source>Superseded by version {version}.</source>
        <translation>Remplacé par la version {version}.</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="295"/>
        <source>An amendment (version {version}) is being drafted.</source>
        <translation>Un rectificatif (version {version}) est en préparation.</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="297"/>
        <source>Exported {when}.</source>
        <translation>Exporté le {when}.</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="298"/>
        <source>Not exported yet.</source>
        <translation>Pas encore exporté.</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="300"/>
        <source>Received by headquarters (its receipt of {when}).</source>
        <translation>Reçu par le siège (son accusé de réception du {when}).</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="309"/>
        <source>certified</source>
        <translation>certifié</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="309"/>
        <source>not certified</source>
        <translation>non certifié</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="310"/>
        <source>held pending</source>
        <translation>retenu en attente</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="317"/>
        <source>1 error</source>
        <translation>1 erreur</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/field/inspections_model.py" line="317"/>
        <source>%n errors</source>
        <translation>
            <numerusform>%n erreur</numerusform>
            <numerusform>%n erreurs</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="319"/>
        <source>1 warning</source>
        <translation>1 avertissement</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/field/inspections_model.py" line="319"/>
        <source>%n warnings</source>
        <translation>
            <numerusform>%n avertissement</numerusform>
            <numerusform>%n avertissements</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="320"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
</context>
<context>
    <name>IssuedModel</name>
    <message>
        <location filename="../../gui/hq/models.py" line="401"/>
        <source>Monitor</source>
        <translation>Contrôleur</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="401"/>
        <source>Device</source>
        <translation>Appareil</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="401"/>
        <source>Serial</source>
        <translation>Numéro de série</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="401"/>
        <source>Valid from</source>
        <translation>Valide du</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="402"/>
        <source>Valid until</source>
        <translation>Valide jusqu&apos;au</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="402"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="408"/>
        <source>revoked {date}</source>
        <translation>révoqué le {date}</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="409"/>
        <source>expired</source>
        <translation>expiré</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="409"/>
        <source>valid</source>
        <translation>valide</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <location filename="../../gui/translations.py" line="158"/>
        <source>Automatic (the system&apos;s language: {language})</source>
        <translation>Automatique (la langue du système : {language})</translation>
    </message>
    <message>
        <location filename="../../gui/translations.py" line="171"/>
        <source>Language chosen: {language}. It takes effect when kpmonitor is next started.</source>
        <translation>Langue choisie : {language}. Elle prend effet au prochain démarrage de kpmonitor.</translation>
    </message>
    <message>
        <location filename="../../gui/translations.py" line="184"/>
        <source>Lan&amp;guage</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location filename="../../gui/translations.py" line="193"/>
        <source>Takes effect when kpmonitor is next started</source>
        <translation>Prend effet au prochain démarrage de kpmonitor</translation>
    </message>
</context>
<context>
    <name>ListSection</name>
    <message>
        <location filename="../../gui/editor/lists.py" line="147"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="226"/>
        <source>remove {row}</source>
        <translation>retirer {row}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="274"/>
        <source>No line yet: add one per HS code, with its carats and value as the certificate gives them.</source>
        <translation>Aucune ligne pour l&apos;instant : ajoutez-en une par code SH, avec ses carats et sa valeur tels que le certificat les indique.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="276"/>
        <source>The lines add up to {carats} ct and US$ {value}.</source>
        <translation>Les lignes totalisent {carats} ct et {value} USD.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="283"/>
        <location filename="../../gui/editor/lists.py" line="283"/>
        <source>HS code</source>
        <translation>Code SH</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="284"/>
        <location filename="../../gui/editor/lists.py" line="303"/>
        <source>Carats</source>
        <translation>Carats</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="285"/>
        <source>Value US$</source>
        <translation>Valeur USD</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="286"/>
        <source>value (US$)</source>
        <translation>valeur (USD)</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="287"/>
        <source>line {number}</source>
        <translation>ligne {number}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="289"/>
        <source>Lines per HS code</source>
        <translation>Lignes par code SH</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="289"/>
        <source>Add line</source>
        <translation>Ajouter une ligne</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="290"/>
        <source>add a certificate line</source>
        <translation>ajouter une ligne au certificat</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="300"/>
        <source>Sieve</source>
        <translation>Tamis</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="301"/>
        <source>Colour</source>
        <translation>Couleur</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="302"/>
        <source>Quality</source>
        <translation>Qualité</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="304"/>
        <source>lot {number}</source>
        <translation>lot {number}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="308"/>
        <source>The lots add up to {carats} ct.</source>
        <translation>Les lots totalisent {carats} ct.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="311"/>
        <source>Valuator&apos;s assortment</source>
        <translation>Assortiment de l&apos;évaluateur</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="312"/>
        <source>Add lot</source>
        <translation>Ajouter un lot</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="312"/>
        <source>add a lot to the assortment</source>
        <translation>ajouter un lot à l&apos;assortiment</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="319"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="320"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="321"/>
        <source>Organisation</source>
        <translation>Organisme</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="322"/>
        <source>person {number}</source>
        <translation>personne {number}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="323"/>
        <source>Present at the inspection</source>
        <translation>Présents à l&apos;inspection</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="324"/>
        <source>Add pe&amp;rson</source>
        <translation>Ajouter une &amp;personne</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="324"/>
        <source>add a person present</source>
        <translation>ajouter une personne présente</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="335"/>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="358"/>
        <source>a photo no longer attached ({digest}…)</source>
        <translation>une photo qui n&apos;est plus jointe ({digest}…)</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="361"/>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="361"/>
        <source>title</source>
        <translation>titre</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="362"/>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="363"/>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="364"/>
        <source>document {number}</source>
        <translation>document {number}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="365"/>
        <source>Documents received</source>
        <translation>Documents reçus</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="366"/>
        <source>Add docu&amp;ment</source>
        <translation>Ajouter un &amp;document</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="367"/>
        <source>add a document received</source>
        <translation>ajouter un document reçu</translation>
    </message>
</context>
<context>
    <name>LogWindowDialog</name>
    <message>
        <location filename="../../gui/common/log_window.py" line="38"/>
        <source>kpmonitor log</source>
        <translation>Journal de kpmonitor</translation>
    </message>
    <message>
        <location filename="../../gui/common/log_window.py" line="45"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <location filename="../../gui/common/log_window.py" line="47"/>
        <source>&amp;Copy all</source>
        <translation>&amp;Tout copier</translation>
    </message>
    <message>
        <location filename="../../gui/common/log_window.py" line="49"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../gui/common/log_window.py" line="66"/>
        <source>The log is empty.</source>
        <translation>Le journal est vide.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="106"/>
        <source>Opening the inspections…</source>
        <translation>Ouverture des inspections…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="176"/>
        <source>{name} · {role} home</source>
        <translation>{name} · dossier de travail ({role})</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="219"/>
        <source>&amp;New inspection</source>
        <translation>&amp;Nouvelle inspection</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="220"/>
        <source>Start a new inspection</source>
        <translation>Commencer une nouvelle inspection</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="221"/>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="222"/>
        <source>&amp;Delete draft…</source>
        <translation>&amp;Supprimer le brouillon…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="223"/>
        <source>Delete the selected draft (it can be restored with Undo)</source>
        <translation>Supprimer le brouillon sélectionné (Annuler le restaure)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="229"/>
        <location filename="../../gui/main_window.py" line="382"/>
        <source>&amp;Undo delete</source>
        <translation>&amp;Annuler la suppression</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="230"/>
        <location filename="../../gui/main_window.py" line="379"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="231"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="232"/>
        <source>&amp;Find…</source>
        <translation>Re&amp;chercher…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="233"/>
        <source>Search the inspections</source>
        <translation>Rechercher dans les inspections</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="234"/>
        <source>&amp;Back to the list</source>
        <translation>&amp;Retour à la liste</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="237"/>
        <source>C&amp;ertificate</source>
        <translation>&amp;Certificat</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="237"/>
        <source>&amp;Parcels</source>
        <translation>C&amp;olis</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="237"/>
        <source>&amp;Seals</source>
        <translation>&amp;Scellés</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="238"/>
        <source>P&amp;hotos</source>
        <translation>P&amp;hotos</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="238"/>
        <source>&amp;Findings and verdict</source>
        <translation>Cons&amp;tats et verdict</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="240"/>
        <source>Add &amp;parcel</source>
        <translation>Ajouter un co&amp;lis</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="241"/>
        <source>Add a parcel and type its declared carats</source>
        <translation>Ajouter un colis et saisir ses carats déclarés</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="242"/>
        <source>Add &amp;seal</source>
        <translation>Ajouter un sc&amp;ellé</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="243"/>
        <source>Put the cursor in the seal number box, ready for the scanner</source>
        <translation>Placer le curseur dans la case du numéro de scellé, prêt pour le lecteur</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="245"/>
        <source>Add p&amp;hotos…</source>
        <translation>Ajouter des &amp;photos…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="246"/>
        <source>Attach photos from the camera&apos;s card or a folder</source>
        <translation>Joindre des photos depuis la carte de l&apos;appareil ou un dossier</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="247"/>
        <source>&amp;Next problem</source>
        <translation>Problème suiva&amp;nt</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="248"/>
        <source>Go to the field of the next problem</source>
        <translation>Aller au champ du problème suivant</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="249"/>
        <source>P&amp;revious problem</source>
        <translation>Problème précé&amp;dent</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="252"/>
        <source>&amp;Sign…</source>
        <translation>Si&amp;gner…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="254"/>
        <source>Freeze and sign the open inspection: a draft with no errors and every warning acknowledged</source>
        <translation>Figer et signer l&apos;inspection ouverte : un brouillon sans erreur, tous les avertissements acceptés</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="256"/>
        <source>&amp;Export report…</source>
        <translation>&amp;Exporter le rapport…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="257"/>
        <source>Write the signed report&apos;s PDF and bundle to a folder (a USB stick); for a signed inspection</source>
        <translation>Écrire le PDF et le paquet du rapport signé dans un dossier (une clé USB) ; pour une inspection signée</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="259"/>
        <source>&amp;Amend…</source>
        <translation>Rectif&amp;ier…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="260"/>
        <source>Correct a signed inspection: a new draft whose report will supersede the signed one</source>
        <translation>Corriger une inspection signée : un nouveau brouillon dont le rapport remplacera celui signé</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="262"/>
        <source>&amp;Verify a report…</source>
        <translation>&amp;Vérifier un rapport…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="263"/>
        <source>Check a report PDF or its QR seal: genuine, or not</source>
        <translation>Contrôler le PDF d&apos;un rapport ou son sceau QR : authentique ou non</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="264"/>
        <source>Signing &amp;certificate…</source>
        <translation>&amp;Certificat de signature…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="265"/>
        <source>This home&apos;s signing certificate, headquarters&apos; root and revocation list</source>
        <translation>Le certificat de signature de ce dossier de travail, le certificat racine et la liste de révocation du siège</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="267"/>
        <source>Install headquarters&apos; &amp;receipt…</source>
        <translation>Installer l&apos;&amp;accusé de réception du siège…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="268"/>
        <source>Headquarters&apos; signed receipt: which reports it holds, and the history of this device it cosigned</source>
        <translation>L&apos;accusé de réception signé du siège : les rapports qu&apos;il détient et l&apos;historique de cet appareil qu&apos;il a contresigné</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="270"/>
        <source>View &amp;log</source>
        <translation>Afficher le &amp;journal</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="271"/>
        <source>&amp;About kpmonitor</source>
        <translation>À &amp;propos de kpmonitor</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="285"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="292"/>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="296"/>
        <source>&amp;Inspection</source>
        <translation>&amp;Inspection</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="310"/>
        <source>&amp;Tools</source>
        <translation>&amp;Outils</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="318"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="325"/>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="358"/>
        <source>Inspections are recorded on a monitor&apos;s (field) home.</source>
        <translation>Les inspections se saisissent dans le dossier de travail d&apos;un contrôleur (terrain).</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="371"/>
        <source>&amp;Undo {what}</source>
        <translation>&amp;Annuler {what}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="372"/>
        <source>&amp;Redo {what}</source>
        <translation>&amp;Rétablir {what}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="381"/>
        <source>&amp;Undo delete of {number}</source>
        <translation>&amp;Annuler la suppression de {number}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="391"/>
        <source>No inspections: they are recorded on a monitor&apos;s (field) home.</source>
        <translation>Aucune inspection : elles se saisissent dans le dossier de travail d&apos;un contrôleur (terrain).</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="393"/>
        <source>No inspections yet. To begin:</source>
        <translation>Aucune inspection pour l&apos;instant. Pour commencer :</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="447"/>
        <source>Delete draft</source>
        <translation>Supprimer le brouillon</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="448"/>
        <source>Delete the draft inspection {number}? You can undo this (Ctrl+Z).</source>
        <translation>Supprimer le brouillon d&apos;inspection {number} ? Vous pouvez l&apos;annuler (Ctrl+Z).</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="449"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="457"/>
        <location filename="../../gui/main_window.py" line="707"/>
        <source>(no number)</source>
        <translation>(sans numéro)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="459"/>
        <source>A signed inspection cannot be deleted; it stays on record.</source>
        <translation>Une inspection signée ne peut pas être supprimée ; elle reste archivée.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="472"/>
        <source>Deleted the draft {number}.</source>
        <translation>Brouillon {number} supprimé.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="497"/>
        <source>Restored {number}.</source>
        <translation>{number} restauré.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="544"/>
        <source>Open inspection</source>
        <translation>Ouvrir l&apos;inspection</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="590"/>
        <source>All changes saved ({time})</source>
        <translation>Toutes les modifications sont enregistrées ({time})</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="632"/>
        <source>Sign</source>
        <translation>Signer</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="632"/>
        <source>Photos are still being added; sign when they are in.</source>
        <translation>Des photos sont encore en cours d&apos;ajout ; signez quand elles y sont.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="646"/>
        <source>Signed: report {report}, version {version}.</source>
        <translation>Signé : rapport {report}, version {version}.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="662"/>
        <source>Export the report to which folder?</source>
        <translation>Exporter le rapport dans quel dossier ?</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="677"/>
        <source>Export report</source>
        <translation>Exporter le rapport</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="677"/>
        <source>This inspection is marked signed but its report is missing from this home.</source>
        <translation>Cette inspection est marquée signée, mais son rapport manque dans ce dossier de travail.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="695"/>
        <location filename="../../gui/main_window.py" line="698"/>
        <location filename="../../gui/main_window.py" line="713"/>
        <source>Amend</source>
        <translation>Rectifier</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="696"/>
        <source>Correct {number} with an amendment? A new draft is made from the signed inspection; when it is signed, its report supersedes the signed one. Both stay on record.</source>
        <translation>Corriger {number} par un rectificatif ? Un nouveau brouillon est créé à partir de l&apos;inspection signée ; une fois signé, son rapport remplace celui signé. Les deux restent archivés.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="698"/>
        <source>Why is the report corrected? The reason goes into the new report.</source>
        <translation>Pourquoi le rapport est-il corrigé ? Le motif figure dans le nouveau rapport.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="756"/>
        <source>Install headquarters&apos; receipt</source>
        <translation>Installer l&apos;accusé de réception du siège</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="757"/>
        <source>Headquarters&apos; receipts (*.kpreceipt)</source>
        <translation>Accusés de réception du siège (*.kpreceipt)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="769"/>
        <source>Headquarters&apos; receipt</source>
        <translation>Accusé de réception du siège</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="801"/>
        <source>kpmonitor opens report PDFs, QR seal text files and bundles; {name} is none of these.</source>
        <translation>kpmonitor ouvre les PDF de rapport, les fichiers texte de sceau QR et les paquets ; {name} n&apos;est rien de tout cela.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="804"/>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
</context>
<context>
    <name>MonitorsModel</name>
    <message>
        <location filename="../../gui/hq/models.py" line="424"/>
        <source>Monitor</source>
        <translation>Contrôleur</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="424"/>
        <source>Device</source>
        <translation>Appareil</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="424"/>
        <source>Reports</source>
        <translation>Rapports</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="424"/>
        <source>Last number</source>
        <translation>Dernier numéro</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="425"/>
        <source>Missing</source>
        <translation>Manquants</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="425"/>
        <source>Last signed</source>
        <translation>Dernière signature</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="425"/>
        <source>Last imported</source>
        <translation>Dernière importation</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="429"/>
        <source>revoked</source>
        <translation>révoqué</translation>
    </message>
</context>
<context>
    <name>ParcelsModel</name>
    <message>
        <location filename="../../gui/editor/parcels.py" line="60"/>
        <source>Parcel</source>
        <translation>Colis</translation>
    </message>
    <message>
        <location filename="../../gui/editor/parcels.py" line="60"/>
        <source>number</source>
        <translation>numéro</translation>
    </message>
    <message>
        <location filename="../../gui/editor/parcels.py" line="61"/>
        <source>HS code</source>
        <translation>Code SH</translation>
    </message>
    <message>
        <location filename="../../gui/editor/parcels.py" line="62"/>
        <source>Declared ct</source>
        <translation>ct déclarés</translation>
    </message>
    <message>
        <location filename="../../gui/editor/parcels.py" line="63"/>
        <source>declared carats</source>
        <translation>carats déclarés</translation>
    </message>
    <message>
        <location filename="../../gui/editor/parcels.py" line="64"/>
        <source>Weighed ct</source>
        <translation>ct pesés</translation>
    </message>
    <message>
        <location filename="../../gui/editor/parcels.py" line="64"/>
        <source>weighed carats</source>
        <translation>carats pesés</translation>
    </message>
    <message>
        <location filename="../../gui/editor/parcels.py" line="65"/>
        <source>Difference</source>
        <translation>Écart</translation>
    </message>
    <message>
        <location filename="../../gui/editor/parcels.py" line="66"/>
        <source>Stones</source>
        <translation>Pierres</translation>
    </message>
    <message>
        <location filename="../../gui/editor/parcels.py" line="67"/>
        <source>Declared US$</source>
        <translation>USD déclarés</translation>
    </message>
    <message>
        <location filename="../../gui/editor/parcels.py" line="68"/>
        <source>declared value (US$)</source>
        <translation>valeur déclarée (USD)</translation>
    </message>
    <message>
        <location filename="../../gui/editor/parcels.py" line="69"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../gui/editor/parcels.py" line="74"/>
        <source>parcel {number}</source>
        <translation>colis {number}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/parcels.py" line="51"/>
        <source>“{text}” is not a number of stones.</source>
        <translation>« {text} » n&apos;est pas un nombre de pierres.</translation>
    </message>
</context>
<context>
    <name>ParcelsSectionWidget</name>
    <message>
        <location filename="../../gui/editor/parcels.py" line="196"/>
        <source>&amp;Add parcel</source>
        <translation>&amp;Ajouter un colis</translation>
    </message>
    <message>
        <location filename="../../gui/editor/parcels.py" line="197"/>
        <source>Add a parcel ({key})</source>
        <translation>Ajouter un colis ({key})</translation>
    </message>
    <message>
        <location filename="../../gui/editor/parcels.py" line="200"/>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <location filename="../../gui/editor/parcels.py" line="202"/>
        <source>Move &amp;up</source>
        <translation>&amp;Monter</translation>
    </message>
    <message>
        <location filename="../../gui/editor/parcels.py" line="203"/>
        <source>Alt+Up</source>
        <translation>Alt+Up</translation>
    </message>
    <message>
        <location filename="../../gui/editor/parcels.py" line="205"/>
        <source>Move do&amp;wn</source>
        <translation>&amp;Descendre</translation>
    </message>
    <message>
        <location filename="../../gui/editor/parcels.py" line="206"/>
        <source>Alt+Down</source>
        <translation>Alt+Down</translation>
    </message>
    <message>
        <location filename="../../gui/editor/parcels.py" line="303"/>
        <source>add parcel {number}</source>
        <translation>ajouter le colis {number}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/parcels.py" line="321"/>
        <source>Remove parcel</source>
        <translation>Retirer le colis</translation>
    </message>
    <message>
        <location filename="../../gui/editor/parcels.py" line="322"/>
        <source>Remove parcel {number}? Seals and photos linked to it stay, linked to nothing.</source>
        <translation>Retirer le colis {number} ? Les scellés et photos qui y sont liés restent, liés à rien.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/parcels.py" line="334"/>
        <source>remove {row}</source>
        <translation>retirer {row}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/parcels.py" line="351"/>
        <source>move {row} up</source>
        <translation>monter {row}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/parcels.py" line="351"/>
        <source>move {row} down</source>
        <translation>descendre {row}</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../gui/common/dialogs.py" line="221"/>
        <source>New passphrase</source>
        <translation>Nouvelle phrase secrète</translation>
    </message>
    <message>
        <location filename="../../gui/common/dialogs.py" line="221"/>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <location filename="../../gui/common/dialogs.py" line="226"/>
        <source>&amp;Passphrase</source>
        <translation>&amp;Phrase secrète</translation>
    </message>
    <message>
        <location filename="../../gui/common/dialogs.py" line="229"/>
        <source>&amp;Repeat it</source>
        <translation>&amp;Répétez-la</translation>
    </message>
    <message>
        <location filename="../../gui/common/dialogs.py" line="253"/>
        <source>Type the passphrase.</source>
        <translation>Saisissez la phrase secrète.</translation>
    </message>
    <message>
        <location filename="../../gui/common/dialogs.py" line="255"/>
        <source>Choose a passphrase of at least {count} characters: it protects the signing key.</source>
        <translation>Choisissez une phrase secrète d&apos;au moins {count} caractères : elle protège la clé de signature.</translation>
    </message>
    <message>
        <location filename="../../gui/common/dialogs.py" line="258"/>
        <source>The two passphrases differ; type the same one twice.</source>
        <translation>Les deux phrases secrètes diffèrent ; saisissez deux fois la même.</translation>
    </message>
</context>
<context>
    <name>PhotoViewerDialog</name>
    <message>
        <location filename="../../gui/editor/photo_viewer.py" line="96"/>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_viewer.py" line="111"/>
        <source>← &amp;Previous</source>
        <translation>← &amp;Précédente</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_viewer.py" line="112"/>
        <source>&amp;Next →</source>
        <translation>&amp;Suivante →</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_viewer.py" line="113"/>
        <source>Zoom &amp;in</source>
        <translation>Zoom &amp;avant</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_viewer.py" line="114"/>
        <source>Zoom &amp;out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_viewer.py" line="115"/>
        <source>&amp;Fit</source>
        <translation>A&amp;juster</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_viewer.py" line="116"/>
        <source>&amp;1:1</source>
        <translation>&amp;1:1</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_viewer.py" line="117"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_viewer.py" line="163"/>
        <source>Photo {number} of {total} — {name}</source>
        <translation>Photo {number} sur {total} — {name}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_viewer.py" line="168"/>
        <source>taken {when}</source>
        <translation>prise le {when}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_viewer.py" line="170"/>
        <source>at {lat:.5f}, {lon:.5f}</source>
        <translation>à {lat:.5f}, {lon:.5f}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_viewer.py" line="172"/>
        <source>parcel {number}</source>
        <translation>colis {number}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_viewer.py" line="174"/>
        <source>seal {number}</source>
        <translation>scellé {number}</translation>
    </message>
</context>
<context>
    <name>PhotosModel</name>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="121"/>
        <source>Parcel {number}</source>
        <translation>Colis {number}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="123"/>
        <source>Seal {number}</source>
        <translation>Scellé {number}</translation>
    </message>
</context>
<context>
    <name>PhotosSectionWidget</name>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="167"/>
        <source>&amp;Add photos…</source>
        <translation>&amp;Ajouter des photos…</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="169"/>
        <source>Add a &amp;folder…</source>
        <translation>Ajouter un &amp;dossier…</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="170"/>
        <source>Every photo in a folder and its subfolders, e.g. a card&apos;s DCIM</source>
        <translation>Toutes les photos d&apos;un dossier et de ses sous-dossiers, p. ex. le DCIM d&apos;une carte</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="172"/>
        <source>&amp;View</source>
        <translation>&amp;Voir</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="174"/>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="175"/>
        <source>Detach the photo from this inspection</source>
        <translation>Détacher la photo de cette inspection</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="177"/>
        <source>or drop photos and folders here</source>
        <translation>ou déposez ici des photos et des dossiers</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="183"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="195"/>
        <source>Selected photo</source>
        <translation>Photo sélectionnée</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="196"/>
        <source>what the photo shows</source>
        <translation>ce que montre la photo</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="209"/>
        <source>&amp;Caption</source>
        <translation>&amp;Légende</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="210"/>
        <source>&amp;Shows</source>
        <translation>&amp;Montre</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="211"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="212"/>
        <source>Taken</source>
        <translation>Prise le</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="213"/>
        <source>GPS</source>
        <translation>GPS</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="214"/>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="215"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="299"/>
        <source>nothing in particular</source>
        <translation>rien de particulier</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="302"/>
        <source>parcel {number}</source>
        <translation>colis {number}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="305"/>
        <source>seal {number}</source>
        <translation>scellé {number}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="323"/>
        <source>no time in the photo&apos;s EXIF data</source>
        <translation>pas d&apos;heure dans les données EXIF de la photo</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="326"/>
        <source>no position in the photo&apos;s EXIF data</source>
        <translation>pas de position dans les données EXIF de la photo</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="343"/>
        <source>the caption of photo {name}</source>
        <translation>la légende de la photo {name}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="357"/>
        <source>the caption of photo {name} ({caption})</source>
        <translation>la légende de la photo {name} ({caption})</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="369"/>
        <source>what photo {name} shows</source>
        <translation>ce que montre la photo {name}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="375"/>
        <source>Remove photo</source>
        <translation>Retirer la photo</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="376"/>
        <source>Detach {name} from this inspection? The original stays in the photo store.</source>
        <translation>Détacher {name} de cette inspection ? L&apos;original reste dans la photothèque.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="383"/>
        <source>detach photo {name}</source>
        <translation>détacher la photo {name}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="408"/>
        <source>Add photos</source>
        <translation>Ajouter des photos</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="409"/>
        <source>Photos ({patterns})</source>
        <translation>Photos ({patterns})</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="413"/>
        <source>Add every photo in a folder</source>
        <translation>Ajouter toutes les photos d&apos;un dossier</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="431"/>
        <source>Photos are being imported; wait for them, or cancel, before adding more.</source>
        <translation>Des photos sont en cours d&apos;importation ; attendez-les, ou annulez, avant d&apos;en ajouter d&apos;autres.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="444"/>
        <source>Looking for photos…</source>
        <translation>Recherche des photos…</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="453"/>
        <source>Stopping after the current photo…</source>
        <translation>Arrêt après la photo en cours…</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="459"/>
        <source>{name} ({number} of {total})</source>
        <translation>{name} ({number} sur {total})</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="482"/>
        <source>1 photo added.</source>
        <translation>1 photo ajoutée.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/editor/photo_gallery.py" line="482"/>
        <source>%n photos added.</source>
        <translation>
            <numerusform>%n photo ajoutée.</numerusform>
            <numerusform>%n photos ajoutées.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="484"/>
        <source>The import was cancelled; the photos already added stay.</source>
        <translation>L&apos;importation a été annulée ; les photos déjà ajoutées restent.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="486"/>
        <source>Not added:</source>
        <translation>Non ajoutées :</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <location filename="../../gui/editor/validation_panel.py" line="193"/>
        <source>{message}
Acknowledged: {note}</source>
        <translation>{message}
Accepté : {note}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/validation_panel.py" line="201"/>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <location filename="../../gui/editor/validation_panel.py" line="201"/>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <location filename="../../gui/editor/validation_panel.py" line="202"/>
        <source>{kind} in {field} — click to go there</source>
        <translation>{kind} dans {field} — cliquez pour y aller</translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <location filename="../../gui/editor/record.py" line="40"/>
        <source>The certificate&apos;s value is not recorded yet (Certificate tab).</source>
        <translation>La valeur du certificat n&apos;est pas encore saisie (onglet Certificat).</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="41"/>
        <source>Declared on the certificate: {declared}.</source>
        <translation>Déclaré sur le certificat : {declared}.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="47"/>
        <source>{declared} The valuator&apos;s figure differs by {difference} ({percent} %).</source>
        <translation>{declared} Le montant de l&apos;évaluateur diffère de {difference} ({percent} %).</translation>
    </message>
</context>
<context>
    <name>ReportDetailDialog</name>
    <message>
        <location filename="../../gui/hq/detail.py" line="88"/>
        <source>Report {id} — certificate {number}</source>
        <translation>Rapport {id} — certificat {number}</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="59"/>
        <source>Report {id}, version {version}, number {seq} of device {device}</source>
        <translation>Rapport {id}, version {version}, n° {seq} de l&apos;appareil {device}</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="97"/>
        <source>What the monitor signed</source>
        <translation>Ce que le contrôleur a signé</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="102"/>
        <source>KP certificate</source>
        <translation>Certificat PK</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="103"/>
        <source>Issued by</source>
        <translation>Délivré par</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="104"/>
        <source>Exporter</source>
        <translation>Exportateur</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="105"/>
        <source>Importer</source>
        <translation>Importateur</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="106"/>
        <source>Origin / provenance</source>
        <translation>Origine / provenance</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="107"/>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="108"/>
        <source>Carats</source>
        <translation>Carats</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="109"/>
        <source>Value (US$)</source>
        <translation>Valeur (USD)</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="110"/>
        <source>Parcels, seals, photos</source>
        <translation>Colis, scellés, photos</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="111"/>
        <source>Site</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="112"/>
        <source>Inspected</source>
        <translation>Inspecté le</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="113"/>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="114"/>
        <source>Monitor</source>
        <translation>Contrôleur</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="115"/>
        <source>Signed</source>
        <translation>Signé le</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="116"/>
        <location filename="../../gui/hq/detail.py" line="129"/>
        <source>Receipt</source>
        <translation>Réception</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="117"/>
        <source>Certificate serial</source>
        <translation>N° de série du certificat</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="118"/>
        <source>Imported</source>
        <translation>Importé le</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="133"/>
        <source>Checks at import</source>
        <translation>Contrôles à l&apos;importation</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="151"/>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="170"/>
        <source>The monitor attached no photos.</source>
        <translation>Le contrôleur n&apos;a joint aucune photo.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="179"/>
        <source>Open PDF</source>
        <translation>Ouvrir le PDF</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="185"/>
        <source>Amends report {id}</source>
        <translation>Rectifie le rapport {id}</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="188"/>
        <source>That report is another device&apos;s: this one is no amendment of it.</source>
        <translation>Ce rapport est celui d&apos;un autre appareil : celui-ci n&apos;en est pas un rectificatif.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="191"/>
        <source>That report has not arrived at headquarters.</source>
        <translation>Ce rapport n&apos;est pas arrivé au siège.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="196"/>
        <source>Superseded by report {id}</source>
        <translation>Remplacé par le rapport {id}</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="202"/>
        <source>Why it amends report {id}: {reason}</source>
        <translation>Pourquoi il rectifie le rapport {id} : {reason}</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="205"/>
        <source>A later version of this report was received: this one is kept as evidence, but the later one counts.</source>
        <translation>Une version ultérieure de ce rapport a été reçue : celle-ci est conservée comme preuve, mais c&apos;est la plus récente qui compte.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/hq/detail.py" line="225"/>
        <source>%n parcel(s)</source>
        <translation>
            <numerusform>%n colis</numerusform>
            <numerusform>%n colis</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="227"/>
        <source>reference {reference}</source>
        <translation>référence {reference}</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="229"/>
        <source>Confirmed on {day} by {authority}</source>
        <translation>Confirmé le {day} par {authority}</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="233"/>
        <source>It differs from this report: {what}.</source>
        <translation>Elle diffère de ce rapport : {what}.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/hq/detail.py" line="238"/>
        <source>No confirmation of receipt yet, %n day(s) after signing</source>
        <translation>
            <numerusform>Pas encore de confirmation de réception, %n jour après la signature</numerusform>
            <numerusform>Pas encore de confirmation de réception, %n jours après la signature</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="239"/>
        <source>overdue</source>
        <translation>en retard</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="240"/>
        <source>None awaited: not certified, or a later version counts</source>
        <translation>Aucune attendue : non certifié, ou une version ultérieure compte</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="262"/>
        <source>(cannot be shown)</source>
        <translation>(ne peut pas être affiché)</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="276"/>
        <source>The report&apos;s PDF is missing from headquarters&apos; inbox folder; import its bundle again to restore it.</source>
        <translation>Le PDF du rapport manque dans le dossier de réception du siège ; importez de nouveau son paquet pour le restaurer.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="280"/>
        <source>No program on this computer opens PDF files.</source>
        <translation>Aucun programme de cet ordinateur n&apos;ouvre les fichiers PDF.</translation>
    </message>
</context>
<context>
    <name>ReportsModel</name>
    <message>
        <location filename="../../gui/hq/models.py" line="230"/>
        <source>Verification</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="230"/>
        <source>KP certificate</source>
        <translation>Certificat PK</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="230"/>
        <source>Exporter → importer</source>
        <translation>Exportateur → importateur</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="231"/>
        <source>Origin</source>
        <translation>Origine</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="231"/>
        <source>Monitor</source>
        <translation>Contrôleur</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="231"/>
        <source>Inspected</source>
        <translation>Inspecté le</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="231"/>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="232"/>
        <source>Carats</source>
        <translation>Carats</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="232"/>
        <source>Value (US$)</source>
        <translation>Valeur (USD)</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="232"/>
        <source>Receipt</source>
        <translation>Réception</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="232"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="274"/>
        <source>v{version}</source>
        <translation>v{version}</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="276"/>
        <source>superseded by {id}</source>
        <translation>remplacé par {id}</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="278"/>
        <source>amends {id}</source>
        <translation>rectifie {id}</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="303"/>
        <source>A later version of this report was received; statistics count only the latest.</source>
        <translation>Une version ultérieure de ce rapport a été reçue ; les statistiques ne comptent que la plus récente.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="306"/>
        <source>Exporter: {exporter}
Importer: {importer}</source>
        <translation>Exportateur : {exporter}
Importateur : {importer}</translation>
    </message>
</context>
<context>
    <name>RowsModel</name>
    <message>
        <location filename="../../gui/editor/rows.py" line="173"/>
        <source>row {number}</source>
        <translation>ligne {number}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/rows.py" line="178"/>
        <source>{row}&apos;s {column}</source>
        <translation>{column} de {row}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/rows.py" line="336"/>
        <source>Removed {row}; {key} brings it back.</source>
        <translation>{row} retiré ; {key} le rétablit.</translation>
    </message>
</context>
<context>
    <name>RowsTableView</name>
    <message>
        <location filename="../../gui/editor/rows.py" line="412"/>
        <source>{cell} ({value})</source>
        <translation>{cell} ({value})</translation>
    </message>
    <message>
        <location filename="../../gui/editor/rows.py" line="420"/>
        <source>{cell} as typed (“{text}”), not saved</source>
        <translation>{cell} tel que saisi (« {text} »), non enregistré</translation>
    </message>
    <message>
        <location filename="../../gui/editor/rows.py" line="449"/>
        <source>“{column}” is not typed in; what was typed there was not kept.</source>
        <translation>« {column} » n&apos;est pas saisissable ; ce qui y a été tapé n&apos;a pas été conservé.</translation>
    </message>
</context>
<context>
    <name>SealsModel</name>
    <message>
        <location filename="../../gui/editor/seals.py" line="93"/>
        <source>Seal number</source>
        <translation>Numéro du scellé</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="94"/>
        <source>On</source>
        <translation>Sur</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="95"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="96"/>
        <source>Class</source>
        <translation>Classe</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="97"/>
        <source>Applied by</source>
        <translation>Posé par</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="98"/>
        <source>Witness</source>
        <translation>Témoin</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="99"/>
        <source>Applied at</source>
        <translation>Posé le</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="100"/>
        <source>Manufacturer</source>
        <translation>Fabricant</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="101"/>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="102"/>
        <source>Last event</source>
        <translation>Dernier événement</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="107"/>
        <source>seal {number}</source>
        <translation>scellé {number}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="83"/>
        <source>the container</source>
        <translation>le conteneur</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="83"/>
        <source>container</source>
        <translation>conteneur</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="84"/>
        <source>parcel {number}</source>
        <translation>colis {number}</translation>
    </message>
</context>
<context>
    <name>SealsSectionWidget</name>
    <message>
        <location filename="../../gui/editor/seals.py" line="212"/>
        <location filename="../../gui/editor/seals.py" line="524"/>
        <source>Remove seal</source>
        <translation>Retirer le scellé</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="224"/>
        <location filename="../../gui/editor/seals.py" line="393"/>
        <source>Events of the selected seal</source>
        <translation>Événements du scellé sélectionné</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="231"/>
        <source>note (what was seen)</source>
        <translation>note (ce qui a été constaté)</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="235"/>
        <source>&amp;Note</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="243"/>
        <source>Remove event</source>
        <translation>Retirer l&apos;événement</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="268"/>
        <source>Scan or type a seal number, then Enter</source>
        <translation>Scannez ou saisissez un numéro de scellé, puis Entrée</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="271"/>
        <source>seal number</source>
        <translation>numéro du scellé</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="279"/>
        <source>Add seal</source>
        <translation>Ajouter le scellé</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="281"/>
        <source>Enter in the number box does the same ({key} puts the cursor there)</source>
        <translation>Entrée dans la case du numéro fait de même ({key} y place le curseur)</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="300"/>
        <source>What the next seal scanned goes on; it stays until you change it</source>
        <translation>Ce sur quoi va le prochain scellé scanné ; reste jusqu&apos;à ce que vous le changiez</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="307"/>
        <source>e.g. MMCZ sealing officer</source>
        <translation>p. ex. agent de scellage de la MMCZ</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="310"/>
        <source>&amp;on</source>
        <translation>&amp;sur</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="321"/>
        <source>T&amp;ype</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="321"/>
        <source>C&amp;lass</source>
        <translation>C&amp;lasse</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="322"/>
        <source>&amp;Manufacturer</source>
        <translation>&amp;Fabricant</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="322"/>
        <source>Applied &amp;by</source>
        <translation>Posé &amp;par</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="323"/>
        <source>&amp;Witness</source>
        <translation>Té&amp;moin</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="392"/>
        <source>Events of seal {number}</source>
        <translation>Événements du scellé {number}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="443"/>
        <source>Scanned seal {number} was not added: {why}</source>
        <translation>Le scellé scanné {number} n&apos;a pas été ajouté : {why}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="465"/>
        <source>add seal {number}</source>
        <translation>ajouter le scellé {number}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="474"/>
        <source>Seal {number} added to {where}.</source>
        <translation>Scellé {number} ajouté à {where}.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="476"/>
        <source>Scanned seal {number} added to {where}.</source>
        <translation>Scellé scanné {number} ajouté à {where}.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="478"/>
        <source>Scanned seal {number} added to {where}; “{field}”, where the scan was typed, is back as it was.</source>
        <translation>Scellé scanné {number} ajouté à {where} ; « {field} », où le scan a été saisi, est revenu à son état antérieur.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="486"/>
        <source>what the seal goes on</source>
        <translation>ce sur quoi va le scellé</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="491"/>
        <source>the list of seals</source>
        <translation>la liste des scellés</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="493"/>
        <source>the list of events</source>
        <translation>la liste des événements</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="494"/>
        <source>another field</source>
        <translation>un autre champ</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="525"/>
        <source>Remove seal {number} and its events from this inspection?</source>
        <translation>Retirer le scellé {number} et ses événements de cette inspection ?</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="537"/>
        <source>remove {row}</source>
        <translation>retirer {row}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="559"/>
        <source>Remove seal…</source>
        <translation>Retirer le scellé…</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="573"/>
        <source>record “{event}” on seal {number}</source>
        <translation>consigner « {event} » sur le scellé {number}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="591"/>
        <source>remove the event “{event}” of seal {number}</source>
        <translation>retirer l&apos;événement « {event} » du scellé {number}</translation>
    </message>
</context>
<context>
    <name>ShipmentSectionWidget</name>
    <message>
        <location filename="../../gui/editor/record.py" line="148"/>
        <source>Validation of the certificate</source>
        <translation>Validation du certificat</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="149"/>
        <source>Validating &amp;authority</source>
        <translation>&amp;Autorité de validation</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="150"/>
        <source>e.g. Ministry of Mines and Mining Development</source>
        <translation>p. ex. ministère des Mines</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="151"/>
        <source>Validating &amp;officer</source>
        <translation>Agent de &amp;validation</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="152"/>
        <source>Validation nu&amp;mber</source>
        <translation>&amp;Numéro de validation</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="153"/>
        <source>&amp;Validated at</source>
        <translation>Validé &amp;le</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="153"/>
        <source>time of the validation</source>
        <translation>heure de la validation</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="155"/>
        <source>Shipment</source>
        <translation>Expédition</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="156"/>
        <source>&amp;Container</source>
        <translation>&amp;Conteneur</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="156"/>
        <source>container or box id</source>
        <translation>identifiant du conteneur ou de la boîte</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="157"/>
        <source>&amp;Gross weight (kg)</source>
        <translation>&amp;Poids brut (kg)</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="158"/>
        <source>e.g. 12.40</source>
        <translation>p. ex. 12.40</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="159"/>
        <source>Ca&amp;rrier</source>
        <translation>&amp;Transporteur</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="159"/>
        <source>airline or courier</source>
        <translation>compagnie aérienne ou messagerie</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="160"/>
        <source>Air&amp;way bill</source>
        <translation>Lettre de transport aé&amp;rien</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="161"/>
        <source>Export declaratio&amp;n</source>
        <translation>&amp;Déclaration d&apos;exportation</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="162"/>
        <source>Port of e&amp;xit</source>
        <translation>Point de &amp;sortie</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="162"/>
        <source>e.g. ZWHRE</source>
        <translation>p. ex. ZWHRE</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="164"/>
        <source>Certificate num&amp;ber on container</source>
        <translation>N° du certificat sur le conten&amp;eur</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="165"/>
        <source>not recorded</source>
        <translation>non renseigné</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="165"/>
        <source>yes, marked on it</source>
        <translation>oui, inscrit dessus</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="166"/>
        <source>no, not marked</source>
        <translation>non, pas inscrit</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="65"/>
        <location filename="../../gui/field/sign_dialog.py" line="218"/>
        <source>(no number yet)</source>
        <translation>(pas encore de numéro)</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="66"/>
        <source>Sign {number}</source>
        <translation>Signer {number}</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="110"/>
        <source>Ac&amp;knowledge…</source>
        <translation>A&amp;ccepter…</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="111"/>
        <source>Accept the selected warning, with a note saying why</source>
        <translation>Accepter l&apos;avertissement sélectionné, avec une note qui dit pourquoi</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="113"/>
        <source>&amp;Go to it</source>
        <translation>&amp;Y aller</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="114"/>
        <source>Close this and put the cursor on the selected problem&apos;s field</source>
        <translation>Fermer et placer le curseur sur le champ du problème sélectionné</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="127"/>
        <source>Signing freezes this inspection: nothing in it can be changed afterwards. A correction is made by amending it, which makes a new version of the report; both stay on record.</source>
        <translation>Signer fige cette inspection : plus rien ne peut y être modifié ensuite. Une correction se fait par un rectificatif, qui crée une nouvelle version du rapport ; les deux restent archivées.</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="129"/>
        <source>&amp;Passphrase of the signing key</source>
        <translation>&amp;Phrase secrète de la clé de signature</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="148"/>
        <source>The language the report is written in. What it states, and its QR seal, are the same in every language.</source>
        <translation>La langue dans laquelle le rapport est rédigé. Ce qu&apos;il indique, et son sceau QR, sont les mêmes dans toutes les langues.</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="150"/>
        <source>Report &amp;language</source>
        <translation>&amp;Langue du rapport</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="172"/>
        <source>&amp;Sign</source>
        <translation>&amp;Signer</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="175"/>
        <source>&amp;Open PDF</source>
        <translation>&amp;Ouvrir le PDF</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="177"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="178"/>
        <source>Write the signed PDF and the bundle for headquarters to a folder (a USB stick)</source>
        <translation>Écrire le PDF signé et le paquet pour le siège dans un dossier (une clé USB)</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="222"/>
        <source>{carats} ct</source>
        <translation>{carats} ct</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="224"/>
        <source>US$ {value}</source>
        <translation>{value} USD</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="238"/>
        <source>1 error must be fixed before signing.</source>
        <translation>1 erreur doit être corrigée avant de signer.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/field/sign_dialog.py" line="239"/>
        <source>%n errors must be fixed before signing.</source>
        <translation>
            <numerusform>%n erreur doit être corrigée avant de signer.</numerusform>
            <numerusform>%n erreurs doivent être corrigées avant de signer.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="242"/>
        <source>1 warning must be acknowledged before signing: select it and say why it is acceptable.</source>
        <translation>1 avertissement doit être accepté avant de signer : sélectionnez-le et dites pourquoi il est acceptable.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/field/sign_dialog.py" line="244"/>
        <source>%n warnings must be acknowledged before signing: select each and say why it is acceptable.</source>
        <translation>
            <numerusform>%n avertissement doit être accepté avant de signer : sélectionnez-le et dites pourquoi il est acceptable.</numerusform>
            <numerusform>%n avertissements doivent être acceptés avant de signer : sélectionnez chacun et dites pourquoi il est acceptable.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="248"/>
        <source>No errors; every warning acknowledged (the notes go into the report). Ready to sign.</source>
        <translation>Aucune erreur ; tous les avertissements acceptés (les notes figurent dans le rapport). Prêt à signer.</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="251"/>
        <source>No problems. Ready to sign.</source>
        <translation>Aucun problème. Prêt à signer.</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="269"/>
        <source>This home has no signing key yet: make one in Tools → Signing certificate, then sign.</source>
        <translation>Ce dossier de travail n&apos;a pas encore de clé de signature : créez-en une dans Outils → Certificat de signature, puis signez.</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="292"/>
        <source>Signing with {name}&apos;s certificate {serial}, issued by {issuer}.</source>
        <translation>Signature avec le certificat {serial} de {name}, délivré par {issuer}.</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="316"/>
        <source>Fix the errors and acknowledge the warnings first.</source>
        <translation>Corrigez d&apos;abord les erreurs et acceptez les avertissements.</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="318"/>
        <location filename="../../gui/field/sign_dialog.py" line="366"/>
        <source>Type the passphrase of the signing key.</source>
        <translation>Saisissez la phrase secrète de la clé de signature.</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="320"/>
        <source>Freeze and sign the inspection</source>
        <translation>Figer et signer l&apos;inspection</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="361"/>
        <source>The inspection cannot be signed yet: fix the errors and acknowledge the warnings.</source>
        <translation>L&apos;inspection ne peut pas encore être signée : corrigez les erreurs et acceptez les avertissements.</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="390"/>
        <source>Opening the signing key…</source>
        <translation>Ouverture de la clé de signature…</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="390"/>
        <source>Sealing the summary in the QR code…</source>
        <translation>Scellement du résumé dans le code QR…</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="391"/>
        <source>Rendering the report…</source>
        <translation>Mise en page du rapport…</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="391"/>
        <source>Signing the PDF…</source>
        <translation>Signature du PDF…</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="392"/>
        <source>Recording the report…</source>
        <translation>Enregistrement du rapport…</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="392"/>
        <source>Signed.</source>
        <translation>Signé.</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="414"/>
        <source>The passphrase is wrong. Type it again; it is the one chosen when this home was made.</source>
        <translation>La phrase secrète est erronée. Saisissez-la de nouveau ; c&apos;est celle choisie à la création de ce dossier de travail.</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="445"/>
        <source>Signed and frozen.</source>
        <translation>Signé et figé.</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="448"/>
        <source>Report {report}, version {version}, is signed and stored in this home. Export it to a USB stick to give the PDF to the exporter and the bundle to headquarters.</source>
        <translation>Le rapport {report}, version {version}, est signé et conservé dans ce dossier de travail. Exportez-le sur une clé USB pour remettre le PDF à l&apos;exportateur et le paquet au siège.</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="454"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="469"/>
        <source>No program to show PDF files was found. The PDF is {path}</source>
        <translation>Aucun programme d&apos;affichage des PDF n&apos;a été trouvé. Le PDF est {path}</translation>
    </message>
</context>
<context>
    <name>StatsModel</name>
    <message>
        <location filename="../../gui/hq/models.py" line="478"/>
        <source>Month</source>
        <translation>Mois</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="478"/>
        <source>Origin</source>
        <translation>Origine</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="478"/>
        <source>Shipments</source>
        <translation>Expéditions</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="478"/>
        <source>Certified</source>
        <translation>Certifiées</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="479"/>
        <source>Carats</source>
        <translation>Carats</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="479"/>
        <source>Value (US$)</source>
        <translation>Valeur (USD)</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="479"/>
        <source>US$ per carat</source>
        <translation>USD par carat</translation>
    </message>
</context>
<context>
    <name>TotalsModel</name>
    <message>
        <location filename="../../gui/editor/parcels.py" line="133"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../gui/editor/parcels.py" line="133"/>
        <source>Certificate</source>
        <translation>Certificat</translation>
    </message>
</context>
<context>
    <name>ValidationPanelWidget</name>
    <message>
        <location filename="../../gui/editor/validation_panel.py" line="234"/>
        <source>Ac&amp;knowledge…</source>
        <translation>A&amp;ccepter…</translation>
    </message>
    <message>
        <location filename="../../gui/editor/validation_panel.py" line="235"/>
        <source>Accept the selected warning, with a note saying why</source>
        <translation>Accepter l&apos;avertissement sélectionné, avec une note qui dit pourquoi</translation>
    </message>
    <message>
        <location filename="../../gui/editor/validation_panel.py" line="237"/>
        <source>Withdraw</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../../gui/editor/validation_panel.py" line="238"/>
        <source>Withdraw the acknowledgement of the selected warning</source>
        <translation>Retirer l&apos;acceptation de l&apos;avertissement sélectionné</translation>
    </message>
    <message>
        <location filename="../../gui/editor/validation_panel.py" line="248"/>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <location filename="../../gui/editor/validation_panel.py" line="257"/>
        <source>Fold the problems to a bar, giving the form the room ({key})</source>
        <translation>Replier les problèmes en une barre, pour laisser la place au formulaire ({key})</translation>
    </message>
    <message>
        <location filename="../../gui/editor/validation_panel.py" line="327"/>
        <source>Signed, with the warnings below acknowledged in the report.</source>
        <translation>Signé, avec les avertissements ci-dessous acceptés dans le rapport.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/validation_panel.py" line="328"/>
        <source>Signed.</source>
        <translation>Signé.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/validation_panel.py" line="331"/>
        <source>No problems: ready to sign.</source>
        <translation>Aucun problème : prêt à signer.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/validation_panel.py" line="333"/>
        <source>No errors; every warning acknowledged: ready to sign.</source>
        <translation>Aucune erreur ; tous les avertissements acceptés : prêt à signer.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/validation_panel.py" line="338"/>
        <source>1 error</source>
        <translation>1 erreur</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/editor/validation_panel.py" line="338"/>
        <source>%n errors</source>
        <translation>
            <numerusform>%n erreur</numerusform>
            <numerusform>%n erreurs</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/editor/validation_panel.py" line="340"/>
        <source>1 warning to acknowledge</source>
        <translation>1 avertissement à accepter</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/editor/validation_panel.py" line="341"/>
        <source>%n warnings to acknowledge</source>
        <translation>
            <numerusform>%n avertissement à accepter</numerusform>
            <numerusform>%n avertissements à accepter</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/editor/validation_panel.py" line="357"/>
        <source>signed</source>
        <translation>signé</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/editor/validation_panel.py" line="357"/>
        <source>signed, %n acknowledged</source>
        <translation>
            <numerusform>signé, %n accepté</numerusform>
            <numerusform>signé, %n acceptés</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/editor/validation_panel.py" line="359"/>
        <source>none, ready to sign</source>
        <translation>aucun, prêt à signer</translation>
    </message>
    <message>
        <location filename="../../gui/editor/validation_panel.py" line="360"/>
        <source>Problems: {summary}</source>
        <translation>Problèmes : {summary}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/validation_panel.py" line="363"/>
        <source>{summary} Click or press {key} to show the problems.</source>
        <translation>{summary} Cliquez ou appuyez sur {key} pour afficher les problèmes.</translation>
    </message>
</context>
<context>
    <name>ValuationSectionWidget</name>
    <message>
        <location filename="../../gui/editor/record.py" line="176"/>
        <source>Production</source>
        <translation>Production</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="177"/>
        <source>&amp;Operator</source>
        <translation>&amp;Exploitant</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="177"/>
        <source>the mining company</source>
        <translation>la société minière</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="178"/>
        <source>Mi&amp;ne or concession</source>
        <translation>&amp;Mine ou concession</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="179"/>
        <source>Pe&amp;riod</source>
        <translation>&amp;Période</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="179"/>
        <source>2026-10, or 2026-09/2026-10</source>
        <translation>2026-10, ou 2026-09/2026-10</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="181"/>
        <source>Sto&amp;ckpile or current</source>
        <translation>&amp;Stock ou production courante</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="182"/>
        <location filename="../../gui/editor/record.py" line="191"/>
        <source>not recorded</source>
        <translation>non renseigné</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="182"/>
        <source>from a stockpile</source>
        <translation>d&apos;un stock</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="183"/>
        <source>current production</source>
        <translation>production courante</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="184"/>
        <source>Re&amp;gister checked</source>
        <translation>&amp;Registre consulté</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="184"/>
        <source>e.g. production register 2026</source>
        <translation>p. ex. registre de production 2026</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="186"/>
        <source>Valuation</source>
        <translation>Évaluation</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="187"/>
        <source>&amp;Valuator</source>
        <translation>É&amp;valuateur</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="188"/>
        <source>Org&amp;anisation</source>
        <translation>&amp;Organisme</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="189"/>
        <source>e.g. Government Diamond Valuator</source>
        <translation>p. ex. évaluateur public des diamants</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="190"/>
        <source>&amp;Method</source>
        <translation>Mé&amp;thode</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="192"/>
        <source>Valuator&apos;s figure (US$)</source>
        <translation>Montant de l&apos;évaluateur (USD)</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="193"/>
        <source>e.g. 36,015.00</source>
        <translation>p. ex. 36,015.00</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="179"/>
        <source>Verify a report</source>
        <translation>Vérifier un rapport</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="211"/>
        <source>Drop a report PDF or bundle here, or open one</source>
        <translation>Déposez ici le PDF ou le paquet d&apos;un rapport, ou ouvrez-en un</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="214"/>
        <source>Report &amp;file:</source>
        <translation>&amp;Fichier du rapport :</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="216"/>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="217"/>
        <source>Open a signed report PDF, its bundle, or a text file holding its QR seal</source>
        <translation>Ouvrir le PDF d&apos;un rapport signé, son paquet, ou un fichier texte contenant son sceau QR</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="222"/>
        <source>Scan the QR seal on the printed page, or paste its text (KP1:…)</source>
        <translation>Scannez le sceau QR de la page imprimée, ou collez son texte (KP1:…)</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="225"/>
        <source>&amp;QR seal:</source>
        <translation>Sceau &amp;QR :</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="227"/>
        <source>&amp;Check</source>
        <translation>&amp;Contrôler</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="242"/>
        <location filename="../../gui/field/verify_dialog.py" line="248"/>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="243"/>
        <source>Check against another headquarters root certificate (kp-root.pem)</source>
        <translation>Contrôler avec un autre certificat racine du siège (kp-root.pem)</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="249"/>
        <source>Check against headquarters&apos; revocation list (kp-crl.pem)</source>
        <translation>Contrôler avec la liste de révocation du siège (kp-crl.pem)</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="251"/>
        <source>Use this home&apos;s</source>
        <translation>Utiliser ceux de ce dossier</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="252"/>
        <source>Check against the root and revocation list installed in this home</source>
        <translation>Contrôler avec le certificat racine et la liste de révocation installés dans ce dossier de travail</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="256"/>
        <source>Headquarters&apos; root:</source>
        <translation>Racine du siège :</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="259"/>
        <source>Revocation list:</source>
        <translation>Liste de révocation :</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="264"/>
        <source>Checked against</source>
        <translation>Contrôlé avec</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="308"/>
        <source>Certificate</source>
        <translation>Certificat</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="308"/>
        <source>Exporter</source>
        <translation>Exportateur</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="309"/>
        <source>Carats</source>
        <translation>Carats</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="309"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="310"/>
        <source>Parcels</source>
        <translation>Colis</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="310"/>
        <source>Seals</source>
        <translation>Scellés</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="311"/>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="311"/>
        <location filename="../../gui/field/verify_dialog.py" line="327"/>
        <source>Monitor</source>
        <translation>Contrôleur</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="312"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="312"/>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="322"/>
        <location filename="../../gui/field/verify_dialog.py" line="624"/>
        <source>What the report states</source>
        <translation>Ce que déclare le rapport</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="324"/>
        <source>The figures as the signed report states them</source>
        <translation>Les chiffres tels que les déclare le rapport signé</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="327"/>
        <source>Issued by</source>
        <translation>Délivré par</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="328"/>
        <source>Serial</source>
        <translation>Numéro de série</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="328"/>
        <source>Valid</source>
        <translation>Validité</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="333"/>
        <source>Signed by</source>
        <translation>Signé par</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="371"/>
        <source>{name}, from {file}</source>
        <translation>{name}, de {file}</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="375"/>
        <source>This home&apos;s: {name}</source>
        <translation>Celui de ce dossier : {name}</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="376"/>
        <source>None installed in this home: choose headquarters&apos; root certificate (kp-root.pem) to know whether headquarters vouches for the signer.</source>
        <translation>Aucun installé dans ce dossier de travail : choisissez le certificat racine du siège (kp-root.pem) pour savoir si le siège garantit le signataire.</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="381"/>
        <source>None: revocations will not be checked. Choose headquarters&apos; list (kp-crl.pem) to check them.</source>
        <translation>Aucune : les révocations ne seront pas contrôlées. Choisissez la liste du siège (kp-crl.pem) pour les contrôler.</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="386"/>
        <source>None installed in this home: revocations will not be checked.</source>
        <translation>Aucune installée dans ce dossier de travail : les révocations ne seront pas contrôlées.</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="388"/>
        <source>1 certificate revoked</source>
        <translation>1 certificat révoqué</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/field/verify_dialog.py" line="389"/>
        <source>%n certificates revoked</source>
        <translation>
            <numerusform>%n certificat révoqué</numerusform>
            <numerusform>%n certificats révoqués</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="390"/>
        <source>This home&apos;s, of {date}: {revoked}</source>
        <translation>Celle de ce dossier, du {date} : {revoked}</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="414"/>
        <source>Headquarters&apos; root certificate</source>
        <translation>Certificat racine du siège</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="415"/>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificats (*.pem *.crt *.cer);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="420"/>
        <source>Headquarters&apos; revocation list</source>
        <translation>Liste de révocation du siège</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="421"/>
        <source>Revocation lists (*.pem *.crl);;All files (*)</source>
        <translation>Listes de révocation (*.pem *.crl);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="433"/>
        <source>{file} cannot be used as headquarters&apos; root: {why}</source>
        <translation>{file} ne peut pas servir de certificat racine du siège : {why}</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="457"/>
        <source>Open a report</source>
        <translation>Ouvrir un rapport</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="458"/>
        <source>Reports, bundles and QR seal text (*.pdf *.kpbundle *.txt);;All files (*)</source>
        <translation>Rapports, paquets et texte de sceau QR (*.pdf *.kpbundle *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="480"/>
        <source>{name} is a bundle for headquarters&apos; import; this build cannot verify bundles. Verify the report&apos;s PDF instead.</source>
        <translation>{name} est un paquet destiné à l&apos;importation au siège ; cette version ne sait pas vérifier les paquets. Vérifiez plutôt le PDF du rapport.</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="483"/>
        <source>{name} is a folder; open a report PDF or a QR text file.</source>
        <translation>{name} est un dossier ; ouvrez le PDF d&apos;un rapport ou un fichier texte QR.</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="485"/>
        <source>There is no file {path}.</source>
        <translation>Il n&apos;y a pas de fichier {path}.</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="487"/>
        <source>{name} is neither a report PDF, nor a bundle, nor the text of a QR seal.</source>
        <translation>{name} n&apos;est ni le PDF d&apos;un rapport, ni un paquet, ni le texte d&apos;un sceau QR.</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="507"/>
        <source>That is far too long to be a QR seal&apos;s text.</source>
        <translation>C&apos;est bien trop long pour être le texte d&apos;un sceau QR.</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="516"/>
        <source>A check is still running; wait a moment.</source>
        <translation>Un contrôle est encore en cours ; patientez un instant.</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="522"/>
        <source>Checking…</source>
        <translation>Contrôle en cours…</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="565"/>
        <source>✓  Genuine</source>
        <translation>✓  Authentique</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="566"/>
        <source>⚠  Intact but not vouched for by headquarters</source>
        <translation>⚠  Intact mais non garanti par le siège</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="567"/>
        <source>✗  Not valid</source>
        <translation>✗  Non valide</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="591"/>
        <source>Revocation was not checked: choose headquarters&apos; revocation list to check it.</source>
        <translation>La révocation n&apos;a pas été contrôlée : choisissez la liste de révocation du siège pour la contrôler.</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="601"/>
        <source>{report}, version {version}</source>
        <translation>{report}, version {version}</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="604"/>
        <source>(supersedes {report})</source>
        <translation>(remplace {report})</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="607"/>
        <source>signed {when}</source>
        <translation>signé le {when}</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="611"/>
        <source>{carats} ct</source>
        <translation>{carats} ct</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="612"/>
        <source>US$ {value}</source>
        <translation>{value} USD</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="624"/>
        <source>What the file claims</source>
        <translation>Ce que le fichier affirme</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="628"/>
        <source>Not to be trusted: the file failed its checks.</source>
        <translation>Pas digne de confiance : le fichier a échoué aux contrôles.</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="637"/>
        <source>{start} to {end}</source>
        <translation>du {start} au {end}</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="640"/>
        <source>{issuer} (itself: self-signed)</source>
        <translation>{issuer} (lui-même : auto-signé)</translation>
    </message>
</context>
<context>
    <name>about</name>
    <message>
        <location filename="../../gui/common/dialogs.py" line="103"/>
        <source>kpmonitor {version}
Kimberley Process shipment inspections, with every change saved as it is made.

Data: {home}</source>
        <translation>kpmonitor {version}
Inspections des expéditions du Processus de Kimberley, chaque modification enregistrée aussitôt faite.

Données : {home}</translation>
    </message>
    <message>
        <location filename="../../gui/common/dialogs.py" line="109"/>
        <source>About kpmonitor</source>
        <translation>À propos de kpmonitor</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../gui/app.py" line="172"/>
        <location filename="../../gui/app.py" line="207"/>
        <location filename="../../gui/app.py" line="458"/>
        <source>kpmonitor</source>
        <translation>kpmonitor</translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="205"/>
        <source>Something went wrong inside kpmonitor. Everything typed so far is saved. The details are in the log (Help → View log).</source>
        <translation>Un incident s&apos;est produit dans kpmonitor. Tout ce qui a été saisi est enregistré. Les détails sont dans le journal (Aide → Afficher le journal).</translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="219"/>
        <source>Demo monitor</source>
        <translation>Contrôleur de démonstration</translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="242"/>
        <source>Making demo inspections…</source>
        <translation>Création des inspections de démonstration…</translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="242"/>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="243"/>
        <source>kpmonitor demo</source>
        <translation>Démonstration de kpmonitor</translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="259"/>
        <source>A demo home: its signing passphrase is “{passphrase}”.</source>
        <translation>Dossier de démonstration : sa phrase secrète de signature est « {passphrase} ».</translation>
    </message>
</context>
<context>
    <name>confirm</name>
    <message>
        <location filename="../../gui/common/dialogs.py" line="81"/>
        <location filename="../../gui/common/dialogs.py" line="182"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>hq</name>
    <message>
        <location filename="../../gui/hq/models.py" line="112"/>
        <source>Imported</source>
        <translation>Importé</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="112"/>
        <source>Already imported</source>
        <translation>Déjà importé</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="113"/>
        <source>Conflict, set aside</source>
        <translation>Conflit, mis de côté</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="113"/>
        <source>Refused</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="183"/>
        <source>verified</source>
        <translation>vérifié</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="185"/>
        <source>signed before enrolment</source>
        <translation>signé avant l&apos;enregistrement</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="187"/>
        <source>signer revoked</source>
        <translation>signataire révoqué</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="195"/>
        <source>No confirmation of receipt is awaited: the report is not certified, or a later version counts.</source>
        <translation>Aucune confirmation de réception n&apos;est attendue : le rapport n&apos;est pas certifié, ou une version ultérieure compte.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="198"/>
        <source>confirmed {day}</source>
        <translation>confirmé le {day}</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="199"/>
        <source>The importing authority confirmed receipt on {day}.</source>
        <translation>L&apos;autorité importatrice a confirmé la réception le {day}.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="201"/>
        <source>mismatch</source>
        <translation>discordance</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="202"/>
        <source>Confirmed on {day}, but not as certified: {what}.</source>
        <translation>Confirmé le {day}, mais pas tel que certifié : {what}.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/hq/models.py" line="205"/>
        <source>awaited %n day(s)</source>
        <translation>
            <numerusform>attendu depuis %n jour</numerusform>
            <numerusform>attendu depuis %n jours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/hq/models.py" line="207"/>
        <source>No confirmation of receipt yet, %n day(s) after signing: more than headquarters allows (setting hq_confirmation_days).</source>
        <translation>
            <numerusform>Pas encore de confirmation de réception, %n jour après la signature : plus que ce que le siège admet (réglage hq_confirmation_days).</numerusform>
            <numerusform>Pas encore de confirmation de réception, %n jours après la signature : plus que ce que le siège admet (réglage hq_confirmation_days).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/hq/models.py" line="209"/>
        <source>No confirmation of receipt yet, %n day(s) after signing.</source>
        <translation>
            <numerusform>Pas encore de confirmation de réception, %n jour après la signature.</numerusform>
            <numerusform>Pas encore de confirmation de réception, %n jours après la signature.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="321"/>
        <source>Report missing</source>
        <translation>Rapport manquant</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="321"/>
        <source>Report refused at import</source>
        <translation>Rapport refusé à l&apos;importation</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="322"/>
        <source>History rolled back</source>
        <translation>Historique revenu en arrière</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="323"/>
        <source>History forked</source>
        <translation>Historique divergent</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="323"/>
        <source>Seal reused</source>
        <translation>Scellé réutilisé</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="324"/>
        <source>KP certificate reused</source>
        <translation>Certificat PK réutilisé</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="325"/>
        <source>Supersedes another device&apos;s report</source>
        <translation>Remplace le rapport d&apos;un autre appareil</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="326"/>
        <source>Device history rewritten</source>
        <translation>Historique de l&apos;appareil réécrit</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="327"/>
        <source>Another device&apos;s report id</source>
        <translation>Identifiant de rapport d&apos;un autre appareil</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="328"/>
        <source>Value per carat</source>
        <translation>Valeur par carat</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="328"/>
        <source>Weight off declared</source>
        <translation>Poids différent du déclaré</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="329"/>
        <source>Photo out of time or place</source>
        <translation>Photo hors du temps ou du lieu</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="329"/>
        <source>Photo reused</source>
        <translation>Photo réutilisée</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="330"/>
        <source>Receipt differs from report</source>
        <translation>Réception différente du rapport</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="331"/>
        <source>Receipt without report</source>
        <translation>Réception sans rapport</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="332"/>
        <source>Receipt not confirmed</source>
        <translation>Réception non confirmée</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="333"/>
        <source>Signed long after sealing</source>
        <translation>Signé longtemps après le scellage</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="333"/>
        <source>Valuation differs</source>
        <translation>Évaluation divergente</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="334"/>
        <source>Operator not cleared</source>
        <translation>Exploitant non agréé</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="335"/>
        <source>Validated before sealing</source>
        <translation>Validé avant le scellage</translation>
    </message>
</context>
<context>
    <name>words</name>
    <message>
        <location filename="../../gui/common/words.py" line="20"/>
        <source>Applied</source>
        <translation>Posé</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="20"/>
        <source>Verified intact</source>
        <translation>Vérifié intact</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="20"/>
        <source>Broken</source>
        <translation>Rompu</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="21"/>
        <source>Number mismatch</source>
        <translation>Numéro discordant</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="21"/>
        <source>Missing</source>
        <translation>Manquant</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="27"/>
        <source>bag</source>
        <translation>sac</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="27"/>
        <source>tape</source>
        <translation>ruban</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="27"/>
        <source>bolt</source>
        <translation>boulon</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="27"/>
        <source>cable</source>
        <translation>câble</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="27"/>
        <source>wire</source>
        <translation>fil</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="28"/>
        <source>padlock</source>
        <translation>cadenas</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="28"/>
        <source>label</source>
        <translation>étiquette</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="28"/>
        <source>strap</source>
        <translation>sangle</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="28"/>
        <source>other</source>
        <translation>autre</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="33"/>
        <source>I — indicative</source>
        <translation>I — indicatif</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="33"/>
        <source>S — security</source>
        <translation>S — sécurité</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="33"/>
        <source>H — high security</source>
        <translation>H — haute sécurité</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="37"/>
        <source>info</source>
        <translation>info</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="37"/>
        <source>minor</source>
        <translation>mineur</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="37"/>
        <source>major</source>
        <translation>majeur</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="38"/>
        <source>critical</source>
        <translation>critique</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="43"/>
        <source>field</source>
        <translation>terrain</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="43"/>
        <source>headquarters</source>
        <translation>siège</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="48"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="49"/>
        <source>Certified for export</source>
        <translation>Certifié pour l&apos;exportation</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="49"/>
        <source>Not certified</source>
        <translation>Non certifié</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="50"/>
        <source>Held pending</source>
        <translation>Retenu en attente</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="56"/>
        <source>Signature intact</source>
        <translation>Signature intacte</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="57"/>
        <source>Signature covers the whole file</source>
        <translation>La signature couvre tout le fichier</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="58"/>
        <source>Certified, no changes permitted</source>
        <translation>Certifié, aucune modification permise</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="59"/>
        <source>Issued by headquarters</source>
        <translation>Délivré par le siège</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="60"/>
        <source>Certificate within its validity period</source>
        <translation>Certificat dans sa période de validité</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="61"/>
        <source>Not revoked</source>
        <translation>Non révoqué</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="62"/>
        <source>Report snapshot attached</source>
        <translation>Instantané du rapport joint</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="63"/>
        <source>QR seal signature</source>
        <translation>Signature du sceau QR</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="64"/>
        <source>QR seal and PDF signed by the same monitor</source>
        <translation>Sceau QR et PDF signés par le même contrôleur</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="65"/>
        <source>QR seal matches the report</source>
        <translation>Le sceau QR correspond au rapport</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="66"/>
        <source>Recognised as a report</source>
        <translation>Reconnu comme un rapport</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="68"/>
        <source>Readable bundle</source>
        <translation>Paquet lisible</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="69"/>
        <source>Manifest signature</source>
        <translation>Signature du manifeste</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="70"/>
        <source>Files match the manifest</source>
        <translation>Les fichiers correspondent au manifeste</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="71"/>
        <source>Snapshot follows the report format</source>
        <translation>L&apos;instantané suit le format du rapport</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="72"/>
        <source>Snapshot matches the manifest</source>
        <translation>L&apos;instantané correspond au manifeste</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="73"/>
        <source>Certificate names the signer</source>
        <translation>Le certificat nomme le signataire</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="74"/>
        <source>Photos match the snapshot</source>
        <translation>Les photos correspondent à l&apos;instantané</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="75"/>
        <source>PDF signature</source>
        <translation>Signature du PDF</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="76"/>
        <source>PDF carries the snapshot</source>
        <translation>Le PDF contient l&apos;instantané</translation>
    </message>
</context>
<context>
    <name>workers</name>
    <message>
        <location filename="../../gui/common/workers.py" line="98"/>
        <source>The details are in the log (Help → View log).</source>
        <translation>Les détails sont dans le journal (Aide → Afficher le journal).</translation>
    </message>
</context>
</TS>
