<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Approvals</source>
        <translation>Approbations</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Ledger</source>
        <translation>&amp;Registre</translation>
    </message>
    <message>
        <source>Waiting for me: {0}</source>
        <translation>En attente de moi : {0}</translation>
    </message>
    <message>
        <source>Approvals ({0})</source>
        <translation>Approbations ({0})</translation>
    </message>
    <message>
        <source>A proposal is waiting for your approval</source>
        <translation>Une proposition attend votre approbation</translation>
    </message>
    <message>
        <source>Export bundle for a USB stick</source>
        <translation>Exporter un paquet pour une clé USB</translation>
    </message>
    <message>
        <source>Export bundle</source>
        <translation>Exporter un paquet</translation>
    </message>
    <message>
        <source>Do you have the receiving replica&apos;s frontier file (from `relief-ledger bundle frontier`)? With it the bundle holds only what they lack; without it, everything.</source>
        <translation>Avez-vous le fichier de frontière de la réplique destinataire (de `relief-ledger bundle frontier`) ? Avec lui, le paquet ne contient que ce qui lui manque ; sans lui, tout.</translation>
    </message>
    <message>
        <source>Frontier file</source>
        <translation>Fichier de frontière</translation>
    </message>
    <message>
        <source>Bundle exported</source>
        <translation>Paquet exporté</translation>
    </message>
    <message>
        <source>Exporting bundle…</source>
        <translation>Exportation du paquet…</translation>
    </message>
    <message>
        <source>Import bundle</source>
        <translation>Importer un paquet</translation>
    </message>
    <message>
        <source>Bundle imported</source>
        <translation>Paquet importé</translation>
    </message>
    <message>
        <source>Bundle imported with problems</source>
        <translation>Paquet importé avec des problèmes</translation>
    </message>
    <message>
        <source>Importing bundle…</source>
        <translation>Importation du paquet…</translation>
    </message>
    <message>
        <source>EXERCISE network — nothing in it is a real movement.</source>
        <translation>Réseau d’EXERCICE — rien ici n’est un mouvement réel.</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>{0} {1} has no table</source>
        <translation>{0} {1} n’a pas de table</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>Import map package (MBTiles)…</source>
        <translation>Importer un paquet de carte (MBTiles)…</translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <translation>Car&amp;te</translation>
    </message>
    <message>
        <source>Replay the operation…</source>
        <translation>Rejouer l’opération…</translation>
    </message>
    <message>
        <source>Export map as HTML (offline)…</source>
        <translation>Exporter la carte en HTML (hors ligne)…</translation>
    </message>
    <message>
        <source>Export map as PNG…</source>
        <translation>Exporter la carte en PNG…</translation>
    </message>
    <message>
        <source>Online tile server…</source>
        <translation>Serveur de tuiles en ligne…</translation>
    </message>
    <message>
        <source>Import map package</source>
        <translation>Importer un paquet de carte</translation>
    </message>
    <message>
        <source>MBTiles map packages (*.mbtiles)</source>
        <translation>Paquets de carte MBTiles (*.mbtiles)</translation>
    </message>
    <message>
        <source>Importing map package…</source>
        <translation>Importation du paquet de carte…</translation>
    </message>
    <message>
        <source>Export map as HTML</source>
        <translation>Exporter la carte en HTML</translation>
    </message>
    <message>
        <source>Web pages (*.html)</source>
        <translation>Pages web (*.html)</translation>
    </message>
    <message>
        <source>Exporting the map to {0}…</source>
        <translation>Exportation de la carte vers {0}…</translation>
    </message>
    <message>
        <source>Export map as PNG</source>
        <translation>Exporter la carte en PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <source>Export map</source>
        <translation>Exporter la carte</translation>
    </message>
    <message>
        <source>Could not write {0}</source>
        <translation>Impossible d’écrire {0}</translation>
    </message>
    <message>
        <source>Online tile server</source>
        <translation>Serveur de tuiles en ligne</translation>
    </message>
    <message>
        <source>Tile URL with {z}/{x}/{y} (leave empty to stay offline).
When set, map tiles are fetched from this server over the network.</source>
        <translation>URL des tuiles avec {z}/{x}/{y} (laisser vide pour rester hors ligne).
Si elle est définie, les tuiles de la carte sont téléchargées depuis ce serveur par le réseau.</translation>
    </message>
    <message>
        <source>A tile URL starts with http(s):// and contains {z}, {x} and {y}.</source>
        <translation>Une URL de tuiles commence par http(s):// et contient {z}, {x} et {y}.</translation>
    </message>
    <message>
        <source>The map is unavailable on this machine: its web engine could not start ({0}). Everything else works; the tables show every site, stock, request and shipment.</source>
        <translation>La carte n’est pas disponible sur cette machine : son moteur web n’a pas pu démarrer ({0}). Tout le reste fonctionne ; les tableaux montrent chaque site, stock, demande et expédition.</translation>
    </message>
    <message>
        <source>Export table as CSV…</source>
        <translation>Exporter la table en CSV…</translation>
    </message>
    <message>
        <source>Export bundle for a USB stick…</source>
        <translation>Exporter un paquet pour une clé USB…</translation>
    </message>
    <message>
        <source>Import bundle…</source>
        <translation>Importer un paquet…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Accept custody (sign as receiver)…</source>
        <translation>Accepter la garde (signer comme destinataire)…</translation>
    </message>
    <message>
        <source>Verify whole replica</source>
        <translation>Vérifier toute la réplique</translation>
    </message>
    <message>
        <source>Filter current table</source>
        <translation>Filtrer la table courante</translation>
    </message>
    <message>
        <source>&amp;Contracts</source>
        <translation>&amp;Contrats</translation>
    </message>
    <message>
        <source>Open editor…</source>
        <translation>Ouvrir l’éditeur…</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Paramètres</translation>
    </message>
    <message>
        <source>Network…</source>
        <translation>Réseau…</translation>
    </message>
    <message>
        <source>Language…</source>
        <translation>Langue…</translation>
    </message>
    <message>
        <source>Reset layout</source>
        <translation>Réinitialiser la disposition</translation>
    </message>
    <message>
        <source>Every panel back in its place, at the proportions that fit this window</source>
        <translation>Chaque panneau remis à sa place, aux proportions de cette fenêtre</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Guide de l’utilisateur</translation>
    </message>
    <message>
        <source>About Relief Ledger</source>
        <translation>À propos de Relief Ledger</translation>
    </message>
    <message>
        <source>Lineage of lot {0}</source>
        <translation>Traçabilité du lot {0}</translation>
    </message>
    <message>
        <source>Show this entry in the ledger explorer</source>
        <translation>Afficher cette écriture dans l&apos;explorateur du registre</translation>
    </message>
    <message>
        <source>&lt;b&gt;Lot {0}&lt;/b&gt;: where it came from and where it went (click a step to see its entry)</source>
        <translation>&lt;b&gt;Lot {0}&lt;/b&gt; : d&apos;où il vient et où il est allé (cliquez sur une étape pour voir son écriture)</translation>
    </message>
    <message>
        <source>This record moved no lot of material.</source>
        <translation>Cet enregistrement n&apos;a déplacé aucun lot de matériel.</translation>
    </message>
    <message>
        <source>Record as text</source>
        <translation>Enregistrement en texte</translation>
    </message>
    <message>
        <source>Record as &amp;text</source>
        <translation>Enregistrement en &amp;texte</translation>
    </message>
    <message>
        <source>incoming</source>
        <translation>entrante</translation>
    </message>
    <message>
        <source>outgoing</source>
        <translation>sortante</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>connexion en cours</translation>
    </message>
    <message>
        <source>connected · in sync</source>
        <translation>connecté · synchronisé</translation>
    </message>
    <message>
        <source>connected · catching up</source>
        <translation>connecté · rattrapage en cours</translation>
    </message>
    <message>
        <source>gone since {0}</source>
        <translation>parti depuis {0}</translation>
    </message>
    <message>
        <source>gone</source>
        <translation>parti</translation>
    </message>
    <message>
        <source>discovered, not connected</source>
        <translation>découvert, non connecté</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>non connecté</translation>
    </message>
    <message>
        <source>{0} {1} here</source>
        <translation>{0} {1} ici</translation>
    </message>
    <message>
        <source>expires {0}</source>
        <translation>expire le {0}</translation>
    </message>
    <message>
        <source>take this one first</source>
        <translation>à prendre en premier</translation>
    </message>
    <message>
        <source>holds {0}</source>
        <translation>détient {0}</translation>
    </message>
    <message>
        <source>{0} {1} still to send</source>
        <translation>{0} {1} encore à envoyer</translation>
    </message>
    <message>
        <source> ({0} on the way)</source>
        <translation> ({0} en route)</translation>
    </message>
    <message>
        <source>{0}, needed by {1}</source>
        <translation>{0}, requis pour le {1}</translation>
    </message>
    <message>
        <source>held by {0}</source>
        <translation>détenu par {0}</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Réception</translation>
    </message>
    <message>
        <source>Distribution</source>
        <translation>Distribution</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Demande</translation>
    </message>
    <message>
        <source>{0} {1}</source>
        <translation>{0} {1}</translation>
    </message>
    <message>
        <source>Type part of a name or code…</source>
        <translation>Tapez une partie d&apos;un nom ou d&apos;un code…</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Vue d&apos;ensemble</translation>
    </message>
    <message>
        <source>Ledger explorer</source>
        <translation>Explorateur du registre</translation>
    </message>
    <message>
        <source>{0} rows from the overview</source>
        <translation>{0} lignes de la vue d&apos;ensemble</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Relief Ledger</source>
        <translation>À propos de Relief Ledger</translation>
    </message>
    <message>
        <source>not a build (source checkout)</source>
        <translation>pas une version compilée (copie des sources)</translation>
    </message>
    <message>
        <source>not in a source checkout (every build has them)</source>
        <translation>absentes d’une copie des sources (chaque version compilée les contient)</translation>
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

Registre signé et répliqué des mouvements de matériel de secours.

Commit : {1}
Compilé : {2}
Qt {3}, PySide6 {4}, Python {5}

Dossier de données : {6}
Id du réseau : {7}

Mentions de tiers : {8}</translation>
    </message>
    <message>
        <source>Third-party notices</source>
        <translation>Mentions de tiers</translation>
    </message>
</context>
<context>
    <name>AcceptCustodyDialog</name>
    <message>
        <source>Accept custody of a shipment</source>
        <translation>Accepter la garde d’une expédition</translation>
    </message>
    <message>
        <source>Shipment to accept</source>
        <translation>Expédition à accepter</translation>
    </message>
    <message>
        <source>{0} to {1}, held by {2}</source>
        <translation>{0} vers {1}, détenu par {2}</translation>
    </message>
    <message>
        <source>Accept and show code</source>
        <translation>Accepter et afficher le code</translation>
    </message>
    <message>
        <source>Choose the shipment you are taking, then accept it: your screen shows a QR code for the giver to scan, and a code to read aloud.</source>
        <translation>Choisissez l&apos;expédition que vous prenez en charge, puis acceptez-la : votre écran affiche un code QR à scanner par le remettant et un code à lire à voix haute.</translation>
    </message>
    <message>
        <source>Acceptance QR code</source>
        <translation>Code QR d&apos;acceptation</translation>
    </message>
    <message>
        <source>Code to read aloud</source>
        <translation>Code à lire à voix haute</translation>
    </message>
    <message>
        <source>Acceptance in your ledger</source>
        <translation>Acceptation dans votre registre</translation>
    </message>
    <message>
        <source>Copy acceptance text</source>
        <translation>Copier le texte d&apos;acceptation</translation>
    </message>
    <message>
        <source>For sending by message when the giver cannot scan your screen</source>
        <translation>Pour l&apos;envoyer par message quand le remettant ne peut pas scanner votre écran</translation>
    </message>
    <message>
        <source>Copy the signature alone (for a giver with an older client)</source>
        <translation>Copier la signature seule (pour un remettant avec un client plus ancien)</translation>
    </message>
    <message>
        <source>Choose a shipment in transit (and unlock your key) first.</source>
        <translation>Choisissez d&apos;abord une expédition en transit (et déverrouillez votre clé).</translation>
    </message>
    <message>
        <source>You accept custody of &lt;b&gt;{0}&lt;/b&gt; from &lt;b&gt;{1}&lt;/b&gt; (hand-over {2} of this shipment). Let the giver scan this code, or read the code below aloud.</source>
        <translation>Vous acceptez la garde de &lt;b&gt;{0}&lt;/b&gt; remise par &lt;b&gt;{1}&lt;/b&gt; (remise {2} de cette expédition). Laissez le remettant scanner ce code, ou lisez à voix haute le code ci-dessous.</translation>
    </message>
    <message>
        <source>Your acceptance is being recorded in your ledger.</source>
        <translation>Votre acceptation est en cours d’enregistrement dans votre registre.</translation>
    </message>
    <message>
        <source>Recording your acceptance in your ledger…</source>
        <translation>Enregistrement de votre acceptation dans votre registre…</translation>
    </message>
    <message>
        <source>Your acceptance could not be recorded in your ledger ({0}); the giver can still scan the QR code.</source>
        <translation>Votre acceptation n’a pas pu être enregistrée dans votre registre ({0}) ; le remettant peut encore scanner le code QR.</translation>
    </message>
    <message>
        <source>Your acceptance is recorded in your ledger. A giver without camera or link records the code you read aloud; their device will confirm when the two sync.</source>
        <translation>Votre acceptation est enregistrée dans votre registre. Un remettant sans caméra ni liaison enregistre le code que vous lisez à voix haute ; son appareil confirmera quand les deux se synchroniseront.</translation>
    </message>
    <message>
        <source>EXERCISE — </source>
        <translation>EXERCICE — </translation>
    </message>
    <message>
        <source>Shipment</source>
        <translation>Expédition</translation>
    </message>
</context>
<context>
    <name>AcceptanceInput</name>
    <message>
        <source>Scan QR</source>
        <translation>Scanner le QR</translation>
    </message>
    <message>
        <source>Open image…</source>
        <translation>Ouvrir une image…</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Coller</translation>
    </message>
    <message>
        <source>Scan the receiver&apos;s QR code with the camera</source>
        <translation>Scanner le code QR du destinataire avec la caméra</translation>
    </message>
    <message>
        <source>Read the receiver&apos;s QR code from an image file</source>
        <translation>Lire le code QR du destinataire depuis un fichier image</translation>
    </message>
    <message>
        <source>Paste the receiver&apos;s acceptance text</source>
        <translation>Coller le texte d&apos;acceptation du destinataire</translation>
    </message>
    <message>
        <source>Ask the receiver to accept custody on their screen, then scan its QR code.</source>
        <translation>Demandez au destinataire d&apos;accepter la garde sur son écran, puis scannez son code QR.</translation>
    </message>
    <message>
        <source>Acceptance status</source>
        <translation>État de l&apos;acceptation</translation>
    </message>
    <message>
        <source>read aloud by the receiver, e.g. K7Q4-M2XD</source>
        <translation>lu à voix haute par le destinataire, p. ex. K7Q4-M2XD</translation>
    </message>
    <message>
        <source>Code the receiver reads aloud</source>
        <translation>Code lu à voix haute par le destinataire</translation>
    </message>
    <message>
        <source>Spoken code</source>
        <translation>Code parlé</translation>
    </message>
    <message>
        <source>No camera and no link: record with the spoken code alone</source>
        <translation>Ni caméra ni liaison : enregistrer avec le seul code lu à voix haute</translation>
    </message>
    <message>
        <source>The receiver accepts on their own screen and reads the code aloud; the receiver&apos;s device will confirm when the two sync.</source>
        <translation>Le destinataire accepte sur son propre écran et lit le code à voix haute ; l’appareil du destinataire confirmera quand les deux se synchroniseront.</translation>
    </message>
    <message>
        <source>Advanced: paste a signature (recovery)</source>
        <translation>Avancé : coller une signature (récupération)</translation>
    </message>
    <message>
        <source>receiver signature from an older client (128 hex characters)</source>
        <translation>signature du destinataire d&apos;un client plus ancien (128 caractères hexadécimaux)</translation>
    </message>
    <message>
        <source>Receiver signature, for recovery</source>
        <translation>Signature du destinataire, pour récupération</translation>
    </message>
    <message>
        <source>Choose the receiver above, then type the code the receiver reads aloud from their Accept custody screen. The receiver&apos;s device will confirm when the two sync; until then the hand-over is pending.</source>
        <translation>Choisissez le destinataire ci-dessus, puis tapez le code qu’il lit à voix haute sur son écran Accepter la garde. L’appareil du destinataire confirmera quand les deux se synchroniseront ; d’ici là, la remise est en attente.</translation>
    </message>
    <message>
        <source>Accepted by {0} for {1} (hand-over {2}). Check that both screens show the code {3}.</source>
        <translation>Accepté par {0} pour {1} (remise {2}). Vérifiez que les deux écrans affichent le code {3}.</translation>
    </message>
    <message>
        <source>Acceptance by {0} for {1} (hand-over {2}) read. Now type the code the receiver reads aloud from their screen.</source>
        <translation>Acceptation de {0} pour {1} (remise {2}) lue. Saisissez maintenant le code que le destinataire lit à voix haute sur son écran.</translation>
    </message>
    <message>
        <source>The clipboard is empty: copy the receiver&apos;s acceptance text first.</source>
        <translation>Le presse-papiers est vide : copiez d&apos;abord le texte d&apos;acceptation du destinataire.</translation>
    </message>
    <message>
        <source>Image of the receiver&apos;s QR code</source>
        <translation>Image du code QR du destinataire</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp)</source>
        <translation>Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp)</translation>
    </message>
    <message>
        <source>Reading the image…</source>
        <translation>Lecture de l&apos;image…</translation>
    </message>
    <message>
        <source>Reading the QR code</source>
        <translation>Lecture du code QR</translation>
    </message>
    <message>
        <source>No QR code was found in that image; take it again, closer and sharper.</source>
        <translation>Aucun code QR trouvé dans cette image ; reprenez-la, plus près et plus nette.</translation>
    </message>
    <message>
        <source>Open an image of the QR code, paste its text, or use the spoken code instead.</source>
        <translation>Ouvrez une image du code QR, collez son texte ou utilisez plutôt le code parlé.</translation>
    </message>
    <message>
        <source>A code is eight letters and digits, like K7Q4-M2XD; ask the receiver to read it again.</source>
        <translation>Un code compte huit lettres et chiffres, comme K7Q4-M2XD ; demandez au destinataire de le relire.</translation>
    </message>
    <message>
        <source>Read the receiver&apos;s acceptance first: scan its QR code, open an image of it, or paste its text.</source>
        <translation>Lisez d&apos;abord l&apos;acceptation du destinataire : scannez son code QR, ouvrez-en une image ou collez son texte.</translation>
    </message>
    <message>
        <source>Type the code the receiver reads aloud from their screen.</source>
        <translation>Saisissez le code que le destinataire lit à voix haute sur son écran.</translation>
    </message>
    <message>
        <source>Code {0} confirmed: accepted by {1} for {2}.</source>
        <translation>Code {0} confirmé : accepté par {1} pour {2}.</translation>
    </message>
</context>
<context>
    <name>AdmitDialog</name>
    <message>
        <source>Admit {0}</source>
        <translation>Admettre {0}</translation>
    </message>
    <message>
        <source>Ask the operator at {0} to read the fingerprint on their screen aloud. Admit only if it matches this one exactly:</source>
        <translation>Demandez à l’opérateur à {0} de lire à voix haute l’empreinte affichée sur son écran. N’admettez que si elle correspond exactement à celle-ci :</translation>
    </message>
    <message>
        <source>The name or organisation this node sent holds control or text-direction characters, shown escaped (\n, \u202e…). Correct them before admitting.</source>
        <translation>Le nom ou l’organisation envoyés par ce nœud contiennent des caractères de contrôle ou de direction du texte, affichés échappés (\n, \u202e…). Corrigez-les avant d’admettre.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rôles</translation>
    </message>
    <message>
        <source>Fingerprints match — admit</source>
        <translation>Les empreintes correspondent — admettre</translation>
    </message>
</context>
<context>
    <name>ApprovalsView</name>
    <message>
        <source>open</source>
        <translation>ouverte</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>approuvée</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rejetée</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>retirée</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expirée</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <source>Proposed by</source>
        <translation>Proposée par</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Avancement</translation>
    </message>
    <message>
        <source>Deadline / decided</source>
        <translation>Échéance / décision</translation>
    </message>
    <message>
        <source>History of a record: filter by subject (site, item, lot, entry hash, member key)…</source>
        <translation>Historique d’un enregistrement : filtrer par sujet (site, article, lot, hash d’entrée, clé de membre)…</translation>
    </message>
    <message>
        <source>Filter proposals by subject</source>
        <translation>Filtrer les propositions par objet</translation>
    </message>
    <message>
        <source>Select a proposal to see what it changes, who approved it and who is still needed.</source>
        <translation>Sélectionnez une proposition pour voir ce qu’elle change, qui l’a approuvée et qui manque encore.</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>Approuver…</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>Rejeter…</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Show in ledger</source>
        <translation>Afficher dans le registre</translation>
    </message>
    <message>
        <source>Waiting for me ({0})</source>
        <translation>En attente de moi ({0})</translation>
    </message>
    <message>
        <source>Waiting for others ({0})</source>
        <translation>En attente des autres ({0})</translation>
    </message>
    <message>
        <source>Decided ({0})</source>
        <translation>Décidées ({0})</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} sur {1}</translation>
    </message>
    <message>
        <source>until {0}</source>
        <translation>jusqu’au {0}</translation>
    </message>
    <message>
        <source>Not signed: {0}</source>
        <translation>Non signé : {0}</translation>
    </message>
    <message>
        <source>Not signed: that key is not the one this window signs with</source>
        <translation>Non signé : cette clé n’est pas celle avec laquelle cette fenêtre signe</translation>
    </message>
    <message>
        <source>Unlocking the key and signing…</source>
        <translation>Déverrouillage de la clé et signature…</translation>
    </message>
    <message>
        <source>Signing decision…</source>
        <translation>Signature de la décision…</translation>
    </message>
    <message>
        <source>Withdrawing…</source>
        <translation>Retrait…</translation>
    </message>
    <message>
        <source>Not recorded: {0}</source>
        <translation>Non enregistré : {0}</translation>
    </message>
    <message>
        <source>Recorded {0} as entry {1}…</source>
        <translation>{0} enregistré comme entrée {1}…</translation>
    </message>
</context>
<context>
    <name>BackgroundOp</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
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
        <translation>Scanner le code QR du destinataire</translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation>Démarrage de la caméra…</translation>
    </message>
    <message>
        <source>Hold the receiver&apos;s screen so that the QR code fills the middle of the picture.</source>
        <translation>Tenez l&apos;écran du destinataire de sorte que le code QR remplisse le centre de l&apos;image.</translation>
    </message>
    <message>
        <source>That QR code is not a hand-over acceptance; show the receiver&apos;s Accept custody screen.</source>
        <translation>Ce code QR n&apos;est pas une acceptation de remise ; montrez l&apos;écran « Accepter la garde » du destinataire.</translation>
    </message>
</context>
<context>
    <name>ConflictHelp</name>
    <message>
        <source>Membership change could not apply</source>
        <translation>Le changement de membres n&apos;a pas pu s&apos;appliquer</translation>
    </message>
    <message>
        <source>Lot holds another item</source>
        <translation>Le lot contient un autre article</translation>
    </message>
    <message>
        <source>Id already taken</source>
        <translation>Id déjà pris</translation>
    </message>
    <message>
        <source>Refers to something this ledger does not hold</source>
        <translation>Fait référence à un élément absent de ce registre</translation>
    </message>
    <message>
        <source>Hand-over did not take effect</source>
        <translation>La remise n&apos;a pas pris effet</translation>
    </message>
    <message>
        <source>Shipment delivered twice</source>
        <translation>Expédition livrée deux fois</translation>
    </message>
    <message>
        <source>Delivery differs from dispatch</source>
        <translation>Livraison différente de l&apos;expédition</translation>
    </message>
    <message>
        <source>Stock over-drawn</source>
        <translation>Prélèvement excédentaire de stock</translation>
    </message>
    <message>
        <source>Correction of a field that cannot be corrected</source>
        <translation>Correction d&apos;un champ qui ne peut pas être corrigé</translation>
    </message>
    <message>
        <source>Contract version not higher</source>
        <translation>Version du contrat non supérieure</translation>
    </message>
    <message>
        <source>This entry changed nothing: no stock, request or shipment moved. It stays on record.</source>
        <translation>Cette écriture n&apos;a rien changé : aucun stock, aucune demande ni aucune expédition n&apos;a bougé. Elle reste au registre.</translation>
    </message>
    <message>
        <source>{item} lot {lot} at {site}: over-drawn by {missing}</source>
        <translation>{item}, lot {lot}, à {site} : prélèvement excédentaire de {missing}</translation>
    </message>
    <message>
        <source>{shipment} to {site}: {lines} line(s) differ from dispatch</source>
        <translation>{shipment} vers {site} : {lines} ligne(s) différente(s) de l&apos;expédition</translation>
    </message>
    <message>
        <source>{message}</source>
        <translation>{message}</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflit</translation>
    </message>
    <message>
        <source>{item} lot {lot} at {site} was over-drawn; the balance is back at {balance}.</source>
        <translation>{item}, lot {lot}, à {site} a fait l&apos;objet d&apos;un prélèvement excédentaire ; le solde est revenu à {balance}.</translation>
    </message>
    <message>
        <source>The ledger shows {missing} more {item} of lot {lot} leaving {site} than arriving there.</source>
        <translation>Selon le registre, il est sorti de {site} {missing} {item} du lot {lot} de plus qu&apos;il n&apos;en est entré.</translation>
    </message>
    <message>
        <source>Either a receipt is missing or recorded too small, or more was dispatched or handed out than was there (as when two centres draw on the same lot while cut off from each other). Count the lot on the shelf, then propose an adjustment so the ledger matches the count.</source>
        <translation>Soit une réception manque ou a été enregistrée trop faible, soit on a expédié ou distribué plus qu&apos;il n&apos;y en avait (comme lorsque deux centres puisent dans le même lot alors qu&apos;ils sont coupés l&apos;un de l&apos;autre). Comptez le lot sur l&apos;étagère, puis proposez un ajustement pour que le registre corresponde au comptage.</translation>
    </message>
    <message>
        <source>Propose an adjustment of +{missing} after a count</source>
        <translation>Proposer un ajustement de +{missing} après comptage</translation>
    </message>
    <message>
        <source>Correct the distribution that over-drew it to {qty}</source>
        <translation>Corriger à {qty} la distribution qui a causé le prélèvement excédentaire</translation>
    </message>
    <message>
        <source>Shipment {shipment} from {origin} arrived at {destination} with other quantities than were dispatched. The delivery was recorded as counted at the door; a difference is in no stock now.</source>
        <translation>L&apos;expédition {shipment} de {origin} est arrivée à {destination} avec d&apos;autres quantités que celles expédiées. La livraison a été enregistrée telle que comptée à la porte ; l&apos;écart ne figure désormais dans aucun stock.</translation>
    </message>
    <message>
        <source>{item} lot {lot}: sent {sent}, received {received}. {reason}</source>
        <translation>{item}, lot {lot} : envoyé {sent}, reçu {received}. {reason}</translation>
    </message>
    <message>
        <source>Request the missing {qty} {item} again</source>
        <translation>Demander à nouveau la quantité manquante : {qty} {item}</translation>
    </message>
    <message>
        <source>Propose an adjustment of −{qty} at {origin}, which sent more than it recorded</source>
        <translation>Proposer un ajustement de −{qty} à {origin}, qui a envoyé plus qu&apos;il n&apos;a enregistré</translation>
    </message>
    <message>
        <source>Lot {lot} already holds {holds}; this entry named {item}. One lot holds one item, so nothing was recorded.</source>
        <translation>Le lot {lot} contient déjà {holds} ; cette écriture indiquait {item}. Un lot ne contient qu&apos;un seul article, donc rien n&apos;a été enregistré.</translation>
    </message>
    <message>
        <source>Propose the adjustment for the lot&apos;s own item</source>
        <translation>Proposer l&apos;ajustement pour l&apos;article propre au lot</translation>
    </message>
    <message>
        <source>Record the receipt again under a lot of its own</source>
        <translation>Enregistrer à nouveau la réception sous un lot qui lui est propre</translation>
    </message>
    <message>
        <source>{message}: an id names one record only, so this one was not recorded.</source>
        <translation>{message} : un id ne désigne qu&apos;un seul enregistrement, celui-ci n&apos;a donc pas été enregistré.</translation>
    </message>
    <message>
        <source>Dispatch it again as {id}</source>
        <translation>L&apos;expédier à nouveau sous {id}</translation>
    </message>
    <message>
        <source>Open the request again as {id}</source>
        <translation>Ouvrir à nouveau la demande sous {id}</translation>
    </message>
    <message>
        <source>{message}. Either the id was mistyped, or the entry that creates it has not reached this replica yet (it may still arrive by sync).</source>
        <translation>{message}. Soit l&apos;id a été mal saisi, soit l&apos;écriture qui le crée n&apos;a pas encore atteint cette réplique (elle peut encore arriver par synchronisation).</translation>
    </message>
    <message>
        <source>Correct the right record</source>
        <translation>Corriger la bonne écriture</translation>
    </message>
    <message>
        <source>Cancel the right request</source>
        <translation>Annuler la bonne demande</translation>
    </message>
    <message>
        <source>Record it again for the right shipment</source>
        <translation>L&apos;enregistrer à nouveau pour la bonne expédition</translation>
    </message>
    <message>
        <source>{message}.</source>
        <translation>{message}.</translation>
    </message>
    <message>
        <source>The shipment is no longer in transit, so there is nothing to hand over. This entry changed nothing.</source>
        <translation>L&apos;expédition n&apos;est plus en transit, il n&apos;y a donc rien à remettre. Cette écriture n&apos;a rien changé.</translation>
    </message>
    <message>
        <source>Custody stays with {custodian}: only the one who holds a shipment hands it over, and the receiver must be a current member.</source>
        <translation>La garde reste à {custodian} : seul celui qui détient une expédition peut la remettre, et le destinataire doit être un membre actuel.</translation>
    </message>
    <message>
        <source>Hand over {shipment} again, from its custodian</source>
        <translation>Remettre à nouveau {shipment}, depuis son gardien</translation>
    </message>
    <message>
        <source>Shipment {shipment} was already delivered; this second delivery moved no stock. If more goods really arrived, record them as a receipt.</source>
        <translation>L&apos;expédition {shipment} avait déjà été livrée ; cette seconde livraison n&apos;a déplacé aucun stock. Si d&apos;autres marchandises sont vraiment arrivées, enregistrez-les comme réception.</translation>
    </message>
    <message>
        <source>Receive the extra goods at {site}</source>
        <translation>Réceptionner les marchandises supplémentaires à {site}</translation>
    </message>
    <message>
        <source>Record a receipt at the destination</source>
        <translation>Enregistrer une réception à destination</translation>
    </message>
    <message>
        <source>{message}. The correction was not applied.</source>
        <translation>{message}. La correction n&apos;a pas été appliquée.</translation>
    </message>
    <message>
        <source>Propose the correction with correctable fields only</source>
        <translation>Proposer la correction avec les seuls champs corrigeables</translation>
    </message>
    <message>
        <source>{message}. The deployed version stays in force.</source>
        <translation>{message}. La version déployée reste en vigueur.</translation>
    </message>
    <message>
        <source>Propose the deployment as version {version}</source>
        <translation>Proposer le déploiement en version {version}</translation>
    </message>
    <message>
        <source>{message}. Membership did not change.</source>
        <translation>{message}. Les membres n&apos;ont pas changé.</translation>
    </message>
    <message>
        <source>Propose a change to {member} instead</source>
        <translation>Proposer plutôt une modification de {member}</translation>
    </message>
    <message>
        <source>Propose the revocation first</source>
        <translation>Proposer d&apos;abord la révocation</translation>
    </message>
    <message>
        <source>Propose adding the member</source>
        <translation>Proposer l&apos;ajout du membre</translation>
    </message>
    <message>
        <source>Propose the member with a new key</source>
        <translation>Proposer le membre avec une nouvelle clé</translation>
    </message>
    <message>
        <source>a receipt</source>
        <translation>une réception</translation>
    </message>
    <message>
        <source>a delivery</source>
        <translation>une livraison</translation>
    </message>
    <message>
        <source>an approved adjustment</source>
        <translation>un ajustement approuvé</translation>
    </message>
    <message>
        <source>an approved correction</source>
        <translation>une correction approuvée</translation>
    </message>
    <message>
        <source>an entry</source>
        <translation>une écriture</translation>
    </message>
    <message>
        <source>a date this replica does not hold</source>
        <translation>inconnue de cette réplique</translation>
    </message>
    <message>
        <source>{item} lot {lot} at {site}: resolved by {what} {entry}… on {when}; balance now {balance}</source>
        <translation>{item}, lot {lot}, à {site} : résolu par {what} {entry}… (date : {when}) ; solde actuel {balance}</translation>
    </message>
    <message>
        <source>open</source>
        <translation>ouverte</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>résolu</translation>
    </message>
</context>
<context>
    <name>ConflictsPanel</name>
    <message>
        <source>What the selected conflict means</source>
        <translation>Ce que signifie le conflit sélectionné</translation>
    </message>
    <message>
        <source>Select a conflict to see what it means and what resolves it.</source>
        <translation>Sélectionnez un conflit pour voir ce qu&apos;il signifie et ce qui le résout.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Clos</translation>
    </message>
    <message>
        <source>What resolves it: the buttons below open the form, filled in.</source>
        <translation>Ce qui le résout : les boutons ci-dessous ouvrent le formulaire prérempli.</translation>
    </message>
</context>
<context>
    <name>ContractDeployment</name>
    <message>
        <source>Propose this contract for deployment (needs approvals)</source>
        <translation>Proposer ce contrat pour déploiement (nécessite des approbations)</translation>
    </message>
    <message>
        <source>Not proposed: fix the errors marked in the source first.</source>
        <translation>Non proposé : corrigez d’abord les erreurs signalées dans le code.</translation>
    </message>
    <message>
        <source>not connected to a ledger</source>
        <translation>non connecté à un registre</translation>
    </message>
    <message>
        <source>contract {0} is not deployed; propose its deployment first</source>
        <translation>le contrat {0} n’est pas déployé ; proposez d’abord son déploiement</translation>
    </message>
    <message>
        <source>the text differs from deployed version {0}</source>
        <translation>le texte diffère de la version déployée {0}</translation>
    </message>
    <message>
        <source>dry-run the deployed contract first (F5)</source>
        <translation>faites d’abord un essai à blanc du contrat déployé (F5)</translation>
    </message>
    <message>
        <source>the last dry run used other text; dry-run again (F5)</source>
        <translation>le dernier essai à blanc utilisait un autre texte ; refaites-le (F5)</translation>
    </message>
    <message>
        <source>Sign the last dry run as an allocation run that every replica re-executes</source>
        <translation>Signer le dernier essai à blanc comme une exécution d’allocation que chaque réplique ré-exécute</translation>
    </message>
    <message>
        <source>Record run</source>
        <translation>Enregistrer l’exécution</translation>
    </message>
    <message>
        <source>Cannot record: {0}</source>
        <translation>Impossible d’enregistrer : {0}</translation>
    </message>
    <message>
        <source>Record {0} allocation(s), {1:,} units, as a run of {2} version {3}? Every replica will re-execute it.</source>
        <translation>Enregistrer {0} allocation(s), {1:,} unités, comme une exécution de {2} version {3} ? Chaque réplique la ré-exécutera.</translation>
    </message>
</context>
<context>
    <name>ContractEditor</name>
    <message>
        <source>Request</source>
        <translation>Demande</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Lot</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qté</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Vers</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Distance (km)</source>
        <translation>Distance (km)</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Modification</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Avant</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Après</translation>
    </message>
    <message>
        <source>Dry run: not run yet (F5).</source>
        <translation>Essai à blanc : pas encore lancé (F5).</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Changes since last dry run</source>
        <translation>Modifications depuis le dernier essai à blanc</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Exécutions</translation>
    </message>
    <message>
        <source>&amp;Contract</source>
        <translation>&amp;Contrat</translation>
    </message>
    <message>
        <source>New from template</source>
        <translation>Nouveau à partir d’un modèle</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Ouvrir…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Enregistrer sous…</translation>
    </message>
    <message>
        <source>Propose deployment…</source>
        <translation>Proposer le déploiement…</translation>
    </message>
    <message>
        <source>Record run…</source>
        <translation>Enregistrer l’exécution…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>E&amp;xécuter</translation>
    </message>
    <message>
        <source>Check (lint)</source>
        <translation>Vérifier (lint)</translation>
    </message>
    <message>
        <source>Dry run against current state</source>
        <translation>Essai à blanc sur l’état actuel</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Contrat</translation>
    </message>
    <message>
        <source>Contract editor — {0}{1}</source>
        <translation>Éditeur de contrats — {0}{1}</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>Aucun problème trouvé.</translation>
    </message>
    <message>
        <source>Dry run unavailable: no ledger state is connected.</source>
        <translation>Essai à blanc indisponible : aucun état de registre n’est connecté.</translation>
    </message>
    <message>
        <source>Dry run: running…</source>
        <translation>Essai à blanc : en cours…</translation>
    </message>
    <message>
        <source>Dry run OK: {0} allocation(s), {1:,} units, {2:,} of {3:,} steps. Input {4}… output {5}…</source>
        <translation>Essai à blanc OK : {0} allocation(s), {1:,} unités, {2:,} sur {3:,} étapes. Entrée {4}… sortie {5}…</translation>
    </message>
    <message>
        <source> (line {0}, column {1})</source>
        <translation> (ligne {0}, colonne {1})</translation>
    </message>
    <message>
        <source>Dry run failed — {0}{1}: {2}</source>
        <translation>L’essai à blanc a échoué — {0}{1} : {2}</translation>
    </message>
    <message>
        <source>Dry run failed: {0}: {1}</source>
        <translation>L’essai à blanc a échoué : {0} : {1}</translation>
    </message>
    <message>
        <source>Changes since last dry run ({0})</source>
        <translation>Modifications depuis le dernier essai à blanc ({0})</translation>
    </message>
</context>
<context>
    <name>ContractFiles</name>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>The contract has unsaved changes. Save them first?</source>
        <translation>Le contrat a des modifications non enregistrées. Les enregistrer d’abord ?</translation>
    </message>
    <message>
        <source>Open contract</source>
        <translation>Ouvrir un contrat</translation>
    </message>
    <message>
        <source>Starlark contracts (*.star);;All files (*)</source>
        <translation>Contrats Starlark (*.star);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Cannot read {0}: {1}</source>
        <translation>Impossible de lire {0} : {1}</translation>
    </message>
    <message>
        <source>Save contract</source>
        <translation>Enregistrer le contrat</translation>
    </message>
    <message>
        <source>Starlark contracts (*.star)</source>
        <translation>Contrats Starlark (*.star)</translation>
    </message>
    <message>
        <source>Cannot save {0}: {1}</source>
        <translation>Impossible d’enregistrer {0} : {1}</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>{0} enregistré</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Approve proposal</source>
        <translation>Approuver la proposition</translation>
    </message>
    <message>
        <source>Reject proposal</source>
        <translation>Rejeter la proposition</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0} : {1}</translation>
    </message>
    <message>
        <source>Comment (required to reject)</source>
        <translation>Commentaire (obligatoire pour rejeter)</translation>
    </message>
    <message>
        <source>Comment (optional)</source>
        <translation>Commentaire (facultatif)</translation>
    </message>
    <message>
        <source>Sign approval</source>
        <translation>Signer l’approbation</translation>
    </message>
    <message>
        <source>Sign rejection</source>
        <translation>Signer le rejet</translation>
    </message>
    <message>
        <source>Sign with your key (Enter in the passphrase, or Ctrl+Enter)</source>
        <translation>Signer avec votre clé (Entrée dans la phrase secrète, ou Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <source>approval</source>
        <translation>approbation</translation>
    </message>
    <message>
        <source>rejection</source>
        <translation>rejet</translation>
    </message>
    <message>
        <source>Say why you reject it: the comment goes on the ledger.</source>
        <translation>Dites pourquoi vous la rejetez : le commentaire est inscrit au registre.</translation>
    </message>
    <message>
        <source>Enter your passphrase to sign.</source>
        <translation>Saisissez votre phrase secrète pour signer.</translation>
    </message>
    <message>
        <source>Unlocking the key and signing…</source>
        <translation>Déverrouillage de la clé et signature…</translation>
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
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
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
        <translation>Détail de l&apos;écriture</translation>
    </message>
    <message>
        <source>Select an entry to see its signed content, status and lineage.</source>
        <translation>Sélectionnez une entrée pour voir son contenu signé, son statut et sa filiation.</translation>
    </message>
    <message>
        <source>Where it came from</source>
        <translation>D&apos;où il vient</translation>
    </message>
    <message>
        <source>Where it went</source>
        <translation>Où il est allé</translation>
    </message>
</context>
<context>
    <name>ExerciseBanner</name>
    <message>
        <source>EXERCISE · training network — nothing here is a real movement</source>
        <translation>EXERCICE · réseau d’entraînement — rien ici n’est un mouvement réel</translation>
    </message>
    <message>
        <source>EXERCISE — </source>
        <translation>EXERCICE — </translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <source>User guide — Relief Ledger</source>
        <translation>Guide de l’utilisateur — Relief Ledger</translation>
    </message>
    <message>
        <source>User guide text</source>
        <translation>Texte du guide de l’utilisateur</translation>
    </message>
    <message>
        <source>Contents of the user guide</source>
        <translation>Sommaire du guide de l’utilisateur</translation>
    </message>
    <message>
        <source>Find in the guide (Ctrl+F)</source>
        <translation>Rechercher dans le guide (Ctrl+F)</translation>
    </message>
    <message>
        <source>Find in the guide</source>
        <translation>Rechercher dans le guide</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Précédent</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>Rechercher :</translation>
    </message>
    <message>
        <source># The user guide is missing

{0} could not be read: {1}</source>
        <translation># Le guide de l’utilisateur est introuvable

Impossible de lire {0} : {1}</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Introuvable</translation>
    </message>
</context>
<context>
    <name>Handover</name>
    <message>
        <source>This is not a hand-over acceptance. Read the QR code on the receiver&apos;s screen.</source>
        <translation>Ceci n&apos;est pas une acceptation de remise. Lisez le code QR sur l&apos;écran du destinataire.</translation>
    </message>
    <message>
        <source>This acceptance was made by a newer client; update this one to read it.</source>
        <translation>Cette acceptation a été faite par un client plus récent ; mettez celui-ci à jour pour la lire.</translation>
    </message>
    <message>
        <source>This acceptance was made on another network.</source>
        <translation>Cette acceptation a été faite sur un autre réseau.</translation>
    </message>
    <message>
        <source>This acceptance names a shipment this replica does not know yet; sync, then read it again.</source>
        <translation>Cette acceptation nomme une expédition que cette réplique ne connaît pas encore ; synchronisez, puis relisez-la.</translation>
    </message>
    <message>
        <source>This shipment is no longer in transit.</source>
        <translation>Cette expédition n&apos;est plus en transit.</translation>
    </message>
    <message>
        <source>This acceptance was made for another giver, not for you.</source>
        <translation>Cette acceptation a été faite pour un autre remettant, pas pour vous.</translation>
    </message>
    <message>
        <source>You do not hold custody of this shipment.</source>
        <translation>Vous n&apos;avez pas la garde de cette expédition.</translation>
    </message>
    <message>
        <source>This acceptance is for an earlier step of the shipment&apos;s custody (an old code); ask the receiver to accept again.</source>
        <translation>Cette acceptation concerne une étape antérieure de la garde de l&apos;expédition (un ancien code) ; demandez au destinataire d&apos;accepter à nouveau.</translation>
    </message>
    <message>
        <source>The receiver is not a current member of this network.</source>
        <translation>Le destinataire n&apos;est pas membre actuel de ce réseau.</translation>
    </message>
    <message>
        <source>The receiver&apos;s signature on this acceptance does not verify; ask the receiver to accept again.</source>
        <translation>La signature du destinataire sur cette acceptation n&apos;est pas valide ; demandez-lui d&apos;accepter à nouveau.</translation>
    </message>
    <message>
        <source>That code does not match the receiver&apos;s acceptance; ask the receiver to read it again.</source>
        <translation>Ce code ne correspond pas à l&apos;acceptation du destinataire ; demandez-lui de le relire.</translation>
    </message>
    <message>
        <source>Too many wrong codes for this acceptance; read the receiver&apos;s QR code or text again.</source>
        <translation>Trop de codes erronés pour cette acceptation ; relisez le code QR ou le texte du destinataire.</translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message>
        <source>Joining a network as {0}</source>
        <translation>Adhésion à un réseau en tant que {0}</translation>
    </message>
    <message>
        <source>Creating this node&apos;s key…</source>
        <translation>Création de la clé de ce nœud…</translation>
    </message>
    <message>
        <source>Open the network</source>
        <translation>Ouvrir le réseau</translation>
    </message>
    <message>
        <source>Read this fingerprint aloud to the admin who admits you; the admin sees the same one on their Peers view:</source>
        <translation>Lisez cette empreinte à voix haute à l’administrateur qui vous admet ; il voit la même dans sa vue Pairs :</translation>
    </message>
    <message>
        <source>Could not prepare this node: {0}</source>
        <translation>Impossible de préparer ce nœud : {0}</translation>
    </message>
    <message>
        <source>on this LAN</source>
        <translation>sur ce réseau local</translation>
    </message>
    <message>
        <source>at the address you gave</source>
        <translation>à l’adresse indiquée</translation>
    </message>
    <message>
        <source>Looking for the network&apos;s nodes {0}…</source>
        <translation>Recherche des nœuds du réseau {0}…</translation>
    </message>
    <message>
        <source>{0} has your request. Read your fingerprint to its admin; this window moves on by itself once you are admitted.</source>
        <translation>{0} a reçu votre demande. Lisez votre empreinte à son administrateur ; cette fenêtre avance d’elle-même une fois que vous êtes admis.</translation>
    </message>
    <message>
        <source>Admitted: receiving the network&apos;s ledger…</source>
        <translation>Admis : réception du registre du réseau…</translation>
    </message>
    <message>
        <source>Admitted to {0}: {1:,} entries received. Open it when ready.</source>
        <translation>Admis dans {0} : {1:,} entrées reçues. Ouvrez-le quand vous êtes prêt.</translation>
    </message>
</context>
<context>
    <name>Keyboard</name>
    <message>
        <source>Discard?</source>
        <translation>Abandonner ?</translation>
    </message>
    <message>
        <source>Discard this {0}?</source>
        <translation>Abandonner cette saisie ({0}) ?</translation>
    </message>
    <message>
        <source>What you entered in this form will be lost.</source>
        <translation>Ce que vous avez saisi dans ce formulaire sera perdu.</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Continuer la saisie</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
</context>
<context>
    <name>LanguageDialog</name>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Language of the client</source>
        <translation>Langue du client</translation>
    </message>
    <message>
        <source>Follow the system ({0})</source>
        <translation>Suivre le système ({0})</translation>
    </message>
    <message>
        <source>The client shows the new language when it next starts.</source>
        <translation>Le client affiche la nouvelle langue au prochain démarrage.</translation>
    </message>
</context>
<context>
    <name>LedgerExplorer</name>
    <message>
        <source>Feed</source>
        <translation>Flux</translation>
    </message>
    <message>
        <source>All authors (total order)</source>
        <translation>Tous les auteurs (ordre total)</translation>
    </message>
    <message>
        <source>Ledger entries</source>
        <translation>Écritures du registre</translation>
    </message>
    <message>
        <source>Fee&amp;d:</source>
        <translation>Fl&amp;ux :</translation>
    </message>
</context>
<context>
    <name>LedgerWords</name>
    <message>
        <source>critical</source>
        <translation>critique</translation>
    </message>
    <message>
        <source>high</source>
        <translation>haute</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>normale</translation>
    </message>
    <message>
        <source>low</source>
        <translation>basse</translation>
    </message>
    <message>
        <source>open</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>partial</source>
        <translation>partielle</translation>
    </message>
    <message>
        <source>filled</source>
        <translation>satisfaite</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulée</translation>
    </message>
    <message>
        <source>in transit</source>
        <translation>en transit</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>livrée</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>résolu</translation>
    </message>
    <message>
        <source>restricted</source>
        <translation>à accès restreint</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>fermée</translation>
    </message>
    <message>
        <source>depot</source>
        <translation>dépôt</translation>
    </message>
    <message>
        <source>staging</source>
        <translation>zone de transit</translation>
    </message>
    <message>
        <source>shelter</source>
        <translation>abri</translation>
    </message>
    <message>
        <source>hospital</source>
        <translation>hôpital</translation>
    </message>
    <message>
        <source>distribution point</source>
        <translation>point de distribution</translation>
    </message>
    <message>
        <source>vehicle</source>
        <translation>véhicule</translation>
    </message>
    <message>
        <source>command center</source>
        <translation>centre de commandement</translation>
    </message>
    <message>
        <source>water</source>
        <translation>eau</translation>
    </message>
    <message>
        <source>food</source>
        <translation>vivres</translation>
    </message>
    <message>
        <source>medical</source>
        <translation>médical</translation>
    </message>
    <message>
        <source>wash</source>
        <translation>EHA</translation>
    </message>
    <message>
        <source>nfi</source>
        <translation>articles non alimentaires</translation>
    </message>
    <message>
        <source>fuel</source>
        <translation>carburant</translation>
    </message>
    <message>
        <source>equipment</source>
        <translation>équipement</translation>
    </message>
    <message>
        <source>other</source>
        <translation>autre</translation>
    </message>
</context>
<context>
    <name>Lineage</name>
    <message>
        <source>Received</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>Expédié</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Livré</translation>
    </message>
    <message>
        <source>Distributed</source>
        <translation>Distribué</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>Corrigé</translation>
    </message>
    <message>
        <source>Adjusted</source>
        <translation>Ajusté</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Où</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
</context>
<context>
    <name>LinesEditor</name>
    <message>
        <source>Item</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Lot</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>Reason if different</source>
        <translation>Motif si différent</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <source>&amp;Add line</source>
        <translation>&amp;Ajouter une ligne</translation>
    </message>
    <message>
        <source>Re&amp;move line</source>
        <translation>Suppri&amp;mer la ligne</translation>
    </message>
    <message>
        <source>Add a line (Alt+A)</source>
        <translation>Ajouter une ligne (Alt+A)</translation>
    </message>
    <message>
        <source>Line {0}: quantity must be a whole number</source>
        <translation>Ligne {0} : la quantité doit être un nombre entier</translation>
    </message>
    <message>
        <source>Line {0}: {1} differs from what was dispatched; give a reason</source>
        <translation>Ligne {0} : {1} diffère de ce qui a été expédié ; indiquez un motif</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>EXERCISE — </source>
        <translation>EXERCICE — </translation>
    </message>
    <message>
        <source>Relief Ledger — {0}</source>
        <translation>Relief Ledger — {0}</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>Registre</translation>
    </message>
    <message>
        <source>Sites &amp;&amp; stock</source>
        <translation>Sites &amp;&amp; stocks</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>Sites</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Demandes</translation>
    </message>
    <message>
        <source>Shipments</source>
        <translation>Expéditions</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
    <message>
        <source>Peers</source>
        <translation>Pairs</translation>
    </message>
    <message>
        <source>Relief Ledger</source>
        <translation>Relief Ledger</translation>
    </message>
    <message>
        <source>Entry refused</source>
        <translation>Entrée refusée</translation>
    </message>
    <message>
        <source>The entry was not recorded ({0}):
{1}</source>
        <translation>L’entrée n’a pas été enregistrée ({0}) :
{1}</translation>
    </message>
    <message>
        <source>Export table as CSV</source>
        <translation>Exporter la table en CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exported {0} rows to {1}</source>
        <translation>{0} lignes exportées vers {1}</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>Map of sites, stock, requests, shipments and roads</source>
        <translation>Carte des sites, stocks, demandes, expéditions et routes</translation>
    </message>
    <message>
        <source>Reading the ledger…</source>
        <translation>Lecture du registre…</translation>
    </message>
    <message>
        <source>Preparing replay…</source>
        <translation>Préparation de la relecture…</translation>
    </message>
    <message>
        <source>Replay {0}</source>
        <translation>Relecture {0}</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Lecture</translation>
    </message>
</context>
<context>
    <name>NetworkSettingsDialog</name>
    <message>
        <source>Network settings</source>
        <translation>Paramètres réseau</translation>
    </message>
    <message>
        <source>Find peers on the LAN automatically (zeroconf)</source>
        <translation>Trouver automatiquement les pairs sur le réseau local (zeroconf)</translation>
    </message>
    <message>
        <source>No network interface with an IPv4 address is up.</source>
        <translation>Aucune interface réseau avec une adresse IPv4 n’est active.</translation>
    </message>
    <message>
        <source>Advertise and browse on</source>
        <translation>Annoncer et rechercher sur</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Peers on routed links
(one host:port[@FINGERPRINT] per line)</source>
        <translation>Pairs sur des liens routés
(un hôte:port[@EMPREINTE] par ligne)</translation>
    </message>
    <message>
        <source>Changes take effect the next time the client starts.</source>
        <translation>Les modifications prennent effet au prochain démarrage du client.</translation>
    </message>
    <message>
        <source>{0} is not host:port[@FINGERPRINT]</source>
        <translation>{0} n’est pas de la forme hôte:port[@EMPREINTE]</translation>
    </message>
    <message>
        <source>Choose at least one interface, or turn discovery off.</source>
        <translation>Choisissez au moins une interface, ou désactivez la découverte.</translation>
    </message>
</context>
<context>
    <name>NodeBridge</name>
    <message>
        <source>Signing and storing…</source>
        <translation>Signature et enregistrement…</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>Vérification…</translation>
    </message>
</context>
<context>
    <name>Notice</name>
    <message>
        <source>Notice</source>
        <translation>Avis</translation>
    </message>
</context>
<context>
    <name>OverviewView</name>
    <message>
        <source>Short</source>
        <translation>Manques</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Retards</translation>
    </message>
    <message>
        <source>Waiting for me</source>
        <translation>En attente de moi</translation>
    </message>
    <message>
        <source>Situation at {0}</source>
        <translation>Situation au {0}</translation>
    </message>
    <message>
        <source>Situation at {0} for {1}</source>
        <translation>Situation au {0} pour {1}</translation>
    </message>
    <message>
        <source>… and {0} more</source>
        <translation>… et {0} de plus</translation>
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
        <translation>{0} j {1} h</translation>
    </message>
    <message>
        <source>short at a site</source>
        <translation>manques sur un site</translation>
    </message>
    <message>
        <source>Open requests at a site need more of an item than is there or on its way there</source>
        <translation>Des demandes ouvertes sur un site nécessitent plus d&apos;un article qu&apos;il n&apos;y en a sur place ou en route</translation>
    </message>
    <message>
        <source>requests overdue</source>
        <translation>demandes en retard</translation>
    </message>
    <message>
        <source>Requests still open after their needed-by time</source>
        <translation>Demandes encore ouvertes après leur échéance</translation>
    </message>
    <message>
        <source>not seen for {0} h</source>
        <translation>sans nouvelles depuis {0} h</translation>
    </message>
    <message>
        <source>Shipments in transit with no position report for over {0} hours</source>
        <translation>Expéditions en transit sans rapport de position depuis plus de {0} heures</translation>
    </message>
    <message>
        <source>shipments late</source>
        <translation>expéditions en retard</translation>
    </message>
    <message>
        <source>Shipments still on the road after the requests they serve were due</source>
        <translation>Expéditions encore sur la route après l&apos;échéance des demandes qu&apos;elles servent</translation>
    </message>
    <message>
        <source>approvals for me</source>
        <translation>approbations qui m&apos;attendent</translation>
    </message>
    <message>
        <source>Proposals waiting for my approval or rejection</source>
        <translation>Propositions en attente de mon approbation ou de mon rejet</translation>
    </message>
    <message>
        <source>shipments I hold</source>
        <translation>expéditions que je détiens</translation>
    </message>
    <message>
        <source>Shipments in my custody: hand them over or record their delivery</source>
        <translation>Expéditions sous ma garde : les remettre ou enregistrer leur livraison</translation>
    </message>
    <message>
        <source>coming to my sites</source>
        <translation>en route vers mes sites</translation>
    </message>
    <message>
        <source>Shipments on their way to my organisation&apos;s sites: accept custody at the door</source>
        <translation>Expéditions en route vers les sites de mon organisation : accepter la garde à la porte</translation>
    </message>
    <message>
        <source>open conflicts</source>
        <translation>conflits ouverts</translation>
    </message>
    <message>
        <source>Conflicts the ledger recorded that are still open</source>
        <translation>Conflits enregistrés dans le registre et toujours ouverts</translation>
    </message>
    <message>
        <source>{site} — {item}: short {short} (need {need}, on hand {on_hand}, on its way {coming})</source>
        <translation>{site} — {item} : manque {short} (besoin {need}, en stock {on_hand}, en route {coming})</translation>
    </message>
    <message>
        <source>{request} · {site}: {qty} {item} still needed, due {due} ({late} late)</source>
        <translation>{request} · {site} : encore {qty} {item} nécessaires, échéance {due} ({late} de retard)</translation>
    </message>
    <message>
        <source>{shipment} → {site}: last position {age} ago</source>
        <translation>{shipment} → {site} : dernière position il y a {age}</translation>
    </message>
    <message>
        <source>{shipment} → {site}: no position since dispatch {age} ago</source>
        <translation>{shipment} → {site} : aucune position depuis l&apos;expédition, il y a {age}</translation>
    </message>
    <message>
        <source>{shipment} → {site}: due {due} ({late} late) for {requests}</source>
        <translation>{shipment} → {site} : échéance {due} ({late} de retard) pour {requests}</translation>
    </message>
    <message>
        <source>{shipment} → {site}</source>
        <translation>{shipment} → {site}</translation>
    </message>
    <message>
        <source>{shipment} → {site}, held by {holder}</source>
        <translation>{shipment} → {site}, sous la garde de {holder}</translation>
    </message>
    <message>
        <source>{0} late</source>
        <translation>{0} de retard</translation>
    </message>
    <message>
        <source>{0} ago</source>
        <translation>il y a {0}</translation>
    </message>
    <message>
        <source>no position, dispatched {0} ago</source>
        <translation>aucune position, expédiée il y a {0}</translation>
    </message>
    <message>
        <source> — not seen for over {0} h</source>
        <translation> — sans nouvelles depuis plus de {0} h</translation>
    </message>
</context>
<context>
    <name>ParamsForm</name>
    <message>
        <source>The contract declares no parameters (PARAMS).</source>
        <translation>Le contrat ne déclare aucun paramètre (PARAMS).</translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation>séparés par des virgules</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Unlock Relief Ledger</source>
        <translation>Déverrouiller Relief Ledger</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>Ouvrir en lecture seule</translation>
    </message>
    <message>
        <source>Replica in {0}</source>
        <translation>Réplique dans {0}</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <source>Wrong passphrase. Try again.</source>
        <translation>Phrase secrète incorrecte. Réessayez.</translation>
    </message>
</context>
<context>
    <name>PeersModel</name>
    <message>
        <source>Peer</source>
        <translation>Pair</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Empreinte</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Dernière synchro</translation>
    </message>
    <message>
        <source>Behind</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>Ahead</source>
        <translation>En avance</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçues</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyées</translation>
    </message>
</context>
<context>
    <name>PeersView</name>
    <message>
        <source>listening</source>
        <translation>en écoute</translation>
    </message>
    <message>
        <source>discovery started</source>
        <translation>découverte démarrée</translation>
    </message>
    <message>
        <source>discovery off</source>
        <translation>découverte désactivée</translation>
    </message>
    <message>
        <source>found on the LAN</source>
        <translation>trouvé sur le réseau local</translation>
    </message>
    <message>
        <source>no longer on the LAN</source>
        <translation>n&apos;est plus sur le réseau local</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>connecté</translation>
    </message>
    <message>
        <source>left</source>
        <translation>parti</translation>
    </message>
    <message>
        <source>cut off</source>
        <translation>coupé</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refusé</translation>
    </message>
    <message>
        <source>another network, left alone</source>
        <translation>autre réseau, laissé de côté</translation>
    </message>
    <message>
        <source>more refusals</source>
        <translation>autres refus</translation>
    </message>
    <message>
        <source>in sync</source>
        <translation>synchronisé</translation>
    </message>
    <message>
        <source>signed two different entries</source>
        <translation>a signé deux écritures différentes</translation>
    </message>
    <message>
        <source>fault on this node</source>
        <translation>défaut sur ce nœud</translation>
    </message>
    <message>
        <source>asks to join</source>
        <translation>demande à rejoindre</translation>
    </message>
    <message>
        <source>waiting to be admitted</source>
        <translation>en attente d&apos;admission</translation>
    </message>
    <message>
        <source>admission</source>
        <translation>admission</translation>
    </message>
    <message>
        <source>This node: {0} · network off</source>
        <translation>Ce nœud : {0} · réseau désactivé</translation>
    </message>
    <message>
        <source>Peers</source>
        <translation>Pairs</translation>
    </message>
    <message>
        <source>Catching up: %v of %m entries</source>
        <translation>Rattrapage : %v sur %m entrées</translation>
    </message>
    <message>
        <source>Asking to join</source>
        <translation>Demandes d&apos;adhésion</translation>
    </message>
    <message>
        <source>&lt;b&gt;Asking to join&lt;/b&gt;</source>
        <translation>&lt;b&gt;Demandes d’adhésion&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Admit…</source>
        <translation>Admettre…</translation>
    </message>
    <message>
        <source>Only an admin with an unlocked key can admit members</source>
        <translation>Seul un administrateur dont la clé est déverrouillée peut admettre des membres</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ignorer</translation>
    </message>
    <message>
        <source>Add peer by address…</source>
        <translation>Ajouter un pair par adresse…</translation>
    </message>
    <message>
        <source>Network log</source>
        <translation>Journal du réseau</translation>
    </message>
    <message>
        <source>&lt;b&gt;Network log&lt;/b&gt;</source>
        <translation>&lt;b&gt;Journal du réseau&lt;/b&gt;</translation>
    </message>
    <message>
        <source>this machine&apos;s addresses</source>
        <translation>les adresses de cette machine</translation>
    </message>
    <message>
        <source>This node: &lt;b&gt;{0}&lt;/b&gt; · listening on port {1} · discovery {2}</source>
        <translation>Ce nœud : &lt;b&gt;{0}&lt;/b&gt; · à l’écoute sur le port {1} · découverte {2}</translation>
    </message>
    <message>
        <source>on ({0})</source>
        <translation>activée ({0})</translation>
    </message>
    <message>
        <source>off</source>
        <translation>désactivée</translation>
    </message>
    <message>
        <source>This node: {0} · &lt;span style=&apos;color:{1}&apos;&gt;{2}&lt;/span&gt;</source>
        <translation>Ce nœud : {0} · &lt;span style=&apos;color:{1}&apos;&gt;{2}&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Add peer</source>
        <translation>Ajouter un pair</translation>
    </message>
    <message>
        <source>Address of a peer on a routed link, as host:port, optionally @FINGERPRINT to pin who must answer:</source>
        <translation>Adresse d’un pair sur un lien routé, sous la forme hôte:port, éventuellement @EMPREINTE pour imposer qui doit répondre :</translation>
    </message>
    <message>
        <source>{0} is not host:port (for example 10.20.0.5:47474)</source>
        <translation>{0} n’est pas de la forme hôte:port (par exemple 10.20.0.5:47474)</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>EXERCISE — </source>
        <translation>EXERCICE — </translation>
    </message>
    <message>
        <source> (optional)</source>
        <translation> (facultatif)</translation>
    </message>
    <message>
        <source>I understand; record it anyway</source>
        <translation>Je comprends ; enregistrer quand même</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>Relire…</translation>
    </message>
    <message>
        <source>Check the form and show what will be signed (Enter)</source>
        <translation>Vérifier le formulaire et afficher ce qui sera signé (Entrée)</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— aucun —</translation>
    </message>
    <message>
        <source>Type part of a name or code…</source>
        <translation>Tapez une partie d&apos;un nom ou d&apos;un code…</translation>
    </message>
    <message>
        <source>set</source>
        <translation>définir</translation>
    </message>
    <message>
        <source>decimal degrees, e.g. -19.843210</source>
        <translation>degrés décimaux, p. ex. -19.843210</translation>
    </message>
    <message>
        <source>whole number</source>
        <translation>nombre entier</translation>
    </message>
    <message>
        <source>lat,lon; lat,lon  in decimal degrees</source>
        <translation>lat,lon; lat,lon  en degrés décimaux</translation>
    </message>
    <message>
        <source>type part of a request id, item or site; comma-separated</source>
        <translation>tapez une partie d&apos;un identifiant de demande, d&apos;un article ou d&apos;un site ; séparés par des virgules</translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation>séparés par des virgules</translation>
    </message>
    <message>
        <source>field=value, e.g. qty=300</source>
        <translation>champ=valeur, p. ex. qty=300</translation>
    </message>
    <message>
        <source>{0} must be a whole number</source>
        <translation>{0} doit être un nombre entier</translation>
    </message>
    <message>
        <source>Path: {0}</source>
        <translation>Tracé : {0}</translation>
    </message>
    <message>
        <source>{0}: “{1}” matches {2} entries; pick one from the list</source>
        <translation>{0} : « {1} » correspond à {2} entrées ; choisissez-en une dans la liste</translation>
    </message>
    <message>
        <source>{0} is required</source>
        <translation>{0} est obligatoire</translation>
    </message>
    <message>
        <source>You are about to sign this as &lt;b&gt;{0}&lt;/b&gt; on the {1}. Signed entries cannot be changed, only corrected.</source>
        <translation>Vous allez signer ceci en tant que &lt;b&gt;{0}&lt;/b&gt; sur le {1}. Les écritures signées ne peuvent pas être modifiées, seulement corrigées.</translation>
    </message>
    <message>
        <source>Sign with your key and record it (Ctrl+Enter)</source>
        <translation>Signer avec votre clé et enregistrer (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Hide signed bytes</source>
        <translation>Masquer les octets signés</translation>
    </message>
    <message>
        <source>Signing and recording…</source>
        <translation>Signature et enregistrement…</translation>
    </message>
    <message>
        <source>Not recorded: {0}. Nothing you typed is lost: correct it and review again.</source>
        <translation>Non enregistré : {0}. Rien de ce que vous avez saisi n&apos;est perdu : corrigez et vérifiez à nouveau.</translation>
    </message>
    <message>
        <source>Request {0} already exists; choose another id</source>
        <translation>La demande {0} existe déjà ; choisissez un autre identifiant</translation>
    </message>
    <message>
        <source>Shipment {0} already exists; choose another id</source>
        <translation>L’expédition {0} existe déjà ; choisissez un autre identifiant</translation>
    </message>
    <message>
        <source>The receiver&apos;s acceptance is for another shipment or receiver than the ones chosen here. Read the receiver&apos;s QR code again.</source>
        <translation>L&apos;acceptation du destinataire concerne une autre expédition ou un autre destinataire que ceux choisis ici. Relisez son code QR.</translation>
    </message>
    <message>
        <source>Choose a record that can be corrected</source>
        <translation>Choisissez un enregistrement qui peut être corrigé</translation>
    </message>
    <message>
        <source>{0}, key {1}</source>
        <translation>{0}, clé {1}</translation>
    </message>
    <message>
        <source>(no key unlocked)</source>
        <translation>(aucune clé déverrouillée)</translation>
    </message>
    <message>
        <source>EXERCISE network</source>
        <translation>réseau d’EXERCICE</translation>
    </message>
    <message>
        <source>LIVE network</source>
        <translation>réseau RÉEL</translation>
    </message>
    <message>
        <source> This is a permissioned edit: it is signed as a &lt;b&gt;proposal&lt;/b&gt; and takes effect only once approved under the network&apos;s policy (see Approvals).</source>
        <translation> Il s’agit d’une modification soumise à autorisation : elle est signée comme &lt;b&gt;proposition&lt;/b&gt; et ne prend effet qu’une fois approuvée selon la politique du réseau (voir Approbations).</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>What will be signed</source>
        <translation>Ce qui sera signé</translation>
    </message>
    <message>
        <source>Show signed bytes</source>
        <translation>Afficher les octets signés</translation>
    </message>
    <message>
        <source>Exactly what will be signed (canonical JSON body)</source>
        <translation>Exactement ce qui sera signé (corps JSON canonique)</translation>
    </message>
    <message>
        <source>Ctrl+Enter signs. Escape or Back returns to the form; nothing typed is lost.</source>
        <translation>Ctrl+Entrée signe. Échap ou Retour revient au formulaire ; rien de ce qui a été saisi n&apos;est perdu.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Sign and record</source>
        <translation>Signer et enregistrer</translation>
    </message>
    <message>
        <source>{0} from the record form</source>
        <translation>{0} depuis le formulaire</translation>
    </message>
</context>
<context>
    <name>RecordForms</name>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Allocations</source>
        <translation>Allocations</translation>
    </message>
    <message>
        <source>At</source>
        <translation>À</translation>
    </message>
    <message>
        <source>Beneficiaries</source>
        <translation>Bénéficiaires</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Corps</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>Transporteur</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Cold chain</source>
        <translation>Chaîne du froid</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Contrat</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Modification</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Péremption</translation>
    </message>
    <message>
        <source>From site</source>
        <translation>Site de départ</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Tête</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Input digest</source>
        <translation>Empreinte d’entrée</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Lot</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Needed by</source>
        <translation>Nécessaire avant le</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Output digest</source>
        <translation>Empreinte de sortie</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Tracé</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>Politiques</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Politique</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>Proposition</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Receiver&apos;s acceptance</source>
        <translation>Acceptation du destinataire</translation>
    </message>
    <message>
        <source>Spoken code</source>
        <translation>Code lu à voix haute</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Demande</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Demandes</translation>
    </message>
    <message>
        <source>Road</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rôles</translation>
    </message>
    <message>
        <source>Runtime</source>
        <translation>Environnement d’exécution</translation>
    </message>
    <message>
        <source>Sequence</source>
        <translation>Séquence</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Valeurs</translation>
    </message>
    <message>
        <source>Shipment</source>
        <translation>Expédition</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Provenance</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Highest temperature (tenths of °C)</source>
        <translation>Température maximale (dixièmes de °C)</translation>
    </message>
    <message>
        <source>Lowest temperature (tenths of °C)</source>
        <translation>Température minimale (dixièmes de °C)</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Vers</translation>
    </message>
    <message>
        <source>To site</source>
        <translation>Site d’arrivée</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Receive stock…</source>
        <translation>Réceptionner du stock…</translation>
    </message>
    <message>
        <source>Open request…</source>
        <translation>Ouvrir une demande…</translation>
    </message>
    <message>
        <source>Dispatch shipment…</source>
        <translation>Expédier…</translation>
    </message>
    <message>
        <source>Report shipment position…</source>
        <translation>Signaler la position d’une expédition…</translation>
    </message>
    <message>
        <source>Hand over custody…</source>
        <translation>Remettre la garde…</translation>
    </message>
    <message>
        <source>Record delivery…</source>
        <translation>Enregistrer une livraison…</translation>
    </message>
    <message>
        <source>Distribute…</source>
        <translation>Distribuer…</translation>
    </message>
    <message>
        <source>Cancel request…</source>
        <translation>Annuler une demande…</translation>
    </message>
    <message>
        <source>Report road status…</source>
        <translation>Signaler l’état d’une route…</translation>
    </message>
    <message>
        <source>Correct a record…</source>
        <translation>Corriger un enregistrement…</translation>
    </message>
    <message>
        <source>Propose stock adjustment…</source>
        <translation>Proposer un ajustement de stock…</translation>
    </message>
    <message>
        <source>Propose new member…</source>
        <translation>Proposer un nouveau membre…</translation>
    </message>
    <message>
        <source>Propose member change…</source>
        <translation>Proposer une modification de membre…</translation>
    </message>
    <message>
        <source>Propose key revocation…</source>
        <translation>Proposer la révocation d’une clé…</translation>
    </message>
    <message>
        <source>Define site…</source>
        <translation>Définir un site…</translation>
    </message>
    <message>
        <source>Define catalog item…</source>
        <translation>Définir un article du catalogue…</translation>
    </message>
</context>
<context>
    <name>ReplayBar</name>
    <message>
        <source>Replay…</source>
        <translation>Relecture…</translation>
    </message>
    <message>
        <source>Play the operation&apos;s material movement between two times (after-action review)</source>
        <translation>Rejouer les mouvements de matériel de l’opération entre deux dates (retour d’expérience)</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Lecture</translation>
    </message>
    <message>
        <source>Replay speed</source>
        <translation>Vitesse de relecture</translation>
    </message>
    <message>
        <source>Replay time</source>
        <translation>Temps de relecture</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>En direct</translation>
    </message>
    <message>
        <source>Back to live</source>
        <translation>Revenir au direct</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>receipt</source>
        <translation>réception</translation>
    </message>
    <message>
        <source>request</source>
        <translation>demande</translation>
    </message>
    <message>
        <source>dispatch</source>
        <translation>expédition</translation>
    </message>
    <message>
        <source>position report</source>
        <translation>rapport de position</translation>
    </message>
    <message>
        <source>hand-over</source>
        <translation>remise</translation>
    </message>
    <message>
        <source>delivery</source>
        <translation>livraison</translation>
    </message>
    <message>
        <source>distribution</source>
        <translation>distribution</translation>
    </message>
    <message>
        <source>cancellation</source>
        <translation>annulation</translation>
    </message>
    <message>
        <source>road report</source>
        <translation>rapport routier</translation>
    </message>
    <message>
        <source>correction</source>
        <translation>correction</translation>
    </message>
    <message>
        <source>stock adjustment</source>
        <translation>ajustement de stock</translation>
    </message>
    <message>
        <source>new member proposal</source>
        <translation>proposition de nouveau membre</translation>
    </message>
    <message>
        <source>member change</source>
        <translation>modification de membre</translation>
    </message>
    <message>
        <source>key revocation</source>
        <translation>révocation de clé</translation>
    </message>
    <message>
        <source>site definition</source>
        <translation>définition de site</translation>
    </message>
    <message>
        <source>catalog item</source>
        <translation>article du catalogue</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Origine</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Lot</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Provenance</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Péremption</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Demande</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Needed by</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Shipment</source>
        <translation>Expédition</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>Transporteur</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>For requests</source>
        <translation>Pour les demandes</translation>
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
        <translation>Date et heure</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>Destinataire</translation>
    </message>
    <message>
        <source>Custody step</source>
        <translation>Étape de garde</translation>
    </message>
    <message>
        <source>Receiver&apos;s acceptance</source>
        <translation>Acceptation du destinataire</translation>
    </message>
    <message>
        <source>Spoken code</source>
        <translation>Code lu à voix haute</translation>
    </message>
    <message>
        <source>Beneficiaries</source>
        <translation>Bénéficiaires</translation>
    </message>
    <message>
        <source>Road</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Trajet</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Écriture</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Modifications</translation>
    </message>
    <message>
        <source>Change in quantity</source>
        <translation>Variation de quantité</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rôles</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Cold chain</source>
        <translation>Chaîne du froid</translation>
    </message>
    <message>
        <source>Lowest temperature</source>
        <translation>Température minimale</translation>
    </message>
    <message>
        <source>Highest temperature</source>
        <translation>Température maximale</translation>
    </message>
    <message>
        <source>{amount}, lot {lot}</source>
        <translation>{amount}, lot {lot}</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>rien</translation>
    </message>
    <message>
        <source> and </source>
        <translation> et </translation>
    </message>
    <message>
        <source>record {0}</source>
        <translation>écriture {0}</translation>
    </message>
    <message>
        <source>{kind} {request}</source>
        <translation>{kind} {request}</translation>
    </message>
    <message>
        <source>{kind} of {amount}, lot {lot} at {site}</source>
        <translation>{kind} de {amount}, lot {lot} à {site}</translation>
    </message>
    <message>
        <source>Receive {amount}, lot {lot}, at {site} from {source}</source>
        <translation>Réception de {amount}, lot {lot}, à {site}, en provenance de {source}</translation>
    </message>
    <message>
        <source>, expiring {0}</source>
        <translation>, expirant le {0}</translation>
    </message>
    <message>
        <source>Request {request}: {amount} for {site}, {priority} priority, needed by {when}</source>
        <translation>Demande {request} : {amount} pour {site}, priorité {priority}, échéance {when}</translation>
    </message>
    <message>
        <source>Dispatch {shipment}: {lines}, from {origin} to {destination}</source>
        <translation>Expédition {shipment} : {lines}, de {origin} à {destination}</translation>
    </message>
    <message>
        <source>, for {0}</source>
        <translation>, pour {0}</translation>
    </message>
    <message>
        <source>{shipment} (to {site})</source>
        <translation>{shipment} (vers {site})</translation>
    </message>
    <message>
        <source>Shipment {shipment} was at {place} at {when}</source>
        <translation>L&apos;expédition {shipment} se trouvait à la position {place} le {when}</translation>
    </message>
    <message>
        <source>Hand over custody of {shipment} to {receiver}</source>
        <translation>Remise de la garde de {shipment} à {receiver}</translation>
    </message>
    <message>
        <source>its destination</source>
        <translation>sa destination</translation>
    </message>
    <message>
        <source>Delivery of {shipment} at {site}: {lines} received</source>
        <translation>Livraison de {shipment} à {site} : réception de {lines}</translation>
    </message>
    <message>
        <source>Distribute {amount}, lot {lot}, at {site} to {people:,} beneficiaries</source>
        <translation>Distribution de {amount}, lot {lot}, à {site}, au profit de {people:,} bénéficiaires</translation>
    </message>
    <message>
        <source>{request} ({amount} for {site})</source>
        <translation>{request} ({amount} pour {site})</translation>
    </message>
    <message>
        <source>Cancel request {request}: {reason}</source>
        <translation>Annulation de la demande {request} : {reason}</translation>
    </message>
    <message>
        <source>Road {road} ({name}) is {status}</source>
        <translation>La route {road} ({name}) est {status}</translation>
    </message>
    <message>
        <source>Propose to correct the {record}: {changes}, because {reason}</source>
        <translation>Proposer la correction de l&apos;écriture « {record} » : {changes}, car {reason}</translation>
    </message>
    <message>
        <source>Propose to change {item}, lot {lot} at {site} by {delta:+,} (from {held:,} to {after:,}), because {reason}</source>
        <translation>Proposer l&apos;ajustement de {item}, lot {lot} à {site}, de {delta:+,} (de {held:,} à {after:,}), car {reason}</translation>
    </message>
    <message>
        <source>Propose to add {name} ({org}) as {roles}</source>
        <translation>Proposer l&apos;ajout de {name} ({org}) comme {roles}</translation>
    </message>
    <message>
        <source>Propose to change {member}: {changes}</source>
        <translation>Proposer la modification de {member} : {changes}</translation>
    </message>
    <message>
        <source>Propose to revoke the key of {member}, because {reason}</source>
        <translation>Proposer la révocation de la clé de {member}, car {reason}</translation>
    </message>
    <message>
        <source>Define site {site}: {name}, a {kind} of {org} at {place}</source>
        <translation>Définition du site {site} : {name}, {kind} de {org} à {place}</translation>
    </message>
    <message>
        <source>Define catalog item {item}: {name}, counted in {unit}, {category}</source>
        <translation>Définition de l&apos;article du catalogue {item} : {name}, compté en {unit}, catégorie {category}</translation>
    </message>
    <message>
        <source>, cold chain {0} to {1}</source>
        <translation>, chaîne du froid de {0} à {1}</translation>
    </message>
    <message>
        <source>, cold chain</source>
        <translation>, chaîne du froid</translation>
    </message>
    <message>
        <source>Record {0}</source>
        <translation>Enregistrement {0}</translation>
    </message>
    <message>
        <source>receipt of {amount}, lot {lot}, at {site}</source>
        <translation>réception de {amount}, lot {lot}, à {site}</translation>
    </message>
    <message>
        <source>Proposed: {0}. It takes effect once approved (see Approvals).</source>
        <translation>Proposition : {0}. Elle prend effet une fois approuvée (voir Approbations).</translation>
    </message>
    <message>
        <source>Propose to </source>
        <translation>Proposer </translation>
    </message>
    <message>
        <source>Recorded: {0}</source>
        <translation>Enregistré : {0}</translation>
    </message>
    <message>
        <source>signed by the receiver (checked)</source>
        <translation>signée par le destinataire (vérifiée)</translation>
    </message>
    <message>
        <source>{0}, read aloud by the receiver: the receiver&apos;s device will confirm when the two sync</source>
        <translation>{0}, lu à voix haute par le destinataire : l’appareil du destinataire confirmera quand les deux se synchroniseront</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>{amount} ({units}), lot {lot}</source>
        <translation>{amount} ({units}), lot {lot}</translation>
    </message>
    <message>
        <source> — {0}</source>
        <translation> — {0}</translation>
    </message>
    <message>
        <source>Line {0}</source>
        <translation>Ligne {0}</translation>
    </message>
    <message>
        <source>Lot {0} at {1} holds {2:,}; you are taking {3:,} — this will be flagged as an over-draw.</source>
        <translation>Le lot {0} à {1} contient {2:,} ; vous prélevez {3:,} — ce sera signalé comme prélèvement excédentaire.</translation>
    </message>
    <message>
        <source>Lot {0} expired on {1}: it is recorded as received, but it should not be handed out.</source>
        <translation>Le lot {0} est périmé depuis le {1} : il est enregistré comme reçu, mais ne doit pas être distribué.</translation>
    </message>
    <message>
        <source>Needed by {0} is already past: the request opens as overdue.</source>
        <translation>L&apos;échéance du {0} est déjà passée : la demande s&apos;ouvre en retard.</translation>
    </message>
    <message>
        <source>Request {0} is not open in this ledger.</source>
        <translation>La demande {0} n&apos;est pas ouverte dans ce registre.</translation>
    </message>
    <message>
        <source>Request {0} is for {1}, but the shipment goes to {2}.</source>
        <translation>La demande {0} est destinée à {1}, mais l&apos;expédition va vers {2}.</translation>
    </message>
    <message>
        <source>Request {0} still needs {1}; this shipment carries {2:,} of it.</source>
        <translation>La demande {0} nécessite encore {1} ; cette expédition en transporte {2:,}.</translation>
    </message>
    <message>
        <source>Request {0} asked for {1:,}; {2:,} were already distributed and you hand out {3:,}.</source>
        <translation>La demande {0} portait sur {1:,} ; {2:,} ont déjà été distribués et vous en distribuez {3:,}.</translation>
    </message>
    <message>
        <source>{0} {1} is not defined in this ledger yet.</source>
        <translation>{0} {1} n&apos;est pas encore défini dans ce registre.</translation>
    </message>
</context>
<context>
    <name>RunsController</name>
    <message>
        <source>Deployed: {0} version {1} applied at once (fewer than three eligible approvers). You can record runs now.</source>
        <translation>Déployé : {0} version {1} appliquée immédiatement (moins de trois approbateurs éligibles). Vous pouvez maintenant enregistrer des exécutions.</translation>
    </message>
    <message>
        <source>Proposal decided but not applied: {0}</source>
        <translation>Proposition décidée mais non appliquée : {0}</translation>
    </message>
    <message>
        <source>Proposed {0} version {1}: it waits for approvals (see Approvals; {2} more needed).</source>
        <translation>{0} version {1} proposé : en attente d’approbations (voir Approbations ; encore {2} nécessaire(s)).</translation>
    </message>
    <message>
        <source>Signing deployment proposal…</source>
        <translation>Signature de la proposition de déploiement…</translation>
    </message>
    <message>
        <source>Run {0}… recorded: {1} allocation(s). Every replica re-executes it; see the Runs tab.</source>
        <translation>Exécution {0}… enregistrée : {1} allocation(s). Chaque réplique la ré-exécute ; voir l’onglet Exécutions.</translation>
    </message>
    <message>
        <source>Signing allocation run…</source>
        <translation>Signature de l’exécution d’allocation…</translation>
    </message>
</context>
<context>
    <name>RunsTable</name>
    <message>
        <source>Verified</source>
        <translation>Vérifiée</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Exécution</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Contrat</translation>
    </message>
    <message>
        <source>Allocations</source>
        <translation>Allocations</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unités</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>Quand (UTC)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>✓ verified</source>
        <translation>✓ vérifiée</translation>
    </message>
    <message>
        <source>✗ MISMATCH</source>
        <translation>✗ DIVERGENCE</translation>
    </message>
    <message>
        <source>? unchecked</source>
        <translation>? non vérifiée</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>vérification…</translation>
    </message>
</context>
<context>
    <name>StateTableModel</name>
    <message>
        <source>{0} (hand-over to {1} pending: confirmed when the receiver&apos;s device syncs)</source>
        <translation>{0} (remise à {1} en attente : confirmée quand l’appareil du destinataire se synchronisera)</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Lot</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Demande</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Demandée</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Livrée</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Needed by</source>
        <translation>Nécessaire avant le</translation>
    </message>
    <message>
        <source>Shipment</source>
        <translation>Expédition</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Vers</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>Transporteur</translation>
    </message>
    <message>
        <source>Custodian</source>
        <translation>Gardien</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>Expédiée</translation>
    </message>
    <message>
        <source>Discrepancies</source>
        <translation>Écarts</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Dernière position</translation>
    </message>
</context>
<context>
    <name>TablePanel</name>
    <message>
        <source>Filter (Ctrl+F)…</source>
        <translation>Filtrer (Ctrl+F)…</translation>
    </message>
    <message>
        <source>Filter {0}</source>
        <translation>Filtrer {0}</translation>
    </message>
    <message>
        <source>{0} table</source>
        <translation>Tableau {0}</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Tout afficher</translation>
    </message>
    <message>
        <source>Nothing here yet. Use the Record menu to add the first entry.</source>
        <translation>Rien ici pour l’instant. Utilisez le menu Enregistrer pour ajouter la première entrée.</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to Relief Ledger</source>
        <translation>Bienvenue dans Relief Ledger</translation>
    </message>
    <message>
        <source>optional: 10.0.0.5:47474 where multicast does not pass</source>
        <translation>facultatif : 10.0.0.5:47474 là où le multicast ne passe pas</translation>
    </message>
    <message>
        <source>optional: XXXX-XXXX-XXXX-XXXX of that node</source>
        <translation>facultatif : XXXX-XXXX-XXXX-XXXX de ce nœud</translation>
    </message>
    <message>
        <source>Create network</source>
        <translation>Créer un réseau</translation>
    </message>
    <message>
        <source>Ask to join…</source>
        <translation>Demander à rejoindre…</translation>
    </message>
    <message>
        <source>Open the demo exercise</source>
        <translation>Ouvrir l’exercice de démonstration</translation>
    </message>
    <message>
        <source>Open another data directory…</source>
        <translation>Ouvrir un autre dossier de données…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Create a network&lt;/b&gt; (you become its first admin)</source>
        <translation>&lt;b&gt;Créer un réseau&lt;/b&gt; (vous en devenez le premier administrateur)</translation>
    </message>
    <message>
        <source>Network name</source>
        <translation>Nom du réseau</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Your organisation</source>
        <translation>Votre organisation</translation>
    </message>
    <message>
        <source>Your name / command center</source>
        <translation>Votre nom / centre de commandement</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <source>Repeat passphrase</source>
        <translation>Répéter la phrase secrète</translation>
    </message>
    <message>
        <source>&lt;b&gt;Join a network&lt;/b&gt; on this LAN (fill in organisation, name and passphrase above)</source>
        <translation>&lt;b&gt;Rejoindre un réseau&lt;/b&gt; sur ce réseau local (remplissez organisation, nom et phrase secrète ci-dessus)</translation>
    </message>
    <message>
        <source>Peer address</source>
        <translation>Adresse du pair</translation>
    </message>
    <message>
        <source>Peer fingerprint</source>
        <translation>Empreinte du pair</translation>
    </message>
    <message>
        <source>&lt;b&gt;Try it&lt;/b&gt;</source>
        <translation>&lt;b&gt;Essayer&lt;/b&gt;</translation>
    </message>
    <message>
        <source>No replica in {0} yet.</source>
        <translation>Pas encore de réplique dans {0}.</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Votre nom</translation>
    </message>
    <message>
        <source>Please fill in: {0}</source>
        <translation>Veuillez remplir : {0}</translation>
    </message>
    <message>
        <source>The passphrase must have at least 8 characters.</source>
        <translation>La phrase secrète doit comporter au moins 8 caractères.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Les deux phrases secrètes diffèrent.</translation>
    </message>
    <message>
        <source>Choose a passphrase of at least 8 characters and repeat it.</source>
        <translation>Choisissez une phrase secrète d’au moins 8 caractères et répétez-la.</translation>
    </message>
    <message>
        <source>The peer address must be host:port, e.g. 10.0.0.5:47474.</source>
        <translation>L’adresse du pair doit être hôte:port, p. ex. 10.0.0.5:47474.</translation>
    </message>
    <message>
        <source>Building the demo exercise…</source>
        <translation>Construction de l’exercice de démonstration…</translation>
    </message>
    <message>
        <source>Open a Relief Ledger data directory</source>
        <translation>Ouvrir un dossier de données Relief Ledger</translation>
    </message>
    <message>
        <source>{0} holds no replica.</source>
        <translation>{0} ne contient aucune réplique.</translation>
    </message>
</context>
<context>
    <name>WindowNetwork</name>
    <message>
        <source>read-only</source>
        <translation>lecture seule</translation>
    </message>
    <message>
        <source>Peer connected: {0}</source>
        <translation>Pair connecté : {0}</translation>
    </message>
    <message>
        <source>Peer left: {0}</source>
        <translation>Pair parti : {0}</translation>
    </message>
    <message>
        <source>Peer cut off: {0}</source>
        <translation>Pair coupé : {0}</translation>
    </message>
    <message>
        <source>{0} asks to join the network</source>
        <translation>{0} demande à rejoindre le réseau</translation>
    </message>
    <message>
        <source>Peer found on the LAN: {0}</source>
        <translation>Pair trouvé sur le réseau local : {0}</translation>
    </message>
    <message>
        <source>Peers {0}</source>
        <translation>Pairs {0}</translation>
    </message>
    <message>
        <source> · catching up {0:,}</source>
        <translation> · rattrapage {0:,}</translation>
    </message>
    <message>
        <source>Peers</source>
        <translation>Pairs</translation>
    </message>
    <message>
        <source> ({0} asking to join)</source>
        <translation> ({0} demande(nt) à rejoindre)</translation>
    </message>
    <message>
        <source>admit {0} ({1}): fingerprint {2} compared aloud</source>
        <translation>admettre {0} ({1}) : empreinte {2} comparée à voix haute</translation>
    </message>
    <message>
        <source>proposed: it takes effect once approved (see Approvals)</source>
        <translation>proposé : prend effet une fois approuvé (voir Approbations)</translation>
    </message>
    <message>
        <source>admitted</source>
        <translation>admis</translation>
    </message>
    <message>
        <source>Admitting {0}…</source>
        <translation>Admission de {0}…</translation>
    </message>
</context>
<context>
    <name>WindowRecords</name>
    <message>
        <source>Dispatch for this request…</source>
        <translation>Expédier pour cette demande…</translation>
    </message>
    <message>
        <source>Cancel this request…</source>
        <translation>Annuler cette demande…</translation>
    </message>
    <message>
        <source>Record delivery…</source>
        <translation>Enregistrer la livraison…</translation>
    </message>
    <message>
        <source>Hand over custody…</source>
        <translation>Remettre la garde…</translation>
    </message>
    <message>
        <source>Report position…</source>
        <translation>Signaler la position…</translation>
    </message>
    <message>
        <source>Receive more of this item here…</source>
        <translation>Recevoir davantage de cet article ici…</translation>
    </message>
    <message>
        <source>Dispatch from here…</source>
        <translation>Expédier depuis ici…</translation>
    </message>
    <message>
        <source>Distribute…</source>
        <translation>Distribuer…</translation>
    </message>
    <message>
        <source>Propose adjustment…</source>
        <translation>Proposer un ajustement…</translation>
    </message>
    <message>
        <source>Decisions on this record:</source>
        <translation>Décisions sur cet enregistrement :</translation>
    </message>
    <message>
        <source>Lineage of lot {0}:</source>
        <translation>Filiation du lot {0} :</translation>
    </message>
    <message>
        <source>Record {0}</source>
        <translation>Enregistrement {0}</translation>
    </message>
</context>
<context>
    <name>WindowStatus</name>
    <message>
        <source>not verified this session</source>
        <translation>non vérifiée dans cette session</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>lecture seule</translation>
    </message>
    <message>
        <source>Key {0}</source>
        <translation>Clé {0}</translation>
    </message>
    <message>
        <source>Network {0} ({1})</source>
        <translation>Réseau {0} ({1})</translation>
    </message>
    <message>
        <source>Peers 0</source>
        <translation>Pairs 0</translation>
    </message>
    <message>
        <source>Pending approvals 0</source>
        <translation>Approbations en attente 0</translation>
    </message>
    <message>
        <source>Exercise clock not started</source>
        <translation>Horloge de l’exercice non démarrée</translation>
    </message>
    <message>
        <source>Exercise time {0} (running ×{1})</source>
        <translation>Heure de l’exercice {0} (en cours ×{1})</translation>
    </message>
    <message>
        <source>Exercise time {0} (paused)</source>
        <translation>Heure de l’exercice {0} (en pause)</translation>
    </message>
    <message>
        <source>Integrity: {0} · {1:,} entries</source>
        <translation>Intégrité : {0} · {1:,} entrées</translation>
    </message>
    <message>
        <source>{0} entries have no effect in the fold ({1}): ledger history, not defects</source>
        <translation>{0} entrées n’ont pas d’effet dans le repli ({1}) : historique du registre, pas des défauts</translation>
    </message>
    <message>
        <source>verified OK</source>
        <translation>vérification OK</translation>
    </message>
    <message>
        <source>verified OK, {0} note(s)</source>
        <translation>vérification OK, {0} remarque(s)</translation>
    </message>
    <message>
        <source>{0} DEFECT(S)</source>
        <translation>{0} DÉFAUT(S)</translation>
    </message>
    <message>
        <source>Also {0} note(s), ledger history rather than defects:</source>
        <translation>Également {0} remarque(s), historique du registre plutôt que défauts :</translation>
    </message>
    <message>
        <source>Replica verification failed</source>
        <translation>Échec de la vérification de la réplique</translation>
    </message>
</context>
</TS>
