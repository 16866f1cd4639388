<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Approvals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for me: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approvals ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A proposal is waiting for your approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export bundle for a USB stick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do you have the receiving replica&apos;s frontier file (from `relief-ledger bundle frontier`)? With it the bundle holds only what they lack; without it, everything.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frontier file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundle exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundle imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundle imported with problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} {1} has no table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import map package (MBTiles)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay the operation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export map as HTML (offline)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export map as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online tile server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import map package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MBTiles map packages (*.mbtiles)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing map package…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export map as HTML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web pages (*.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting the map to {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export map as PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online tile server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tile URL with {z}/{x}/{y} (leave empty to stay offline).
When set, map tiles are fetched from this server over the network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A tile URL starts with http(s):// and contains {z}, {x} and {y}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export table as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export bundle for a USB stick…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept custody (sign as receiver)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify whole replica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter current table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Contracts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open editor…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Relief Ledger</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AcceptCustodyDialog</name>
    <message>
        <source>Accept custody of a shipment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign acceptance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EXERCISE — </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code for the giver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a shipment in transit (and unlock your key)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdmitDialog</name>
    <message>
        <source>Admit {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the operator at {0} to read the fingerprint on their screen aloud. Admit only if it matches this one exactly:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name or organisation this node sent holds control or text-direction characters, shown escaped (\n, \u202e…). Correct them before admitting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fingerprints match — admit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApprovalsView</name>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History of a record: filter by subject (site, item, lot, entry hash, member key)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a proposal to see what it changes, who approved it and who is still needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for me ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for others ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>until {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed: that key is not the one this window signs with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocking the key and signing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing decision…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded {0} as entry {1}…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackgroundOp</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relief Ledger</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContractDeployment</name>
    <message>
        <source>Propose this contract for deployment (needs approvals)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not proposed: fix the errors marked in the source first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not connected to a ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contract {0} is not deployed; propose its deployment first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the text differs from deployed version {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dry-run the deployed contract first (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the last dry run used other text; dry-run again (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign the last dry run as an allocation run that every replica re-executes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot record: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record {0} allocation(s), {1:,} units, as a run of {2} version {3}? Every replica will re-execute it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContractEditor</name>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distance (km)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry run: not run yet (F5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes since last dry run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New from template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Propose deployment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check (lint)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry run against current state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contract editor — {0}{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry run unavailable: no ledger state is connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry run: running…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry run OK: {0} allocation(s), {1:,} units, {2:,} of {3:,} steps. Input {4}… output {5}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (line {0}, column {1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry run failed — {0}{1}: {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry run failed: {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes since last dry run ({0})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContractFiles</name>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contract has unsaved changes. Save them first?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starlark contracts (*.star);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starlark contracts (*.star)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Approve proposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject proposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment (required to reject)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign rejection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why you reject it: the comment goes on the ledger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your passphrase to sign.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntryDetail</name>
    <message>
        <source>Select an entry to see its signed content, status and lineage.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExerciseBanner</name>
    <message>
        <source>EXERCISE · training network — nothing here is a real movement</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <source>User guide — Relief Ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User guide text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contents of the user guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in the guide (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in the guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source># The user guide is missing

{0} could not be read: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message>
        <source>Joining a network as {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating this node&apos;s key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read this fingerprint aloud to the admin who admits you; the admin sees the same one on their Peers view:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not prepare this node: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on this LAN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at the address you gave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for the network&apos;s nodes {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} has your request. Read your fingerprint to its admin; this window moves on by itself once you are admitted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admitted: receiving the network&apos;s ledger…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admitted to {0}: {1:,} entries received. Open it when ready.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LanguageDialog</name>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of the client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client shows the new language when it next starts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LedgerExplorer</name>
    <message>
        <source>All authors (total order)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feed:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinesEditor</name>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason if different</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line {0}: quantity must be a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line {0}: {1} differs from what was dispatched; give a reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>EXERCISE — </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relief Ledger — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sites &amp;&amp; stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relief Ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The entry was not recorded ({0}):
{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export table as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported {0} rows to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Relief Ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relief Ledger {0}

Signed, replicated ledger of relief-material movements.

Data directory: {1}
Network id: {2}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>Reading the ledger…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing replay…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NetworkSettingsDialog</name>
    <message>
        <source>Network settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find peers on the LAN automatically (zeroconf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No network interface with an IPv4 address is up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advertise and browse on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peers on routed links
(one host:port[@FINGERPRINT] per line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes take effect the next time the client starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is not host:port[@FINGERPRINT]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one interface, or turn discovery off.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NodeBridge</name>
    <message>
        <source>Signing and storing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ParamsForm</name>
    <message>
        <source>The contract declares no parameters (PARAMS).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Unlock Relief Ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replica in {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong passphrase. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeersModel</name>
    <message>
        <source>Peer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Behind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ahead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeersView</name>
    <message>
        <source>This node: {0} · network off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catching up: %v of %m entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Asking to join&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an admin with an unlocked key can admit members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add peer by address…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Network log&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this machine&apos;s addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This node: &lt;b&gt;{0}&lt;/b&gt; · listening on port {1} · discovery {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This node: {0} · &lt;span style=&apos;color:#c62828&apos;&gt;{1}&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add peer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address of a peer on a routed link, as host:port, optionally @FINGERPRINT to pin who must answer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is not host:port (for example 10.20.0.5:47474)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>EXERCISE — </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I understand; record it anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— none —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decimal degrees, e.g. -19.843210</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lat,lon; lat,lon  in decimal degrees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field=value, e.g. qty=300</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} must be a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lot {0} at {1} holds {2:,}; you are taking {3:,} — this will be flagged as an over-draw.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} {1} is not defined in this ledger yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request {0} already exists; choose another id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipment {0} already exists; choose another id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receiver&apos;s acceptance code does not match this shipment, this hand-over and you as the giver. Ask the receiver to sign again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a record that can be corrected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no key unlocked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EXERCISE network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LIVE network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are about to sign &lt;b&gt;{0}&lt;/b&gt; as &lt;b&gt;{1}&lt;/b&gt; on the {2}. Signed entries cannot be changed, only corrected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> This is a permissioned edit: it is signed as a &lt;b&gt;proposal&lt;/b&gt; and takes effect only once approved under the network&apos;s policy (see Approvals).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign and record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exactly what will be signed (canonical JSON body):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} from the record form</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordForms</name>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allocations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beneficiaries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cold chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input digest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output digest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiver&apos;s acceptance code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Road</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runtime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sequence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highest temperature (tenths of °C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lowest temperature (tenths of °C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receive stock…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open request…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispatch shipment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report shipment position…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand over custody…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record delivery…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distribute…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel request…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report road status…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct a record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Propose stock adjustment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Propose new member…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Propose member change…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Propose key revocation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Define site…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Define catalog item…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReplayBar</name>
    <message>
        <source>Replay…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play the operation&apos;s material movement between two times (after-action review)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to live</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunsController</name>
    <message>
        <source>Deployed: {0} version {1} applied at once (fewer than three eligible approvers). You can record runs now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposal decided but not applied: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposed {0} version {1}: it waits for approvals (see Approvals; {2} more needed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing deployment proposal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run {0}… recorded: {1} allocation(s). Every replica re-executes it; see the Runs tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing allocation run…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunsTable</name>
    <message>
        <source>Verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allocations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ MISMATCH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>? unchecked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checking…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StateTableModel</name>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custodian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discrepancies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TablePanel</name>
    <message>
        <source>Filter (Ctrl+F)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing here yet. Use the Record menu to add the first entry.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to Relief Ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: 10.0.0.5:47474 where multicast does not pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: XXXX-XXXX-XXXX-XXXX of that node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask to join…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the demo exercise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open another data directory…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Create a network&lt;/b&gt; (you become its first admin)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name / command center</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Join a network&lt;/b&gt; on this LAN (fill in organisation, name and passphrase above)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peer address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peer fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Try it&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No replica in {0} yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please fill in: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase must have at least 8 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a passphrase of at least 8 characters and repeat it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The peer address must be host:port, e.g. 10.0.0.5:47474.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the demo exercise…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a Relief Ledger data directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} holds no replica.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowNetwork</name>
    <message>
        <source>read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peer connected: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peer left: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peer cut off: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} asks to join the network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peer found on the LAN: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peers {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · catching up {0:,}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ({0} asking to join)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>admit {0} ({1}): fingerprint {2} compared aloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>proposed: it takes effect once approved (see Approvals)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>admitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admitting {0}…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowRecords</name>
    <message>
        <source>Decisions on this record:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lineage of lot {0}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} — open “Show Details” for the record and its lineage.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowStatus</name>
    <message>
        <source>not verified this session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network {0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peers 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending approvals 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Integrity: {0} · {1:,} entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} entries have no effect in the fold ({1}): ledger history, not defects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verified OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verified OK, {0} note(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} DEFECT(S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also {0} note(s), ledger history rather than defects:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replica verification failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
