<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Approvals</source>
        <translation>Aprovações</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Ledger</source>
        <translation>&amp;Livro</translation>
    </message>
    <message>
        <source>Waiting for me: {0}</source>
        <translation>À minha espera: {0}</translation>
    </message>
    <message>
        <source>Approvals ({0})</source>
        <translation>Aprovações ({0})</translation>
    </message>
    <message>
        <source>A proposal is waiting for your approval</source>
        <translation>Uma proposta aguarda a sua aprovação</translation>
    </message>
    <message>
        <source>Export bundle for a USB stick</source>
        <translation>Exportar pacote para uma pen USB</translation>
    </message>
    <message>
        <source>Export bundle</source>
        <translation>Exportar pacote</translation>
    </message>
    <message>
        <source>Do you have the receiving replica&apos;s frontier file (from `relief-ledger bundle frontier`)? With it the bundle holds only what they lack; without it, everything.</source>
        <translation>Tem o ficheiro de fronteira da réplica que vai receber (de `relief-ledger bundle frontier`)? Com ele o pacote leva só o que lhe falta; sem ele, leva tudo.</translation>
    </message>
    <message>
        <source>Frontier file</source>
        <translation>Ficheiro de fronteira</translation>
    </message>
    <message>
        <source>Bundle exported</source>
        <translation>Pacote exportado</translation>
    </message>
    <message>
        <source>Exporting bundle…</source>
        <translation>A exportar o pacote…</translation>
    </message>
    <message>
        <source>Import bundle</source>
        <translation>Importar pacote</translation>
    </message>
    <message>
        <source>Bundle imported</source>
        <translation>Pacote importado</translation>
    </message>
    <message>
        <source>Bundle imported with problems</source>
        <translation>Pacote importado com problemas</translation>
    </message>
    <message>
        <source>Importing bundle…</source>
        <translation>A importar o pacote…</translation>
    </message>
    <message>
        <source>EXERCISE network — nothing in it is a real movement.</source>
        <translation>Rede de EXERCÍCIO — nada nela é um movimento real.</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Mapa</translation>
    </message>
    <message>
        <source>{0} {1} has no table</source>
        <translation>{0} {1} não tem tabela</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Ficheiro</translation>
    </message>
    <message>
        <source>Import map package (MBTiles)…</source>
        <translation>Importar pacote de mapa (MBTiles)…</translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <translation>&amp;Mapa</translation>
    </message>
    <message>
        <source>Replay the operation…</source>
        <translation>Reproduzir a operação…</translation>
    </message>
    <message>
        <source>Export map as HTML (offline)…</source>
        <translation>Exportar mapa como HTML (offline)…</translation>
    </message>
    <message>
        <source>Export map as PNG…</source>
        <translation>Exportar mapa como PNG…</translation>
    </message>
    <message>
        <source>Online tile server…</source>
        <translation>Servidor de mosaicos online…</translation>
    </message>
    <message>
        <source>Import map package</source>
        <translation>Importar pacote de mapa</translation>
    </message>
    <message>
        <source>MBTiles map packages (*.mbtiles)</source>
        <translation>Pacotes de mapa MBTiles (*.mbtiles)</translation>
    </message>
    <message>
        <source>Importing map package…</source>
        <translation>A importar o pacote de mapa…</translation>
    </message>
    <message>
        <source>Export map as HTML</source>
        <translation>Exportar mapa como HTML</translation>
    </message>
    <message>
        <source>Web pages (*.html)</source>
        <translation>Páginas web (*.html)</translation>
    </message>
    <message>
        <source>Exporting the map to {0}…</source>
        <translation>A exportar o mapa para {0}…</translation>
    </message>
    <message>
        <source>Export map as PNG</source>
        <translation>Exportar mapa como PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Imagens PNG (*.png)</translation>
    </message>
    <message>
        <source>Export map</source>
        <translation>Exportar mapa</translation>
    </message>
    <message>
        <source>Could not write {0}</source>
        <translation>Não foi possível escrever {0}</translation>
    </message>
    <message>
        <source>Online tile server</source>
        <translation>Servidor de mosaicos online</translation>
    </message>
    <message>
        <source>Tile URL with {z}/{x}/{y} (leave empty to stay offline).
When set, map tiles are fetched from this server over the network.</source>
        <translation>URL dos mosaicos com {z}/{x}/{y} (deixe vazio para ficar offline).
Quando definido, os mosaicos do mapa são obtidos deste servidor pela rede.</translation>
    </message>
    <message>
        <source>A tile URL starts with http(s):// and contains {z}, {x} and {y}.</source>
        <translation>Um URL de mosaicos começa por http(s):// e contém {z}, {x} e {y}.</translation>
    </message>
    <message>
        <source>The map is unavailable on this machine: its web engine could not start ({0}). Everything else works; the tables show every site, stock, request and shipment.</source>
        <translation>O mapa não está disponível nesta máquina: o seu motor web não pôde arrancar ({0}). Tudo o resto funciona; as tabelas mostram cada local, stock, pedido e expedição.</translation>
    </message>
    <message>
        <source>Export table as CSV…</source>
        <translation>Exportar tabela como CSV…</translation>
    </message>
    <message>
        <source>Export bundle for a USB stick…</source>
        <translation>Exportar pacote para uma pen USB…</translation>
    </message>
    <message>
        <source>Import bundle…</source>
        <translation>Importar pacote…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Sair</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>&amp;Registar</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registar</translation>
    </message>
    <message>
        <source>Accept custody (sign as receiver)…</source>
        <translation>Aceitar a custódia (assinar como recetor)…</translation>
    </message>
    <message>
        <source>Verify whole replica</source>
        <translation>Verificar toda a réplica</translation>
    </message>
    <message>
        <source>Filter current table</source>
        <translation>Filtrar a tabela atual</translation>
    </message>
    <message>
        <source>&amp;Contracts</source>
        <translation>&amp;Contratos</translation>
    </message>
    <message>
        <source>Open editor…</source>
        <translation>Abrir o editor…</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Definições</translation>
    </message>
    <message>
        <source>Network…</source>
        <translation>Rede…</translation>
    </message>
    <message>
        <source>Language…</source>
        <translation>Idioma…</translation>
    </message>
    <message>
        <source>Reset layout</source>
        <translation>Repor disposição</translation>
    </message>
    <message>
        <source>Every panel back in its place, at the proportions that fit this window</source>
        <translation>Cada painel de volta ao seu lugar, nas proporções que cabem nesta janela</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aj&amp;uda</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Guia do utilizador</translation>
    </message>
    <message>
        <source>About Relief Ledger</source>
        <translation>Acerca do Relief Ledger</translation>
    </message>
    <message>
        <source>Lineage of lot {0}</source>
        <translation>Linhagem do lote {0}</translation>
    </message>
    <message>
        <source>Show this entry in the ledger explorer</source>
        <translation>Mostrar este registo no explorador do livro-razão</translation>
    </message>
    <message>
        <source>&lt;b&gt;Lot {0}&lt;/b&gt;: where it came from and where it went (click a step to see its entry)</source>
        <translation>&lt;b&gt;Lote {0}&lt;/b&gt;: de onde veio e para onde foi (clique num passo para ver o registo)</translation>
    </message>
    <message>
        <source>This record moved no lot of material.</source>
        <translation>Este registo não movimentou nenhum lote de material.</translation>
    </message>
    <message>
        <source>Record as text</source>
        <translation>Registo como texto</translation>
    </message>
    <message>
        <source>Record as &amp;text</source>
        <translation>Registo como &amp;texto</translation>
    </message>
    <message>
        <source>incoming</source>
        <translation>recebida</translation>
    </message>
    <message>
        <source>outgoing</source>
        <translation>enviada</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>a ligar</translation>
    </message>
    <message>
        <source>connected · in sync</source>
        <translation>ligado · sincronizado</translation>
    </message>
    <message>
        <source>connected · catching up</source>
        <translation>ligado · a atualizar</translation>
    </message>
    <message>
        <source>gone since {0}</source>
        <translation>ausente desde {0}</translation>
    </message>
    <message>
        <source>gone</source>
        <translation>ausente</translation>
    </message>
    <message>
        <source>discovered, not connected</source>
        <translation>descoberto, não ligado</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>não ligado</translation>
    </message>
    <message>
        <source>{0} {1} here</source>
        <translation>{0} {1} aqui</translation>
    </message>
    <message>
        <source>expires {0}</source>
        <translation>expira {0}</translation>
    </message>
    <message>
        <source>take this one first</source>
        <translation>use este primeiro</translation>
    </message>
    <message>
        <source>holds {0}</source>
        <translation>tem {0}</translation>
    </message>
    <message>
        <source>{0} {1} still to send</source>
        <translation>{0} {1} ainda por enviar</translation>
    </message>
    <message>
        <source> ({0} on the way)</source>
        <translation> ({0} a caminho)</translation>
    </message>
    <message>
        <source>{0}, needed by {1}</source>
        <translation>{0}, necessário até {1}</translation>
    </message>
    <message>
        <source>held by {0}</source>
        <translation>com {0}</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Receção</translation>
    </message>
    <message>
        <source>Distribution</source>
        <translation>Distribuição</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <source>{0} {1}</source>
        <translation>{0} {1}</translation>
    </message>
    <message>
        <source>Type part of a name or code…</source>
        <translation>Escreva parte de um nome ou código…</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Vista geral</translation>
    </message>
    <message>
        <source>Ledger explorer</source>
        <translation>Explorador do livro-razão</translation>
    </message>
    <message>
        <source>{0} rows from the overview</source>
        <translation>{0} linhas da vista geral</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Relief Ledger</source>
        <translation>Acerca do Relief Ledger</translation>
    </message>
    <message>
        <source>not a build (source checkout)</source>
        <translation>não é uma compilação (cópia do código-fonte)</translation>
    </message>
    <message>
        <source>not in a source checkout (every build has them)</source>
        <translation>ausentes numa cópia do código-fonte (todas as compilações as incluem)</translation>
    </message>
    <message>
        <source>Relief Ledger {0}

Signed, replicated ledger of relief-material movements.

Commit: {1}
Built: {2}
Qt {3}, PySide6 {4}, Python {5}

Data directory: {6}
Network id: {7}

Third-party notices: {8}</source>
        <translation>Relief Ledger {0}

Livro assinado e replicado dos movimentos de material de socorro.

Commit: {1}
Compilado: {2}
Qt {3}, PySide6 {4}, Python {5}

Pasta de dados: {6}
Id da rede: {7}

Avisos de terceiros: {8}</translation>
    </message>
    <message>
        <source>Third-party notices</source>
        <translation>Avisos de terceiros</translation>
    </message>
</context>
<context>
    <name>AcceptCustodyDialog</name>
    <message>
        <source>Accept custody of a shipment</source>
        <translation>Aceitar a custódia de uma remessa</translation>
    </message>
    <message>
        <source>Shipment to accept</source>
        <translation>Envio a aceitar</translation>
    </message>
    <message>
        <source>{0} to {1}, held by {2}</source>
        <translation>{0} para {1}, com {2}</translation>
    </message>
    <message>
        <source>Accept and show code</source>
        <translation>Aceitar e mostrar código</translation>
    </message>
    <message>
        <source>Choose the shipment you are taking, then accept it: your screen shows a QR code for the giver to scan, and a code to read aloud.</source>
        <translation>Escolha o envio que está a receber e aceite-o: o seu ecrã mostra um código QR para quem entrega ler e um código para ler em voz alta.</translation>
    </message>
    <message>
        <source>Acceptance QR code</source>
        <translation>Código QR de aceitação</translation>
    </message>
    <message>
        <source>Code to read aloud</source>
        <translation>Código para ler em voz alta</translation>
    </message>
    <message>
        <source>Acceptance in your ledger</source>
        <translation>Aceitação no seu registo</translation>
    </message>
    <message>
        <source>Copy acceptance text</source>
        <translation>Copiar texto de aceitação</translation>
    </message>
    <message>
        <source>For sending by message when the giver cannot scan your screen</source>
        <translation>Para enviar por mensagem quando quem entrega não pode ler o seu ecrã</translation>
    </message>
    <message>
        <source>Copy the signature alone (for a giver with an older client)</source>
        <translation>Copiar só a assinatura (para quem entrega com um cliente antigo)</translation>
    </message>
    <message>
        <source>Choose a shipment in transit (and unlock your key) first.</source>
        <translation>Escolha primeiro um envio em trânsito (e desbloqueie a sua chave).</translation>
    </message>
    <message>
        <source>You accept custody of &lt;b&gt;{0}&lt;/b&gt; from &lt;b&gt;{1}&lt;/b&gt; (hand-over {2} of this shipment). Let the giver scan this code, or read the code below aloud.</source>
        <translation>Aceita a custódia de &lt;b&gt;{0}&lt;/b&gt; de &lt;b&gt;{1}&lt;/b&gt; (passagem {2} deste envio). Deixe quem entrega ler este código, ou leia em voz alta o código abaixo.</translation>
    </message>
    <message>
        <source>Your acceptance is being recorded in your ledger.</source>
        <translation>A sua aceitação está a ser registada no seu registo.</translation>
    </message>
    <message>
        <source>Recording your acceptance in your ledger…</source>
        <translation>A registar a sua aceitação no seu registo…</translation>
    </message>
    <message>
        <source>Your acceptance could not be recorded in your ledger ({0}); the giver can still scan the QR code.</source>
        <translation>Não foi possível registar a sua aceitação no seu registo ({0}); quem entrega ainda pode ler o código QR.</translation>
    </message>
    <message>
        <source>Your acceptance is recorded in your ledger. A giver without camera or link records the code you read aloud; their device will confirm when the two sync.</source>
        <translation>A sua aceitação está registada no seu registo. Quem entrega sem câmara nem ligação regista o código que lê em voz alta; o dispositivo dele confirmará quando os dois sincronizarem.</translation>
    </message>
    <message>
        <source>EXERCISE — </source>
        <translation>EXERCÍCIO — </translation>
    </message>
    <message>
        <source>Shipment</source>
        <translation>Remessa</translation>
    </message>
</context>
<context>
    <name>AcceptanceInput</name>
    <message>
        <source>Scan QR</source>
        <translation>Ler QR</translation>
    </message>
    <message>
        <source>Open image…</source>
        <translation>Abrir imagem…</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Colar</translation>
    </message>
    <message>
        <source>Scan the receiver&apos;s QR code with the camera</source>
        <translation>Ler o código QR do recetor com a câmara</translation>
    </message>
    <message>
        <source>Read the receiver&apos;s QR code from an image file</source>
        <translation>Ler o código QR do recetor a partir de um ficheiro de imagem</translation>
    </message>
    <message>
        <source>Paste the receiver&apos;s acceptance text</source>
        <translation>Colar o texto de aceitação do recetor</translation>
    </message>
    <message>
        <source>Ask the receiver to accept custody on their screen, then scan its QR code.</source>
        <translation>Peça ao recetor que aceite a custódia no seu ecrã e depois leia o código QR.</translation>
    </message>
    <message>
        <source>Acceptance status</source>
        <translation>Estado da aceitação</translation>
    </message>
    <message>
        <source>read aloud by the receiver, e.g. K7Q4-M2XD</source>
        <translation>lido em voz alta pelo recetor, p. ex. K7Q4-M2XD</translation>
    </message>
    <message>
        <source>Code the receiver reads aloud</source>
        <translation>Código que o recetor lê em voz alta</translation>
    </message>
    <message>
        <source>Spoken code</source>
        <translation>Código falado</translation>
    </message>
    <message>
        <source>No camera and no link: record with the spoken code alone</source>
        <translation>Sem câmara e sem ligação: registar só com o código dito em voz alta</translation>
    </message>
    <message>
        <source>The receiver accepts on their own screen and reads the code aloud; the receiver&apos;s device will confirm when the two sync.</source>
        <translation>Quem recebe aceita no seu próprio ecrã e lê o código em voz alta; o dispositivo de quem recebe confirmará quando os dois sincronizarem.</translation>
    </message>
    <message>
        <source>Advanced: paste a signature (recovery)</source>
        <translation>Avançado: colar uma assinatura (recuperação)</translation>
    </message>
    <message>
        <source>receiver signature from an older client (128 hex characters)</source>
        <translation>assinatura do recetor de um cliente antigo (128 caracteres hexadecimais)</translation>
    </message>
    <message>
        <source>Receiver signature, for recovery</source>
        <translation>Assinatura do recetor, para recuperação</translation>
    </message>
    <message>
        <source>Choose the receiver above, then type the code the receiver reads aloud from their Accept custody screen. The receiver&apos;s device will confirm when the two sync; until then the hand-over is pending.</source>
        <translation>Escolha acima quem recebe e depois escreva o código que essa pessoa lê em voz alta no seu ecrã Aceitar custódia. O dispositivo de quem recebe confirmará quando os dois sincronizarem; até lá a entrega fica pendente.</translation>
    </message>
    <message>
        <source>Accepted by {0} for {1} (hand-over {2}). Check that both screens show the code {3}.</source>
        <translation>Aceite por {0} para {1} (passagem {2}). Verifique que ambos os ecrãs mostram o código {3}.</translation>
    </message>
    <message>
        <source>Acceptance by {0} for {1} (hand-over {2}) read. Now type the code the receiver reads aloud from their screen.</source>
        <translation>Aceitação de {0} para {1} (passagem {2}) lida. Agora escreva o código que o recetor lê em voz alta no seu ecrã.</translation>
    </message>
    <message>
        <source>The clipboard is empty: copy the receiver&apos;s acceptance text first.</source>
        <translation>A área de transferência está vazia: copie primeiro o texto de aceitação do recetor.</translation>
    </message>
    <message>
        <source>Image of the receiver&apos;s QR code</source>
        <translation>Imagem do código QR do recetor</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp)</source>
        <translation>Imagens (*.png *.jpg *.jpeg *.bmp *.gif *.webp)</translation>
    </message>
    <message>
        <source>Reading the image…</source>
        <translation>A ler a imagem…</translation>
    </message>
    <message>
        <source>Reading the QR code</source>
        <translation>A ler o código QR</translation>
    </message>
    <message>
        <source>No QR code was found in that image; take it again, closer and sharper.</source>
        <translation>Não foi encontrado nenhum código QR nessa imagem; tire-a de novo, mais perto e mais nítida.</translation>
    </message>
    <message>
        <source>Open an image of the QR code, paste its text, or use the spoken code instead.</source>
        <translation>Abra uma imagem do código QR, cole o seu texto ou use o código falado.</translation>
    </message>
    <message>
        <source>A code is eight letters and digits, like K7Q4-M2XD; ask the receiver to read it again.</source>
        <translation>Um código tem oito letras e algarismos, como K7Q4-M2XD; peça a quem recebe que o leia de novo.</translation>
    </message>
    <message>
        <source>Read the receiver&apos;s acceptance first: scan its QR code, open an image of it, or paste its text.</source>
        <translation>Leia primeiro a aceitação do recetor: leia o código QR, abra uma imagem dele ou cole o seu texto.</translation>
    </message>
    <message>
        <source>Type the code the receiver reads aloud from their screen.</source>
        <translation>Escreva o código que o recetor lê em voz alta no seu ecrã.</translation>
    </message>
    <message>
        <source>Code {0} confirmed: accepted by {1} for {2}.</source>
        <translation>Código {0} confirmado: aceite por {1} para {2}.</translation>
    </message>
</context>
<context>
    <name>AdmitDialog</name>
    <message>
        <source>Admit {0}</source>
        <translation>Admitir {0}</translation>
    </message>
    <message>
        <source>Ask the operator at {0} to read the fingerprint on their screen aloud. Admit only if it matches this one exactly:</source>
        <translation>Peça ao operador em {0} que leia em voz alta a impressão digital no ecrã. Admita apenas se coincidir exatamente com esta:</translation>
    </message>
    <message>
        <source>The name or organisation this node sent holds control or text-direction characters, shown escaped (\n, \u202e…). Correct them before admitting.</source>
        <translation>O nome ou a organização enviados por este nó contêm caracteres de controlo ou de direção do texto, mostrados em escape (\n, \u202e…). Corrija-os antes de admitir.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organização</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Funções</translation>
    </message>
    <message>
        <source>Fingerprints match — admit</source>
        <translation>As impressões digitais coincidem — admitir</translation>
    </message>
</context>
<context>
    <name>ApprovalsView</name>
    <message>
        <source>open</source>
        <translation>aberta</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>aprovada</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rejeitada</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>retirada</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expirada</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Ação</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Assunto</translation>
    </message>
    <message>
        <source>Proposed by</source>
        <translation>Proposta por</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progresso</translation>
    </message>
    <message>
        <source>Deadline / decided</source>
        <translation>Prazo / decidida</translation>
    </message>
    <message>
        <source>History of a record: filter by subject (site, item, lot, entry hash, member key)…</source>
        <translation>Histórico de um registo: filtrar por assunto (local, artigo, lote, hash da entrada, chave do membro)…</translation>
    </message>
    <message>
        <source>Filter proposals by subject</source>
        <translation>Filtrar propostas por assunto</translation>
    </message>
    <message>
        <source>Select a proposal to see what it changes, who approved it and who is still needed.</source>
        <translation>Selecione uma proposta para ver o que altera, quem a aprovou e quem ainda falta.</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>Aprovar…</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>Rejeitar…</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Retirar</translation>
    </message>
    <message>
        <source>Show in ledger</source>
        <translation>Mostrar no livro</translation>
    </message>
    <message>
        <source>Waiting for me ({0})</source>
        <translation>À minha espera ({0})</translation>
    </message>
    <message>
        <source>Waiting for others ({0})</source>
        <translation>À espera de outros ({0})</translation>
    </message>
    <message>
        <source>Decided ({0})</source>
        <translation>Decididas ({0})</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} de {1}</translation>
    </message>
    <message>
        <source>until {0}</source>
        <translation>até {0}</translation>
    </message>
    <message>
        <source>Not signed: {0}</source>
        <translation>Não assinado: {0}</translation>
    </message>
    <message>
        <source>Not signed: that key is not the one this window signs with</source>
        <translation>Não assinado: essa chave não é a que esta janela usa para assinar</translation>
    </message>
    <message>
        <source>Unlocking the key and signing…</source>
        <translation>A desbloquear a chave e a assinar…</translation>
    </message>
    <message>
        <source>Signing decision…</source>
        <translation>A assinar a decisão…</translation>
    </message>
    <message>
        <source>Withdrawing…</source>
        <translation>A retirar…</translation>
    </message>
    <message>
        <source>Not recorded: {0}</source>
        <translation>Não registado: {0}</translation>
    </message>
    <message>
        <source>Recorded {0} as entry {1}…</source>
        <translation>{0} registado como entrada {1}…</translation>
    </message>
</context>
<context>
    <name>BackgroundOp</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Relief Ledger</source>
        <translation>Relief Ledger</translation>
    </message>
</context>
<context>
    <name>CameraScanDialog</name>
    <message>
        <source>Scan the receiver&apos;s QR code</source>
        <translation>Ler o código QR do recetor</translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation>A iniciar a câmara…</translation>
    </message>
    <message>
        <source>Hold the receiver&apos;s screen so that the QR code fills the middle of the picture.</source>
        <translation>Segure o ecrã do recetor de modo que o código QR preencha o centro da imagem.</translation>
    </message>
    <message>
        <source>That QR code is not a hand-over acceptance; show the receiver&apos;s Accept custody screen.</source>
        <translation>Esse código QR não é uma aceitação de passagem; mostre o ecrã Aceitar custódia do recetor.</translation>
    </message>
</context>
<context>
    <name>ConflictHelp</name>
    <message>
        <source>Membership change could not apply</source>
        <translation>A alteração de membros não pôde ser aplicada</translation>
    </message>
    <message>
        <source>Lot holds another item</source>
        <translation>O lote contém outro artigo</translation>
    </message>
    <message>
        <source>Id already taken</source>
        <translation>Id já utilizado</translation>
    </message>
    <message>
        <source>Refers to something this ledger does not hold</source>
        <translation>Refere algo que este livro-razão não contém</translation>
    </message>
    <message>
        <source>Hand-over did not take effect</source>
        <translation>A passagem não produziu efeito</translation>
    </message>
    <message>
        <source>Shipment delivered twice</source>
        <translation>Envio entregue duas vezes</translation>
    </message>
    <message>
        <source>Delivery differs from dispatch</source>
        <translation>Entrega diferente da expedição</translation>
    </message>
    <message>
        <source>Stock over-drawn</source>
        <translation>Levantamento excessivo de stock</translation>
    </message>
    <message>
        <source>Correction of a field that cannot be corrected</source>
        <translation>Correção de um campo que não pode ser corrigido</translation>
    </message>
    <message>
        <source>Contract version not higher</source>
        <translation>Versão do contrato não superior</translation>
    </message>
    <message>
        <source>This entry changed nothing: no stock, request or shipment moved. It stays on record.</source>
        <translation>Este registo não alterou nada: nenhum stock, pedido ou envio se movimentou. Fica registado.</translation>
    </message>
    <message>
        <source>{item} lot {lot} at {site}: over-drawn by {missing}</source>
        <translation>{item}, lote {lot}, em {site}: levantamento excessivo de {missing}</translation>
    </message>
    <message>
        <source>{shipment} to {site}: {lines} line(s) differ from dispatch</source>
        <translation>{shipment} para {site}: {lines} linha(s) diferem da expedição</translation>
    </message>
    <message>
        <source>{message}</source>
        <translation>{message}</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflito</translation>
    </message>
    <message>
        <source>{item} lot {lot} at {site} was over-drawn; the balance is back at {balance}.</source>
        <translation>{item}, lote {lot}, em {site} teve um levantamento excessivo; o saldo voltou a {balance}.</translation>
    </message>
    <message>
        <source>The ledger shows {missing} more {item} of lot {lot} leaving {site} than arriving there.</source>
        <translation>Segundo o livro-razão, saíram de {site} mais {missing} {item} do lote {lot} do que lá entraram.</translation>
    </message>
    <message>
        <source>Either a receipt is missing or recorded too small, or more was dispatched or handed out than was there (as when two centres draw on the same lot while cut off from each other). Count the lot on the shelf, then propose an adjustment so the ledger matches the count.</source>
        <translation>Ou falta uma receção ou foi registada com quantidade a menos, ou foi expedido ou distribuído mais do que havia (como quando dois centros retiram do mesmo lote estando isolados um do outro). Conte o lote na prateleira e depois proponha um ajuste para que o livro-razão corresponda à contagem.</translation>
    </message>
    <message>
        <source>Propose an adjustment of +{missing} after a count</source>
        <translation>Propor um ajuste de +{missing} após contagem</translation>
    </message>
    <message>
        <source>Correct the distribution that over-drew it to {qty}</source>
        <translation>Corrigir para {qty} a distribuição que causou o levantamento excessivo</translation>
    </message>
    <message>
        <source>Shipment {shipment} from {origin} arrived at {destination} with other quantities than were dispatched. The delivery was recorded as counted at the door; a difference is in no stock now.</source>
        <translation>O envio {shipment} de {origin} chegou a {destination} com quantidades diferentes das expedidas. A entrega foi registada tal como contada à porta; a diferença não está agora em nenhum stock.</translation>
    </message>
    <message>
        <source>{item} lot {lot}: sent {sent}, received {received}. {reason}</source>
        <translation>{item}, lote {lot}: enviado {sent}, recebido {received}. {reason}</translation>
    </message>
    <message>
        <source>Request the missing {qty} {item} again</source>
        <translation>Pedir de novo a quantidade em falta: {qty} {item}</translation>
    </message>
    <message>
        <source>Propose an adjustment of −{qty} at {origin}, which sent more than it recorded</source>
        <translation>Propor um ajuste de −{qty} em {origin}, que enviou mais do que registou</translation>
    </message>
    <message>
        <source>Lot {lot} already holds {holds}; this entry named {item}. One lot holds one item, so nothing was recorded.</source>
        <translation>O lote {lot} já contém {holds}; este registo indicava {item}. Um lote contém um só artigo, por isso nada foi registado.</translation>
    </message>
    <message>
        <source>Propose the adjustment for the lot&apos;s own item</source>
        <translation>Propor o ajuste para o artigo do próprio lote</translation>
    </message>
    <message>
        <source>Record the receipt again under a lot of its own</source>
        <translation>Registar de novo a receção num lote próprio</translation>
    </message>
    <message>
        <source>{message}: an id names one record only, so this one was not recorded.</source>
        <translation>{message}: um id identifica um único registo, por isso este não foi registado.</translation>
    </message>
    <message>
        <source>Dispatch it again as {id}</source>
        <translation>Expedir de novo como {id}</translation>
    </message>
    <message>
        <source>Open the request again as {id}</source>
        <translation>Abrir de novo o pedido como {id}</translation>
    </message>
    <message>
        <source>{message}. Either the id was mistyped, or the entry that creates it has not reached this replica yet (it may still arrive by sync).</source>
        <translation>{message}. Ou o id foi mal escrito, ou o registo que o cria ainda não chegou a esta réplica (pode ainda chegar por sincronização).</translation>
    </message>
    <message>
        <source>Correct the right record</source>
        <translation>Corrigir o registo certo</translation>
    </message>
    <message>
        <source>Cancel the right request</source>
        <translation>Cancelar o pedido certo</translation>
    </message>
    <message>
        <source>Record it again for the right shipment</source>
        <translation>Registar de novo para o envio certo</translation>
    </message>
    <message>
        <source>{message}.</source>
        <translation>{message}.</translation>
    </message>
    <message>
        <source>The shipment is no longer in transit, so there is nothing to hand over. This entry changed nothing.</source>
        <translation>O envio já não está em trânsito, por isso não há nada para passar. Este registo não alterou nada.</translation>
    </message>
    <message>
        <source>Custody stays with {custodian}: only the one who holds a shipment hands it over, and the receiver must be a current member.</source>
        <translation>A custódia fica com {custodian}: só quem detém um envio pode fazer a sua passagem, e o recetor tem de ser membro atual.</translation>
    </message>
    <message>
        <source>Hand over {shipment} again, from its custodian</source>
        <translation>Fazer de novo a passagem de {shipment}, a partir do seu custodiante</translation>
    </message>
    <message>
        <source>Shipment {shipment} was already delivered; this second delivery moved no stock. If more goods really arrived, record them as a receipt.</source>
        <translation>O envio {shipment} já tinha sido entregue; esta segunda entrega não movimentou stock. Se chegou mesmo mais mercadoria, registe-a como receção.</translation>
    </message>
    <message>
        <source>Receive the extra goods at {site}</source>
        <translation>Receber a mercadoria a mais em {site}</translation>
    </message>
    <message>
        <source>Record a receipt at the destination</source>
        <translation>Registar uma receção no destino</translation>
    </message>
    <message>
        <source>{message}. The correction was not applied.</source>
        <translation>{message}. A correção não foi aplicada.</translation>
    </message>
    <message>
        <source>Propose the correction with correctable fields only</source>
        <translation>Propor a correção só com campos corrigíveis</translation>
    </message>
    <message>
        <source>{message}. The deployed version stays in force.</source>
        <translation>{message}. A versão implementada mantém-se em vigor.</translation>
    </message>
    <message>
        <source>Propose the deployment as version {version}</source>
        <translation>Propor a implementação como versão {version}</translation>
    </message>
    <message>
        <source>{message}. Membership did not change.</source>
        <translation>{message}. Os membros não mudaram.</translation>
    </message>
    <message>
        <source>Propose a change to {member} instead</source>
        <translation>Propor antes uma alteração de {member}</translation>
    </message>
    <message>
        <source>Propose the revocation first</source>
        <translation>Propor primeiro a revogação</translation>
    </message>
    <message>
        <source>Propose adding the member</source>
        <translation>Propor adicionar o membro</translation>
    </message>
    <message>
        <source>Propose the member with a new key</source>
        <translation>Propor o membro com uma nova chave</translation>
    </message>
    <message>
        <source>a receipt</source>
        <translation>uma receção</translation>
    </message>
    <message>
        <source>a delivery</source>
        <translation>uma entrega</translation>
    </message>
    <message>
        <source>an approved adjustment</source>
        <translation>um ajuste aprovado</translation>
    </message>
    <message>
        <source>an approved correction</source>
        <translation>uma correção aprovada</translation>
    </message>
    <message>
        <source>an entry</source>
        <translation>um registo</translation>
    </message>
    <message>
        <source>a date this replica does not hold</source>
        <translation>data desconhecida nesta réplica</translation>
    </message>
    <message>
        <source>{item} lot {lot} at {site}: resolved by {what} {entry}… on {when}; balance now {balance}</source>
        <translation>{item}, lote {lot}, em {site}: resolvido por {what} {entry}… em {when}; saldo atual {balance}</translation>
    </message>
    <message>
        <source>open</source>
        <translation>aberta</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>resolvido</translation>
    </message>
</context>
<context>
    <name>ConflictsPanel</name>
    <message>
        <source>What the selected conflict means</source>
        <translation>O que significa o conflito selecionado</translation>
    </message>
    <message>
        <source>Select a conflict to see what it means and what resolves it.</source>
        <translation>Selecione um conflito para ver o que significa e o que o resolve.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Aberto</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Fechado</translation>
    </message>
    <message>
        <source>What resolves it: the buttons below open the form, filled in.</source>
        <translation>O que o resolve: os botões abaixo abrem o formulário já preenchido.</translation>
    </message>
</context>
<context>
    <name>ContractDeployment</name>
    <message>
        <source>Propose this contract for deployment (needs approvals)</source>
        <translation>Propor este contrato para implementação (precisa de aprovações)</translation>
    </message>
    <message>
        <source>Not proposed: fix the errors marked in the source first.</source>
        <translation>Não proposto: corrija primeiro os erros assinalados no código.</translation>
    </message>
    <message>
        <source>not connected to a ledger</source>
        <translation>sem ligação a um livro</translation>
    </message>
    <message>
        <source>contract {0} is not deployed; propose its deployment first</source>
        <translation>o contrato {0} não está implementado; proponha primeiro a sua implementação</translation>
    </message>
    <message>
        <source>the text differs from deployed version {0}</source>
        <translation>o texto difere da versão implementada {0}</translation>
    </message>
    <message>
        <source>dry-run the deployed contract first (F5)</source>
        <translation>faça primeiro uma simulação do contrato implementado (F5)</translation>
    </message>
    <message>
        <source>the last dry run used other text; dry-run again (F5)</source>
        <translation>a última simulação usou outro texto; simule de novo (F5)</translation>
    </message>
    <message>
        <source>Sign the last dry run as an allocation run that every replica re-executes</source>
        <translation>Assinar a última simulação como uma execução de afetação que todas as réplicas voltam a executar</translation>
    </message>
    <message>
        <source>Record run</source>
        <translation>Registar execução</translation>
    </message>
    <message>
        <source>Cannot record: {0}</source>
        <translation>Não é possível registar: {0}</translation>
    </message>
    <message>
        <source>Record {0} allocation(s), {1:,} units, as a run of {2} version {3}? Every replica will re-execute it.</source>
        <translation>Registar {0} afetação(ões), {1:,} unidades, como uma execução de {2} versão {3}? Todas as réplicas a voltarão a executar.</translation>
    </message>
</context>
<context>
    <name>ContractEditor</name>
    <message>
        <source>Request</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Artigo</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Lote</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qtd</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Para</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridade</translation>
    </message>
    <message>
        <source>Distance (km)</source>
        <translation>Distância (km)</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Alteração</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Antes</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Depois</translation>
    </message>
    <message>
        <source>Dry run: not run yet (F5).</source>
        <translation>Simulação: ainda não executada (F5).</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plano</translation>
    </message>
    <message>
        <source>Changes since last dry run</source>
        <translation>Alterações desde a última simulação</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parâmetros</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Execuções</translation>
    </message>
    <message>
        <source>&amp;Contract</source>
        <translation>&amp;Contrato</translation>
    </message>
    <message>
        <source>New from template</source>
        <translation>Novo a partir de modelo</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Abrir…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Guardar como…</translation>
    </message>
    <message>
        <source>Propose deployment…</source>
        <translation>Propor implementação…</translation>
    </message>
    <message>
        <source>Record run…</source>
        <translation>Registar execução…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Anular</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Refazer</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>E&amp;xecutar</translation>
    </message>
    <message>
        <source>Check (lint)</source>
        <translation>Verificar (lint)</translation>
    </message>
    <message>
        <source>Dry run against current state</source>
        <translation>Simular sobre o estado atual</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Contrato</translation>
    </message>
    <message>
        <source>Contract editor — {0}{1}</source>
        <translation>Editor de contratos — {0}{1}</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>Nenhum problema encontrado.</translation>
    </message>
    <message>
        <source>Dry run unavailable: no ledger state is connected.</source>
        <translation>Simulação indisponível: nenhum estado do livro está ligado.</translation>
    </message>
    <message>
        <source>Dry run: running…</source>
        <translation>Simulação: em curso…</translation>
    </message>
    <message>
        <source>Dry run OK: {0} allocation(s), {1:,} units, {2:,} of {3:,} steps. Input {4}… output {5}…</source>
        <translation>Simulação OK: {0} afetação(ões), {1:,} unidades, {2:,} de {3:,} passos. Entrada {4}… saída {5}…</translation>
    </message>
    <message>
        <source> (line {0}, column {1})</source>
        <translation> (linha {0}, coluna {1})</translation>
    </message>
    <message>
        <source>Dry run failed — {0}{1}: {2}</source>
        <translation>A simulação falhou — {0}{1}: {2}</translation>
    </message>
    <message>
        <source>Dry run failed: {0}: {1}</source>
        <translation>A simulação falhou: {0}: {1}</translation>
    </message>
    <message>
        <source>Changes since last dry run ({0})</source>
        <translation>Alterações desde a última simulação ({0})</translation>
    </message>
</context>
<context>
    <name>ContractFiles</name>
    <message>
        <source>Unsaved changes</source>
        <translation>Alterações por guardar</translation>
    </message>
    <message>
        <source>The contract has unsaved changes. Save them first?</source>
        <translation>O contrato tem alterações por guardar. Guardá-las primeiro?</translation>
    </message>
    <message>
        <source>Open contract</source>
        <translation>Abrir contrato</translation>
    </message>
    <message>
        <source>Starlark contracts (*.star);;All files (*)</source>
        <translation>Contratos Starlark (*.star);;Todos os ficheiros (*)</translation>
    </message>
    <message>
        <source>Cannot read {0}: {1}</source>
        <translation>Não é possível ler {0}: {1}</translation>
    </message>
    <message>
        <source>Save contract</source>
        <translation>Guardar contrato</translation>
    </message>
    <message>
        <source>Starlark contracts (*.star)</source>
        <translation>Contratos Starlark (*.star)</translation>
    </message>
    <message>
        <source>Cannot save {0}: {1}</source>
        <translation>Não é possível guardar {0}: {1}</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>{0} guardado</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Approve proposal</source>
        <translation>Aprovar proposta</translation>
    </message>
    <message>
        <source>Reject proposal</source>
        <translation>Rejeitar proposta</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>Comment (required to reject)</source>
        <translation>Comentário (obrigatório para rejeitar)</translation>
    </message>
    <message>
        <source>Comment (optional)</source>
        <translation>Comentário (opcional)</translation>
    </message>
    <message>
        <source>Sign approval</source>
        <translation>Assinar a aprovação</translation>
    </message>
    <message>
        <source>Sign rejection</source>
        <translation>Assinar a rejeição</translation>
    </message>
    <message>
        <source>Sign with your key (Enter in the passphrase, or Ctrl+Enter)</source>
        <translation>Assinar com a sua chave (Enter na frase-passe, ou Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comentário</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase-passe</translation>
    </message>
    <message>
        <source>approval</source>
        <translation>aprovação</translation>
    </message>
    <message>
        <source>rejection</source>
        <translation>rejeição</translation>
    </message>
    <message>
        <source>Say why you reject it: the comment goes on the ledger.</source>
        <translation>Diga porque a rejeita: o comentário fica no livro.</translation>
    </message>
    <message>
        <source>Enter your passphrase to sign.</source>
        <translation>Introduza a sua frase-passe para assinar.</translation>
    </message>
    <message>
        <source>Unlocking the key and signing…</source>
        <translation>A desbloquear a chave e a assinar…</translation>
    </message>
</context>
<context>
    <name>EntriesModel</name>
    <message>
        <source>Lamport</source>
        <translation>Lamport</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>Seq</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>Hash</translation>
    </message>
</context>
<context>
    <name>EntryDetail</name>
    <message>
        <source>Entry detail</source>
        <translation>Detalhe do registo</translation>
    </message>
    <message>
        <source>Select an entry to see its signed content, status and lineage.</source>
        <translation>Selecione uma entrada para ver o conteúdo assinado, o estado e a linhagem.</translation>
    </message>
    <message>
        <source>Where it came from</source>
        <translation>De onde veio</translation>
    </message>
    <message>
        <source>Where it went</source>
        <translation>Para onde foi</translation>
    </message>
</context>
<context>
    <name>ExerciseBanner</name>
    <message>
        <source>EXERCISE · training network — nothing here is a real movement</source>
        <translation>EXERCÍCIO · rede de treino — nada aqui é um movimento real</translation>
    </message>
    <message>
        <source>EXERCISE — </source>
        <translation>EXERCÍCIO — </translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <source>User guide — Relief Ledger</source>
        <translation>Guia do utilizador — Relief Ledger</translation>
    </message>
    <message>
        <source>User guide text</source>
        <translation>Texto do guia do utilizador</translation>
    </message>
    <message>
        <source>Contents of the user guide</source>
        <translation>Índice do guia do utilizador</translation>
    </message>
    <message>
        <source>Find in the guide (Ctrl+F)</source>
        <translation>Procurar no guia (Ctrl+F)</translation>
    </message>
    <message>
        <source>Find in the guide</source>
        <translation>Procurar no guia</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Anterior</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Seguinte</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>Procurar:</translation>
    </message>
    <message>
        <source># The user guide is missing

{0} could not be read: {1}</source>
        <translation># O guia do utilizador não está disponível

Não foi possível ler {0}: {1}</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Não encontrado</translation>
    </message>
</context>
<context>
    <name>Handover</name>
    <message>
        <source>This is not a hand-over acceptance. Read the QR code on the receiver&apos;s screen.</source>
        <translation>Isto não é uma aceitação de passagem. Leia o código QR no ecrã do recetor.</translation>
    </message>
    <message>
        <source>This acceptance was made by a newer client; update this one to read it.</source>
        <translation>Esta aceitação foi feita por um cliente mais recente; atualize este para a ler.</translation>
    </message>
    <message>
        <source>This acceptance was made on another network.</source>
        <translation>Esta aceitação foi feita noutra rede.</translation>
    </message>
    <message>
        <source>This acceptance names a shipment this replica does not know yet; sync, then read it again.</source>
        <translation>Esta aceitação indica um envio que esta réplica ainda não conhece; sincronize e leia de novo.</translation>
    </message>
    <message>
        <source>This shipment is no longer in transit.</source>
        <translation>Este envio já não está em trânsito.</translation>
    </message>
    <message>
        <source>This acceptance was made for another giver, not for you.</source>
        <translation>Esta aceitação foi feita para outra pessoa que entrega, não para si.</translation>
    </message>
    <message>
        <source>You do not hold custody of this shipment.</source>
        <translation>Não detém a custódia deste envio.</translation>
    </message>
    <message>
        <source>This acceptance is for an earlier step of the shipment&apos;s custody (an old code); ask the receiver to accept again.</source>
        <translation>Esta aceitação é de um passo anterior da custódia do envio (um código antigo); peça ao recetor que aceite de novo.</translation>
    </message>
    <message>
        <source>The receiver is not a current member of this network.</source>
        <translation>O recetor não é membro atual desta rede.</translation>
    </message>
    <message>
        <source>The receiver&apos;s signature on this acceptance does not verify; ask the receiver to accept again.</source>
        <translation>A assinatura do recetor nesta aceitação não é válida; peça ao recetor que aceite de novo.</translation>
    </message>
    <message>
        <source>That code does not match the receiver&apos;s acceptance; ask the receiver to read it again.</source>
        <translation>Esse código não corresponde à aceitação do recetor; peça ao recetor que o leia de novo.</translation>
    </message>
    <message>
        <source>Too many wrong codes for this acceptance; read the receiver&apos;s QR code or text again.</source>
        <translation>Demasiados códigos errados para esta aceitação; leia de novo o código QR ou o texto do recetor.</translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message>
        <source>Joining a network as {0}</source>
        <translation>Adesão a uma rede como {0}</translation>
    </message>
    <message>
        <source>Creating this node&apos;s key…</source>
        <translation>A criar a chave deste nó…</translation>
    </message>
    <message>
        <source>Open the network</source>
        <translation>Abrir a rede</translation>
    </message>
    <message>
        <source>Read this fingerprint aloud to the admin who admits you; the admin sees the same one on their Peers view:</source>
        <translation>Leia esta impressão digital em voz alta ao administrador que o admite; o administrador vê a mesma na sua vista Pares:</translation>
    </message>
    <message>
        <source>Could not prepare this node: {0}</source>
        <translation>Não foi possível preparar este nó: {0}</translation>
    </message>
    <message>
        <source>on this LAN</source>
        <translation>nesta rede local</translation>
    </message>
    <message>
        <source>at the address you gave</source>
        <translation>no endereço indicado</translation>
    </message>
    <message>
        <source>Looking for the network&apos;s nodes {0}…</source>
        <translation>À procura dos nós da rede {0}…</translation>
    </message>
    <message>
        <source>{0} has your request. Read your fingerprint to its admin; this window moves on by itself once you are admitted.</source>
        <translation>{0} recebeu o seu pedido. Leia a sua impressão digital ao administrador; esta janela avança sozinha quando for admitido.</translation>
    </message>
    <message>
        <source>Admitted: receiving the network&apos;s ledger…</source>
        <translation>Admitido: a receber o livro da rede…</translation>
    </message>
    <message>
        <source>Admitted to {0}: {1:,} entries received. Open it when ready.</source>
        <translation>Admitido em {0}: {1:,} entradas recebidas. Abra-a quando estiver pronto.</translation>
    </message>
</context>
<context>
    <name>Keyboard</name>
    <message>
        <source>Discard?</source>
        <translation>Descartar?</translation>
    </message>
    <message>
        <source>Discard this {0}?</source>
        <translation>Descartar este registo de {0}?</translation>
    </message>
    <message>
        <source>What you entered in this form will be lost.</source>
        <translation>O que introduziu neste formulário será perdido.</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Continuar a editar</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
</context>
<context>
    <name>LanguageDialog</name>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Language of the client</source>
        <translation>Idioma do cliente</translation>
    </message>
    <message>
        <source>Follow the system ({0})</source>
        <translation>Seguir o sistema ({0})</translation>
    </message>
    <message>
        <source>The client shows the new language when it next starts.</source>
        <translation>O cliente mostra o novo idioma da próxima vez que iniciar.</translation>
    </message>
</context>
<context>
    <name>LedgerExplorer</name>
    <message>
        <source>Feed</source>
        <translation>Fluxo</translation>
    </message>
    <message>
        <source>All authors (total order)</source>
        <translation>Todos os autores (ordem total)</translation>
    </message>
    <message>
        <source>Ledger entries</source>
        <translation>Registos do livro-razão</translation>
    </message>
    <message>
        <source>Fee&amp;d:</source>
        <translation>F&amp;luxo:</translation>
    </message>
</context>
<context>
    <name>LedgerWords</name>
    <message>
        <source>critical</source>
        <translation>crítica</translation>
    </message>
    <message>
        <source>high</source>
        <translation>alta</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>normal</translation>
    </message>
    <message>
        <source>low</source>
        <translation>baixa</translation>
    </message>
    <message>
        <source>open</source>
        <translation>aberto</translation>
    </message>
    <message>
        <source>partial</source>
        <translation>parcial</translation>
    </message>
    <message>
        <source>filled</source>
        <translation>satisfeito</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <source>in transit</source>
        <translation>em trânsito</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>entregue</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>resolvido</translation>
    </message>
    <message>
        <source>restricted</source>
        <translation>condicionada</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>fechada</translation>
    </message>
    <message>
        <source>depot</source>
        <translation>armazém</translation>
    </message>
    <message>
        <source>staging</source>
        <translation>ponto de preparação</translation>
    </message>
    <message>
        <source>shelter</source>
        <translation>abrigo</translation>
    </message>
    <message>
        <source>hospital</source>
        <translation>hospital</translation>
    </message>
    <message>
        <source>distribution point</source>
        <translation>ponto de distribuição</translation>
    </message>
    <message>
        <source>vehicle</source>
        <translation>veículo</translation>
    </message>
    <message>
        <source>command center</source>
        <translation>centro de comando</translation>
    </message>
    <message>
        <source>water</source>
        <translation>água</translation>
    </message>
    <message>
        <source>food</source>
        <translation>alimentos</translation>
    </message>
    <message>
        <source>medical</source>
        <translation>material médico</translation>
    </message>
    <message>
        <source>wash</source>
        <translation>WASH</translation>
    </message>
    <message>
        <source>nfi</source>
        <translation>artigos não alimentares</translation>
    </message>
    <message>
        <source>fuel</source>
        <translation>combustível</translation>
    </message>
    <message>
        <source>equipment</source>
        <translation>equipamento</translation>
    </message>
    <message>
        <source>other</source>
        <translation>outro</translation>
    </message>
</context>
<context>
    <name>Lineage</name>
    <message>
        <source>Received</source>
        <translation>Recebido</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>Expedido</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entregue</translation>
    </message>
    <message>
        <source>Distributed</source>
        <translation>Distribuído</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>Corrigido</translation>
    </message>
    <message>
        <source>Adjusted</source>
        <translation>Ajustado</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <source>What</source>
        <translation>O quê</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantidade</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Onde</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quem</translation>
    </message>
</context>
<context>
    <name>LinesEditor</name>
    <message>
        <source>Item</source>
        <translation>Artigo</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Lote</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantidade</translation>
    </message>
    <message>
        <source>Reason if different</source>
        <translation>Motivo, se diferente</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Linhas</translation>
    </message>
    <message>
        <source>&amp;Add line</source>
        <translation>&amp;Adicionar linha</translation>
    </message>
    <message>
        <source>Re&amp;move line</source>
        <translation>Re&amp;mover linha</translation>
    </message>
    <message>
        <source>Add a line (Alt+A)</source>
        <translation>Adicionar uma linha (Alt+A)</translation>
    </message>
    <message>
        <source>Line {0}: quantity must be a whole number</source>
        <translation>Linha {0}: a quantidade tem de ser um número inteiro</translation>
    </message>
    <message>
        <source>Line {0}: {1} differs from what was dispatched; give a reason</source>
        <translation>Linha {0}: {1} difere do que foi expedido; indique um motivo</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>EXERCISE — </source>
        <translation>EXERCÍCIO — </translation>
    </message>
    <message>
        <source>Relief Ledger — {0}</source>
        <translation>Relief Ledger — {0}</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>Livro-razão</translation>
    </message>
    <message>
        <source>Sites &amp;&amp; stock</source>
        <translation>Locais &amp;&amp; stock</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>Locais</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Pedidos</translation>
    </message>
    <message>
        <source>Shipments</source>
        <translation>Remessas</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflitos</translation>
    </message>
    <message>
        <source>Peers</source>
        <translation>Pares</translation>
    </message>
    <message>
        <source>Relief Ledger</source>
        <translation>Relief Ledger</translation>
    </message>
    <message>
        <source>Entry refused</source>
        <translation>Entrada recusada</translation>
    </message>
    <message>
        <source>The entry was not recorded ({0}):
{1}</source>
        <translation>A entrada não foi registada ({0}):
{1}</translation>
    </message>
    <message>
        <source>Export table as CSV</source>
        <translation>Exportar tabela como CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Ficheiros CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exported {0} rows to {1}</source>
        <translation>{0} linhas exportadas para {1}</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>Map of sites, stock, requests, shipments and roads</source>
        <translation>Mapa de locais, stock, pedidos, envios e estradas</translation>
    </message>
    <message>
        <source>Reading the ledger…</source>
        <translation>A ler o livro…</translation>
    </message>
    <message>
        <source>Preparing replay…</source>
        <translation>A preparar a reprodução…</translation>
    </message>
    <message>
        <source>Replay {0}</source>
        <translation>Reprodução {0}</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Reproduzir</translation>
    </message>
</context>
<context>
    <name>NetworkSettingsDialog</name>
    <message>
        <source>Network settings</source>
        <translation>Definições de rede</translation>
    </message>
    <message>
        <source>Find peers on the LAN automatically (zeroconf)</source>
        <translation>Encontrar pares na rede local automaticamente (zeroconf)</translation>
    </message>
    <message>
        <source>No network interface with an IPv4 address is up.</source>
        <translation>Nenhuma interface de rede com endereço IPv4 está ativa.</translation>
    </message>
    <message>
        <source>Advertise and browse on</source>
        <translation>Anunciar e procurar em</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Porta</translation>
    </message>
    <message>
        <source>Peers on routed links
(one host:port[@FINGERPRINT] per line)</source>
        <translation>Pares em ligações encaminhadas
(um host:porta[@IMPRESSÃO] por linha)</translation>
    </message>
    <message>
        <source>Changes take effect the next time the client starts.</source>
        <translation>As alterações entram em vigor da próxima vez que o cliente iniciar.</translation>
    </message>
    <message>
        <source>{0} is not host:port[@FINGERPRINT]</source>
        <translation>{0} não está no formato host:porta[@IMPRESSÃO]</translation>
    </message>
    <message>
        <source>Choose at least one interface, or turn discovery off.</source>
        <translation>Escolha pelo menos uma interface, ou desligue a descoberta.</translation>
    </message>
</context>
<context>
    <name>NodeBridge</name>
    <message>
        <source>Signing and storing…</source>
        <translation>A assinar e a guardar…</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>A verificar…</translation>
    </message>
</context>
<context>
    <name>Notice</name>
    <message>
        <source>Notice</source>
        <translation>Aviso</translation>
    </message>
</context>
<context>
    <name>OverviewView</name>
    <message>
        <source>Short</source>
        <translation>Em falta</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Em atraso</translation>
    </message>
    <message>
        <source>Waiting for me</source>
        <translation>À minha espera</translation>
    </message>
    <message>
        <source>Situation at {0}</source>
        <translation>Situação em {0}</translation>
    </message>
    <message>
        <source>Situation at {0} for {1}</source>
        <translation>Situação em {0} para {1}</translation>
    </message>
    <message>
        <source>… and {0} more</source>
        <translation>… e mais {0}</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0} min</translation>
    </message>
    <message>
        <source>{0} h</source>
        <translation>{0} h</translation>
    </message>
    <message>
        <source>{0} d {1} h</source>
        <translation>{0} d {1} h</translation>
    </message>
    <message>
        <source>short at a site</source>
        <translation>em falta num local</translation>
    </message>
    <message>
        <source>Open requests at a site need more of an item than is there or on its way there</source>
        <translation>Pedidos abertos num local precisam de mais de um artigo do que o que lá existe ou está a caminho</translation>
    </message>
    <message>
        <source>requests overdue</source>
        <translation>pedidos em atraso</translation>
    </message>
    <message>
        <source>Requests still open after their needed-by time</source>
        <translation>Pedidos ainda abertos depois do prazo</translation>
    </message>
    <message>
        <source>not seen for {0} h</source>
        <translation>sem notícias há {0} h</translation>
    </message>
    <message>
        <source>Shipments in transit with no position report for over {0} hours</source>
        <translation>Envios em trânsito sem relatório de posição há mais de {0} horas</translation>
    </message>
    <message>
        <source>shipments late</source>
        <translation>envios em atraso</translation>
    </message>
    <message>
        <source>Shipments still on the road after the requests they serve were due</source>
        <translation>Envios ainda na estrada depois do prazo dos pedidos que servem</translation>
    </message>
    <message>
        <source>approvals for me</source>
        <translation>aprovações à minha espera</translation>
    </message>
    <message>
        <source>Proposals waiting for my approval or rejection</source>
        <translation>Propostas à espera da minha aprovação ou rejeição</translation>
    </message>
    <message>
        <source>shipments I hold</source>
        <translation>envios que detenho</translation>
    </message>
    <message>
        <source>Shipments in my custody: hand them over or record their delivery</source>
        <translation>Envios sob a minha custódia: faça a sua passagem ou registe a sua entrega</translation>
    </message>
    <message>
        <source>coming to my sites</source>
        <translation>a caminho dos meus locais</translation>
    </message>
    <message>
        <source>Shipments on their way to my organisation&apos;s sites: accept custody at the door</source>
        <translation>Envios a caminho dos locais da minha organização: aceite a custódia à porta</translation>
    </message>
    <message>
        <source>open conflicts</source>
        <translation>conflitos abertos</translation>
    </message>
    <message>
        <source>Conflicts the ledger recorded that are still open</source>
        <translation>Conflitos registados no livro-razão que continuam abertos</translation>
    </message>
    <message>
        <source>{site} — {item}: short {short} (need {need}, on hand {on_hand}, on its way {coming})</source>
        <translation>{site} — {item}: faltam {short} (necessário {need}, em stock {on_hand}, a caminho {coming})</translation>
    </message>
    <message>
        <source>{request} · {site}: {qty} {item} still needed, due {due} ({late} late)</source>
        <translation>{request} · {site}: ainda faltam {qty} {item}, prazo {due} ({late} de atraso)</translation>
    </message>
    <message>
        <source>{shipment} → {site}: last position {age} ago</source>
        <translation>{shipment} → {site}: última posição há {age}</translation>
    </message>
    <message>
        <source>{shipment} → {site}: no position since dispatch {age} ago</source>
        <translation>{shipment} → {site}: sem posição desde a expedição, há {age}</translation>
    </message>
    <message>
        <source>{shipment} → {site}: due {due} ({late} late) for {requests}</source>
        <translation>{shipment} → {site}: prazo {due} ({late} de atraso) para {requests}</translation>
    </message>
    <message>
        <source>{shipment} → {site}</source>
        <translation>{shipment} → {site}</translation>
    </message>
    <message>
        <source>{shipment} → {site}, held by {holder}</source>
        <translation>{shipment} → {site}, com {holder}</translation>
    </message>
    <message>
        <source>{0} late</source>
        <translation>{0} de atraso</translation>
    </message>
    <message>
        <source>{0} ago</source>
        <translation>há {0}</translation>
    </message>
    <message>
        <source>no position, dispatched {0} ago</source>
        <translation>sem posição, expedido há {0}</translation>
    </message>
    <message>
        <source> — not seen for over {0} h</source>
        <translation> — sem notícias há mais de {0} h</translation>
    </message>
</context>
<context>
    <name>ParamsForm</name>
    <message>
        <source>The contract declares no parameters (PARAMS).</source>
        <translation>O contrato não declara parâmetros (PARAMS).</translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation>separados por vírgulas</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Unlock Relief Ledger</source>
        <translation>Desbloquear o Relief Ledger</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>Abrir só para leitura</translation>
    </message>
    <message>
        <source>Replica in {0}</source>
        <translation>Réplica em {0}</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Chave</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase-passe</translation>
    </message>
    <message>
        <source>Wrong passphrase. Try again.</source>
        <translation>Frase-passe errada. Tente de novo.</translation>
    </message>
</context>
<context>
    <name>PeersModel</name>
    <message>
        <source>Peer</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Impressão digital</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Endereço</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Última sincronização</translation>
    </message>
    <message>
        <source>Behind</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Ahead</source>
        <translation>À frente</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recebidas</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviadas</translation>
    </message>
</context>
<context>
    <name>PeersView</name>
    <message>
        <source>listening</source>
        <translation>à escuta</translation>
    </message>
    <message>
        <source>discovery started</source>
        <translation>descoberta iniciada</translation>
    </message>
    <message>
        <source>discovery off</source>
        <translation>descoberta desligada</translation>
    </message>
    <message>
        <source>found on the LAN</source>
        <translation>encontrado na rede local</translation>
    </message>
    <message>
        <source>no longer on the LAN</source>
        <translation>já não está na rede local</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>ligado</translation>
    </message>
    <message>
        <source>left</source>
        <translation>saiu</translation>
    </message>
    <message>
        <source>cut off</source>
        <translation>cortado</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>recusado</translation>
    </message>
    <message>
        <source>another network, left alone</source>
        <translation>outra rede, deixada de lado</translation>
    </message>
    <message>
        <source>more refusals</source>
        <translation>mais recusas</translation>
    </message>
    <message>
        <source>in sync</source>
        <translation>sincronizado</translation>
    </message>
    <message>
        <source>signed two different entries</source>
        <translation>assinou dois registos diferentes</translation>
    </message>
    <message>
        <source>fault on this node</source>
        <translation>falha neste nó</translation>
    </message>
    <message>
        <source>asks to join</source>
        <translation>pede para aderir</translation>
    </message>
    <message>
        <source>waiting to be admitted</source>
        <translation>à espera de admissão</translation>
    </message>
    <message>
        <source>admission</source>
        <translation>admissão</translation>
    </message>
    <message>
        <source>This node: {0} · network off</source>
        <translation>Este nó: {0} · rede desligada</translation>
    </message>
    <message>
        <source>Peers</source>
        <translation>Pares</translation>
    </message>
    <message>
        <source>Catching up: %v of %m entries</source>
        <translation>A atualizar: %v de %m entradas</translation>
    </message>
    <message>
        <source>Asking to join</source>
        <translation>Pedidos de adesão</translation>
    </message>
    <message>
        <source>&lt;b&gt;Asking to join&lt;/b&gt;</source>
        <translation>&lt;b&gt;Pedidos de adesão&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Admit…</source>
        <translation>Admitir…</translation>
    </message>
    <message>
        <source>Only an admin with an unlocked key can admit members</source>
        <translation>Só um administrador com a chave desbloqueada pode admitir membros</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ignorar</translation>
    </message>
    <message>
        <source>Add peer by address…</source>
        <translation>Adicionar par por endereço…</translation>
    </message>
    <message>
        <source>Network log</source>
        <translation>Registo da rede</translation>
    </message>
    <message>
        <source>&lt;b&gt;Network log&lt;/b&gt;</source>
        <translation>&lt;b&gt;Registo da rede&lt;/b&gt;</translation>
    </message>
    <message>
        <source>this machine&apos;s addresses</source>
        <translation>os endereços desta máquina</translation>
    </message>
    <message>
        <source>This node: &lt;b&gt;{0}&lt;/b&gt; · listening on port {1} · discovery {2}</source>
        <translation>Este nó: &lt;b&gt;{0}&lt;/b&gt; · à escuta na porta {1} · descoberta {2}</translation>
    </message>
    <message>
        <source>on ({0})</source>
        <translation>ligada ({0})</translation>
    </message>
    <message>
        <source>off</source>
        <translation>desligada</translation>
    </message>
    <message>
        <source>This node: {0} · &lt;span style=&apos;color:{1}&apos;&gt;{2}&lt;/span&gt;</source>
        <translation>Este nó: {0} · &lt;span style=&apos;color:{1}&apos;&gt;{2}&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Add peer</source>
        <translation>Adicionar par</translation>
    </message>
    <message>
        <source>Address of a peer on a routed link, as host:port, optionally @FINGERPRINT to pin who must answer:</source>
        <translation>Endereço de um par numa ligação encaminhada, como host:porta, opcionalmente @IMPRESSÃO para fixar quem deve responder:</translation>
    </message>
    <message>
        <source>{0} is not host:port (for example 10.20.0.5:47474)</source>
        <translation>{0} não está no formato host:porta (por exemplo 10.20.0.5:47474)</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>EXERCISE — </source>
        <translation>EXERCÍCIO — </translation>
    </message>
    <message>
        <source> (optional)</source>
        <translation> (opcional)</translation>
    </message>
    <message>
        <source>I understand; record it anyway</source>
        <translation>Compreendo; registar mesmo assim</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>Rever…</translation>
    </message>
    <message>
        <source>Check the form and show what will be signed (Enter)</source>
        <translation>Verificar o formulário e mostrar o que será assinado (Enter)</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— nenhum —</translation>
    </message>
    <message>
        <source>Type part of a name or code…</source>
        <translation>Escreva parte de um nome ou código…</translation>
    </message>
    <message>
        <source>set</source>
        <translation>definir</translation>
    </message>
    <message>
        <source>decimal degrees, e.g. -19.843210</source>
        <translation>graus decimais, p. ex. -19.843210</translation>
    </message>
    <message>
        <source>whole number</source>
        <translation>número inteiro</translation>
    </message>
    <message>
        <source>lat,lon; lat,lon  in decimal degrees</source>
        <translation>lat,lon; lat,lon  em graus decimais</translation>
    </message>
    <message>
        <source>type part of a request id, item or site; comma-separated</source>
        <translation>escreva parte de um id de pedido, artigo ou local; separados por vírgulas</translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation>separados por vírgulas</translation>
    </message>
    <message>
        <source>field=value, e.g. qty=300</source>
        <translation>campo=valor, p. ex. qty=300</translation>
    </message>
    <message>
        <source>{0} must be a whole number</source>
        <translation>{0} tem de ser um número inteiro</translation>
    </message>
    <message>
        <source>Path: {0}</source>
        <translation>Percurso: {0}</translation>
    </message>
    <message>
        <source>{0}: “{1}” matches {2} entries; pick one from the list</source>
        <translation>{0}: “{1}” corresponde a {2} entradas; escolha uma da lista</translation>
    </message>
    <message>
        <source>{0} is required</source>
        <translation>{0} é obrigatório</translation>
    </message>
    <message>
        <source>You are about to sign this as &lt;b&gt;{0}&lt;/b&gt; on the {1}. Signed entries cannot be changed, only corrected.</source>
        <translation>Vai assinar isto como &lt;b&gt;{0}&lt;/b&gt; na {1}. Os registos assinados não podem ser alterados, apenas corrigidos.</translation>
    </message>
    <message>
        <source>Sign with your key and record it (Ctrl+Enter)</source>
        <translation>Assinar com a sua chave e registar (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Hide signed bytes</source>
        <translation>Ocultar os bytes assinados</translation>
    </message>
    <message>
        <source>Signing and recording…</source>
        <translation>A assinar e a registar…</translation>
    </message>
    <message>
        <source>Not recorded: {0}. Nothing you typed is lost: correct it and review again.</source>
        <translation>Não registado: {0}. Nada do que escreveu se perdeu: corrija e reveja de novo.</translation>
    </message>
    <message>
        <source>Request {0} already exists; choose another id</source>
        <translation>O pedido {0} já existe; escolha outro identificador</translation>
    </message>
    <message>
        <source>Shipment {0} already exists; choose another id</source>
        <translation>A remessa {0} já existe; escolha outro identificador</translation>
    </message>
    <message>
        <source>The receiver&apos;s acceptance is for another shipment or receiver than the ones chosen here. Read the receiver&apos;s QR code again.</source>
        <translation>A aceitação do recetor é para outro envio ou recetor que não os escolhidos aqui. Leia de novo o código QR do recetor.</translation>
    </message>
    <message>
        <source>Choose a record that can be corrected</source>
        <translation>Escolha um registo que possa ser corrigido</translation>
    </message>
    <message>
        <source>{0}, key {1}</source>
        <translation>{0}, chave {1}</translation>
    </message>
    <message>
        <source>(no key unlocked)</source>
        <translation>(nenhuma chave desbloqueada)</translation>
    </message>
    <message>
        <source>EXERCISE network</source>
        <translation>rede de EXERCÍCIO</translation>
    </message>
    <message>
        <source>LIVE network</source>
        <translation>rede REAL</translation>
    </message>
    <message>
        <source> This is a permissioned edit: it is signed as a &lt;b&gt;proposal&lt;/b&gt; and takes effect only once approved under the network&apos;s policy (see Approvals).</source>
        <translation> Esta é uma edição com permissão: é assinada como &lt;b&gt;proposta&lt;/b&gt; e só produz efeito depois de aprovada segundo a política da rede (ver Aprovações).</translation>
    </message>
    <message>
        <source>What</source>
        <translation>O quê</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>What will be signed</source>
        <translation>O que será assinado</translation>
    </message>
    <message>
        <source>Show signed bytes</source>
        <translation>Mostrar os bytes assinados</translation>
    </message>
    <message>
        <source>Exactly what will be signed (canonical JSON body)</source>
        <translation>Exatamente o que será assinado (corpo JSON canónico)</translation>
    </message>
    <message>
        <source>Ctrl+Enter signs. Escape or Back returns to the form; nothing typed is lost.</source>
        <translation>Ctrl+Enter assina. Esc ou Voltar regressa ao formulário; nada do que escreveu se perde.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Voltar</translation>
    </message>
    <message>
        <source>Sign and record</source>
        <translation>Assinar e registar</translation>
    </message>
    <message>
        <source>{0} from the record form</source>
        <translation>{0} a partir do formulário</translation>
    </message>
</context>
<context>
    <name>RecordForms</name>
    <message>
        <source>Action</source>
        <translation>Ação</translation>
    </message>
    <message>
        <source>Allocations</source>
        <translation>Afetações</translation>
    </message>
    <message>
        <source>At</source>
        <translation>Em</translation>
    </message>
    <message>
        <source>Beneficiaries</source>
        <translation>Beneficiários</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Corpo</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>Transportador</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoria</translation>
    </message>
    <message>
        <source>Cold chain</source>
        <translation>Cadeia de frio</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comentário</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Contrato</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Alteração</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Validade</translation>
    </message>
    <message>
        <source>From site</source>
        <translation>Local de origem</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Topo</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <source>Input digest</source>
        <translation>Resumo de entrada</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Artigo</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Membro</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Linhas</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Lote</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membros</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Needed by</source>
        <translation>Necessário até</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organização</translation>
    </message>
    <message>
        <source>Output digest</source>
        <translation>Resumo de saída</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parâmetros</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Percurso</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>Políticas</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Política</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridade</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>Proposta</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantidade</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Receiver&apos;s acceptance</source>
        <translation>Aceitação do recetor</translation>
    </message>
    <message>
        <source>Spoken code</source>
        <translation>Código dito em voz alta</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Pedidos</translation>
    </message>
    <message>
        <source>Road</source>
        <translation>Estrada</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Funções</translation>
    </message>
    <message>
        <source>Runtime</source>
        <translation>Motor de execução</translation>
    </message>
    <message>
        <source>Sequence</source>
        <translation>Sequência</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Valores</translation>
    </message>
    <message>
        <source>Shipment</source>
        <translation>Remessa</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Local</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origem</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registar</translation>
    </message>
    <message>
        <source>Highest temperature (tenths of °C)</source>
        <translation>Temperatura máxima (décimas de °C)</translation>
    </message>
    <message>
        <source>Lowest temperature (tenths of °C)</source>
        <translation>Temperatura mínima (décimas de °C)</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Para</translation>
    </message>
    <message>
        <source>To site</source>
        <translation>Local de destino</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unidade</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versão</translation>
    </message>
    <message>
        <source>Receive stock…</source>
        <translation>Receber stock…</translation>
    </message>
    <message>
        <source>Open request…</source>
        <translation>Abrir pedido…</translation>
    </message>
    <message>
        <source>Dispatch shipment…</source>
        <translation>Expedir remessa…</translation>
    </message>
    <message>
        <source>Report shipment position…</source>
        <translation>Comunicar posição da remessa…</translation>
    </message>
    <message>
        <source>Hand over custody…</source>
        <translation>Entregar a custódia…</translation>
    </message>
    <message>
        <source>Record delivery…</source>
        <translation>Registar entrega…</translation>
    </message>
    <message>
        <source>Distribute…</source>
        <translation>Distribuir…</translation>
    </message>
    <message>
        <source>Cancel request…</source>
        <translation>Cancelar pedido…</translation>
    </message>
    <message>
        <source>Report road status…</source>
        <translation>Comunicar estado da estrada…</translation>
    </message>
    <message>
        <source>Correct a record…</source>
        <translation>Corrigir um registo…</translation>
    </message>
    <message>
        <source>Propose stock adjustment…</source>
        <translation>Propor ajuste de stock…</translation>
    </message>
    <message>
        <source>Propose new member…</source>
        <translation>Propor novo membro…</translation>
    </message>
    <message>
        <source>Propose member change…</source>
        <translation>Propor alteração de membro…</translation>
    </message>
    <message>
        <source>Propose key revocation…</source>
        <translation>Propor revogação de chave…</translation>
    </message>
    <message>
        <source>Define site…</source>
        <translation>Definir local…</translation>
    </message>
    <message>
        <source>Define catalog item…</source>
        <translation>Definir artigo do catálogo…</translation>
    </message>
</context>
<context>
    <name>ReplayBar</name>
    <message>
        <source>Replay…</source>
        <translation>Reproduzir…</translation>
    </message>
    <message>
        <source>Play the operation&apos;s material movement between two times (after-action review)</source>
        <translation>Reproduzir o movimento de material da operação entre duas datas (revisão pós-ação)</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Reproduzir</translation>
    </message>
    <message>
        <source>Replay speed</source>
        <translation>Velocidade de reprodução</translation>
    </message>
    <message>
        <source>Replay time</source>
        <translation>Tempo de reprodução</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Em direto</translation>
    </message>
    <message>
        <source>Back to live</source>
        <translation>Voltar ao direto</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>receipt</source>
        <translation>receção</translation>
    </message>
    <message>
        <source>request</source>
        <translation>pedido</translation>
    </message>
    <message>
        <source>dispatch</source>
        <translation>expedição</translation>
    </message>
    <message>
        <source>position report</source>
        <translation>relatório de posição</translation>
    </message>
    <message>
        <source>hand-over</source>
        <translation>passagem</translation>
    </message>
    <message>
        <source>delivery</source>
        <translation>entrega</translation>
    </message>
    <message>
        <source>distribution</source>
        <translation>distribuição</translation>
    </message>
    <message>
        <source>cancellation</source>
        <translation>cancelamento</translation>
    </message>
    <message>
        <source>road report</source>
        <translation>relatório de estrada</translation>
    </message>
    <message>
        <source>correction</source>
        <translation>correção</translation>
    </message>
    <message>
        <source>stock adjustment</source>
        <translation>ajuste de stock</translation>
    </message>
    <message>
        <source>new member proposal</source>
        <translation>proposta de novo membro</translation>
    </message>
    <message>
        <source>member change</source>
        <translation>alteração de membro</translation>
    </message>
    <message>
        <source>key revocation</source>
        <translation>revogação de chave</translation>
    </message>
    <message>
        <source>site definition</source>
        <translation>definição de local</translation>
    </message>
    <message>
        <source>catalog item</source>
        <translation>artigo do catálogo</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Local</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Origem</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Destino</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Artigo</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Lote</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantidade</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Proveniência</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Validade</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridade</translation>
    </message>
    <message>
        <source>Needed by</source>
        <translation>Necessário até</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Shipment</source>
        <translation>Envio</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>Transportador</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Linha</translation>
    </message>
    <message>
        <source>For requests</source>
        <translation>Para os pedidos</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <source>At</source>
        <translation>Data e hora</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>Recetor</translation>
    </message>
    <message>
        <source>Custody step</source>
        <translation>Passo da custódia</translation>
    </message>
    <message>
        <source>Receiver&apos;s acceptance</source>
        <translation>Aceitação do recetor</translation>
    </message>
    <message>
        <source>Spoken code</source>
        <translation>Código dito em voz alta</translation>
    </message>
    <message>
        <source>Beneficiaries</source>
        <translation>Beneficiários</translation>
    </message>
    <message>
        <source>Road</source>
        <translation>Estrada</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Percurso</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registo</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Alterações</translation>
    </message>
    <message>
        <source>Change in quantity</source>
        <translation>Variação da quantidade</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Membro</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organização</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Funções</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unidade</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoria</translation>
    </message>
    <message>
        <source>Cold chain</source>
        <translation>Cadeia de frio</translation>
    </message>
    <message>
        <source>Lowest temperature</source>
        <translation>Temperatura mínima</translation>
    </message>
    <message>
        <source>Highest temperature</source>
        <translation>Temperatura máxima</translation>
    </message>
    <message>
        <source>{amount}, lot {lot}</source>
        <translation>{amount}, lote {lot}</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nada</translation>
    </message>
    <message>
        <source> and </source>
        <translation> e </translation>
    </message>
    <message>
        <source>record {0}</source>
        <translation>registo {0}</translation>
    </message>
    <message>
        <source>{kind} {request}</source>
        <translation>{kind} {request}</translation>
    </message>
    <message>
        <source>{kind} of {amount}, lot {lot} at {site}</source>
        <translation>{kind} de {amount}, lote {lot} em {site}</translation>
    </message>
    <message>
        <source>Receive {amount}, lot {lot}, at {site} from {source}</source>
        <translation>Receção de {amount}, lote {lot}, em {site}, proveniente de {source}</translation>
    </message>
    <message>
        <source>, expiring {0}</source>
        <translation>, com validade até {0}</translation>
    </message>
    <message>
        <source>Request {request}: {amount} for {site}, {priority} priority, needed by {when}</source>
        <translation>Pedido {request}: {amount} para {site}, prioridade {priority}, necessário até {when}</translation>
    </message>
    <message>
        <source>Dispatch {shipment}: {lines}, from {origin} to {destination}</source>
        <translation>Expedição do envio {shipment}: {lines}, de {origin} para {destination}</translation>
    </message>
    <message>
        <source>, for {0}</source>
        <translation>, em resposta a {0}</translation>
    </message>
    <message>
        <source>{shipment} (to {site})</source>
        <translation>{shipment} (destino: {site})</translation>
    </message>
    <message>
        <source>Shipment {shipment} was at {place} at {when}</source>
        <translation>O envio {shipment} estava na posição {place} em {when}</translation>
    </message>
    <message>
        <source>Hand over custody of {shipment} to {receiver}</source>
        <translation>Passagem da custódia de {shipment} para {receiver}</translation>
    </message>
    <message>
        <source>its destination</source>
        <translation>de destino</translation>
    </message>
    <message>
        <source>Delivery of {shipment} at {site}: {lines} received</source>
        <translation>Entrega de {shipment} no local {site}: receção de {lines}</translation>
    </message>
    <message>
        <source>Distribute {amount}, lot {lot}, at {site} to {people:,} beneficiaries</source>
        <translation>Distribuição de {amount}, lote {lot}, em {site} a {people:,} beneficiários</translation>
    </message>
    <message>
        <source>{request} ({amount} for {site})</source>
        <translation>{request} ({amount} para {site})</translation>
    </message>
    <message>
        <source>Cancel request {request}: {reason}</source>
        <translation>Cancelamento do pedido {request}: {reason}</translation>
    </message>
    <message>
        <source>Road {road} ({name}) is {status}</source>
        <translation>A estrada {road} ({name}) está {status}</translation>
    </message>
    <message>
        <source>Propose to correct the {record}: {changes}, because {reason}</source>
        <translation>Propor corrigir o registo «{record}»: {changes}, porque {reason}</translation>
    </message>
    <message>
        <source>Propose to change {item}, lot {lot} at {site} by {delta:+,} (from {held:,} to {after:,}), because {reason}</source>
        <translation>Propor alterar {item}, lote {lot} em {site}, em {delta:+,} (de {held:,} para {after:,}), porque {reason}</translation>
    </message>
    <message>
        <source>Propose to add {name} ({org}) as {roles}</source>
        <translation>Propor adicionar {name} ({org}) como {roles}</translation>
    </message>
    <message>
        <source>Propose to change {member}: {changes}</source>
        <translation>Propor alterar {member}: {changes}</translation>
    </message>
    <message>
        <source>Propose to revoke the key of {member}, because {reason}</source>
        <translation>Propor revogar a chave de {member}, porque {reason}</translation>
    </message>
    <message>
        <source>Define site {site}: {name}, a {kind} of {org} at {place}</source>
        <translation>Definição do local {site}: {name}, {kind} de {org} em {place}</translation>
    </message>
    <message>
        <source>Define catalog item {item}: {name}, counted in {unit}, {category}</source>
        <translation>Definição do artigo do catálogo {item}: {name}, contado em {unit}, categoria {category}</translation>
    </message>
    <message>
        <source>, cold chain {0} to {1}</source>
        <translation>, cadeia de frio de {0} a {1}</translation>
    </message>
    <message>
        <source>, cold chain</source>
        <translation>, cadeia de frio</translation>
    </message>
    <message>
        <source>Record {0}</source>
        <translation>Registo {0}</translation>
    </message>
    <message>
        <source>receipt of {amount}, lot {lot}, at {site}</source>
        <translation>receção de {amount}, lote {lot}, em {site}</translation>
    </message>
    <message>
        <source>Proposed: {0}. It takes effect once approved (see Approvals).</source>
        <translation>Proposta: {0}. Produz efeito depois de aprovada (ver Aprovações).</translation>
    </message>
    <message>
        <source>Propose to </source>
        <translation>Propor </translation>
    </message>
    <message>
        <source>Recorded: {0}</source>
        <translation>Registado: {0}</translation>
    </message>
    <message>
        <source>signed by the receiver (checked)</source>
        <translation>assinada pelo recetor (verificada)</translation>
    </message>
    <message>
        <source>{0}, read aloud by the receiver: the receiver&apos;s device will confirm when the two sync</source>
        <translation>{0}, lido em voz alta por quem recebe: o dispositivo de quem recebe confirmará quando os dois sincronizarem</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sim</translation>
    </message>
    <message>
        <source>no</source>
        <translation>não</translation>
    </message>
    <message>
        <source>{amount} ({units}), lot {lot}</source>
        <translation>{amount} ({units}), lote {lot}</translation>
    </message>
    <message>
        <source> — {0}</source>
        <translation> — {0}</translation>
    </message>
    <message>
        <source>Line {0}</source>
        <translation>Linha {0}</translation>
    </message>
    <message>
        <source>Lot {0} at {1} holds {2:,}; you are taking {3:,} — this will be flagged as an over-draw.</source>
        <translation>O lote {0} em {1} tem {2:,}; está a retirar {3:,} — isto será assinalado como levantamento excessivo.</translation>
    </message>
    <message>
        <source>Lot {0} expired on {1}: it is recorded as received, but it should not be handed out.</source>
        <translation>O lote {0} expirou em {1}: fica registado como recebido, mas não deve ser distribuído.</translation>
    </message>
    <message>
        <source>Needed by {0} is already past: the request opens as overdue.</source>
        <translation>O prazo {0} já passou: o pedido abre em atraso.</translation>
    </message>
    <message>
        <source>Request {0} is not open in this ledger.</source>
        <translation>O pedido {0} não está aberto neste livro-razão.</translation>
    </message>
    <message>
        <source>Request {0} is for {1}, but the shipment goes to {2}.</source>
        <translation>O pedido {0} é para {1}, mas o envio vai para {2}.</translation>
    </message>
    <message>
        <source>Request {0} still needs {1}; this shipment carries {2:,} of it.</source>
        <translation>O pedido {0} ainda precisa de {1}; este envio leva {2:,}.</translation>
    </message>
    <message>
        <source>Request {0} asked for {1:,}; {2:,} were already distributed and you hand out {3:,}.</source>
        <translation>O pedido {0} pedia {1:,}; já foram distribuídos {2:,} e está a distribuir {3:,}.</translation>
    </message>
    <message>
        <source>{0} {1} is not defined in this ledger yet.</source>
        <translation>{0} {1} ainda não está definido neste livro-razão.</translation>
    </message>
</context>
<context>
    <name>RunsController</name>
    <message>
        <source>Deployed: {0} version {1} applied at once (fewer than three eligible approvers). You can record runs now.</source>
        <translation>Implementado: {0} versão {1} aplicada de imediato (menos de três aprovadores elegíveis). Já pode registar execuções.</translation>
    </message>
    <message>
        <source>Proposal decided but not applied: {0}</source>
        <translation>Proposta decidida mas não aplicada: {0}</translation>
    </message>
    <message>
        <source>Proposed {0} version {1}: it waits for approvals (see Approvals; {2} more needed).</source>
        <translation>Proposto {0} versão {1}: aguarda aprovações (ver Aprovações; faltam {2}).</translation>
    </message>
    <message>
        <source>Signing deployment proposal…</source>
        <translation>A assinar a proposta de implementação…</translation>
    </message>
    <message>
        <source>Run {0}… recorded: {1} allocation(s). Every replica re-executes it; see the Runs tab.</source>
        <translation>Execução {0}… registada: {1} afetação(ões). Todas as réplicas a voltam a executar; ver o separador Execuções.</translation>
    </message>
    <message>
        <source>Signing allocation run…</source>
        <translation>A assinar a execução de afetação…</translation>
    </message>
</context>
<context>
    <name>RunsTable</name>
    <message>
        <source>Verified</source>
        <translation>Verificada</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Execução</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Contrato</translation>
    </message>
    <message>
        <source>Allocations</source>
        <translation>Afetações</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unidades</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quem</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>Quando (UTC)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>✓ verified</source>
        <translation>✓ verificada</translation>
    </message>
    <message>
        <source>✗ MISMATCH</source>
        <translation>✗ DIVERGÊNCIA</translation>
    </message>
    <message>
        <source>? unchecked</source>
        <translation>? não verificada</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>a verificar…</translation>
    </message>
</context>
<context>
    <name>StateTableModel</name>
    <message>
        <source>{0} (hand-over to {1} pending: confirmed when the receiver&apos;s device syncs)</source>
        <translation>{0} (entrega a {1} pendente: confirmada quando o dispositivo de quem recebe sincronizar)</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Local</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Artigo</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Lote</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantidade</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unidade</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridade</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Pedida</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entregue</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Needed by</source>
        <translation>Necessário até</translation>
    </message>
    <message>
        <source>Shipment</source>
        <translation>Remessa</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Para</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>Transportador</translation>
    </message>
    <message>
        <source>Custodian</source>
        <translation>Custodiante</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Linhas</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>Expedida</translation>
    </message>
    <message>
        <source>Discrepancies</source>
        <translation>Discrepâncias</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Aberto</translation>
    </message>
    <message>
        <source>What</source>
        <translation>O quê</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organização</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Em atraso</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Visto pela última vez</translation>
    </message>
</context>
<context>
    <name>TablePanel</name>
    <message>
        <source>Filter (Ctrl+F)…</source>
        <translation>Filtrar (Ctrl+F)…</translation>
    </message>
    <message>
        <source>Filter {0}</source>
        <translation>Filtrar {0}</translation>
    </message>
    <message>
        <source>{0} table</source>
        <translation>Tabela {0}</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Mostrar tudo</translation>
    </message>
    <message>
        <source>Nothing here yet. Use the Record menu to add the first entry.</source>
        <translation>Ainda nada aqui. Use o menu Registar para acrescentar a primeira entrada.</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to Relief Ledger</source>
        <translation>Bem-vindo ao Relief Ledger</translation>
    </message>
    <message>
        <source>optional: 10.0.0.5:47474 where multicast does not pass</source>
        <translation>opcional: 10.0.0.5:47474 onde o multicast não passa</translation>
    </message>
    <message>
        <source>optional: XXXX-XXXX-XXXX-XXXX of that node</source>
        <translation>opcional: XXXX-XXXX-XXXX-XXXX desse nó</translation>
    </message>
    <message>
        <source>Create network</source>
        <translation>Criar rede</translation>
    </message>
    <message>
        <source>Ask to join…</source>
        <translation>Pedir adesão…</translation>
    </message>
    <message>
        <source>Open the demo exercise</source>
        <translation>Abrir o exercício de demonstração</translation>
    </message>
    <message>
        <source>Open another data directory…</source>
        <translation>Abrir outra pasta de dados…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Create a network&lt;/b&gt; (you become its first admin)</source>
        <translation>&lt;b&gt;Criar uma rede&lt;/b&gt; (torna-se o seu primeiro administrador)</translation>
    </message>
    <message>
        <source>Network name</source>
        <translation>Nome da rede</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Your organisation</source>
        <translation>A sua organização</translation>
    </message>
    <message>
        <source>Your name / command center</source>
        <translation>O seu nome / centro de comando</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase-passe</translation>
    </message>
    <message>
        <source>Repeat passphrase</source>
        <translation>Repetir a frase-passe</translation>
    </message>
    <message>
        <source>&lt;b&gt;Join a network&lt;/b&gt; on this LAN (fill in organisation, name and passphrase above)</source>
        <translation>&lt;b&gt;Aderir a uma rede&lt;/b&gt; nesta rede local (preencha organização, nome e frase-passe acima)</translation>
    </message>
    <message>
        <source>Peer address</source>
        <translation>Endereço do par</translation>
    </message>
    <message>
        <source>Peer fingerprint</source>
        <translation>Impressão digital do par</translation>
    </message>
    <message>
        <source>&lt;b&gt;Try it&lt;/b&gt;</source>
        <translation>&lt;b&gt;Experimentar&lt;/b&gt;</translation>
    </message>
    <message>
        <source>No replica in {0} yet.</source>
        <translation>Ainda não há réplica em {0}.</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organização</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>O seu nome</translation>
    </message>
    <message>
        <source>Please fill in: {0}</source>
        <translation>Preencha: {0}</translation>
    </message>
    <message>
        <source>The passphrase must have at least 8 characters.</source>
        <translation>A frase-passe tem de ter pelo menos 8 caracteres.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>As duas frases-passe são diferentes.</translation>
    </message>
    <message>
        <source>Choose a passphrase of at least 8 characters and repeat it.</source>
        <translation>Escolha uma frase-passe com pelo menos 8 caracteres e repita-a.</translation>
    </message>
    <message>
        <source>The peer address must be host:port, e.g. 10.0.0.5:47474.</source>
        <translation>O endereço do par tem de ser host:porta, p. ex. 10.0.0.5:47474.</translation>
    </message>
    <message>
        <source>Building the demo exercise…</source>
        <translation>A construir o exercício de demonstração…</translation>
    </message>
    <message>
        <source>Open a Relief Ledger data directory</source>
        <translation>Abrir uma pasta de dados do Relief Ledger</translation>
    </message>
    <message>
        <source>{0} holds no replica.</source>
        <translation>{0} não contém nenhuma réplica.</translation>
    </message>
</context>
<context>
    <name>WindowNetwork</name>
    <message>
        <source>read-only</source>
        <translation>só leitura</translation>
    </message>
    <message>
        <source>Peer connected: {0}</source>
        <translation>Par ligado: {0}</translation>
    </message>
    <message>
        <source>Peer left: {0}</source>
        <translation>Par saiu: {0}</translation>
    </message>
    <message>
        <source>Peer cut off: {0}</source>
        <translation>Par isolado: {0}</translation>
    </message>
    <message>
        <source>{0} asks to join the network</source>
        <translation>{0} pede para aderir à rede</translation>
    </message>
    <message>
        <source>Peer found on the LAN: {0}</source>
        <translation>Par encontrado na rede local: {0}</translation>
    </message>
    <message>
        <source>Peers {0}</source>
        <translation>Pares {0}</translation>
    </message>
    <message>
        <source> · catching up {0:,}</source>
        <translation> · a atualizar {0:,}</translation>
    </message>
    <message>
        <source>Peers</source>
        <translation>Pares</translation>
    </message>
    <message>
        <source> ({0} asking to join)</source>
        <translation> ({0} a pedir adesão)</translation>
    </message>
    <message>
        <source>admit {0} ({1}): fingerprint {2} compared aloud</source>
        <translation>admitir {0} ({1}): impressão digital {2} comparada em voz alta</translation>
    </message>
    <message>
        <source>proposed: it takes effect once approved (see Approvals)</source>
        <translation>proposto: produz efeito depois de aprovado (ver Aprovações)</translation>
    </message>
    <message>
        <source>admitted</source>
        <translation>admitido</translation>
    </message>
    <message>
        <source>Admitting {0}…</source>
        <translation>A admitir {0}…</translation>
    </message>
</context>
<context>
    <name>WindowRecords</name>
    <message>
        <source>Dispatch for this request…</source>
        <translation>Expedir para este pedido…</translation>
    </message>
    <message>
        <source>Cancel this request…</source>
        <translation>Cancelar este pedido…</translation>
    </message>
    <message>
        <source>Record delivery…</source>
        <translation>Registar entrega…</translation>
    </message>
    <message>
        <source>Hand over custody…</source>
        <translation>Passar a custódia…</translation>
    </message>
    <message>
        <source>Report position…</source>
        <translation>Comunicar posição…</translation>
    </message>
    <message>
        <source>Receive more of this item here…</source>
        <translation>Receber mais deste artigo aqui…</translation>
    </message>
    <message>
        <source>Dispatch from here…</source>
        <translation>Expedir a partir daqui…</translation>
    </message>
    <message>
        <source>Distribute…</source>
        <translation>Distribuir…</translation>
    </message>
    <message>
        <source>Propose adjustment…</source>
        <translation>Propor ajuste…</translation>
    </message>
    <message>
        <source>Decisions on this record:</source>
        <translation>Decisões sobre este registo:</translation>
    </message>
    <message>
        <source>Lineage of lot {0}:</source>
        <translation>Linhagem do lote {0}:</translation>
    </message>
    <message>
        <source>Record {0}</source>
        <translation>Registo {0}</translation>
    </message>
</context>
<context>
    <name>WindowStatus</name>
    <message>
        <source>not verified this session</source>
        <translation>não verificada nesta sessão</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>só leitura</translation>
    </message>
    <message>
        <source>Key {0}</source>
        <translation>Chave {0}</translation>
    </message>
    <message>
        <source>Network {0} ({1})</source>
        <translation>Rede {0} ({1})</translation>
    </message>
    <message>
        <source>Peers 0</source>
        <translation>Pares 0</translation>
    </message>
    <message>
        <source>Pending approvals 0</source>
        <translation>Aprovações pendentes 0</translation>
    </message>
    <message>
        <source>Exercise clock not started</source>
        <translation>Relógio do exercício não iniciado</translation>
    </message>
    <message>
        <source>Exercise time {0} (running ×{1})</source>
        <translation>Hora do exercício {0} (a correr ×{1})</translation>
    </message>
    <message>
        <source>Exercise time {0} (paused)</source>
        <translation>Hora do exercício {0} (em pausa)</translation>
    </message>
    <message>
        <source>Integrity: {0} · {1:,} entries</source>
        <translation>Integridade: {0} · {1:,} entradas</translation>
    </message>
    <message>
        <source>{0} entries have no effect in the fold ({1}): ledger history, not defects</source>
        <translation>{0} entradas não têm efeito na dobra ({1}): histórico do livro, não defeitos</translation>
    </message>
    <message>
        <source>verified OK</source>
        <translation>verificação OK</translation>
    </message>
    <message>
        <source>verified OK, {0} note(s)</source>
        <translation>verificação OK, {0} nota(s)</translation>
    </message>
    <message>
        <source>{0} DEFECT(S)</source>
        <translation>{0} DEFEITO(S)</translation>
    </message>
    <message>
        <source>Also {0} note(s), ledger history rather than defects:</source>
        <translation>Também {0} nota(s), histórico do livro e não defeitos:</translation>
    </message>
    <message>
        <source>Replica verification failed</source>
        <translation>Falha na verificação da réplica</translation>
    </message>
</context>
</TS>
