<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_PT">
<context>
    <name>AcknowledgeDialog</name>
    <message>
        <location filename="../../gui/common/dialogs.py" line="127"/>
        <source>Acknowledge warning</source>
        <translation>Aceitar o aviso</translation>
    </message>
    <message>
        <location filename="../../gui/common/dialogs.py" line="130"/>
        <source>Why is it acceptable? The note goes into the report.</source>
        <translation>Porque é aceitável? A nota fica no relatório.</translation>
    </message>
</context>
<context>
    <name>AnomaliesModel</name>
    <message>
        <location filename="../../gui/hq/models.py" line="346"/>
        <source>Severity</source>
        <translation>Gravidade</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="346"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="346"/>
        <source>Device / monitor</source>
        <translation>Dispositivo / inspetor</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="346"/>
        <source>Reports</source>
        <translation>Relatórios</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="347"/>
        <source>What headquarters should look at</source>
        <translation>O que a sede deve analisar</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="347"/>
        <source>Analyst&apos;s note</source>
        <translation>Nota do analista</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="353"/>
        <source>alert</source>
        <translation>alerta</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="353"/>
        <source>warning</source>
        <translation>aviso</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="355"/>
        <source>resolved</source>
        <translation>resolvida</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="371"/>
        <source>{text}
— {by}, {when} (reference {ref})</source>
        <translation>{text}
— {by}, {when} (referência {ref})</translation>
    </message>
</context>
<context>
    <name>BoundFields</name>
    <message>
        <location filename="../../gui/editor/bound.py" line="167"/>
        <source>Now</source>
        <translation>Agora</translation>
    </message>
    <message>
        <location filename="../../gui/editor/bound.py" line="168"/>
        <source>Set to the current time</source>
        <translation>Pôr a hora atual</translation>
    </message>
    <message>
        <location filename="../../gui/editor/bound.py" line="235"/>
        <source>“{field}” as typed (“{text}”), not saved</source>
        <translation>“{field}” tal como escrito (“{text}”), não guardado</translation>
    </message>
    <message>
        <location filename="../../gui/editor/bound.py" line="239"/>
        <source>“{field}” ({text})</source>
        <translation>“{field}” ({text})</translation>
    </message>
</context>
<context>
    <name>CertificateSectionWidget</name>
    <message>
        <location filename="../../gui/editor/certificate.py" line="112"/>
        <source>KP certificate</source>
        <translation>Certificado PK</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="114"/>
        <source>Certificate &amp;number</source>
        <translation>&amp;Número do certificado</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="115"/>
        <source>e.g. ZW 004217</source>
        <translation>p. ex. ZW 004217</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="116"/>
        <source>Issuing &amp;authority</source>
        <translation>&amp;Autoridade emissora</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="117"/>
        <source>Date of &amp;issue</source>
        <translation>Data de &amp;emissão</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="118"/>
        <source>Date of e&amp;xpiry</source>
        <translation>Data de va&amp;lidade</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="121"/>
        <location filename="../../gui/editor/certificate.py" line="122"/>
        <source>HS code(s)</source>
        <translation>Código(s) SH</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="123"/>
        <source>&amp;Carats</source>
        <translation>&amp;Quilates</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="124"/>
        <source>e.g. 1 234.56</source>
        <translation>p. ex. 1 234.56</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="125"/>
        <source>&amp;Value (US$)</source>
        <translation>&amp;Valor (USD)</translation>
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
        <translation>N.º de lo&amp;tes</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="133"/>
        <source>Exporter and importer</source>
        <translation>Exportador e importador</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="135"/>
        <source>E&amp;xporter</source>
        <translation>Ex&amp;portador</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="136"/>
        <source>Exporter&apos;s address</source>
        <translation>Morada do exportador</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="137"/>
        <source>I&amp;mporter</source>
        <translation>I&amp;mportador</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="138"/>
        <source>Importer&apos;s address</source>
        <translation>Morada do importador</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="140"/>
        <source>Countries</source>
        <translation>Países</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="142"/>
        <source>mixed origins</source>
        <translation>origem mista</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="144"/>
        <source>&amp;Origin</source>
        <translation>&amp;Origem</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="144"/>
        <source>country of origin</source>
        <translation>país de origem</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="145"/>
        <source>P&amp;rovenance</source>
        <translation>P&amp;roveniência</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="146"/>
        <source>country of provenance</source>
        <translation>país de proveniência</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="147"/>
        <source>&amp;Destination</source>
        <translation>&amp;Destino</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="147"/>
        <source>destination</source>
        <translation>destino</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="149"/>
        <source>Inspection</source>
        <translation>Inspeção</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="151"/>
        <source>&amp;Site</source>
        <translation>Lo&amp;cal</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="151"/>
        <source>e.g. Mbada sort house, Marange</source>
        <translation>p. ex. sala de triagem Mbada, Marange</translation>
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
        <translation>&amp;GPS do local</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="156"/>
        <source>Inspected &amp;at</source>
        <translation>&amp;Inspecionada em</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="156"/>
        <source>inspection time</source>
        <translation>hora da inspeção</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="225"/>
        <source>date of issue</source>
        <translation>data de emissão</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="225"/>
        <source>date of expiry</source>
        <translation>data de validade</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="36"/>
        <source>“{text}” is not a whole number of parcels.</source>
        <translation>“{text}” não é um número inteiro de lotes.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="49"/>
        <source>Write the position as latitude, longitude in degrees, like -19.95, 32.33.</source>
        <translation>Escreva a posição como latitude, longitude em graus, por exemplo -19.95, 32.33.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/certificate.py" line="52"/>
        <source>A latitude lies between -90 and 90 and a longitude between -180 and 180.</source>
        <translation>Uma latitude está entre -90 e 90 e uma longitude entre -180 e 180.</translation>
    </message>
</context>
<context>
    <name>CertificatesDialog</name>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="73"/>
        <source>Signing certificate</source>
        <translation>Certificado de assinatura</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="74"/>
        <source>Headquarters&apos; certificates</source>
        <translation>Certificados da sede</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="81"/>
        <source>Holder</source>
        <translation>Titular</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="81"/>
        <source>Device</source>
        <translation>Dispositivo</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="82"/>
        <source>Issued by</source>
        <translation>Emitido por</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="82"/>
        <location filename="../../gui/field/certificates_dialog.py" line="87"/>
        <source>Serial</source>
        <translation>N.º de série</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="83"/>
        <location filename="../../gui/field/certificates_dialog.py" line="88"/>
        <source>Valid</source>
        <translation>Validade</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="83"/>
        <location filename="../../gui/field/certificates_dialog.py" line="88"/>
        <source>Fingerprint</source>
        <translation>Impressão digital</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="84"/>
        <source>This device&apos;s signing certificate</source>
        <translation>O certificado de assinatura deste dispositivo</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="87"/>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="92"/>
        <source>Headquarters&apos; root certificate</source>
        <translation>Certificado raiz da sede</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="97"/>
        <source>Revocation list</source>
        <translation>Lista de revogação</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="100"/>
        <source>Make a &amp;signing key…</source>
        <translation>Criar uma chave de &amp;assinatura…</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="101"/>
        <source>This home has no signing key: make one, protected by a passphrase</source>
        <translation>Esta pasta de trabalho não tem chave de assinatura: crie uma, protegida por uma frase-passe</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="104"/>
        <source>Write certificate &amp;request…</source>
        <translation>Escrever &amp;pedido de certificado…</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="105"/>
        <source>Write the file to send to headquarters, which issues the certificate</source>
        <translation>Escrever o ficheiro a enviar à sede, que emite o certificado</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="108"/>
        <source>&amp;Install certificate from headquarters…</source>
        <translation>&amp;Instalar certificado da sede…</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="110"/>
        <source>Install revocation &amp;list…</source>
        <translation>Instalar &amp;lista de revogação…</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="184"/>
        <source>This home has no signing key yet, so it cannot sign reports. Make one: it is protected by a passphrase that only you know.</source>
        <translation>Esta pasta de trabalho ainda não tem chave de assinatura, por isso não pode assinar relatórios. Crie uma: fica protegida por uma frase-passe que só o utilizador conhece.</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="196"/>
        <source>Itself (self-signed)</source>
        <translation>O próprio (autoassinado)</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="201"/>
        <source>The signing certificate has expired: reports signed now are not valid. Write a certificate request and ask headquarters for a new one.</source>
        <translation>O certificado de assinatura expirou: os relatórios assinados agora não são válidos. Escreva um pedido de certificado e peça um novo à sede.</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="205"/>
        <source>Self-signed: reports signed with it are intact, but verifiers will say headquarters does not vouch for them. Write a certificate request, send it to headquarters, and install the certificate it sends back.</source>
        <translation>Autoassinado: os relatórios assinados com ele estão intactos, mas quem os verificar dirá que a sede não os garante. Escreva um pedido de certificado, envie-o à sede e instale o certificado que ela devolver.</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="209"/>
        <source>Issued by {issuer}: anyone holding headquarters&apos; root certificate sees the reports signed here as genuine.</source>
        <translation>Emitido por {issuer}: quem tiver o certificado raiz da sede vê os relatórios aqui assinados como autênticos.</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="213"/>
        <source>{start} to {end}</source>
        <translation>de {start} a {end}</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="227"/>
        <source>Not installed yet: it comes in the file with the certificate headquarters issues.</source>
        <translation>Ainda não instalado: vem no ficheiro com o certificado emitido pela sede.</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="234"/>
        <source>Reports are checked against it, here and by verifiers.</source>
        <translation>Os relatórios são verificados com ele, aqui e por quem os verifica.</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="236"/>
        <source>This headquarters&apos; certificate authority: it issues monitors&apos; certificates. Give it (kp-root.pem) to every verifier; issue and revoke with the command line (kpmonitor hq issue, hq revoke, hq publish).</source>
        <translation>A autoridade de certificação desta sede: emite os certificados dos inspetores. Entregue-o (kp-root.pem) a quem verifica; emita e revogue na linha de comandos (kpmonitor hq issue, hq revoke, hq publish).</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="241"/>
        <source>1 monitor certificate issued here.</source>
        <translation>1 certificado de inspetor emitido aqui.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/field/certificates_dialog.py" line="242"/>
        <source>%n monitor certificates issued here.</source>
        <translation>
            <numerusform>%n certificado de inspetor emitido aqui.</numerusform>
            <numerusform>%n certificados de inspetor emitidos aqui.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="255"/>
        <source>None installed: revocations are not checked. Headquarters sends its list (kp-crl.pem) with its root certificate.</source>
        <translation>Nenhuma instalada: as revogações não são verificadas. A sede envia a sua lista (kp-crl.pem) com o certificado raiz.</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="261"/>
        <source>1 certificate revoked</source>
        <translation>1 certificado revogado</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/field/certificates_dialog.py" line="262"/>
        <source>%n certificates revoked</source>
        <translation>
            <numerusform>%n certificado revogado</numerusform>
            <numerusform>%n certificados revogados</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="263"/>
        <source>Of {date}: {revoked}.</source>
        <translation>De {date}: {revoked}.</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="266"/>
        <source>A newer list was due on {date}: ask headquarters for it.</source>
        <translation>Era esperada uma lista mais recente em {date}: peça-a à sede.</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="269"/>
        <source>The next is due by {date}.</source>
        <translation>A próxima é esperada até {date}.</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="294"/>
        <source>The passphrase of the signing key: the request is signed with the key, to show headquarters that this device holds it.</source>
        <translation>A frase-passe da chave de assinatura: o pedido é assinado com a chave, para mostrar à sede que este dispositivo a tem.</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="299"/>
        <source>Save the certificate request</source>
        <translation>Guardar o pedido de certificado</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="300"/>
        <source>Certificate requests (*.pem *.csr);;All files (*)</source>
        <translation>Pedidos de certificado (*.pem *.csr);;Todos os ficheiros (*)</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="306"/>
        <source>Opening the key and writing the request…</source>
        <translation>A abrir a chave e a escrever o pedido…</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="311"/>
        <source>Wrote the certificate request to {path}. Send it to headquarters; install the file it sends back here.</source>
        <translation>Pedido de certificado escrito em {path}. Envie-o à sede; instale aqui o ficheiro que ela devolver.</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="317"/>
        <source>Choose the passphrase that protects the signing key. It is asked each time you sign; nobody can recover it if it is forgotten.</source>
        <translation>Escolha a frase-passe que protege a chave de assinatura. É pedida sempre que assinar; ninguém a pode recuperar se for esquecida.</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="324"/>
        <source>Making the signing key…</source>
        <translation>A criar a chave de assinatura…</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="330"/>
        <source>Made the signing key, with a self-signed certificate. Reports can be signed now.</source>
        <translation>Chave de assinatura criada, com um certificado autoassinado. Já é possível assinar relatórios.</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="340"/>
        <source>{name} is far too large to be a certificate file.</source>
        <translation>{name} é demasiado grande para ser um ficheiro de certificado.</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="344"/>
        <source>{name} cannot be read ({why}).</source>
        <translation>Não é possível ler {name} ({why}).</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="350"/>
        <source>Install the certificate from headquarters</source>
        <translation>Instalar o certificado da sede</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="351"/>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificados (*.pem *.crt *.cer);;Todos os ficheiros (*)</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="364"/>
        <source>Installed the certificate {serial} issued by {issuer}, valid until {end}. Reports are signed with it from now on.</source>
        <translation>Instalado o certificado {serial} emitido por {issuer}, válido até {end}. A partir de agora os relatórios são assinados com ele.</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="371"/>
        <source>Install headquarters&apos; revocation list</source>
        <translation>Instalar a lista de revogação da sede</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="372"/>
        <source>Revocation lists (*.pem *.crl);;All files (*)</source>
        <translation>Listas de revogação (*.pem *.crl);;Todos os ficheiros (*)</translation>
    </message>
    <message>
        <location filename="../../gui/field/certificates_dialog.py" line="383"/>
        <source>Installed headquarters&apos; revocation list of {date}.</source>
        <translation>Instalada a lista de revogação da sede de {date}.</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="102"/>
        <source>Export chart as PNG…</source>
        <translation>Exportar gráfico em PNG…</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="103"/>
        <source>Export figures as CSV…</source>
        <translation>Exportar valores em CSV…</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="104"/>
        <source>Export the chart “{title}” as PNG</source>
        <translation>Exportar o gráfico “{title}” em PNG</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="105"/>
        <source>Export the figures of “{title}” as CSV</source>
        <translation>Exportar os valores de “{title}” em CSV</translation>
    </message>
</context>
<context>
    <name>ChecksModel</name>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="139"/>
        <source>Check</source>
        <translation>Verificação</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="139"/>
        <source>What was found</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="156"/>
        <source>passed</source>
        <translation>aprovado</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="156"/>
        <source>failed</source>
        <translation>falhou</translation>
    </message>
</context>
<context>
    <name>CodeField</name>
    <message>
        <location filename="../../gui/common/fields.py" line="311"/>
        <source>type a code or a name</source>
        <translation>escreva um código ou um nome</translation>
    </message>
</context>
<context>
    <name>DashboardTab</name>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="169"/>
        <source>Carats and value by month and origin</source>
        <translation>Quilates e valor por mês e origem</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="170"/>
        <source>Value per carat against the bands</source>
        <translation>Valor por quilate face aos intervalos</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="171"/>
        <source>Anomalies by kind over time</source>
        <translation>Anomalias por tipo ao longo do tempo</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="172"/>
        <source>Reports per monitor</source>
        <translation>Relatórios por inspetor</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="181"/>
        <location filename="../../gui/hq/dashboard.py" line="350"/>
        <source>Carats (ct)</source>
        <translation>Quilates (ct)</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="182"/>
        <location filename="../../gui/hq/dashboard.py" line="350"/>
        <source>Value (US$)</source>
        <translation>Valor (USD)</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="183"/>
        <source>Show carats or value</source>
        <translation>Mostrar quilates ou valor</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="185"/>
        <source>S&amp;how</source>
        <translation>&amp;Mostrar</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="198"/>
        <source>Period</source>
        <translation>Período</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="201"/>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="201"/>
        <source>To</source>
        <translation>Até</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="211"/>
        <source>Origin</source>
        <translation>Origem</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="213"/>
        <source>Monitor</source>
        <translation>Inspetor</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="219"/>
        <source>&amp;Period</source>
        <translation>&amp;Período</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="219"/>
        <source>F&amp;rom</source>
        <translation>&amp;De</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="220"/>
        <source>&amp;To</source>
        <translation>A&amp;té</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="220"/>
        <source>Ori&amp;gin</source>
        <translation>&amp;Origem</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="221"/>
        <source>Mo&amp;nitor</source>
        <translation>&amp;Inspetor</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="228"/>
        <source>&amp;Quarterly report…</source>
        <translation>&amp;Relatório trimestral…</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="229"/>
        <source>The quarterly monitoring report for the Working Group (PDF), for the quarter chosen, or the latest one</source>
        <translation>O relatório trimestral de monitorização para o Grupo de Trabalho (PDF), para o trimestre escolhido ou o mais recente</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="244"/>
        <source>Every date</source>
        <translation>Todas as datas</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="247"/>
        <source>From – to…</source>
        <translation>De… a…</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="249"/>
        <source>Every origin</source>
        <translation>Todas as origens</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="253"/>
        <source>Every monitor</source>
        <translation>Todos os inspetores</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="296"/>
        <source>Reading the figures…</source>
        <translation>A ler os valores…</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="322"/>
        <source>{what}: {shipments} shipments, {carats} ct, US$ {value}. Each shipment counts once, at its latest version, in the month of its inspection.</source>
        <translation>{what}: {shipments} remessas, {carats} ct, {value} USD. Cada remessa conta uma vez, na versão mais recente, no mês da inspeção.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="348"/>
        <source>origin {origin}</source>
        <translation>origem {origin}</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="351"/>
        <source>Month of inspection</source>
        <translation>Mês da inspeção</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="355"/>
        <source>{total} over {months} month(s) and {origins} origin(s).</source>
        <translation>{total} em {months} mês(es) e {origins} origem(ns).</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="356"/>
        <source>No shipment.</source>
        <translation>Nenhuma remessa.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="364"/>
        <source>below its band</source>
        <translation>abaixo do intervalo</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="364"/>
        <source>within</source>
        <translation>dentro</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="365"/>
        <source>above its band</source>
        <translation>acima do intervalo</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="382"/>
        <source>band {origin} {hs}: {low}–{high}</source>
        <translation>intervalo {origin} {hs}: {low}–{high}</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="388"/>
        <source>Value per carat (US$/ct, log scale)</source>
        <translation>Valor por quilate (USD/ct, escala log.)</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="389"/>
        <source>Date of inspection</source>
        <translation>Data da inspeção</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="392"/>
        <source>Below its band: {below}; within: {within}; above: {above}; no band: {none}.</source>
        <translation>Abaixo do intervalo: {below}; dentro: {within}; acima: {above}; sem intervalo: {none}.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="394"/>
        <source>Bands: {bands}.</source>
        <translation>Intervalos: {bands}.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="415"/>
        <source>other kinds</source>
        <translation>outros tipos</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="418"/>
        <source>Anomalies (count)</source>
        <translation>Anomalias (número)</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="419"/>
        <source>Month of the latest report named</source>
        <translation>Mês do relatório mais recente indicado</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="424"/>
        <source>{total} anomalies, {open} open, of {kinds} kind(s).</source>
        <translation>{total} anomalias, {open} em aberto, de {kinds} tipo(s).</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="437"/>
        <source>reports (amendments included)</source>
        <translation>relatórios (incluindo retificações)</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="441"/>
        <source>shipments</source>
        <translation>remessas</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="443"/>
        <source>Reports received (count)</source>
        <translation>Relatórios recebidos (número)</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="446"/>
        <source>{name}: {reports} report(s), {shipments} shipment(s)</source>
        <translation>{name}: {reports} relatório(s), {shipments} remessa(s)</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="447"/>
        <source>No report.</source>
        <translation>Nenhum relatório.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="455"/>
        <source>Export chart as PNG</source>
        <translation>Exportar gráfico em PNG</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="456"/>
        <source>PNG images (*.png);;All files (*)</source>
        <translation>Imagens PNG (*.png);;Todos os ficheiros (*)</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="464"/>
        <source>The chart could not be written to {file} ({why}).</source>
        <translation>Não foi possível escrever o gráfico em {file} ({why}).</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="467"/>
        <source>Chart written to {file}.</source>
        <translation>Gráfico escrito em {file}.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="471"/>
        <source>Export figures as CSV</source>
        <translation>Exportar valores em CSV</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="472"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Ficheiros CSV (*.csv);;Todos os ficheiros (*)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/hq/dashboard.py" line="486"/>
        <source>%n row(s) written to {file}.</source>
        <translation>
            <numerusform>%n linha escrita em {file}.</numerusform>
            <numerusform>%n linhas escritas em {file}.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="498"/>
        <source>Save the quarterly report for {quarter}</source>
        <translation>Guardar o relatório trimestral de {quarter}</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="499"/>
        <source>PDF files (*.pdf);;All files (*)</source>
        <translation>Ficheiros PDF (*.pdf);;Todos os ficheiros (*)</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="512"/>
        <source>Writing the quarterly report for {quarter}…</source>
        <translation>A escrever o relatório trimestral de {quarter}…</translation>
    </message>
    <message>
        <location filename="../../gui/hq/dashboard.py" line="522"/>
        <source>Quarterly report written to {file}.</source>
        <translation>Relatório trimestral escrito em {file}.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../gui/common/fields.py" line="205"/>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <location filename="../../gui/common/fields.py" line="209"/>
        <source>Pick the date from a calendar</source>
        <translation>Escolher a data num calendário</translation>
    </message>
</context>
<context>
    <name>DropZoneWidget</name>
    <message>
        <location filename="../../gui/hq/window.py" line="144"/>
        <source>Drop report bundles (.kpbundle) or a folder here — a USB stick&apos;s folder is searched for bundles</source>
        <translation>Largue aqui pacotes de relatório (.kpbundle) ou uma pasta — os pacotes são procurados na pasta de uma pen USB</translation>
    </message>
</context>
<context>
    <name>EventsModel</name>
    <message>
        <location filename="../../gui/editor/seals.py" line="165"/>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="166"/>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="167"/>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="168"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../gui/field/export_dialog.py" line="53"/>
        <source>Export report {report}</source>
        <translation>Exportar o relatório {report}</translation>
    </message>
    <message>
        <location filename="../../gui/field/export_dialog.py" line="54"/>
        <source>Writing report {report} to {folder}</source>
        <translation>A escrever o relatório {report} em {folder}</translation>
    </message>
    <message>
        <location filename="../../gui/field/export_dialog.py" line="67"/>
        <source>Open &amp;folder</source>
        <translation>Abrir &amp;pasta</translation>
    </message>
    <message>
        <location filename="../../gui/field/export_dialog.py" line="102"/>
        <source>Writing the signed PDF to {folder}…</source>
        <translation>A escrever o PDF assinado em {folder}…</translation>
    </message>
    <message>
        <location filename="../../gui/field/export_dialog.py" line="104"/>
        <source>Writing the bundle for headquarters (the report with its photos) to {folder}…</source>
        <translation>A escrever o pacote para a sede (o relatório com as fotos) em {folder}…</translation>
    </message>
    <message>
        <location filename="../../gui/field/export_dialog.py" line="122"/>
        <source>Report {report} was written to {folder}:</source>
        <translation>O relatório {report} foi escrito em {folder}:</translation>
    </message>
    <message>
        <location filename="../../gui/field/export_dialog.py" line="128"/>
        <source>Give the PDF to the exporter; send the bundle to headquarters.</source>
        <translation>Entregue o PDF ao exportador; envie o pacote à sede.</translation>
    </message>
    <message>
        <location filename="../../gui/field/export_dialog.py" line="129"/>
        <source>Give the PDF to the exporter and to headquarters.</source>
        <translation>Entregue o PDF ao exportador e à sede.</translation>
    </message>
    <message>
        <location filename="../../gui/field/export_dialog.py" line="138"/>
        <source>Report {report} was not exported.</source>
        <translation>O relatório {report} não foi exportado.</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <location filename="../../gui/editor/findings.py" line="56"/>
        <source>Severity</source>
        <translation>Gravidade</translation>
    </message>
    <message>
        <location filename="../../gui/editor/findings.py" line="57"/>
        <source>Section</source>
        <translation>Secção</translation>
    </message>
    <message>
        <location filename="../../gui/editor/findings.py" line="58"/>
        <source>Finding</source>
        <translation>Constatação</translation>
    </message>
    <message>
        <location filename="../../gui/editor/findings.py" line="88"/>
        <source>the finding ‘{text}’</source>
        <translation>constatação ‘{text}’</translation>
    </message>
    <message>
        <location filename="../../gui/editor/findings.py" line="89"/>
        <source>finding {number}</source>
        <translation>constatação {number}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/findings.py" line="95"/>
        <source>the {column} of {finding}</source>
        <translation>{column} da {finding}</translation>
    </message>
</context>
<context>
    <name>FindingsSectionWidget</name>
    <message>
        <location filename="../../gui/editor/findings.py" line="114"/>
        <source>Verdict</source>
        <translation>Decisão</translation>
    </message>
    <message>
        <location filename="../../gui/editor/findings.py" line="118"/>
        <source>&amp;Certified for export</source>
        <translation>&amp;Certificado para exportação</translation>
    </message>
    <message>
        <location filename="../../gui/editor/findings.py" line="118"/>
        <source>&amp;Not certified</source>
        <translation>&amp;Não certificado</translation>
    </message>
    <message>
        <location filename="../../gui/editor/findings.py" line="119"/>
        <source>&amp;Held pending</source>
        <translation>Retido &amp;pendente</translation>
    </message>
    <message>
        <location filename="../../gui/editor/findings.py" line="128"/>
        <source>Findings</source>
        <translation>Constatações</translation>
    </message>
    <message>
        <location filename="../../gui/editor/findings.py" line="145"/>
        <source>&amp;Add finding</source>
        <translation>&amp;Adicionar constatação</translation>
    </message>
    <message>
        <location filename="../../gui/editor/findings.py" line="147"/>
        <source>&amp;Remove</source>
        <translation>&amp;Remover</translation>
    </message>
    <message>
        <location filename="../../gui/editor/findings.py" line="149"/>
        <source>Move &amp;up</source>
        <translation>&amp;Subir</translation>
    </message>
    <message>
        <location filename="../../gui/editor/findings.py" line="151"/>
        <source>Move do&amp;wn</source>
        <translation>&amp;Descer</translation>
    </message>
    <message>
        <location filename="../../gui/editor/findings.py" line="155"/>
        <source>&amp;Text of the selected finding</source>
        <translation>&amp;Texto da constatação selecionada</translation>
    </message>
    <message>
        <location filename="../../gui/editor/findings.py" line="210"/>
        <source>the verdict</source>
        <translation>a decisão</translation>
    </message>
    <message>
        <location filename="../../gui/editor/findings.py" line="259"/>
        <source>the text of {finding}</source>
        <translation>o texto da {finding}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/findings.py" line="298"/>
        <source>add a finding</source>
        <translation>adicionar uma constatação</translation>
    </message>
    <message>
        <location filename="../../gui/editor/findings.py" line="305"/>
        <source>Remove finding</source>
        <translation>Remover constatação</translation>
    </message>
    <message>
        <location filename="../../gui/editor/findings.py" line="305"/>
        <source>Remove this finding?

{text}</source>
        <translation>Remover esta constatação?

{text}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/findings.py" line="317"/>
        <source>remove {row}</source>
        <translation>remover {row}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/findings.py" line="330"/>
        <source>move {row} up</source>
        <translation>subir {row}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/findings.py" line="330"/>
        <source>move {row} down</source>
        <translation>descer {row}</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../gui/common/first_run.py" line="87"/>
        <source>Welcome to kpmonitor</source>
        <translation>Bem-vindo ao kpmonitor</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="88"/>
        <source>kpmonitor keeps its inspections, photos and keys in one folder on this computer. Say who will use it to create that folder.</source>
        <translation>O kpmonitor guarda as inspeções, fotos e chaves numa pasta deste computador. Indique quem o vai usar para criar essa pasta.</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="92"/>
        <source>A KP &amp;monitor in the field</source>
        <translation>Um &amp;inspetor PK no terreno</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="93"/>
        <source>&amp;Headquarters (receives monitors&apos; reports)</source>
        <translation>A &amp;sede (recebe os relatórios dos inspetores)</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="99"/>
        <source>e.g. Jane Moyo</source>
        <translation>p. ex. Jane Moyo</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="102"/>
        <source>at least 8 characters</source>
        <translation>pelo menos 8 carateres</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="105"/>
        <source>The passphrase protects the key that signs reports (or, at headquarters, issues monitors&apos; certificates). It is asked each time; nobody can recover it if it is forgotten.</source>
        <translation>A frase-passe protege a chave que assina os relatórios (ou, na sede, emite os certificados dos inspetores). É pedida sempre; ninguém a pode recuperar se for esquecida.</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="111"/>
        <source>empty: on this computer; else postgresql://USER@HOST/DATABASE</source>
        <translation>vazio: neste computador; senão postgresql://UTILIZADOR@ANFITRIÃO/BASE</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="112"/>
        <source>A database that already holds headquarters is joined: this home then holds no key, and needs no passphrase.</source>
        <translation>Uma base de dados que já contém a sede é partilhada: esta pasta de trabalho não tem então nenhuma chave e não pede frase-passe.</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="120"/>
        <source>Role</source>
        <translation>Função</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="122"/>
        <source>&amp;Name</source>
        <translation>&amp;Nome</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="123"/>
        <source>&amp;Database</source>
        <translation>&amp;Base de dados</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="124"/>
        <source>&amp;Passphrase</source>
        <translation>&amp;Frase-passe</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="125"/>
        <source>&amp;Repeat it</source>
        <translation>&amp;Repita-a</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="128"/>
        <source>Create</source>
        <translation>Criar</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="165"/>
        <source>Give the monitor&apos;s name (field) or the office&apos;s name (hq).</source>
        <translation>Indique o nome do inspetor (terreno) ou do serviço (sede).</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="168"/>
        <source>The two passphrases differ; type the same one twice.</source>
        <translation>As duas frases-passe são diferentes; escreva a mesma duas vezes.</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="171"/>
        <source>Making the key…</source>
        <translation>A criar a chave…</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="195"/>
        <source>Headquarters&apos; home for {name} is ready.</source>
        <translation>A pasta de trabalho da sede para {name} está pronta.</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="196"/>
        <source>Your home is ready, {name}.</source>
        <translation>A sua pasta de trabalho está pronta, {name}.</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="198"/>
        <source>{name} joined headquarters on its database. This home trusts the root certificate found there, SHA-256 {fingerprint}: compare it with the issuing home&apos;s (kpmonitor keys show, there) before relying on it. It holds no key: it imports, lists and annotates; issuing and revoking stay with the issuing home.</source>
        <translation>{name} juntou-se à sede na sua base de dados. Esta pasta de trabalho confia no certificado raiz aí encontrado, SHA-256 {fingerprint}: compare-o com o da pasta de trabalho emissora (kpmonitor keys show, lá) antes de confiar nele. Não tem nenhuma chave: importa, lista e anota; emitir e revogar ficam com a pasta de trabalho emissora.</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="202"/>
        <source>What to do next:</source>
        <translation>O que fazer a seguir:</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="205"/>
        <source>Start</source>
        <translation>Começar</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="59"/>
        <source>Issue each monitor&apos;s certificate from the request they send you (Monitors → Issue certificate from request…), and send it back to them.</source>
        <translation>Emita o certificado de cada inspetor a partir do pedido que lhe envia (Inspetores → Emitir certificado a partir de pedido…) e devolva-lho.</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="61"/>
        <source>Publish the trust list and revocation list (Monitors → Publish…) for the monitors&apos; laptops and for verifiers.</source>
        <translation>Publique a lista de confiança e a lista de revogação (Inspetores → Publicar…) para os portáteis dos inspetores e para quem verifica.</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="63"/>
        <source>Import the report bundles monitors bring you: drop a USB stick&apos;s folder on the Inbox.</source>
        <translation>Importe os pacotes de relatório que os inspetores lhe trazem: largue a pasta de uma pen USB na Caixa de entrada.</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="67"/>
        <source>Enrol with headquarters, so that your reports verify as genuine: Tools → Signing certificate… → Write certificate request…, send the file to headquarters, then install the certificate it sends back (Install certificate from headquarters…).</source>
        <translation>Registe-se na sede, para que os seus relatórios sejam verificados como autênticos: Ferramentas → Certificado de assinatura… → Escrever pedido de certificado…, envie o ficheiro à sede e depois instale o certificado que ela devolve (Instalar certificado da sede…).</translation>
    </message>
    <message>
        <location filename="../../gui/common/first_run.py" line="71"/>
        <source>Start an inspection: New inspection ({keys}), then type the KP certificate&apos;s number. Every change is saved as you make it.</source>
        <translation>Inicie uma inspeção: Nova inspeção ({keys}) e escreva o número do certificado PK. Cada alteração é guardada no momento em que é feita.</translation>
    </message>
</context>
<context>
    <name>GroupStatsModel</name>
    <message>
        <location filename="../../gui/hq/models.py" line="459"/>
        <source>Mine</source>
        <translation>Mina</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="459"/>
        <source>Operator</source>
        <translation>Operador</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="459"/>
        <source>Shipments</source>
        <translation>Remessas</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="460"/>
        <source>Certified</source>
        <translation>Certificadas</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="460"/>
        <source>Carats</source>
        <translation>Quilates</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="460"/>
        <source>Value (US$)</source>
        <translation>Valor (USD)</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="460"/>
        <source>US$ per carat</source>
        <translation>USD por quilate</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="464"/>
        <source>(not recorded)</source>
        <translation>(não registado)</translation>
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
        <translation>vazio</translation>
    </message>
    <message>
        <location filename="../../gui/editor/history.py" line="137"/>
        <source>There is nothing to add again.</source>
        <translation>Não há nada para voltar a adicionar.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/history.py" line="230"/>
        <source>That seal event is no longer in this inspection.</source>
        <translation>Esse evento de selo já não está nesta inspeção.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/history.py" line="234"/>
        <location filename="../../gui/editor/history.py" line="317"/>
        <source>That row is no longer in this inspection.</source>
        <translation>Essa linha já não está nesta inspeção.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/history.py" line="283"/>
        <source>The parcel seal {number} was on is no longer in this inspection.</source>
        <translation>O lote em que estava o selo {number} já não está nesta inspeção.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/history.py" line="294"/>
        <source>Photo {name} was added to this inspection again since; it is there once.</source>
        <translation>A foto {name} foi entretanto adicionada de novo a esta inspeção; está lá uma só vez.</translation>
    </message>
</context>
<context>
    <name>HqWindow</name>
    <message>
        <location filename="../../gui/hq/window.py" line="216"/>
        <source>kpmonitor — headquarters: {name}</source>
        <translation>kpmonitor — sede: {name}</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="220"/>
        <source>Inbox</source>
        <translation>Caixa de entrada</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="221"/>
        <source>Reports</source>
        <translation>Relatórios</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="222"/>
        <location filename="../../gui/hq/window.py" line="1037"/>
        <source>Anomalies</source>
        <translation>Anomalias</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="223"/>
        <source>Monitors</source>
        <translation>Inspetores</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="224"/>
        <source>Statistics</source>
        <translation>Estatísticas</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="229"/>
        <source>Dashboard</source>
        <translation>Painel</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="233"/>
        <source>Headquarters home: {name}</source>
        <translation>Pasta de trabalho da sede: {name}</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="256"/>
        <source>&amp;File</source>
        <translation>&amp;Ficheiro</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="258"/>
        <source>&amp;Import bundles…</source>
        <translation>&amp;Importar pacotes…</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="259"/>
        <source>Import report bundles received from monitors</source>
        <translation>Importar os pacotes de relatório recebidos dos inspetores</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="261"/>
        <source>Import a &amp;folder…</source>
        <translation>Importar &amp;pasta…</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="262"/>
        <source>Import every bundle in a folder, such as a USB stick</source>
        <translation>Importar todos os pacotes de uma pasta, como uma pen USB</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="264"/>
        <source>&amp;Export statistics…</source>
        <translation>&amp;Exportar estatísticas…</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="267"/>
        <source>&amp;Quit</source>
        <translation>&amp;Sair</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="268"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="269"/>
        <source>&amp;Inbox</source>
        <translation>&amp;Caixa de entrada</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="269"/>
        <source>&amp;Reports</source>
        <translation>&amp;Relatórios</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="269"/>
        <source>&amp;Anomalies</source>
        <translation>&amp;Anomalias</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="269"/>
        <source>&amp;Monitors</source>
        <translation>&amp;Inspetores</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="270"/>
        <source>&amp;Statistics</source>
        <translation>&amp;Estatísticas</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="270"/>
        <source>&amp;Dashboard</source>
        <translation>&amp;Painel</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="274"/>
        <source>Re&amp;fresh</source>
        <translation>A&amp;tualizar</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="275"/>
        <source>Read the reports, anomalies and monitors again</source>
        <translation>Voltar a ler os relatórios, as anomalias e os inspetores</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="276"/>
        <source>&amp;Tools</source>
        <translation>Ferra&amp;mentas</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="278"/>
        <source>&amp;Help</source>
        <translation>A&amp;juda</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="279"/>
        <source>View &amp;log</source>
        <translation>Ver re&amp;gisto</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="280"/>
        <source>&amp;About kpmonitor</source>
        <translation>&amp;Acerca do kpmonitor</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="332"/>
        <source>Import files…</source>
        <translation>Importar ficheiros…</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="334"/>
        <source>Import a folder…</source>
        <translation>Importar pasta…</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="339"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="355"/>
        <source>This import</source>
        <translation>Esta importação</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="363"/>
        <source>Import history</source>
        <translation>Histórico de importações</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="382"/>
        <source>Import report bundles</source>
        <translation>Importar pacotes de relatório</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="383"/>
        <source>Report bundles (*.kpbundle);;All files (*)</source>
        <translation>Pacotes de relatório (*.kpbundle);;Todos os ficheiros (*)</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="387"/>
        <source>Import every bundle in a folder</source>
        <translation>Importar todos os pacotes de uma pasta</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="448"/>
        <source>{count} more will be imported when this import is done.</source>
        <translation>Mais {count} serão importados quando esta importação terminar.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="469"/>
        <source>Looking for bundles…</source>
        <translation>A procurar pacotes…</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="479"/>
        <source>Stopping after this bundle…</source>
        <translation>A parar depois deste pacote…</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="485"/>
        <source>{done} of {total}: {name}</source>
        <translation>{done} de {total}: {name}</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="488"/>
        <source>{done} of {total}</source>
        <translation>{done} de {total}</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="523"/>
        <source>No report bundles (.kpbundle) were found there.</source>
        <translation>Não foram encontrados pacotes de relatório (.kpbundle) aí.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="525"/>
        <source>{imported} imported, {already} already here, {conflict} set aside, {refused} refused.</source>
        <translation>{imported} importados, {already} já existentes, {conflict} postos de parte, {refused} recusados.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="531"/>
        <source>Import stopped.</source>
        <translation>Importação interrompida.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="564"/>
        <source>Search: certificate number, exporter, importer, monitor, origin, date, verdict, seal…</source>
        <translation>Procurar: n.º de certificado, exportador, importador, inspetor, origem, data, decisão, selo…</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="573"/>
        <source>&amp;Find</source>
        <translation>&amp;Procurar</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="579"/>
        <source>Open report</source>
        <translation>Abrir relatório</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/hq/window.py" line="614"/>
        <source>%n report(s)</source>
        <translation>
            <numerusform>%n relatório</numerusform>
            <numerusform>%n relatórios</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="633"/>
        <source>Report</source>
        <translation>Relatório</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="658"/>
        <source>Note or resolve…</source>
        <translation>Anotar ou resolver…</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="659"/>
        <source>Write what you found on the selected anomaly, and mark it resolved if it is: kept on record, a later note supersedes it</source>
        <translation>Escrever o que encontrou na anomalia selecionada e marcá-la como resolvida, se for o caso: fica registado, uma nota posterior substitui-a</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="685"/>
        <source>Note on an anomaly</source>
        <translation>Nota sobre uma anomalia</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="686"/>
        <source>What did you find? The note is kept on record with your name; a later note supersedes it.</source>
        <translation>O que encontrou? A nota fica registada com o seu nome; uma nota posterior substitui-a.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="687"/>
        <source>Keep the note</source>
        <translation>Guardar a nota</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="688"/>
        <source>Resolved: nothing more to look at</source>
        <translation>Resolvida: nada mais a analisar</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="708"/>
        <source>Resolved, with your note.</source>
        <translation>Resolvida, com a sua nota.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="708"/>
        <source>Your note is kept.</source>
        <translation>A sua nota foi guardada.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="717"/>
        <source>Issue certificate from request…</source>
        <translation>Emitir certificado a partir de pedido…</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="719"/>
        <source>Revoke…</source>
        <translation>Revogar…</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="721"/>
        <source>Publish trust list and revocation list…</source>
        <translation>Publicar lista de confiança e lista de revogação…</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="729"/>
        <source>Certificates issued by headquarters</source>
        <translation>Certificados emitidos pela sede</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="735"/>
        <source>Devices headquarters has received reports from</source>
        <translation>Dispositivos de que a sede recebeu relatórios</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="759"/>
        <source>Choose the monitor&apos;s certificate request</source>
        <translation>Escolher o pedido de certificado do inspetor</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="760"/>
        <source>Certificate requests (*.pem *.csr);;All files (*)</source>
        <translation>Pedidos de certificado (*.pem *.csr);;Todos os ficheiros (*)</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="778"/>
        <source>The passphrase of headquarters&apos; root key, to issue a certificate to {name}.</source>
        <translation>A frase-passe da chave raiz da sede, para emitir um certificado a {name}.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="783"/>
        <source>Save the certificate to send to the monitor</source>
        <translation>Guardar o certificado a enviar ao inspetor</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="785"/>
        <source>Certificates (*.pem);;All files (*)</source>
        <translation>Certificados (*.pem);;Todos os ficheiros (*)</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="791"/>
        <source>Issuing the certificate…</source>
        <translation>A emitir o certificado…</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="798"/>
        <source>Certificate issued and saved as {file}; send it to the monitor, who installs it under Signing certificate.</source>
        <translation>Certificado emitido e guardado como {file}; envie-o ao inspetor, que o instala em Certificado de assinatura.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="810"/>
        <source>Choose the certificate to revoke in the list.</source>
        <translation>Escolha na lista o certificado a revogar.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="811"/>
        <source>Revoke certificate</source>
        <translation>Revogar certificado</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="812"/>
        <source>Revoke the certificate of {name} (serial {serial})? Reports signed with it will no longer be accepted once the new revocation list is published; this cannot be undone.</source>
        <translation>Revogar o certificado de {name} (n.º de série {serial})? Os relatórios assinados com ele deixam de ser aceites quando a nova lista de revogação for publicada; não é possível anular.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="815"/>
        <source>Revoke</source>
        <translation>Revogar</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="817"/>
        <location filename="../../gui/hq/window.py" line="842"/>
        <source>The passphrase of headquarters&apos; root key, to sign the revocation list.</source>
        <translation>A frase-passe da chave raiz da sede, para assinar a lista de revogação.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="824"/>
        <source>Revoking the certificate…</source>
        <translation>A revogar o certificado…</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="829"/>
        <source>Certificate {serial} is revoked. Publish the revocation list so that field devices and verifiers learn of it.</source>
        <translation>O certificado {serial} está revogado. Publique a lista de revogação para que os dispositivos no terreno e quem verifica fiquem a saber.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="839"/>
        <source>Choose the folder to publish the trust list and revocation list into</source>
        <translation>Escolher a pasta onde publicar a lista de confiança e a lista de revogação</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="849"/>
        <source>Publishing…</source>
        <translation>A publicar…</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="854"/>
        <source>Written: {files}. Send them to field devices and verifiers.</source>
        <translation>Escritos: {files}. Envie-os aos dispositivos no terreno e a quem verifica.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="883"/>
        <source>Done here, but not yet shared with the other analysts: {why}</source>
        <translation>Feito aqui, mas ainda não partilhado com os outros analistas: {why}</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="905"/>
        <source>Shipments, carats and value; an amended report counts once, at its latest version.</source>
        <translation>Remessas, quilates e valor; um relatório retificado conta uma vez, na versão mais recente.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="908"/>
        <source>By month and origin</source>
        <translation>Por mês e origem</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="908"/>
        <source>By operator</source>
        <translation>Por operador</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="909"/>
        <source>By mine</source>
        <translation>Por mina</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="911"/>
        <source>Group the statistics</source>
        <translation>Agrupar as estatísticas</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="913"/>
        <source>&amp;Group</source>
        <translation>A&amp;grupar</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="917"/>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="955"/>
        <source>Export statistics</source>
        <translation>Exportar estatísticas</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="956"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Ficheiros CSV (*.csv);;Todos os ficheiros (*)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/hq/window.py" line="971"/>
        <source>%n row(s) written to {file}.</source>
        <translation>
            <numerusform>%n linha escrita em {file}.</numerusform>
            <numerusform>%n linhas escritas em {file}.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="1027"/>
        <source>Nothing to look at: every report has arrived, and none repeats a seal or a certificate.</source>
        <translation>Nada a analisar: todos os relatórios chegaram e nenhum repete um selo ou um certificado.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="1029"/>
        <source>{alerts} alert(s) and {warnings} warning(s) open, most serious first. Double-click one to open its report; select one to note or resolve it.</source>
        <translation>{alerts} alerta(s) e {warnings} aviso(s) em aberto, os mais graves primeiro. Faça duplo clique num para abrir o relatório; selecione um para o anotar ou resolver.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="1033"/>
        <source>{resolved} resolved (listed, dimmed).</source>
        <translation>{resolved} resolvida(s) (listadas, a cinzento).</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="1036"/>
        <source>Anomalies ({count})</source>
        <translation>Anomalias ({count})</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="1146"/>
        <source>Others recorded something at headquarters; the lists are up to date.</source>
        <translation>Outra pessoa registou algo na sede; as listas estão atualizadas.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="1155"/>
        <source>1 report imported elsewhere; the lists are up to date.</source>
        <translation>1 relatório importado noutro local; as listas estão atualizadas.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/hq/window.py" line="1157"/>
        <source>%n reports imported elsewhere; the lists are up to date.</source>
        <translation>
            <numerusform>%n relatório importado noutro local; as listas estão atualizadas.</numerusform>
            <numerusform>%n relatórios importados noutro local; as listas estão atualizadas.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="1159"/>
        <source>1 note on anomalies written elsewhere; the lists are up to date.</source>
        <translation>1 nota sobre anomalias escrita noutro local; as listas estão atualizadas.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/hq/window.py" line="1161"/>
        <source>%n notes on anomalies written elsewhere; the lists are up to date.</source>
        <translation>
            <numerusform>%n nota sobre anomalias escrita noutro local; as listas estão atualizadas.</numerusform>
            <numerusform>%n notas sobre anomalias escritas noutro local; as listas estão atualizadas.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/hq/window.py" line="1163"/>
        <source>1 confirmation of receipt recorded elsewhere; the lists are up to date.</source>
        <translation>1 confirmação de receção registada noutro local; as listas estão atualizadas.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/hq/window.py" line="1165"/>
        <source>%n confirmations of receipt recorded elsewhere; the lists are up to date.</source>
        <translation>
            <numerusform>%n confirmação de receção registada noutro local; as listas estão atualizadas.</numerusform>
            <numerusform>%n confirmações de receção registadas noutro local; as listas estão atualizadas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n report(s) imported elsewhere; the lists are up to date.</source>
        <translation type="vanished">
            <numerusform>%n relatório importado noutro local; as listas estão atualizadas.</numerusform>
            <numerusform>%n relatórios importados noutro local; as listas estão atualizadas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s) on anomalies written elsewhere; the lists are up to date.</source>
        <translation type="vanished">
            <numerusform>%n nota sobre anomalias escrita noutro local; as listas estão atualizadas.</numerusform>
            <numerusform>%n notas sobre anomalias escritas noutro local; as listas estão atualizadas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n confirmation(s) of receipt recorded elsewhere; the lists are up to date.</source>
        <translation type="vanished">
            <numerusform>%n confirmação de receção registada noutro local; as listas estão atualizadas.</numerusform>
            <numerusform>%n confirmações de receção registadas noutro local; as listas estão atualizadas.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HsCodesField</name>
    <message>
        <location filename="../../gui/common/fields.py" line="436"/>
        <source>Not a rough-diamond code of the reference table</source>
        <translation>Não é um código de diamantes em bruto da tabela de referência</translation>
    </message>
</context>
<context>
    <name>ImportLogModel</name>
    <message>
        <location filename="../../gui/hq/models.py" line="158"/>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="158"/>
        <source>File</source>
        <translation>Ficheiro</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="158"/>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="158"/>
        <source>Report</source>
        <translation>Relatório</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="158"/>
        <source>What happened</source>
        <translation>O que aconteceu</translation>
    </message>
</context>
<context>
    <name>ImportResultsModel</name>
    <message>
        <location filename="../../gui/hq/models.py" line="139"/>
        <source>File</source>
        <translation>Ficheiro</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="139"/>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="139"/>
        <source>Report</source>
        <translation>Relatório</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="139"/>
        <source>What happened</source>
        <translation>O que aconteceu</translation>
    </message>
</context>
<context>
    <name>InspectionEditorWidget</name>
    <message>
        <location filename="../../gui/editor/editor.py" line="83"/>
        <source>← Inspections</source>
        <translation>← Inspeções</translation>
    </message>
    <message>
        <location filename="../../gui/editor/editor.py" line="86"/>
        <source>Back to the list of inspections (Alt+Left)</source>
        <translation>Voltar à lista de inspeções (Alt+Left)</translation>
    </message>
    <message>
        <location filename="../../gui/editor/editor.py" line="155"/>
        <source>Every change is saved as you make it.</source>
        <translation>Cada alteração é guardada no momento em que é feita.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/editor.py" line="184"/>
        <source>New inspection</source>
        <translation>Nova inspeção</translation>
    </message>
    <message>
        <location filename="../../gui/editor/editor.py" line="200"/>
        <source>Signed on {when} — report {report}, version {version}. Amend to correct.</source>
        <translation>Assinada em {when} — relatório {report}, versão {version}. Retifique para corrigir.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/editor.py" line="203"/>
        <source>This inspection is signed and can no longer be changed. Amend to correct.</source>
        <translation>Esta inspeção está assinada e já não pode ser alterada. Retifique para corrigir.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/editor.py" line="206"/>
        <source>Amends report {report} v{version}; will be version {next}.</source>
        <translation>Retifica o relatório {report} v{version}; será a versão {next}.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/editor.py" line="217"/>
        <source>C&amp;ertificate</source>
        <translation>&amp;Certificado</translation>
    </message>
    <message>
        <location filename="../../gui/editor/editor.py" line="218"/>
        <source>&amp;Parcels ({count})</source>
        <translation>&amp;Lotes ({count})</translation>
    </message>
    <message>
        <location filename="../../gui/editor/editor.py" line="219"/>
        <source>&amp;Seals ({count})</source>
        <translation>&amp;Selos ({count})</translation>
    </message>
    <message>
        <location filename="../../gui/editor/editor.py" line="220"/>
        <source>P&amp;hotos ({count})</source>
        <translation>F&amp;otos ({count})</translation>
    </message>
    <message>
        <location filename="../../gui/editor/editor.py" line="221"/>
        <source>&amp;Findings and verdict</source>
        <translation>Consta&amp;tações e decisão</translation>
    </message>
    <message>
        <location filename="../../gui/editor/editor.py" line="224"/>
        <source>Shipment</source>
        <translation>Remessa</translation>
    </message>
    <message>
        <location filename="../../gui/editor/editor.py" line="225"/>
        <source>Production &amp;&amp; valuation</source>
        <translation>Produção e avaliação</translation>
    </message>
    <message>
        <location filename="../../gui/editor/editor.py" line="226"/>
        <source>People &amp;&amp; documents</source>
        <translation>Pessoas e documentos</translation>
    </message>
    <message>
        <location filename="../../gui/editor/editor.py" line="242"/>
        <source>Saved at {time}</source>
        <translation>Guardado às {time}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/editor.py" line="248"/>
        <source>Not saved: {why}</source>
        <translation>Não guardado: {why}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/editor.py" line="332"/>
        <source>A cell is being typed in: Enter stores it, Escape lets it go; then Ctrl+Z undoes the changes saved.</source>
        <translation>Está a escrever numa célula: Enter guarda-a, Esc descarta-a; depois Ctrl+Z anula as alterações guardadas.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/editor.py" line="392"/>
        <source>Recovered after an interruption: {what}.</source>
        <translation>Recuperado após uma interrupção: {what}.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/editor.py" line="431"/>
        <source>{first} and {last}</source>
        <translation>{first} e {last}</translation>
    </message>
</context>
<context>
    <name>InspectionListWidget</name>
    <message>
        <location filename="../../gui/field/inspection_list.py" line="95"/>
        <source>Search certificate number, exporter, importer, site, seal…</source>
        <translation>Procurar n.º de certificado, exportador, importador, local, selo…</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspection_list.py" line="96"/>
        <source>&amp;Find</source>
        <translation>&amp;Procurar</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspection_list.py" line="99"/>
        <source>&amp;New inspection</source>
        <translation>&amp;Nova inspeção</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspection_list.py" line="100"/>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspection_list.py" line="101"/>
        <source>&amp;Delete draft</source>
        <translation>Eliminar &amp;rascunho</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspection_list.py" line="104"/>
        <source>&amp;Undo</source>
        <translation>An&amp;ular</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspection_list.py" line="138"/>
        <source>No inspections yet.</source>
        <translation>Ainda não há inspeções.</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspection_list.py" line="194"/>
        <source>1 found</source>
        <translation>1 encontrada</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspection_list.py" line="194"/>
        <source>{count} found</source>
        <translation>{count} encontradas</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspection_list.py" line="196"/>
        <source>1 inspection</source>
        <translation>1 inspeção</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspection_list.py" line="196"/>
        <source>{count} inspections</source>
        <translation>{count} inspeções</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspection_list.py" line="229"/>
        <source>No inspection matches “{search}”. Search for a certificate number, an exporter, an importer, a site or a seal number, or clear the search to see every inspection.</source>
        <translation>Nenhuma inspeção corresponde a “{search}”. Procure um número de certificado, um exportador, um importador, um local ou um número de selo, ou limpe a pesquisa para ver todas as inspeções.</translation>
    </message>
</context>
<context>
    <name>InspectionSession</name>
    <message>
        <location filename="../../gui/session.py" line="155"/>
        <source>The change could not be saved ({error}). Check that the disk is not full; the details are in the log.</source>
        <translation>Não foi possível guardar a alteração ({error}). Verifique se o disco não está cheio; os pormenores estão no registo.</translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="261"/>
        <source>Nothing to undo.</source>
        <translation>Nada para anular.</translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="261"/>
        <source>Nothing to redo.</source>
        <translation>Nada para refazer.</translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="267"/>
        <source>Not undone: {what}. {why} It stays the next to undo.</source>
        <translation>Não anulado: {what}. {why} Continua a ser a próxima ação a anular.</translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="268"/>
        <source>Not redone: {what}. {why} It stays the next to redo.</source>
        <translation>Não refeito: {what}. {why} Continua a ser a próxima ação a refazer.</translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="276"/>
        <source>Undone: {what}.</source>
        <translation>Anulado: {what}.</translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="276"/>
        <source>Redone: {what}.</source>
        <translation>Refeito: {what}.</translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="342"/>
        <source>accept “{problem}”</source>
        <translation>aceitar “{problem}”</translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="345"/>
        <source>withdraw the acceptance of “{problem}”</source>
        <translation>retirar a aceitação de “{problem}”</translation>
    </message>
</context>
<context>
    <name>InspectionsModel</name>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="207"/>
        <source>Certificate</source>
        <translation>Certificado</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="207"/>
        <source>Exporter</source>
        <translation>Exportador</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="207"/>
        <source>Origin</source>
        <translation>Origem</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="207"/>
        <source>Carats</source>
        <translation>Quilates</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="208"/>
        <source>US$</source>
        <translation>USD</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="208"/>
        <source>Parcels</source>
        <translation>Lotes</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="208"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="208"/>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="209"/>
        <source>Last change</source>
        <translation>Última alteração</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="244"/>
        <source>(no number yet)</source>
        <translation>(ainda sem número)</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="266"/>
        <source>Signed v{version}</source>
        <translation>Assinado v{version}</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="268"/>
        <source>Amendment v{version}</source>
        <translation>Retificação v{version}</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="270"/>
        <source>Draft</source>
        <translation>Rascunho</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="274"/>
        <source>supersedes v{version}</source>
        <translation>substitui v{version}</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="275"/>
        <source>supersedes an earlier report</source>
        <translation>substitui um relatório anterior</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="277"/>
        <source>superseded by v{version}</source>
        <translation>substituído por v{version}</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="278"/>
        <source>being amended</source>
        <translation>em retificação</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="280"/>
        <source>received by HQ</source>
        <translation>recebido pela sede</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="281"/>
        <source>exported</source>
        <translation>exportado</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="281"/>
        <source>not exported</source>
        <translation>não exportado</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="287"/>
        <source>Report {report}, version {version}.</source>
        <translation>Relatório {report}, versão {version}.</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="290"/>
        <source>Amends report version {version}: {reason}</source>
        <translation>Retifica o relatório versão {version}: {reason}</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="291"/>
        <source>(no reason given yet)</source>
        <translation>(ainda sem motivo)</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="293"/>
        <source>Superseded by version {version}.</source>
        <translation>Substituído pela versão {version}.</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="295"/>
        <source>An amendment (version {version}) is being drafted.</source>
        <translation>Uma retificação (versão {version}) está em preparação.</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="297"/>
        <source>Exported {when}.</source>
        <translation>Exportado em {when}.</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="298"/>
        <source>Not exported yet.</source>
        <translation>Ainda não exportado.</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="300"/>
        <source>Received by headquarters (its receipt of {when}).</source>
        <translation>Recebido pela sede (aviso de receção de {when}).</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="309"/>
        <source>certified</source>
        <translation>certificado</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="309"/>
        <source>not certified</source>
        <translation>não certificado</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="310"/>
        <source>held pending</source>
        <translation>retido pendente</translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="317"/>
        <source>1 error</source>
        <translation>1 erro</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/field/inspections_model.py" line="317"/>
        <source>%n errors</source>
        <translation>
            <numerusform>%n erro</numerusform>
            <numerusform>%n erros</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="319"/>
        <source>1 warning</source>
        <translation>1 aviso</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/field/inspections_model.py" line="319"/>
        <source>%n warnings</source>
        <translation>
            <numerusform>%n aviso</numerusform>
            <numerusform>%n avisos</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/field/inspections_model.py" line="320"/>
        <source>none</source>
        <translation>nenhum</translation>
    </message>
</context>
<context>
    <name>IssuedModel</name>
    <message>
        <location filename="../../gui/hq/models.py" line="401"/>
        <source>Monitor</source>
        <translation>Inspetor</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="401"/>
        <source>Device</source>
        <translation>Dispositivo</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="401"/>
        <source>Serial</source>
        <translation>N.º de série</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="401"/>
        <source>Valid from</source>
        <translation>Válido de</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="402"/>
        <source>Valid until</source>
        <translation>Válido até</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="402"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="408"/>
        <source>revoked {date}</source>
        <translation>revogado em {date}</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="409"/>
        <source>expired</source>
        <translation>expirado</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="409"/>
        <source>valid</source>
        <translation>válido</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <location filename="../../gui/translations.py" line="158"/>
        <source>Automatic (the system&apos;s language: {language})</source>
        <translation>Automático (o idioma do sistema: {language})</translation>
    </message>
    <message>
        <location filename="../../gui/translations.py" line="171"/>
        <source>Language chosen: {language}. It takes effect when kpmonitor is next started.</source>
        <translation>Idioma escolhido: {language}. Aplica-se no próximo arranque do kpmonitor.</translation>
    </message>
    <message>
        <location filename="../../gui/translations.py" line="184"/>
        <source>Lan&amp;guage</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <location filename="../../gui/translations.py" line="193"/>
        <source>Takes effect when kpmonitor is next started</source>
        <translation>Aplica-se no próximo arranque do kpmonitor</translation>
    </message>
</context>
<context>
    <name>ListSection</name>
    <message>
        <location filename="../../gui/editor/lists.py" line="147"/>
        <source>Remove</source>
        <translation>Remover</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="226"/>
        <source>remove {row}</source>
        <translation>remover {row}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="274"/>
        <source>No line yet: add one per HS code, with its carats and value as the certificate gives them.</source>
        <translation>Ainda sem linhas: adicione uma por código SH, com os quilates e o valor indicados no certificado.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="276"/>
        <source>The lines add up to {carats} ct and US$ {value}.</source>
        <translation>As linhas somam {carats} ct e {value} USD.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="283"/>
        <location filename="../../gui/editor/lists.py" line="283"/>
        <source>HS code</source>
        <translation>Código SH</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="284"/>
        <location filename="../../gui/editor/lists.py" line="303"/>
        <source>Carats</source>
        <translation>Quilates</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="285"/>
        <source>Value US$</source>
        <translation>Valor USD</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="286"/>
        <source>value (US$)</source>
        <translation>valor (USD)</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="287"/>
        <source>line {number}</source>
        <translation>linha {number}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="289"/>
        <source>Lines per HS code</source>
        <translation>Linhas por código SH</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="289"/>
        <source>Add line</source>
        <translation>Adicionar linha</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="290"/>
        <source>add a certificate line</source>
        <translation>adicionar uma linha ao certificado</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="300"/>
        <source>Sieve</source>
        <translation>Crivo</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="301"/>
        <source>Colour</source>
        <translation>Cor</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="302"/>
        <source>Quality</source>
        <translation>Qualidade</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="304"/>
        <source>lot {number}</source>
        <translation>grupo {number}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="308"/>
        <source>The lots add up to {carats} ct.</source>
        <translation>Os grupos somam {carats} ct.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="311"/>
        <source>Valuator&apos;s assortment</source>
        <translation>Classificação do avaliador</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="312"/>
        <source>Add lot</source>
        <translation>Adicionar grupo</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="312"/>
        <source>add a lot to the assortment</source>
        <translation>adicionar um grupo à classificação</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="319"/>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="320"/>
        <source>Role</source>
        <translation>Função</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="321"/>
        <source>Organisation</source>
        <translation>Organização</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="322"/>
        <source>person {number}</source>
        <translation>pessoa {number}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="323"/>
        <source>Present at the inspection</source>
        <translation>Presentes na inspeção</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="324"/>
        <source>Add pe&amp;rson</source>
        <translation>Adicionar &amp;pessoa</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="324"/>
        <source>add a person present</source>
        <translation>adicionar uma pessoa presente</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="335"/>
        <source>none</source>
        <translation>nenhuma</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="358"/>
        <source>a photo no longer attached ({digest}…)</source>
        <translation>uma foto que já não está anexada ({digest}…)</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="361"/>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="361"/>
        <source>title</source>
        <translation>título</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="362"/>
        <source>Reference</source>
        <translation>Referência</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="363"/>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="364"/>
        <source>document {number}</source>
        <translation>documento {number}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="365"/>
        <source>Documents received</source>
        <translation>Documentos recebidos</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="366"/>
        <source>Add docu&amp;ment</source>
        <translation>Adicionar &amp;documento</translation>
    </message>
    <message>
        <location filename="../../gui/editor/lists.py" line="367"/>
        <source>add a document received</source>
        <translation>adicionar um documento recebido</translation>
    </message>
</context>
<context>
    <name>LogWindowDialog</name>
    <message>
        <location filename="../../gui/common/log_window.py" line="38"/>
        <source>kpmonitor log</source>
        <translation>Registo do kpmonitor</translation>
    </message>
    <message>
        <location filename="../../gui/common/log_window.py" line="45"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Atualizar</translation>
    </message>
    <message>
        <location filename="../../gui/common/log_window.py" line="47"/>
        <source>&amp;Copy all</source>
        <translation>&amp;Copiar tudo</translation>
    </message>
    <message>
        <location filename="../../gui/common/log_window.py" line="49"/>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
    <message>
        <location filename="../../gui/common/log_window.py" line="66"/>
        <source>The log is empty.</source>
        <translation>O registo está vazio.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="106"/>
        <source>Opening the inspections…</source>
        <translation>A abrir as inspeções…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="176"/>
        <source>{name} · {role} home</source>
        <translation>{name} · pasta de trabalho ({role})</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="219"/>
        <source>&amp;New inspection</source>
        <translation>&amp;Nova inspeção</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="220"/>
        <source>Start a new inspection</source>
        <translation>Iniciar uma nova inspeção</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="221"/>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="222"/>
        <source>&amp;Delete draft…</source>
        <translation>&amp;Eliminar rascunho…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="223"/>
        <source>Delete the selected draft (it can be restored with Undo)</source>
        <translation>Eliminar o rascunho selecionado (Anular repõe-no)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="229"/>
        <location filename="../../gui/main_window.py" line="382"/>
        <source>&amp;Undo delete</source>
        <translation>&amp;Anular eliminação</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="230"/>
        <location filename="../../gui/main_window.py" line="379"/>
        <source>&amp;Redo</source>
        <translation>&amp;Refazer</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="231"/>
        <source>&amp;Quit</source>
        <translation>&amp;Sair</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="232"/>
        <source>&amp;Find…</source>
        <translation>&amp;Procurar…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="233"/>
        <source>Search the inspections</source>
        <translation>Procurar nas inspeções</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="234"/>
        <source>&amp;Back to the list</source>
        <translation>&amp;Voltar à lista</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="237"/>
        <source>C&amp;ertificate</source>
        <translation>&amp;Certificado</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="237"/>
        <source>&amp;Parcels</source>
        <translation>&amp;Lotes</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="237"/>
        <source>&amp;Seals</source>
        <translation>&amp;Selos</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="238"/>
        <source>P&amp;hotos</source>
        <translation>F&amp;otos</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="238"/>
        <source>&amp;Findings and verdict</source>
        <translation>Consta&amp;tações e decisão</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="240"/>
        <source>Add &amp;parcel</source>
        <translation>&amp;Adicionar lote</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="241"/>
        <source>Add a parcel and type its declared carats</source>
        <translation>Adicionar um lote e escrever os quilates declarados</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="242"/>
        <source>Add &amp;seal</source>
        <translation>Adicionar s&amp;elo</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="243"/>
        <source>Put the cursor in the seal number box, ready for the scanner</source>
        <translation>Pôr o cursor na caixa do número do selo, pronto para o leitor</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="245"/>
        <source>Add p&amp;hotos…</source>
        <translation>Adicionar &amp;fotos…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="246"/>
        <source>Attach photos from the camera&apos;s card or a folder</source>
        <translation>Anexar fotos do cartão da câmara ou de uma pasta</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="247"/>
        <source>&amp;Next problem</source>
        <translation>&amp;Próximo problema</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="248"/>
        <source>Go to the field of the next problem</source>
        <translation>Ir para o campo do próximo problema</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="249"/>
        <source>P&amp;revious problem</source>
        <translation>Problema a&amp;nterior</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="252"/>
        <source>&amp;Sign…</source>
        <translation>Ass&amp;inar…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="254"/>
        <source>Freeze and sign the open inspection: a draft with no errors and every warning acknowledged</source>
        <translation>Fixar e assinar a inspeção aberta: um rascunho sem erros e com todos os avisos aceites</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="256"/>
        <source>&amp;Export report…</source>
        <translation>E&amp;xportar relatório…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="257"/>
        <source>Write the signed report&apos;s PDF and bundle to a folder (a USB stick); for a signed inspection</source>
        <translation>Escrever o PDF e o pacote do relatório assinado numa pasta (uma pen USB); para uma inspeção assinada</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="259"/>
        <source>&amp;Amend…</source>
        <translation>&amp;Retificar…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="260"/>
        <source>Correct a signed inspection: a new draft whose report will supersede the signed one</source>
        <translation>Corrigir uma inspeção assinada: um novo rascunho cujo relatório substituirá o assinado</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="262"/>
        <source>&amp;Verify a report…</source>
        <translation>&amp;Verificar um relatório…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="263"/>
        <source>Check a report PDF or its QR seal: genuine, or not</source>
        <translation>Verificar o PDF de um relatório ou o seu selo QR: autêntico, ou não</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="264"/>
        <source>Signing &amp;certificate…</source>
        <translation>&amp;Certificado de assinatura…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="265"/>
        <source>This home&apos;s signing certificate, headquarters&apos; root and revocation list</source>
        <translation>O certificado de assinatura desta pasta de trabalho, o certificado raiz e a lista de revogação da sede</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="267"/>
        <source>Install headquarters&apos; &amp;receipt…</source>
        <translation>Instalar o aviso de &amp;receção da sede…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="268"/>
        <source>Headquarters&apos; signed receipt: which reports it holds, and the history of this device it cosigned</source>
        <translation>O aviso de receção assinado pela sede: os relatórios que tem e o histórico deste dispositivo que coassinou</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="270"/>
        <source>View &amp;log</source>
        <translation>Ver re&amp;gisto</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="271"/>
        <source>&amp;About kpmonitor</source>
        <translation>&amp;Acerca do kpmonitor</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="285"/>
        <source>&amp;File</source>
        <translation>&amp;Ficheiro</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="292"/>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="296"/>
        <source>&amp;Inspection</source>
        <translation>&amp;Inspeção</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="310"/>
        <source>&amp;Tools</source>
        <translation>Ferra&amp;mentas</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="318"/>
        <source>&amp;Help</source>
        <translation>A&amp;juda</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="325"/>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="358"/>
        <source>Inspections are recorded on a monitor&apos;s (field) home.</source>
        <translation>As inspeções são registadas na pasta de trabalho de um inspetor (terreno).</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="371"/>
        <source>&amp;Undo {what}</source>
        <translation>&amp;Anular {what}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="372"/>
        <source>&amp;Redo {what}</source>
        <translation>&amp;Refazer {what}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="381"/>
        <source>&amp;Undo delete of {number}</source>
        <translation>&amp;Anular eliminação de {number}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="391"/>
        <source>No inspections: they are recorded on a monitor&apos;s (field) home.</source>
        <translation>Sem inspeções: são registadas na pasta de trabalho de um inspetor (terreno).</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="393"/>
        <source>No inspections yet. To begin:</source>
        <translation>Ainda não há inspeções. Para começar:</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="447"/>
        <source>Delete draft</source>
        <translation>Eliminar rascunho</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="448"/>
        <source>Delete the draft inspection {number}? You can undo this (Ctrl+Z).</source>
        <translation>Eliminar o rascunho da inspeção {number}? Pode anular esta ação (Ctrl+Z).</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="449"/>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="457"/>
        <location filename="../../gui/main_window.py" line="707"/>
        <source>(no number)</source>
        <translation>(sem número)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="459"/>
        <source>A signed inspection cannot be deleted; it stays on record.</source>
        <translation>Uma inspeção assinada não pode ser eliminada; fica registada.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="472"/>
        <source>Deleted the draft {number}.</source>
        <translation>Rascunho {number} eliminado.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="497"/>
        <source>Restored {number}.</source>
        <translation>{number} reposto.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="544"/>
        <source>Open inspection</source>
        <translation>Abrir inspeção</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="590"/>
        <source>All changes saved ({time})</source>
        <translation>Todas as alterações guardadas ({time})</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="632"/>
        <source>Sign</source>
        <translation>Assinar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="632"/>
        <source>Photos are still being added; sign when they are in.</source>
        <translation>Ainda se estão a adicionar fotos; assine quando estiverem todas.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="646"/>
        <source>Signed: report {report}, version {version}.</source>
        <translation>Assinado: relatório {report}, versão {version}.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="662"/>
        <source>Export the report to which folder?</source>
        <translation>Exportar o relatório para que pasta?</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="677"/>
        <source>Export report</source>
        <translation>Exportar relatório</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="677"/>
        <source>This inspection is marked signed but its report is missing from this home.</source>
        <translation>Esta inspeção está marcada como assinada, mas o relatório não está nesta pasta de trabalho.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="695"/>
        <location filename="../../gui/main_window.py" line="698"/>
        <location filename="../../gui/main_window.py" line="713"/>
        <source>Amend</source>
        <translation>Retificar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="696"/>
        <source>Correct {number} with an amendment? A new draft is made from the signed inspection; when it is signed, its report supersedes the signed one. Both stay on record.</source>
        <translation>Corrigir {number} com uma retificação? É criado um novo rascunho a partir da inspeção assinada; quando for assinado, o seu relatório substitui o assinado. Ambos ficam registados.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="698"/>
        <source>Why is the report corrected? The reason goes into the new report.</source>
        <translation>Porque é corrigido o relatório? O motivo fica no novo relatório.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="756"/>
        <source>Install headquarters&apos; receipt</source>
        <translation>Instalar o aviso de receção da sede</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="757"/>
        <source>Headquarters&apos; receipts (*.kpreceipt)</source>
        <translation>Avisos de receção da sede (*.kpreceipt)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="769"/>
        <source>Headquarters&apos; receipt</source>
        <translation>Aviso de receção da sede</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="801"/>
        <source>kpmonitor opens report PDFs, QR seal text files and bundles; {name} is none of these.</source>
        <translation>O kpmonitor abre PDF de relatórios, ficheiros de texto de selo QR e pacotes; {name} não é nenhum deles.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="804"/>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
</context>
<context>
    <name>MonitorsModel</name>
    <message>
        <location filename="../../gui/hq/models.py" line="424"/>
        <source>Monitor</source>
        <translation>Inspetor</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="424"/>
        <source>Device</source>
        <translation>Dispositivo</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="424"/>
        <source>Reports</source>
        <translation>Relatórios</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="424"/>
        <source>Last number</source>
        <translation>Último número</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="425"/>
        <source>Missing</source>
        <translation>Em falta</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="425"/>
        <source>Last signed</source>
        <translation>Última assinatura</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="425"/>
        <source>Last imported</source>
        <translation>Última importação</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="429"/>
        <source>revoked</source>
        <translation>revogado</translation>
    </message>
</context>
<context>
    <name>ParcelsModel</name>
    <message>
        <location filename="../../gui/editor/parcels.py" line="60"/>
        <source>Parcel</source>
        <translation>Lote</translation>
    </message>
    <message>
        <location filename="../../gui/editor/parcels.py" line="60"/>
        <source>number</source>
        <translation>número</translation>
    </message>
    <message>
        <location filename="../../gui/editor/parcels.py" line="61"/>
        <source>HS code</source>
        <translation>Código SH</translation>
    </message>
    <message>
        <location filename="../../gui/editor/parcels.py" line="62"/>
        <source>Declared ct</source>
        <translation>ct declarados</translation>
    </message>
    <message>
        <location filename="../../gui/editor/parcels.py" line="63"/>
        <source>declared carats</source>
        <translation>quilates declarados</translation>
    </message>
    <message>
        <location filename="../../gui/editor/parcels.py" line="64"/>
        <source>Weighed ct</source>
        <translation>ct pesados</translation>
    </message>
    <message>
        <location filename="../../gui/editor/parcels.py" line="64"/>
        <source>weighed carats</source>
        <translation>quilates pesados</translation>
    </message>
    <message>
        <location filename="../../gui/editor/parcels.py" line="65"/>
        <source>Difference</source>
        <translation>Diferença</translation>
    </message>
    <message>
        <location filename="../../gui/editor/parcels.py" line="66"/>
        <source>Stones</source>
        <translation>Pedras</translation>
    </message>
    <message>
        <location filename="../../gui/editor/parcels.py" line="67"/>
        <source>Declared US$</source>
        <translation>USD declarados</translation>
    </message>
    <message>
        <location filename="../../gui/editor/parcels.py" line="68"/>
        <source>declared value (US$)</source>
        <translation>valor declarado (USD)</translation>
    </message>
    <message>
        <location filename="../../gui/editor/parcels.py" line="69"/>
        <source>Description</source>
        <translation>Descrição</translation>
    </message>
    <message>
        <location filename="../../gui/editor/parcels.py" line="74"/>
        <source>parcel {number}</source>
        <translation>lote {number}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/parcels.py" line="51"/>
        <source>“{text}” is not a number of stones.</source>
        <translation>“{text}” não é um número de pedras.</translation>
    </message>
</context>
<context>
    <name>ParcelsSectionWidget</name>
    <message>
        <location filename="../../gui/editor/parcels.py" line="196"/>
        <source>&amp;Add parcel</source>
        <translation>&amp;Adicionar lote</translation>
    </message>
    <message>
        <location filename="../../gui/editor/parcels.py" line="197"/>
        <source>Add a parcel ({key})</source>
        <translation>Adicionar um lote ({key})</translation>
    </message>
    <message>
        <location filename="../../gui/editor/parcels.py" line="200"/>
        <source>&amp;Remove</source>
        <translation>&amp;Remover</translation>
    </message>
    <message>
        <location filename="../../gui/editor/parcels.py" line="202"/>
        <source>Move &amp;up</source>
        <translation>&amp;Subir</translation>
    </message>
    <message>
        <location filename="../../gui/editor/parcels.py" line="203"/>
        <source>Alt+Up</source>
        <translation>Alt+Up</translation>
    </message>
    <message>
        <location filename="../../gui/editor/parcels.py" line="205"/>
        <source>Move do&amp;wn</source>
        <translation>&amp;Descer</translation>
    </message>
    <message>
        <location filename="../../gui/editor/parcels.py" line="206"/>
        <source>Alt+Down</source>
        <translation>Alt+Down</translation>
    </message>
    <message>
        <location filename="../../gui/editor/parcels.py" line="303"/>
        <source>add parcel {number}</source>
        <translation>adicionar o lote {number}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/parcels.py" line="321"/>
        <source>Remove parcel</source>
        <translation>Remover lote</translation>
    </message>
    <message>
        <location filename="../../gui/editor/parcels.py" line="322"/>
        <source>Remove parcel {number}? Seals and photos linked to it stay, linked to nothing.</source>
        <translation>Remover o lote {number}? Os selos e fotos associados ficam, sem associação.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/parcels.py" line="334"/>
        <source>remove {row}</source>
        <translation>remover {row}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/parcels.py" line="351"/>
        <source>move {row} up</source>
        <translation>subir {row}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/parcels.py" line="351"/>
        <source>move {row} down</source>
        <translation>descer {row}</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../gui/common/dialogs.py" line="221"/>
        <source>New passphrase</source>
        <translation>Nova frase-passe</translation>
    </message>
    <message>
        <location filename="../../gui/common/dialogs.py" line="221"/>
        <source>Passphrase</source>
        <translation>Frase-passe</translation>
    </message>
    <message>
        <location filename="../../gui/common/dialogs.py" line="226"/>
        <source>&amp;Passphrase</source>
        <translation>&amp;Frase-passe</translation>
    </message>
    <message>
        <location filename="../../gui/common/dialogs.py" line="229"/>
        <source>&amp;Repeat it</source>
        <translation>&amp;Repita-a</translation>
    </message>
    <message>
        <location filename="../../gui/common/dialogs.py" line="253"/>
        <source>Type the passphrase.</source>
        <translation>Escreva a frase-passe.</translation>
    </message>
    <message>
        <location filename="../../gui/common/dialogs.py" line="255"/>
        <source>Choose a passphrase of at least {count} characters: it protects the signing key.</source>
        <translation>Escolha uma frase-passe com pelo menos {count} carateres: protege a chave de assinatura.</translation>
    </message>
    <message>
        <location filename="../../gui/common/dialogs.py" line="258"/>
        <source>The two passphrases differ; type the same one twice.</source>
        <translation>As duas frases-passe são diferentes; escreva a mesma duas vezes.</translation>
    </message>
</context>
<context>
    <name>PhotoViewerDialog</name>
    <message>
        <location filename="../../gui/editor/photo_viewer.py" line="96"/>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_viewer.py" line="111"/>
        <source>← &amp;Previous</source>
        <translation>← &amp;Anterior</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_viewer.py" line="112"/>
        <source>&amp;Next →</source>
        <translation>&amp;Seguinte →</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_viewer.py" line="113"/>
        <source>Zoom &amp;in</source>
        <translation>Am&amp;pliar</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_viewer.py" line="114"/>
        <source>Zoom &amp;out</source>
        <translation>&amp;Reduzir</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_viewer.py" line="115"/>
        <source>&amp;Fit</source>
        <translation>A&amp;justar</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_viewer.py" line="116"/>
        <source>&amp;1:1</source>
        <translation>&amp;1:1</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_viewer.py" line="117"/>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_viewer.py" line="163"/>
        <source>Photo {number} of {total} — {name}</source>
        <translation>Foto {number} de {total} — {name}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_viewer.py" line="168"/>
        <source>taken {when}</source>
        <translation>tirada em {when}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_viewer.py" line="170"/>
        <source>at {lat:.5f}, {lon:.5f}</source>
        <translation>em {lat:.5f}, {lon:.5f}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_viewer.py" line="172"/>
        <source>parcel {number}</source>
        <translation>lote {number}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_viewer.py" line="174"/>
        <source>seal {number}</source>
        <translation>selo {number}</translation>
    </message>
</context>
<context>
    <name>PhotosModel</name>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="121"/>
        <source>Parcel {number}</source>
        <translation>Lote {number}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="123"/>
        <source>Seal {number}</source>
        <translation>Selo {number}</translation>
    </message>
</context>
<context>
    <name>PhotosSectionWidget</name>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="167"/>
        <source>&amp;Add photos…</source>
        <translation>&amp;Adicionar fotos…</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="169"/>
        <source>Add a &amp;folder…</source>
        <translation>Adicionar &amp;pasta…</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="170"/>
        <source>Every photo in a folder and its subfolders, e.g. a card&apos;s DCIM</source>
        <translation>Todas as fotos de uma pasta e subpastas, p. ex. o DCIM de um cartão</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="172"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="174"/>
        <source>&amp;Remove</source>
        <translation>&amp;Remover</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="175"/>
        <source>Detach the photo from this inspection</source>
        <translation>Desanexar a foto desta inspeção</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="177"/>
        <source>or drop photos and folders here</source>
        <translation>ou largue aqui fotos e pastas</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="183"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="195"/>
        <source>Selected photo</source>
        <translation>Foto selecionada</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="196"/>
        <source>what the photo shows</source>
        <translation>o que a foto mostra</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="209"/>
        <source>&amp;Caption</source>
        <translation>&amp;Legenda</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="210"/>
        <source>&amp;Shows</source>
        <translation>&amp;Mostra</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="211"/>
        <source>File</source>
        <translation>Ficheiro</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="212"/>
        <source>Taken</source>
        <translation>Tirada em</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="213"/>
        <source>GPS</source>
        <translation>GPS</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="214"/>
        <source>Size</source>
        <translation>Tamanho</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="215"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="299"/>
        <source>nothing in particular</source>
        <translation>nada em particular</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="302"/>
        <source>parcel {number}</source>
        <translation>lote {number}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="305"/>
        <source>seal {number}</source>
        <translation>selo {number}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="323"/>
        <source>no time in the photo&apos;s EXIF data</source>
        <translation>sem hora nos dados EXIF da foto</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="326"/>
        <source>no position in the photo&apos;s EXIF data</source>
        <translation>sem posição nos dados EXIF da foto</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="343"/>
        <source>the caption of photo {name}</source>
        <translation>a legenda da foto {name}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="357"/>
        <source>the caption of photo {name} ({caption})</source>
        <translation>a legenda da foto {name} ({caption})</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="369"/>
        <source>what photo {name} shows</source>
        <translation>o que a foto {name} mostra</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="375"/>
        <source>Remove photo</source>
        <translation>Remover foto</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="376"/>
        <source>Detach {name} from this inspection? The original stays in the photo store.</source>
        <translation>Desanexar {name} desta inspeção? O original fica no arquivo de fotos.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="383"/>
        <source>detach photo {name}</source>
        <translation>desanexar a foto {name}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="408"/>
        <source>Add photos</source>
        <translation>Adicionar fotos</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="409"/>
        <source>Photos ({patterns})</source>
        <translation>Fotos ({patterns})</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="413"/>
        <source>Add every photo in a folder</source>
        <translation>Adicionar todas as fotos de uma pasta</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="431"/>
        <source>Photos are being imported; wait for them, or cancel, before adding more.</source>
        <translation>Estão a ser importadas fotos; aguarde, ou cancele, antes de adicionar mais.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="444"/>
        <source>Looking for photos…</source>
        <translation>A procurar fotos…</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="453"/>
        <source>Stopping after the current photo…</source>
        <translation>A parar depois da foto atual…</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="459"/>
        <source>{name} ({number} of {total})</source>
        <translation>{name} ({number} de {total})</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="482"/>
        <source>1 photo added.</source>
        <translation>1 foto adicionada.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/editor/photo_gallery.py" line="482"/>
        <source>%n photos added.</source>
        <translation>
            <numerusform>%n foto adicionada.</numerusform>
            <numerusform>%n fotos adicionadas.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="484"/>
        <source>The import was cancelled; the photos already added stay.</source>
        <translation>A importação foi cancelada; as fotos já adicionadas ficam.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/photo_gallery.py" line="486"/>
        <source>Not added:</source>
        <translation>Não adicionadas:</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <location filename="../../gui/editor/validation_panel.py" line="193"/>
        <source>{message}
Acknowledged: {note}</source>
        <translation>{message}
Aceite: {note}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/validation_panel.py" line="201"/>
        <source>Error</source>
        <translation>Erro</translation>
    </message>
    <message>
        <location filename="../../gui/editor/validation_panel.py" line="201"/>
        <source>Warning</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <location filename="../../gui/editor/validation_panel.py" line="202"/>
        <source>{kind} in {field} — click to go there</source>
        <translation>{kind} em {field} — clique para lá ir</translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <location filename="../../gui/editor/record.py" line="40"/>
        <source>The certificate&apos;s value is not recorded yet (Certificate tab).</source>
        <translation>O valor do certificado ainda não está registado (separador Certificado).</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="41"/>
        <source>Declared on the certificate: {declared}.</source>
        <translation>Declarado no certificado: {declared}.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="47"/>
        <source>{declared} The valuator&apos;s figure differs by {difference} ({percent} %).</source>
        <translation>{declared} O valor do avaliador difere em {difference} ({percent} %).</translation>
    </message>
</context>
<context>
    <name>ReportDetailDialog</name>
    <message>
        <location filename="../../gui/hq/detail.py" line="88"/>
        <source>Report {id} — certificate {number}</source>
        <translation>Relatório {id} — certificado {number}</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="59"/>
        <source>Report {id}, version {version}, number {seq} of device {device}</source>
        <translation>Relatório {id}, versão {version}, n.º {seq} do dispositivo {device}</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="97"/>
        <source>What the monitor signed</source>
        <translation>O que o inspetor assinou</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="102"/>
        <source>KP certificate</source>
        <translation>Certificado PK</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="103"/>
        <source>Issued by</source>
        <translation>Emitido por</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="104"/>
        <source>Exporter</source>
        <translation>Exportador</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="105"/>
        <source>Importer</source>
        <translation>Importador</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="106"/>
        <source>Origin / provenance</source>
        <translation>Origem / proveniência</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="107"/>
        <source>Destination</source>
        <translation>Destino</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="108"/>
        <source>Carats</source>
        <translation>Quilates</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="109"/>
        <source>Value (US$)</source>
        <translation>Valor (USD)</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="110"/>
        <source>Parcels, seals, photos</source>
        <translation>Lotes, selos, fotos</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="111"/>
        <source>Site</source>
        <translation>Local</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="112"/>
        <source>Inspected</source>
        <translation>Inspecionado em</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="113"/>
        <source>Verdict</source>
        <translation>Decisão</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="114"/>
        <source>Monitor</source>
        <translation>Inspetor</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="115"/>
        <source>Signed</source>
        <translation>Assinado em</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="116"/>
        <location filename="../../gui/hq/detail.py" line="129"/>
        <source>Receipt</source>
        <translation>Receção</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="117"/>
        <source>Certificate serial</source>
        <translation>N.º de série do certificado</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="118"/>
        <source>Imported</source>
        <translation>Importado em</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="133"/>
        <source>Checks at import</source>
        <translation>Verificações na importação</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="151"/>
        <source>Photos</source>
        <translation>Fotos</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="170"/>
        <source>The monitor attached no photos.</source>
        <translation>O inspetor não anexou fotos.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="179"/>
        <source>Open PDF</source>
        <translation>Abrir PDF</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="185"/>
        <source>Amends report {id}</source>
        <translation>Retifica o relatório {id}</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="188"/>
        <source>That report is another device&apos;s: this one is no amendment of it.</source>
        <translation>Esse relatório é de outro dispositivo: este não é uma retificação dele.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="191"/>
        <source>That report has not arrived at headquarters.</source>
        <translation>Esse relatório não chegou à sede.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="196"/>
        <source>Superseded by report {id}</source>
        <translation>Substituído pelo relatório {id}</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="202"/>
        <source>Why it amends report {id}: {reason}</source>
        <translation>Porque retifica o relatório {id}: {reason}</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="205"/>
        <source>A later version of this report was received: this one is kept as evidence, but the later one counts.</source>
        <translation>Foi recebida uma versão posterior deste relatório: esta fica como prova, mas conta a posterior.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/hq/detail.py" line="225"/>
        <source>%n parcel(s)</source>
        <translation>
            <numerusform>%n lote</numerusform>
            <numerusform>%n lotes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="227"/>
        <source>reference {reference}</source>
        <translation>referência {reference}</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="229"/>
        <source>Confirmed on {day} by {authority}</source>
        <translation>Confirmado em {day} por {authority}</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="233"/>
        <source>It differs from this report: {what}.</source>
        <translation>Difere deste relatório: {what}.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/hq/detail.py" line="238"/>
        <source>No confirmation of receipt yet, %n day(s) after signing</source>
        <translation>
            <numerusform>Ainda sem confirmação de receção, %n dia após a assinatura</numerusform>
            <numerusform>Ainda sem confirmação de receção, %n dias após a assinatura</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="239"/>
        <source>overdue</source>
        <translation>em atraso</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="240"/>
        <source>None awaited: not certified, or a later version counts</source>
        <translation>Nenhuma aguardada: não certificado, ou conta uma versão posterior</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="262"/>
        <source>(cannot be shown)</source>
        <translation>(não pode ser mostrado)</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="276"/>
        <source>The report&apos;s PDF is missing from headquarters&apos; inbox folder; import its bundle again to restore it.</source>
        <translation>O PDF do relatório não está na pasta de entrada da sede; importe de novo o pacote para o repor.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/detail.py" line="280"/>
        <source>No program on this computer opens PDF files.</source>
        <translation>Nenhum programa deste computador abre ficheiros PDF.</translation>
    </message>
</context>
<context>
    <name>ReportsModel</name>
    <message>
        <location filename="../../gui/hq/models.py" line="230"/>
        <source>Verification</source>
        <translation>Verificação</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="230"/>
        <source>KP certificate</source>
        <translation>Certificado PK</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="230"/>
        <source>Exporter → importer</source>
        <translation>Exportador → importador</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="231"/>
        <source>Origin</source>
        <translation>Origem</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="231"/>
        <source>Monitor</source>
        <translation>Inspetor</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="231"/>
        <source>Inspected</source>
        <translation>Inspecionado em</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="231"/>
        <source>Verdict</source>
        <translation>Decisão</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="232"/>
        <source>Carats</source>
        <translation>Quilates</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="232"/>
        <source>Value (US$)</source>
        <translation>Valor (USD)</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="232"/>
        <source>Receipt</source>
        <translation>Receção</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="232"/>
        <source>Version</source>
        <translation>Versão</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="274"/>
        <source>v{version}</source>
        <translation>v{version}</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="276"/>
        <source>superseded by {id}</source>
        <translation>substituído por {id}</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="278"/>
        <source>amends {id}</source>
        <translation>retifica {id}</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="303"/>
        <source>A later version of this report was received; statistics count only the latest.</source>
        <translation>Foi recebida uma versão posterior deste relatório; as estatísticas contam só a mais recente.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="306"/>
        <source>Exporter: {exporter}
Importer: {importer}</source>
        <translation>Exportador: {exporter}
Importador: {importer}</translation>
    </message>
</context>
<context>
    <name>RowsModel</name>
    <message>
        <location filename="../../gui/editor/rows.py" line="173"/>
        <source>row {number}</source>
        <translation>linha {number}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/rows.py" line="178"/>
        <source>{row}&apos;s {column}</source>
        <translation>{column} de {row}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/rows.py" line="336"/>
        <source>Removed {row}; {key} brings it back.</source>
        <translation>{row} removido; {key} repõe-no.</translation>
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
        <translation>{cell} tal como escrito (“{text}”), não guardado</translation>
    </message>
    <message>
        <location filename="../../gui/editor/rows.py" line="449"/>
        <source>“{column}” is not typed in; what was typed there was not kept.</source>
        <translation>“{column}” não é editável; o que lá foi escrito não foi guardado.</translation>
    </message>
</context>
<context>
    <name>SealsModel</name>
    <message>
        <location filename="../../gui/editor/seals.py" line="93"/>
        <source>Seal number</source>
        <translation>Número do selo</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="94"/>
        <source>On</source>
        <translation>Em</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="95"/>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="96"/>
        <source>Class</source>
        <translation>Classe</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="97"/>
        <source>Applied by</source>
        <translation>Aplicado por</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="98"/>
        <source>Witness</source>
        <translation>Testemunha</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="99"/>
        <source>Applied at</source>
        <translation>Aplicado em</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="100"/>
        <source>Manufacturer</source>
        <translation>Fabricante</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="101"/>
        <source>Place</source>
        <translation>Local</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="102"/>
        <source>Last event</source>
        <translation>Último evento</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="107"/>
        <source>seal {number}</source>
        <translation>selo {number}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="83"/>
        <source>the container</source>
        <translation>o contentor</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="83"/>
        <source>container</source>
        <translation>contentor</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="84"/>
        <source>parcel {number}</source>
        <translation>lote {number}</translation>
    </message>
</context>
<context>
    <name>SealsSectionWidget</name>
    <message>
        <location filename="../../gui/editor/seals.py" line="212"/>
        <location filename="../../gui/editor/seals.py" line="524"/>
        <source>Remove seal</source>
        <translation>Remover selo</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="224"/>
        <location filename="../../gui/editor/seals.py" line="393"/>
        <source>Events of the selected seal</source>
        <translation>Eventos do selo selecionado</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="231"/>
        <source>note (what was seen)</source>
        <translation>nota (o que foi observado)</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="235"/>
        <source>&amp;Note</source>
        <translation>&amp;Nota</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="243"/>
        <source>Remove event</source>
        <translation>Remover evento</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="268"/>
        <source>Scan or type a seal number, then Enter</source>
        <translation>Leia ou escreva um número de selo e prima Enter</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="271"/>
        <source>seal number</source>
        <translation>número do selo</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="279"/>
        <source>Add seal</source>
        <translation>Adicionar selo</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="281"/>
        <source>Enter in the number box does the same ({key} puts the cursor there)</source>
        <translation>Enter na caixa do número faz o mesmo ({key} põe lá o cursor)</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="300"/>
        <source>What the next seal scanned goes on; it stays until you change it</source>
        <translation>Onde vai o próximo selo lido; mantém-se até o alterar</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="307"/>
        <source>e.g. MMCZ sealing officer</source>
        <translation>p. ex. funcionário de selagem da MMCZ</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="310"/>
        <source>&amp;on</source>
        <translation>&amp;em</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="321"/>
        <source>T&amp;ype</source>
        <translation>&amp;Tipo</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="321"/>
        <source>C&amp;lass</source>
        <translation>C&amp;lasse</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="322"/>
        <source>&amp;Manufacturer</source>
        <translation>&amp;Fabricante</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="322"/>
        <source>Applied &amp;by</source>
        <translation>Aplicado &amp;por</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="323"/>
        <source>&amp;Witness</source>
        <translation>Teste&amp;munha</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="392"/>
        <source>Events of seal {number}</source>
        <translation>Eventos do selo {number}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="443"/>
        <source>Scanned seal {number} was not added: {why}</source>
        <translation>O selo lido {number} não foi adicionado: {why}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="465"/>
        <source>add seal {number}</source>
        <translation>adicionar o selo {number}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="474"/>
        <source>Seal {number} added to {where}.</source>
        <translation>Selo {number} adicionado a {where}.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="476"/>
        <source>Scanned seal {number} added to {where}.</source>
        <translation>Selo lido {number} adicionado a {where}.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="478"/>
        <source>Scanned seal {number} added to {where}; “{field}”, where the scan was typed, is back as it was.</source>
        <translation>Selo lido {number} adicionado a {where}; “{field}”, onde a leitura foi escrita, voltou ao que era.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="486"/>
        <source>what the seal goes on</source>
        <translation>onde vai o selo</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="491"/>
        <source>the list of seals</source>
        <translation>a lista de selos</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="493"/>
        <source>the list of events</source>
        <translation>a lista de eventos</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="494"/>
        <source>another field</source>
        <translation>outro campo</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="525"/>
        <source>Remove seal {number} and its events from this inspection?</source>
        <translation>Remover o selo {number} e os seus eventos desta inspeção?</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="537"/>
        <source>remove {row}</source>
        <translation>remover {row}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="559"/>
        <source>Remove seal…</source>
        <translation>Remover selo…</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="573"/>
        <source>record “{event}” on seal {number}</source>
        <translation>registar “{event}” no selo {number}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/seals.py" line="591"/>
        <source>remove the event “{event}” of seal {number}</source>
        <translation>remover o evento “{event}” do selo {number}</translation>
    </message>
</context>
<context>
    <name>ShipmentSectionWidget</name>
    <message>
        <location filename="../../gui/editor/record.py" line="148"/>
        <source>Validation of the certificate</source>
        <translation>Validação do certificado</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="149"/>
        <source>Validating &amp;authority</source>
        <translation>&amp;Autoridade validadora</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="150"/>
        <source>e.g. Ministry of Mines and Mining Development</source>
        <translation>p. ex. Ministério dos Recursos Minerais</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="151"/>
        <source>Validating &amp;officer</source>
        <translation>&amp;Funcionário validador</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="152"/>
        <source>Validation nu&amp;mber</source>
        <translation>&amp;Número de validação</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="153"/>
        <source>&amp;Validated at</source>
        <translation>&amp;Validado em</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="153"/>
        <source>time of the validation</source>
        <translation>hora da validação</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="155"/>
        <source>Shipment</source>
        <translation>Remessa</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="156"/>
        <source>&amp;Container</source>
        <translation>&amp;Contentor</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="156"/>
        <source>container or box id</source>
        <translation>identificação do contentor ou caixa</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="157"/>
        <source>&amp;Gross weight (kg)</source>
        <translation>&amp;Peso bruto (kg)</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="158"/>
        <source>e.g. 12.40</source>
        <translation>p. ex. 12.40</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="159"/>
        <source>Ca&amp;rrier</source>
        <translation>&amp;Transportador</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="159"/>
        <source>airline or courier</source>
        <translation>companhia aérea ou estafeta</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="160"/>
        <source>Air&amp;way bill</source>
        <translation>Carta de porte aé&amp;reo</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="161"/>
        <source>Export declaratio&amp;n</source>
        <translation>&amp;Declaração de exportação</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="162"/>
        <source>Port of e&amp;xit</source>
        <translation>Ponto de &amp;saída</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="162"/>
        <source>e.g. ZWHRE</source>
        <translation>p. ex. ZWHRE</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="164"/>
        <source>Certificate num&amp;ber on container</source>
        <translation>N.º do certificado no cont&amp;entor</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="165"/>
        <source>not recorded</source>
        <translation>não registado</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="165"/>
        <source>yes, marked on it</source>
        <translation>sim, marcado nele</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="166"/>
        <source>no, not marked</source>
        <translation>não, sem marcação</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="65"/>
        <location filename="../../gui/field/sign_dialog.py" line="218"/>
        <source>(no number yet)</source>
        <translation>(ainda sem número)</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="66"/>
        <source>Sign {number}</source>
        <translation>Assinar {number}</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="110"/>
        <source>Ac&amp;knowledge…</source>
        <translation>A&amp;ceitar…</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="111"/>
        <source>Accept the selected warning, with a note saying why</source>
        <translation>Aceitar o aviso selecionado, com uma nota que diga porquê</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="113"/>
        <source>&amp;Go to it</source>
        <translation>&amp;Ir para lá</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="114"/>
        <source>Close this and put the cursor on the selected problem&apos;s field</source>
        <translation>Fechar e pôr o cursor no campo do problema selecionado</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="127"/>
        <source>Signing freezes this inspection: nothing in it can be changed afterwards. A correction is made by amending it, which makes a new version of the report; both stay on record.</source>
        <translation>Assinar fixa esta inspeção: depois nada nela pode ser alterado. Uma correção faz-se por retificação, que cria uma nova versão do relatório; ambas ficam registadas.</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="129"/>
        <source>&amp;Passphrase of the signing key</source>
        <translation>&amp;Frase-passe da chave de assinatura</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="148"/>
        <source>The language the report is written in. What it states, and its QR seal, are the same in every language.</source>
        <translation>A língua em que o relatório é redigido. O que indica, e o seu selo QR, são iguais em todas as línguas.</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="150"/>
        <source>Report &amp;language</source>
        <translation>&amp;Língua do relatório</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="172"/>
        <source>&amp;Sign</source>
        <translation>&amp;Assinar</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="175"/>
        <source>&amp;Open PDF</source>
        <translation>A&amp;brir PDF</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="177"/>
        <source>&amp;Export…</source>
        <translation>E&amp;xportar…</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="178"/>
        <source>Write the signed PDF and the bundle for headquarters to a folder (a USB stick)</source>
        <translation>Escrever o PDF assinado e o pacote para a sede numa pasta (uma pen USB)</translation>
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
        <translation>1 erro tem de ser corrigido antes de assinar.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/field/sign_dialog.py" line="239"/>
        <source>%n errors must be fixed before signing.</source>
        <translation>
            <numerusform>%n erro tem de ser corrigido antes de assinar.</numerusform>
            <numerusform>%n erros têm de ser corrigidos antes de assinar.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="242"/>
        <source>1 warning must be acknowledged before signing: select it and say why it is acceptable.</source>
        <translation>1 aviso tem de ser aceite antes de assinar: selecione-o e diga porque é aceitável.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/field/sign_dialog.py" line="244"/>
        <source>%n warnings must be acknowledged before signing: select each and say why it is acceptable.</source>
        <translation>
            <numerusform>%n aviso tem de ser aceite antes de assinar: selecione-o e diga porque é aceitável.</numerusform>
            <numerusform>%n avisos têm de ser aceites antes de assinar: selecione cada um e diga porque é aceitável.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="248"/>
        <source>No errors; every warning acknowledged (the notes go into the report). Ready to sign.</source>
        <translation>Sem erros; todos os avisos aceites (as notas ficam no relatório). Pronto a assinar.</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="251"/>
        <source>No problems. Ready to sign.</source>
        <translation>Sem problemas. Pronto a assinar.</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="269"/>
        <source>This home has no signing key yet: make one in Tools → Signing certificate, then sign.</source>
        <translation>Esta pasta de trabalho ainda não tem chave de assinatura: crie uma em Ferramentas → Certificado de assinatura e depois assine.</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="292"/>
        <source>Signing with {name}&apos;s certificate {serial}, issued by {issuer}.</source>
        <translation>Assinatura com o certificado {serial} de {name}, emitido por {issuer}.</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="316"/>
        <source>Fix the errors and acknowledge the warnings first.</source>
        <translation>Corrija primeiro os erros e aceite os avisos.</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="318"/>
        <location filename="../../gui/field/sign_dialog.py" line="366"/>
        <source>Type the passphrase of the signing key.</source>
        <translation>Escreva a frase-passe da chave de assinatura.</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="320"/>
        <source>Freeze and sign the inspection</source>
        <translation>Fixar e assinar a inspeção</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="361"/>
        <source>The inspection cannot be signed yet: fix the errors and acknowledge the warnings.</source>
        <translation>A inspeção ainda não pode ser assinada: corrija os erros e aceite os avisos.</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="390"/>
        <source>Opening the signing key…</source>
        <translation>A abrir a chave de assinatura…</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="390"/>
        <source>Sealing the summary in the QR code…</source>
        <translation>A selar o resumo no código QR…</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="391"/>
        <source>Rendering the report…</source>
        <translation>A gerar o relatório…</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="391"/>
        <source>Signing the PDF…</source>
        <translation>A assinar o PDF…</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="392"/>
        <source>Recording the report…</source>
        <translation>A registar o relatório…</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="392"/>
        <source>Signed.</source>
        <translation>Assinado.</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="414"/>
        <source>The passphrase is wrong. Type it again; it is the one chosen when this home was made.</source>
        <translation>A frase-passe está errada. Escreva-a de novo; é a que foi escolhida quando esta pasta de trabalho foi criada.</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="445"/>
        <source>Signed and frozen.</source>
        <translation>Assinado e fixado.</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="448"/>
        <source>Report {report}, version {version}, is signed and stored in this home. Export it to a USB stick to give the PDF to the exporter and the bundle to headquarters.</source>
        <translation>O relatório {report}, versão {version}, está assinado e guardado nesta pasta de trabalho. Exporte-o para uma pen USB para entregar o PDF ao exportador e o pacote à sede.</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="454"/>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
    <message>
        <location filename="../../gui/field/sign_dialog.py" line="469"/>
        <source>No program to show PDF files was found. The PDF is {path}</source>
        <translation>Não foi encontrado nenhum programa para ver PDF. O PDF é {path}</translation>
    </message>
</context>
<context>
    <name>StatsModel</name>
    <message>
        <location filename="../../gui/hq/models.py" line="478"/>
        <source>Month</source>
        <translation>Mês</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="478"/>
        <source>Origin</source>
        <translation>Origem</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="478"/>
        <source>Shipments</source>
        <translation>Remessas</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="478"/>
        <source>Certified</source>
        <translation>Certificadas</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="479"/>
        <source>Carats</source>
        <translation>Quilates</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="479"/>
        <source>Value (US$)</source>
        <translation>Valor (USD)</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="479"/>
        <source>US$ per carat</source>
        <translation>USD por quilate</translation>
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
        <translation>Certificado</translation>
    </message>
</context>
<context>
    <name>ValidationPanelWidget</name>
    <message>
        <location filename="../../gui/editor/validation_panel.py" line="234"/>
        <source>Ac&amp;knowledge…</source>
        <translation>A&amp;ceitar…</translation>
    </message>
    <message>
        <location filename="../../gui/editor/validation_panel.py" line="235"/>
        <source>Accept the selected warning, with a note saying why</source>
        <translation>Aceitar o aviso selecionado, com uma nota que diga porquê</translation>
    </message>
    <message>
        <location filename="../../gui/editor/validation_panel.py" line="237"/>
        <source>Withdraw</source>
        <translation>Retirar</translation>
    </message>
    <message>
        <location filename="../../gui/editor/validation_panel.py" line="238"/>
        <source>Withdraw the acknowledgement of the selected warning</source>
        <translation>Retirar a aceitação do aviso selecionado</translation>
    </message>
    <message>
        <location filename="../../gui/editor/validation_panel.py" line="248"/>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <location filename="../../gui/editor/validation_panel.py" line="257"/>
        <source>Fold the problems to a bar, giving the form the room ({key})</source>
        <translation>Recolher os problemas numa barra, deixando espaço ao formulário ({key})</translation>
    </message>
    <message>
        <location filename="../../gui/editor/validation_panel.py" line="327"/>
        <source>Signed, with the warnings below acknowledged in the report.</source>
        <translation>Assinado, com os avisos abaixo aceites no relatório.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/validation_panel.py" line="328"/>
        <source>Signed.</source>
        <translation>Assinado.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/validation_panel.py" line="331"/>
        <source>No problems: ready to sign.</source>
        <translation>Sem problemas: pronto a assinar.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/validation_panel.py" line="333"/>
        <source>No errors; every warning acknowledged: ready to sign.</source>
        <translation>Sem erros; todos os avisos aceites: pronto a assinar.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/validation_panel.py" line="338"/>
        <source>1 error</source>
        <translation>1 erro</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/editor/validation_panel.py" line="338"/>
        <source>%n errors</source>
        <translation>
            <numerusform>%n erro</numerusform>
            <numerusform>%n erros</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/editor/validation_panel.py" line="340"/>
        <source>1 warning to acknowledge</source>
        <translation>1 aviso por aceitar</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/editor/validation_panel.py" line="341"/>
        <source>%n warnings to acknowledge</source>
        <translation>
            <numerusform>%n aviso por aceitar</numerusform>
            <numerusform>%n avisos por aceitar</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/editor/validation_panel.py" line="357"/>
        <source>signed</source>
        <translation>assinado</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/editor/validation_panel.py" line="357"/>
        <source>signed, %n acknowledged</source>
        <translation>
            <numerusform>assinado, %n aceite</numerusform>
            <numerusform>assinado, %n aceites</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/editor/validation_panel.py" line="359"/>
        <source>none, ready to sign</source>
        <translation>nenhum, pronto a assinar</translation>
    </message>
    <message>
        <location filename="../../gui/editor/validation_panel.py" line="360"/>
        <source>Problems: {summary}</source>
        <translation>Problemas: {summary}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/validation_panel.py" line="363"/>
        <source>{summary} Click or press {key} to show the problems.</source>
        <translation>{summary} Clique ou prima {key} para mostrar os problemas.</translation>
    </message>
</context>
<context>
    <name>ValuationSectionWidget</name>
    <message>
        <location filename="../../gui/editor/record.py" line="176"/>
        <source>Production</source>
        <translation>Produção</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="177"/>
        <source>&amp;Operator</source>
        <translation>&amp;Operador</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="177"/>
        <source>the mining company</source>
        <translation>a empresa mineira</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="178"/>
        <source>Mi&amp;ne or concession</source>
        <translation>&amp;Mina ou concessão</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="179"/>
        <source>Pe&amp;riod</source>
        <translation>&amp;Período</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="179"/>
        <source>2026-10, or 2026-09/2026-10</source>
        <translation>2026-10, ou 2026-09/2026-10</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="181"/>
        <source>Sto&amp;ckpile or current</source>
        <translation>&amp;Stock ou produção corrente</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="182"/>
        <location filename="../../gui/editor/record.py" line="191"/>
        <source>not recorded</source>
        <translation>não registado</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="182"/>
        <source>from a stockpile</source>
        <translation>de um stock</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="183"/>
        <source>current production</source>
        <translation>produção corrente</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="184"/>
        <source>Re&amp;gister checked</source>
        <translation>&amp;Registo verificado</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="184"/>
        <source>e.g. production register 2026</source>
        <translation>p. ex. registo de produção 2026</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="186"/>
        <source>Valuation</source>
        <translation>Avaliação</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="187"/>
        <source>&amp;Valuator</source>
        <translation>&amp;Avaliador</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="188"/>
        <source>Org&amp;anisation</source>
        <translation>Or&amp;ganização</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="189"/>
        <source>e.g. Government Diamond Valuator</source>
        <translation>p. ex. avaliador oficial de diamantes</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="190"/>
        <source>&amp;Method</source>
        <translation>Mé&amp;todo</translation>
    </message>
    <message>
        <location filename="../../gui/editor/record.py" line="192"/>
        <source>Valuator&apos;s figure (US$)</source>
        <translation>Valor do avaliador (USD)</translation>
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
        <translation>Verificar um relatório</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="211"/>
        <source>Drop a report PDF or bundle here, or open one</source>
        <translation>Largue aqui o PDF ou o pacote de um relatório, ou abra um</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="214"/>
        <source>Report &amp;file:</source>
        <translation>&amp;Ficheiro do relatório:</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="216"/>
        <source>&amp;Open…</source>
        <translation>&amp;Abrir…</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="217"/>
        <source>Open a signed report PDF, its bundle, or a text file holding its QR seal</source>
        <translation>Abrir o PDF de um relatório assinado, o seu pacote, ou um ficheiro de texto com o seu selo QR</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="222"/>
        <source>Scan the QR seal on the printed page, or paste its text (KP1:…)</source>
        <translation>Leia o selo QR da página impressa, ou cole o seu texto (KP1:…)</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="225"/>
        <source>&amp;QR seal:</source>
        <translation>Selo &amp;QR:</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="227"/>
        <source>&amp;Check</source>
        <translation>&amp;Verificar</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="242"/>
        <location filename="../../gui/field/verify_dialog.py" line="248"/>
        <source>Choose…</source>
        <translation>Escolher…</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="243"/>
        <source>Check against another headquarters root certificate (kp-root.pem)</source>
        <translation>Verificar com outro certificado raiz da sede (kp-root.pem)</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="249"/>
        <source>Check against headquarters&apos; revocation list (kp-crl.pem)</source>
        <translation>Verificar com a lista de revogação da sede (kp-crl.pem)</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="251"/>
        <source>Use this home&apos;s</source>
        <translation>Usar os desta pasta</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="252"/>
        <source>Check against the root and revocation list installed in this home</source>
        <translation>Verificar com o certificado raiz e a lista de revogação instalados nesta pasta de trabalho</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="256"/>
        <source>Headquarters&apos; root:</source>
        <translation>Raiz da sede:</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="259"/>
        <source>Revocation list:</source>
        <translation>Lista de revogação:</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="264"/>
        <source>Checked against</source>
        <translation>Verificado com</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="308"/>
        <source>Certificate</source>
        <translation>Certificado</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="308"/>
        <source>Exporter</source>
        <translation>Exportador</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="309"/>
        <source>Carats</source>
        <translation>Quilates</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="309"/>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="310"/>
        <source>Parcels</source>
        <translation>Lotes</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="310"/>
        <source>Seals</source>
        <translation>Selos</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="311"/>
        <source>Verdict</source>
        <translation>Decisão</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="311"/>
        <location filename="../../gui/field/verify_dialog.py" line="327"/>
        <source>Monitor</source>
        <translation>Inspetor</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="312"/>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="312"/>
        <source>Report</source>
        <translation>Relatório</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="322"/>
        <location filename="../../gui/field/verify_dialog.py" line="624"/>
        <source>What the report states</source>
        <translation>O que o relatório declara</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="324"/>
        <source>The figures as the signed report states them</source>
        <translation>Os valores tal como o relatório assinado os declara</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="327"/>
        <source>Issued by</source>
        <translation>Emitido por</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="328"/>
        <source>Serial</source>
        <translation>N.º de série</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="328"/>
        <source>Valid</source>
        <translation>Validade</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="333"/>
        <source>Signed by</source>
        <translation>Assinado por</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="371"/>
        <source>{name}, from {file}</source>
        <translation>{name}, de {file}</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="375"/>
        <source>This home&apos;s: {name}</source>
        <translation>O desta pasta: {name}</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="376"/>
        <source>None installed in this home: choose headquarters&apos; root certificate (kp-root.pem) to know whether headquarters vouches for the signer.</source>
        <translation>Nenhum instalado nesta pasta de trabalho: escolha o certificado raiz da sede (kp-root.pem) para saber se a sede garante o signatário.</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="381"/>
        <source>None: revocations will not be checked. Choose headquarters&apos; list (kp-crl.pem) to check them.</source>
        <translation>Nenhuma: as revogações não serão verificadas. Escolha a lista da sede (kp-crl.pem) para as verificar.</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="386"/>
        <source>None installed in this home: revocations will not be checked.</source>
        <translation>Nenhuma instalada nesta pasta de trabalho: as revogações não serão verificadas.</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="388"/>
        <source>1 certificate revoked</source>
        <translation>1 certificado revogado</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/field/verify_dialog.py" line="389"/>
        <source>%n certificates revoked</source>
        <translation>
            <numerusform>%n certificado revogado</numerusform>
            <numerusform>%n certificados revogados</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="390"/>
        <source>This home&apos;s, of {date}: {revoked}</source>
        <translation>A desta pasta, de {date}: {revoked}</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="414"/>
        <source>Headquarters&apos; root certificate</source>
        <translation>Certificado raiz da sede</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="415"/>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificados (*.pem *.crt *.cer);;Todos os ficheiros (*)</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="420"/>
        <source>Headquarters&apos; revocation list</source>
        <translation>Lista de revogação da sede</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="421"/>
        <source>Revocation lists (*.pem *.crl);;All files (*)</source>
        <translation>Listas de revogação (*.pem *.crl);;Todos os ficheiros (*)</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="433"/>
        <source>{file} cannot be used as headquarters&apos; root: {why}</source>
        <translation>{file} não pode ser usado como raiz da sede: {why}</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="457"/>
        <source>Open a report</source>
        <translation>Abrir um relatório</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="458"/>
        <source>Reports, bundles and QR seal text (*.pdf *.kpbundle *.txt);;All files (*)</source>
        <translation>Relatórios, pacotes e texto de selo QR (*.pdf *.kpbundle *.txt);;Todos os ficheiros (*)</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="480"/>
        <source>{name} is a bundle for headquarters&apos; import; this build cannot verify bundles. Verify the report&apos;s PDF instead.</source>
        <translation>{name} é um pacote para importação na sede; esta versão não verifica pacotes. Verifique antes o PDF do relatório.</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="483"/>
        <source>{name} is a folder; open a report PDF or a QR text file.</source>
        <translation>{name} é uma pasta; abra o PDF de um relatório ou um ficheiro de texto QR.</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="485"/>
        <source>There is no file {path}.</source>
        <translation>Não existe o ficheiro {path}.</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="487"/>
        <source>{name} is neither a report PDF, nor a bundle, nor the text of a QR seal.</source>
        <translation>{name} não é o PDF de um relatório, nem um pacote, nem o texto de um selo QR.</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="507"/>
        <source>That is far too long to be a QR seal&apos;s text.</source>
        <translation>É demasiado longo para ser o texto de um selo QR.</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="516"/>
        <source>A check is still running; wait a moment.</source>
        <translation>Ainda está a decorrer uma verificação; aguarde um momento.</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="522"/>
        <source>Checking…</source>
        <translation>A verificar…</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="565"/>
        <source>✓  Genuine</source>
        <translation>✓  Autêntico</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="566"/>
        <source>⚠  Intact but not vouched for by headquarters</source>
        <translation>⚠  Intacto mas não garantido pela sede</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="567"/>
        <source>✗  Not valid</source>
        <translation>✗  Não válido</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="591"/>
        <source>Revocation was not checked: choose headquarters&apos; revocation list to check it.</source>
        <translation>A revogação não foi verificada: escolha a lista de revogação da sede para a verificar.</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="601"/>
        <source>{report}, version {version}</source>
        <translation>{report}, versão {version}</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="604"/>
        <source>(supersedes {report})</source>
        <translation>(substitui {report})</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="607"/>
        <source>signed {when}</source>
        <translation>assinado em {when}</translation>
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
        <translation>O que o ficheiro afirma</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="628"/>
        <source>Not to be trusted: the file failed its checks.</source>
        <translation>Não é fiável: o ficheiro falhou as verificações.</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="637"/>
        <source>{start} to {end}</source>
        <translation>de {start} a {end}</translation>
    </message>
    <message>
        <location filename="../../gui/field/verify_dialog.py" line="640"/>
        <source>{issuer} (itself: self-signed)</source>
        <translation>{issuer} (o próprio: autoassinado)</translation>
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
Inspeções de remessas do Processo de Kimberley, com cada alteração guardada no momento em que é feita.

Dados: {home}</translation>
    </message>
    <message>
        <location filename="../../gui/common/dialogs.py" line="109"/>
        <source>About kpmonitor</source>
        <translation>Acerca do kpmonitor</translation>
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
        <translation>Ocorreu um erro no kpmonitor. Tudo o que foi escrito até agora está guardado. Os pormenores estão no registo (Ajuda → Ver registo).</translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="219"/>
        <source>Demo monitor</source>
        <translation>Inspetor de demonstração</translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="242"/>
        <source>Making demo inspections…</source>
        <translation>A criar inspeções de demonstração…</translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="242"/>
        <source>Stop</source>
        <translation>Parar</translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="243"/>
        <source>kpmonitor demo</source>
        <translation>Demonstração do kpmonitor</translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="259"/>
        <source>A demo home: its signing passphrase is “{passphrase}”.</source>
        <translation>Pasta de demonstração: a frase-passe de assinatura é “{passphrase}”.</translation>
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
        <translation>Importado</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="112"/>
        <source>Already imported</source>
        <translation>Já importado</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="113"/>
        <source>Conflict, set aside</source>
        <translation>Conflito, posto de parte</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="113"/>
        <source>Refused</source>
        <translation>Recusado</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="183"/>
        <source>verified</source>
        <translation>verificado</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="185"/>
        <source>signed before enrolment</source>
        <translation>assinado antes do registo na sede</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="187"/>
        <source>signer revoked</source>
        <translation>signatário revogado</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="195"/>
        <source>No confirmation of receipt is awaited: the report is not certified, or a later version counts.</source>
        <translation>Não se aguarda confirmação de receção: o relatório não está certificado, ou conta uma versão posterior.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="198"/>
        <source>confirmed {day}</source>
        <translation>confirmado em {day}</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="199"/>
        <source>The importing authority confirmed receipt on {day}.</source>
        <translation>A autoridade importadora confirmou a receção em {day}.</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="201"/>
        <source>mismatch</source>
        <translation>discrepância</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="202"/>
        <source>Confirmed on {day}, but not as certified: {what}.</source>
        <translation>Confirmado em {day}, mas não como certificado: {what}.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/hq/models.py" line="205"/>
        <source>awaited %n day(s)</source>
        <translation>
            <numerusform>aguardado há %n dia</numerusform>
            <numerusform>aguardado há %n dias</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/hq/models.py" line="207"/>
        <source>No confirmation of receipt yet, %n day(s) after signing: more than headquarters allows (setting hq_confirmation_days).</source>
        <translation>
            <numerusform>Ainda sem confirmação de receção, %n dia após a assinatura: mais do que a sede admite (definição hq_confirmation_days).</numerusform>
            <numerusform>Ainda sem confirmação de receção, %n dias após a assinatura: mais do que a sede admite (definição hq_confirmation_days).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/hq/models.py" line="209"/>
        <source>No confirmation of receipt yet, %n day(s) after signing.</source>
        <translation>
            <numerusform>Ainda sem confirmação de receção, %n dia após a assinatura.</numerusform>
            <numerusform>Ainda sem confirmação de receção, %n dias após a assinatura.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="321"/>
        <source>Report missing</source>
        <translation>Relatório em falta</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="321"/>
        <source>Report refused at import</source>
        <translation>Relatório recusado na importação</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="322"/>
        <source>History rolled back</source>
        <translation>Histórico revertido</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="323"/>
        <source>History forked</source>
        <translation>Histórico bifurcado</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="323"/>
        <source>Seal reused</source>
        <translation>Selo reutilizado</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="324"/>
        <source>KP certificate reused</source>
        <translation>Certificado PK reutilizado</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="325"/>
        <source>Supersedes another device&apos;s report</source>
        <translation>Substitui o relatório de outro dispositivo</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="326"/>
        <source>Device history rewritten</source>
        <translation>Histórico do dispositivo reescrito</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="327"/>
        <source>Another device&apos;s report id</source>
        <translation>Identificador de relatório de outro dispositivo</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="328"/>
        <source>Value per carat</source>
        <translation>Valor por quilate</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="328"/>
        <source>Weight off declared</source>
        <translation>Peso diferente do declarado</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="329"/>
        <source>Photo out of time or place</source>
        <translation>Foto fora de tempo ou de local</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="329"/>
        <source>Photo reused</source>
        <translation>Foto reutilizada</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="330"/>
        <source>Receipt differs from report</source>
        <translation>Receção diferente do relatório</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="331"/>
        <source>Receipt without report</source>
        <translation>Receção sem relatório</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="332"/>
        <source>Receipt not confirmed</source>
        <translation>Receção não confirmada</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="333"/>
        <source>Signed long after sealing</source>
        <translation>Assinado muito depois da selagem</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="333"/>
        <source>Valuation differs</source>
        <translation>Avaliação divergente</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="334"/>
        <source>Operator not cleared</source>
        <translation>Operador não autorizado</translation>
    </message>
    <message>
        <location filename="../../gui/hq/models.py" line="335"/>
        <source>Validated before sealing</source>
        <translation>Validado antes da selagem</translation>
    </message>
</context>
<context>
    <name>words</name>
    <message>
        <location filename="../../gui/common/words.py" line="20"/>
        <source>Applied</source>
        <translation>Aplicado</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="20"/>
        <source>Verified intact</source>
        <translation>Verificado intacto</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="20"/>
        <source>Broken</source>
        <translation>Violado</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="21"/>
        <source>Number mismatch</source>
        <translation>Número não coincide</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="21"/>
        <source>Missing</source>
        <translation>Em falta</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="27"/>
        <source>bag</source>
        <translation>saco</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="27"/>
        <source>tape</source>
        <translation>fita</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="27"/>
        <source>bolt</source>
        <translation>cavilha</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="27"/>
        <source>cable</source>
        <translation>cabo</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="27"/>
        <source>wire</source>
        <translation>arame</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="28"/>
        <source>padlock</source>
        <translation>cadeado</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="28"/>
        <source>label</source>
        <translation>etiqueta</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="28"/>
        <source>strap</source>
        <translation>cinta</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="28"/>
        <source>other</source>
        <translation>outro</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="33"/>
        <source>I — indicative</source>
        <translation>I — indicativo</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="33"/>
        <source>S — security</source>
        <translation>S — segurança</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="33"/>
        <source>H — high security</source>
        <translation>H — alta segurança</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="37"/>
        <source>info</source>
        <translation>info</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="37"/>
        <source>minor</source>
        <translation>menor</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="37"/>
        <source>major</source>
        <translation>maior</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="38"/>
        <source>critical</source>
        <translation>crítico</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="43"/>
        <source>field</source>
        <translation>terreno</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="43"/>
        <source>headquarters</source>
        <translation>sede</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="48"/>
        <source>none</source>
        <translation>nenhuma</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="49"/>
        <source>Certified for export</source>
        <translation>Certificado para exportação</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="49"/>
        <source>Not certified</source>
        <translation>Não certificado</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="50"/>
        <source>Held pending</source>
        <translation>Retido pendente</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="56"/>
        <source>Signature intact</source>
        <translation>Assinatura intacta</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="57"/>
        <source>Signature covers the whole file</source>
        <translation>A assinatura abrange todo o ficheiro</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="58"/>
        <source>Certified, no changes permitted</source>
        <translation>Certificado, sem alterações permitidas</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="59"/>
        <source>Issued by headquarters</source>
        <translation>Emitido pela sede</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="60"/>
        <source>Certificate within its validity period</source>
        <translation>Certificado dentro do prazo de validade</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="61"/>
        <source>Not revoked</source>
        <translation>Não revogado</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="62"/>
        <source>Report snapshot attached</source>
        <translation>Instantâneo do relatório anexado</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="63"/>
        <source>QR seal signature</source>
        <translation>Assinatura do selo QR</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="64"/>
        <source>QR seal and PDF signed by the same monitor</source>
        <translation>Selo QR e PDF assinados pelo mesmo inspetor</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="65"/>
        <source>QR seal matches the report</source>
        <translation>O selo QR corresponde ao relatório</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="66"/>
        <source>Recognised as a report</source>
        <translation>Reconhecido como relatório</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="68"/>
        <source>Readable bundle</source>
        <translation>Pacote legível</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="69"/>
        <source>Manifest signature</source>
        <translation>Assinatura do manifesto</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="70"/>
        <source>Files match the manifest</source>
        <translation>Os ficheiros correspondem ao manifesto</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="71"/>
        <source>Snapshot follows the report format</source>
        <translation>O instantâneo segue o formato do relatório</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="72"/>
        <source>Snapshot matches the manifest</source>
        <translation>O instantâneo corresponde ao manifesto</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="73"/>
        <source>Certificate names the signer</source>
        <translation>O certificado identifica o signatário</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="74"/>
        <source>Photos match the snapshot</source>
        <translation>As fotos correspondem ao instantâneo</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="75"/>
        <source>PDF signature</source>
        <translation>Assinatura do PDF</translation>
    </message>
    <message>
        <location filename="../../gui/common/words.py" line="76"/>
        <source>PDF carries the snapshot</source>
        <translation>O PDF contém o instantâneo</translation>
    </message>
</context>
<context>
    <name>workers</name>
    <message>
        <location filename="../../gui/common/workers.py" line="98"/>
        <source>The details are in the log (Help → View log).</source>
        <translation>Os pormenores estão no registo (Ajuda → Ver registo).</translation>
    </message>
</context>
</TS>
