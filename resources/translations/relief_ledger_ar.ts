<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Approvals</source>
        <translation>الموافقات</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <source>&amp;Ledger</source>
        <translation>ال&amp;سجل</translation>
    </message>
    <message>
        <source>Waiting for me: {0}</source>
        <translation>بانتظاري: {0}</translation>
    </message>
    <message>
        <source>Approvals ({0})</source>
        <translation>الموافقات ({0})</translation>
    </message>
    <message>
        <source>A proposal is waiting for your approval</source>
        <translation>مقترح بانتظار موافقتك</translation>
    </message>
    <message>
        <source>Export bundle for a USB stick</source>
        <translation>تصدير حزمة إلى ذاكرة USB</translation>
    </message>
    <message>
        <source>Export bundle</source>
        <translation>تصدير حزمة</translation>
    </message>
    <message>
        <source>Do you have the receiving replica&apos;s frontier file (from `relief-ledger bundle frontier`)? With it the bundle holds only what they lack; without it, everything.</source>
        <translation>هل لديك ملف الحدود للنسخة المستقبِلة (من `relief-ledger bundle frontier`)؟ معه تحمل الحزمة ما ينقصها فقط؛ ومن دونه تحمل كل شيء.</translation>
    </message>
    <message>
        <source>Frontier file</source>
        <translation>ملف الحدود</translation>
    </message>
    <message>
        <source>Bundle exported</source>
        <translation>تم تصدير الحزمة</translation>
    </message>
    <message>
        <source>Exporting bundle…</source>
        <translation>جارٍ تصدير الحزمة…</translation>
    </message>
    <message>
        <source>Import bundle</source>
        <translation>استيراد حزمة</translation>
    </message>
    <message>
        <source>Bundle imported</source>
        <translation>تم استيراد الحزمة</translation>
    </message>
    <message>
        <source>Bundle imported with problems</source>
        <translation>تم استيراد الحزمة مع مشكلات</translation>
    </message>
    <message>
        <source>Importing bundle…</source>
        <translation>جارٍ استيراد الحزمة…</translation>
    </message>
    <message>
        <source>EXERCISE network — nothing in it is a real movement.</source>
        <translation>شبكة تمرين — لا شيء فيها حركة حقيقية.</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>الخريطة</translation>
    </message>
    <message>
        <source>{0} {1} has no table</source>
        <translation>{0} {1} ليس له جدول</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <source>Import map package (MBTiles)…</source>
        <translation>استيراد حزمة خرائط (MBTiles)…</translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <translation>ال&amp;خريطة</translation>
    </message>
    <message>
        <source>Replay the operation…</source>
        <translation>إعادة عرض العملية…</translation>
    </message>
    <message>
        <source>Export map as HTML (offline)…</source>
        <translation>تصدير الخريطة بصيغة HTML (دون اتصال)…</translation>
    </message>
    <message>
        <source>Export map as PNG…</source>
        <translation>تصدير الخريطة بصيغة PNG…</translation>
    </message>
    <message>
        <source>Online tile server…</source>
        <translation>خادم بلاطات عبر الإنترنت…</translation>
    </message>
    <message>
        <source>Import map package</source>
        <translation>استيراد حزمة خرائط</translation>
    </message>
    <message>
        <source>MBTiles map packages (*.mbtiles)</source>
        <translation>حزم خرائط MBTiles (*.mbtiles)</translation>
    </message>
    <message>
        <source>Importing map package…</source>
        <translation>جارٍ استيراد حزمة الخرائط…</translation>
    </message>
    <message>
        <source>Export map as HTML</source>
        <translation>تصدير الخريطة بصيغة HTML</translation>
    </message>
    <message>
        <source>Web pages (*.html)</source>
        <translation>صفحات ويب (*.html)</translation>
    </message>
    <message>
        <source>Exporting the map to {0}…</source>
        <translation>جارٍ تصدير الخريطة إلى {0}…</translation>
    </message>
    <message>
        <source>Export map as PNG</source>
        <translation>تصدير الخريطة بصيغة PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>صور PNG (*.png)</translation>
    </message>
    <message>
        <source>Export map</source>
        <translation>تصدير الخريطة</translation>
    </message>
    <message>
        <source>Could not write {0}</source>
        <translation>تعذرت كتابة {0}</translation>
    </message>
    <message>
        <source>Online tile server</source>
        <translation>خادم بلاطات عبر الإنترنت</translation>
    </message>
    <message>
        <source>Tile URL with {z}/{x}/{y} (leave empty to stay offline).
When set, map tiles are fetched from this server over the network.</source>
        <translation>عنوان URL للبلاطات يحوي {z}/{x}/{y} (اتركه فارغًا للبقاء دون اتصال).
عند تعيينه تُجلب بلاطات الخريطة من هذا الخادم عبر الشبكة.</translation>
    </message>
    <message>
        <source>A tile URL starts with http(s):// and contains {z}, {x} and {y}.</source>
        <translation>يبدأ عنوان البلاطات بـ http(s):// ويحتوي على {z} و{x} و{y}.</translation>
    </message>
    <message>
        <source>The map is unavailable on this machine: its web engine could not start ({0}). Everything else works; the tables show every site, stock, request and shipment.</source>
        <translation>الخريطة غير متاحة على هذا الجهاز: تعذّر تشغيل محرك الويب الخاص بها ({0}). كل ما عدا ذلك يعمل؛ تعرض الجداول كل موقع ومخزون وطلب وشحنة.</translation>
    </message>
    <message>
        <source>Export table as CSV…</source>
        <translation>تصدير الجدول بصيغة CSV…</translation>
    </message>
    <message>
        <source>Export bundle for a USB stick…</source>
        <translation>تصدير حزمة إلى ذاكرة USB…</translation>
    </message>
    <message>
        <source>Import bundle…</source>
        <translation>استيراد حزمة…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>&amp;تسجيل</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>تسجيل</translation>
    </message>
    <message>
        <source>Accept custody (sign as receiver)…</source>
        <translation>قبول العهدة (التوقيع كمستلم)…</translation>
    </message>
    <message>
        <source>Verify whole replica</source>
        <translation>التحقق من النسخة كاملة</translation>
    </message>
    <message>
        <source>Filter current table</source>
        <translation>تصفية الجدول الحالي</translation>
    </message>
    <message>
        <source>&amp;Contracts</source>
        <translation>ال&amp;عقود</translation>
    </message>
    <message>
        <source>Open editor…</source>
        <translation>فتح المحرر…</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>الإ&amp;عدادات</translation>
    </message>
    <message>
        <source>Network…</source>
        <translation>الشبكة…</translation>
    </message>
    <message>
        <source>Language…</source>
        <translation>اللغة…</translation>
    </message>
    <message>
        <source>Reset layout</source>
        <translation>إعادة ضبط التخطيط</translation>
    </message>
    <message>
        <source>Every panel back in its place, at the proportions that fit this window</source>
        <translation>إعادة كل لوحة إلى مكانها بالأبعاد المناسبة لهذه النافذة</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>دليل المستخدم</translation>
    </message>
    <message>
        <source>About Relief Ledger</source>
        <translation>حول Relief Ledger</translation>
    </message>
    <message>
        <source>Lineage of lot {0}</source>
        <translation>مسار الدفعة {0}</translation>
    </message>
    <message>
        <source>Show this entry in the ledger explorer</source>
        <translation>عرض هذا القيد في مستكشف السجل</translation>
    </message>
    <message>
        <source>&lt;b&gt;Lot {0}&lt;/b&gt;: where it came from and where it went (click a step to see its entry)</source>
        <translation>&lt;b&gt;الدفعة {0}&lt;/b&gt;: من أين جاءت وإلى أين ذهبت (انقر على خطوة لرؤية قيدها)</translation>
    </message>
    <message>
        <source>This record moved no lot of material.</source>
        <translation>لم ينقل هذا السجل أي دفعة من المواد.</translation>
    </message>
    <message>
        <source>Record as text</source>
        <translation>السجل كنص</translation>
    </message>
    <message>
        <source>Record as &amp;text</source>
        <translation>السجل كـ&amp;نص</translation>
    </message>
    <message>
        <source>incoming</source>
        <translation>واردة</translation>
    </message>
    <message>
        <source>outgoing</source>
        <translation>صادرة</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>جارٍ الاتصال</translation>
    </message>
    <message>
        <source>connected · in sync</source>
        <translation>متصل · متزامن</translation>
    </message>
    <message>
        <source>connected · catching up</source>
        <translation>متصل · جارٍ اللحاق</translation>
    </message>
    <message>
        <source>gone since {0}</source>
        <translation>غائب منذ {0}</translation>
    </message>
    <message>
        <source>gone</source>
        <translation>غائب</translation>
    </message>
    <message>
        <source>discovered, not connected</source>
        <translation>مكتشف، غير متصل</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>غير متصل</translation>
    </message>
    <message>
        <source>{0} {1} here</source>
        <translation>{0} {1} هنا</translation>
    </message>
    <message>
        <source>expires {0}</source>
        <translation>تنتهي صلاحيته {0}</translation>
    </message>
    <message>
        <source>take this one first</source>
        <translation>خذ هذه أولاً</translation>
    </message>
    <message>
        <source>holds {0}</source>
        <translation>لديه {0}</translation>
    </message>
    <message>
        <source>{0} {1} still to send</source>
        <translation>{0} {1} لم تُرسل بعد</translation>
    </message>
    <message>
        <source> ({0} on the way)</source>
        <translation> ({0} في الطريق)</translation>
    </message>
    <message>
        <source>{0}, needed by {1}</source>
        <translation>{0}، مطلوب بحلول {1}</translation>
    </message>
    <message>
        <source>held by {0}</source>
        <translation>في عهدة {0}</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>استلام</translation>
    </message>
    <message>
        <source>Distribution</source>
        <translation>توزيع</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>الطلب</translation>
    </message>
    <message>
        <source>{0} {1}</source>
        <translation>{0} {1}</translation>
    </message>
    <message>
        <source>Type part of a name or code…</source>
        <translation>اكتب جزءاً من اسم أو رمز…</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>نظرة عامة</translation>
    </message>
    <message>
        <source>Ledger explorer</source>
        <translation>مستكشف السجل</translation>
    </message>
    <message>
        <source>{0} rows from the overview</source>
        <translation>{0} صفوف من النظرة العامة</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Relief Ledger</source>
        <translation>حول Relief Ledger</translation>
    </message>
    <message>
        <source>not a build (source checkout)</source>
        <translation>ليست نسخة مبنية (نسخة من الشيفرة المصدرية)</translation>
    </message>
    <message>
        <source>not in a source checkout (every build has them)</source>
        <translation>غير موجودة في نسخة الشيفرة المصدرية (كل نسخة مبنية تتضمنها)</translation>
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

سجل موقّع ومتكرر لحركات مواد الإغاثة.

الإيداع: {1}
تاريخ البناء: {2}
Qt {3}، PySide6 {4}، Python {5}

مجلد البيانات: {6}
معرّف الشبكة: {7}

إشعارات الأطراف الثالثة: {8}</translation>
    </message>
    <message>
        <source>Third-party notices</source>
        <translation>إشعارات الأطراف الثالثة</translation>
    </message>
</context>
<context>
    <name>AcceptCustodyDialog</name>
    <message>
        <source>Accept custody of a shipment</source>
        <translation>قبول عهدة شحنة</translation>
    </message>
    <message>
        <source>Shipment to accept</source>
        <translation>الشحنة المراد قبولها</translation>
    </message>
    <message>
        <source>{0} to {1}, held by {2}</source>
        <translation>{0} إلى {1}، في عهدة {2}</translation>
    </message>
    <message>
        <source>Accept and show code</source>
        <translation>قبول وعرض الرمز</translation>
    </message>
    <message>
        <source>Choose the shipment you are taking, then accept it: your screen shows a QR code for the giver to scan, and a code to read aloud.</source>
        <translation>اختر الشحنة التي تستلمها ثم اقبلها: تعرض شاشتك رمز QR ليمسحه المُسلِّم، ورمزاً لقراءته بصوت عالٍ.</translation>
    </message>
    <message>
        <source>Acceptance QR code</source>
        <translation>رمز QR للقبول</translation>
    </message>
    <message>
        <source>Code to read aloud</source>
        <translation>رمز للقراءة بصوت عالٍ</translation>
    </message>
    <message>
        <source>Acceptance in your ledger</source>
        <translation>القبول في سجلك</translation>
    </message>
    <message>
        <source>Copy acceptance text</source>
        <translation>نسخ نص القبول</translation>
    </message>
    <message>
        <source>For sending by message when the giver cannot scan your screen</source>
        <translation>للإرسال برسالة عندما لا يستطيع المُسلِّم مسح شاشتك</translation>
    </message>
    <message>
        <source>Copy the signature alone (for a giver with an older client)</source>
        <translation>نسخ التوقيع وحده (لمُسلِّم لديه إصدار أقدم)</translation>
    </message>
    <message>
        <source>Choose a shipment in transit (and unlock your key) first.</source>
        <translation>اختر أولاً شحنة قيد النقل (وافتح مفتاحك).</translation>
    </message>
    <message>
        <source>You accept custody of &lt;b&gt;{0}&lt;/b&gt; from &lt;b&gt;{1}&lt;/b&gt; (hand-over {2} of this shipment). Let the giver scan this code, or read the code below aloud.</source>
        <translation>أنت تقبل عهدة &lt;b&gt;{0}&lt;/b&gt; من &lt;b&gt;{1}&lt;/b&gt; (التسليم {2} لهذه الشحنة). دع المُسلِّم يمسح هذا الرمز، أو اقرأ الرمز أدناه بصوت عالٍ.</translation>
    </message>
    <message>
        <source>Your acceptance is being recorded in your ledger.</source>
        <translation>يجري تسجيل قبولك في سجلك.</translation>
    </message>
    <message>
        <source>Recording your acceptance in your ledger…</source>
        <translation>جارٍ تسجيل قبولك في سجلك…</translation>
    </message>
    <message>
        <source>Your acceptance could not be recorded in your ledger ({0}); the giver can still scan the QR code.</source>
        <translation>تعذّر تسجيل قبولك في سجلك ({0})؛ لا يزال بإمكان المُسلِّم مسح رمز QR.</translation>
    </message>
    <message>
        <source>Your acceptance is recorded in your ledger. A giver without camera or link records the code you read aloud; their device will confirm when the two sync.</source>
        <translation>تم تسجيل قبولك في سجلك. المُسلِّم الذي لا يملك كاميرا ولا اتصالًا يسجّل الرمز الذي تقرؤه بصوت عالٍ؛ وسيؤكّد جهازه عند مزامنة الجهازين.</translation>
    </message>
    <message>
        <source>EXERCISE — </source>
        <translation>تمرين — </translation>
    </message>
    <message>
        <source>Shipment</source>
        <translation>الشحنة</translation>
    </message>
</context>
<context>
    <name>AcceptanceInput</name>
    <message>
        <source>Scan QR</source>
        <translation>مسح QR</translation>
    </message>
    <message>
        <source>Open image…</source>
        <translation>فتح صورة…</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>لصق</translation>
    </message>
    <message>
        <source>Scan the receiver&apos;s QR code with the camera</source>
        <translation>امسح رمز QR الخاص بالمستلم بالكاميرا</translation>
    </message>
    <message>
        <source>Read the receiver&apos;s QR code from an image file</source>
        <translation>قراءة رمز QR الخاص بالمستلم من ملف صورة</translation>
    </message>
    <message>
        <source>Paste the receiver&apos;s acceptance text</source>
        <translation>لصق نص قبول المستلم</translation>
    </message>
    <message>
        <source>Ask the receiver to accept custody on their screen, then scan its QR code.</source>
        <translation>اطلب من المستلم قبول العهدة على شاشته، ثم امسح رمز QR.</translation>
    </message>
    <message>
        <source>Acceptance status</source>
        <translation>حالة القبول</translation>
    </message>
    <message>
        <source>read aloud by the receiver, e.g. K7Q4-M2XD</source>
        <translation>يقرؤه المستلم بصوت عالٍ، مثل K7Q4-M2XD</translation>
    </message>
    <message>
        <source>Code the receiver reads aloud</source>
        <translation>الرمز الذي يقرؤه المستلم بصوت عالٍ</translation>
    </message>
    <message>
        <source>Spoken code</source>
        <translation>الرمز المنطوق</translation>
    </message>
    <message>
        <source>No camera and no link: record with the spoken code alone</source>
        <translation>لا كاميرا ولا اتصال: سجّل بالرمز المنطوق وحده</translation>
    </message>
    <message>
        <source>The receiver accepts on their own screen and reads the code aloud; the receiver&apos;s device will confirm when the two sync.</source>
        <translation>يقبل المستلم على شاشته ويقرأ الرمز بصوت عالٍ؛ وسيؤكّد جهاز المستلم عند مزامنة الجهازين.</translation>
    </message>
    <message>
        <source>Advanced: paste a signature (recovery)</source>
        <translation>متقدم: لصق توقيع (استرداد)</translation>
    </message>
    <message>
        <source>receiver signature from an older client (128 hex characters)</source>
        <translation>توقيع المستلم من إصدار أقدم (128 حرفاً ست عشرياً)</translation>
    </message>
    <message>
        <source>Receiver signature, for recovery</source>
        <translation>توقيع المستلم، للاسترداد</translation>
    </message>
    <message>
        <source>Choose the receiver above, then type the code the receiver reads aloud from their Accept custody screen. The receiver&apos;s device will confirm when the two sync; until then the hand-over is pending.</source>
        <translation>اختر المستلم أعلاه، ثم اكتب الرمز الذي يقرؤه بصوت عالٍ من شاشة قبول العهدة لديه. سيؤكّد جهاز المستلم عند مزامنة الجهازين؛ وحتى ذلك الحين يبقى التسليم معلّقًا.</translation>
    </message>
    <message>
        <source>Accepted by {0} for {1} (hand-over {2}). Check that both screens show the code {3}.</source>
        <translation>قبله {0} لـ {1} (التسليم {2}). تحقق من أن الشاشتين تعرضان الرمز {3}.</translation>
    </message>
    <message>
        <source>Acceptance by {0} for {1} (hand-over {2}) read. Now type the code the receiver reads aloud from their screen.</source>
        <translation>تمت قراءة قبول {0} لـ {1} (التسليم {2}). اكتب الآن الرمز الذي يقرؤه المستلم بصوت عالٍ من شاشته.</translation>
    </message>
    <message>
        <source>The clipboard is empty: copy the receiver&apos;s acceptance text first.</source>
        <translation>الحافظة فارغة: انسخ نص قبول المستلم أولاً.</translation>
    </message>
    <message>
        <source>Image of the receiver&apos;s QR code</source>
        <translation>صورة رمز QR الخاص بالمستلم</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp)</source>
        <translation>صور (*.png *.jpg *.jpeg *.bmp *.gif *.webp)</translation>
    </message>
    <message>
        <source>Reading the image…</source>
        <translation>جارٍ قراءة الصورة…</translation>
    </message>
    <message>
        <source>Reading the QR code</source>
        <translation>جارٍ قراءة رمز QR</translation>
    </message>
    <message>
        <source>No QR code was found in that image; take it again, closer and sharper.</source>
        <translation>لم يُعثر على رمز QR في تلك الصورة؛ التقطها مجدداً من مسافة أقرب وبوضوح أكبر.</translation>
    </message>
    <message>
        <source>Open an image of the QR code, paste its text, or use the spoken code instead.</source>
        <translation>افتح صورة لرمز QR أو الصق نصه أو استخدم الرمز المنطوق بدلاً من ذلك.</translation>
    </message>
    <message>
        <source>A code is eight letters and digits, like K7Q4-M2XD; ask the receiver to read it again.</source>
        <translation>الرمز ثمانية أحرف وأرقام، مثل K7Q4-M2XD؛ اطلب من المستلم أن يقرأه مرة أخرى.</translation>
    </message>
    <message>
        <source>Read the receiver&apos;s acceptance first: scan its QR code, open an image of it, or paste its text.</source>
        <translation>اقرأ قبول المستلم أولاً: امسح رمز QR أو افتح صورة له أو الصق نصه.</translation>
    </message>
    <message>
        <source>Type the code the receiver reads aloud from their screen.</source>
        <translation>اكتب الرمز الذي يقرؤه المستلم بصوت عالٍ من شاشته.</translation>
    </message>
    <message>
        <source>Code {0} confirmed: accepted by {1} for {2}.</source>
        <translation>تم تأكيد الرمز {0}: قبله {1} لـ {2}.</translation>
    </message>
</context>
<context>
    <name>AdmitDialog</name>
    <message>
        <source>Admit {0}</source>
        <translation>قبول {0}</translation>
    </message>
    <message>
        <source>Ask the operator at {0} to read the fingerprint on their screen aloud. Admit only if it matches this one exactly:</source>
        <translation>اطلب من المشغل في {0} قراءة البصمة الظاهرة على شاشته بصوت عالٍ. لا تقبل إلا إذا طابقت هذه تمامًا:</translation>
    </message>
    <message>
        <source>The name or organisation this node sent holds control or text-direction characters, shown escaped (\n, \u202e…). Correct them before admitting.</source>
        <translation>الاسم أو المنظمة التي أرسلتها هذه العقدة تحتوي على محارف تحكم أو اتجاه نص، معروضة بصيغة الهروب (\n، \u202e…). صححها قبل القبول.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>المنظمة</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>الأدوار</translation>
    </message>
    <message>
        <source>Fingerprints match — admit</source>
        <translation>البصمتان متطابقتان — قبول</translation>
    </message>
</context>
<context>
    <name>ApprovalsView</name>
    <message>
        <source>open</source>
        <translation>مفتوح</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>موافق عليه</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>مرفوض</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>مسحوب</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>منتهي الصلاحية</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>الموضوع</translation>
    </message>
    <message>
        <source>Proposed by</source>
        <translation>اقترحه</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>التقدم</translation>
    </message>
    <message>
        <source>Deadline / decided</source>
        <translation>المهلة / تاريخ الحسم</translation>
    </message>
    <message>
        <source>History of a record: filter by subject (site, item, lot, entry hash, member key)…</source>
        <translation>سجل أحد القيود: التصفية حسب الموضوع (موقع، صنف، دفعة، تجزئة القيد، مفتاح العضو)…</translation>
    </message>
    <message>
        <source>Filter proposals by subject</source>
        <translation>تصفية المقترحات حسب الموضوع</translation>
    </message>
    <message>
        <source>Select a proposal to see what it changes, who approved it and who is still needed.</source>
        <translation>اختر مقترحًا لترى ما يغيّره ومن وافق عليه ومن لا تزال موافقته مطلوبة.</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>موافقة…</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>رفض…</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>سحب</translation>
    </message>
    <message>
        <source>Show in ledger</source>
        <translation>عرض في السجل</translation>
    </message>
    <message>
        <source>Waiting for me ({0})</source>
        <translation>بانتظاري ({0})</translation>
    </message>
    <message>
        <source>Waiting for others ({0})</source>
        <translation>بانتظار الآخرين ({0})</translation>
    </message>
    <message>
        <source>Decided ({0})</source>
        <translation>محسومة ({0})</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} من {1}</translation>
    </message>
    <message>
        <source>until {0}</source>
        <translation>حتى {0}</translation>
    </message>
    <message>
        <source>Not signed: {0}</source>
        <translation>لم يُوقَّع: {0}</translation>
    </message>
    <message>
        <source>Not signed: that key is not the one this window signs with</source>
        <translation>لم يُوقَّع: هذا المفتاح ليس الذي توقّع به هذه النافذة</translation>
    </message>
    <message>
        <source>Unlocking the key and signing…</source>
        <translation>جارٍ فتح المفتاح والتوقيع…</translation>
    </message>
    <message>
        <source>Signing decision…</source>
        <translation>جارٍ توقيع القرار…</translation>
    </message>
    <message>
        <source>Withdrawing…</source>
        <translation>جارٍ السحب…</translation>
    </message>
    <message>
        <source>Not recorded: {0}</source>
        <translation>لم يُسجَّل: {0}</translation>
    </message>
    <message>
        <source>Recorded {0} as entry {1}…</source>
        <translation>سُجّل {0} كقيد {1}…</translation>
    </message>
</context>
<context>
    <name>BackgroundOp</name>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
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
        <translation>امسح رمز QR الخاص بالمستلم</translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation>جارٍ تشغيل الكاميرا…</translation>
    </message>
    <message>
        <source>Hold the receiver&apos;s screen so that the QR code fills the middle of the picture.</source>
        <translation>أمسك شاشة المستلم بحيث يملأ رمز QR وسط الصورة.</translation>
    </message>
    <message>
        <source>That QR code is not a hand-over acceptance; show the receiver&apos;s Accept custody screen.</source>
        <translation>رمز QR هذا ليس قبول تسليم؛ اعرض شاشة «قبول العهدة» لدى المستلم.</translation>
    </message>
</context>
<context>
    <name>ConflictHelp</name>
    <message>
        <source>Membership change could not apply</source>
        <translation>تعذّر تطبيق تغيير العضوية</translation>
    </message>
    <message>
        <source>Lot holds another item</source>
        <translation>الدفعة تحوي صنفاً آخر</translation>
    </message>
    <message>
        <source>Id already taken</source>
        <translation>المعرّف مستخدم مسبقاً</translation>
    </message>
    <message>
        <source>Refers to something this ledger does not hold</source>
        <translation>يشير إلى شيء لا يحتويه هذا السجل</translation>
    </message>
    <message>
        <source>Hand-over did not take effect</source>
        <translation>لم يسرِ التسليم</translation>
    </message>
    <message>
        <source>Shipment delivered twice</source>
        <translation>شحنة سُلّمت مرتين</translation>
    </message>
    <message>
        <source>Delivery differs from dispatch</source>
        <translation>التسليم النهائي يختلف عن الإرسال</translation>
    </message>
    <message>
        <source>Stock over-drawn</source>
        <translation>سحب زائد من المخزون</translation>
    </message>
    <message>
        <source>Correction of a field that cannot be corrected</source>
        <translation>تصحيح حقل لا يمكن تصحيحه</translation>
    </message>
    <message>
        <source>Contract version not higher</source>
        <translation>نسخة العقد ليست أعلى</translation>
    </message>
    <message>
        <source>This entry changed nothing: no stock, request or shipment moved. It stays on record.</source>
        <translation>لم يغيّر هذا القيد شيئاً: لم يتحرك أي مخزون أو طلب أو شحنة. ويبقى محفوظاً في السجل.</translation>
    </message>
    <message>
        <source>{item} lot {lot} at {site}: over-drawn by {missing}</source>
        <translation>{item}، الدفعة {lot}، في {site}: سحب زائد بمقدار {missing}</translation>
    </message>
    <message>
        <source>{shipment} to {site}: {lines} line(s) differ from dispatch</source>
        <translation>{shipment} إلى {site}: {lines} سطر(أسطر) تختلف عن الإرسال</translation>
    </message>
    <message>
        <source>{message}</source>
        <translation>{message}</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>تعارض</translation>
    </message>
    <message>
        <source>{item} lot {lot} at {site} was over-drawn; the balance is back at {balance}.</source>
        <translation>تعرّضت الدفعة {lot} من {item} في {site} لسحب زائد؛ وعاد الرصيد إلى {balance}.</translation>
    </message>
    <message>
        <source>The ledger shows {missing} more {item} of lot {lot} leaving {site} than arriving there.</source>
        <translation>يُظهر السجل أن ما خرج من {site} من {item} من الدفعة {lot} يزيد بمقدار {missing} على ما دخل إليه.</translation>
    </message>
    <message>
        <source>Either a receipt is missing or recorded too small, or more was dispatched or handed out than was there (as when two centres draw on the same lot while cut off from each other). Count the lot on the shelf, then propose an adjustment so the ledger matches the count.</source>
        <translation>إما أن استلاماً مفقود أو سُجّل بكمية أقل من الحقيقية، وإما أنه أُرسل أو وُزّع أكثر مما كان موجوداً (كما يحدث عندما يسحب مركزان من الدفعة نفسها وهما منقطعان أحدهما عن الآخر). عُدّ الدفعة على الرف، ثم اقترح تعديلاً ليطابق السجل نتيجة العدّ.</translation>
    </message>
    <message>
        <source>Propose an adjustment of +{missing} after a count</source>
        <translation>اقتراح تعديل بمقدار +{missing} بعد العدّ</translation>
    </message>
    <message>
        <source>Correct the distribution that over-drew it to {qty}</source>
        <translation>تصحيح التوزيع الذي سبّب السحب الزائد إلى {qty}</translation>
    </message>
    <message>
        <source>Shipment {shipment} from {origin} arrived at {destination} with other quantities than were dispatched. The delivery was recorded as counted at the door; a difference is in no stock now.</source>
        <translation>وصلت الشحنة {shipment} من {origin} إلى {destination} بكميات غير التي أُرسلت. سُجّل التسليم النهائي كما عُدّ عند الباب؛ والفرق ليس الآن في أي مخزون.</translation>
    </message>
    <message>
        <source>{item} lot {lot}: sent {sent}, received {received}. {reason}</source>
        <translation>{item}، الدفعة {lot}: أُرسل {sent}، استُلم {received}. {reason}</translation>
    </message>
    <message>
        <source>Request the missing {qty} {item} again</source>
        <translation>طلب الكمية الناقصة مجدداً: {qty} {item}</translation>
    </message>
    <message>
        <source>Propose an adjustment of −{qty} at {origin}, which sent more than it recorded</source>
        <translation>اقتراح تعديل بمقدار −{qty} في {origin}، الذي أرسل أكثر مما سجّل</translation>
    </message>
    <message>
        <source>Lot {lot} already holds {holds}; this entry named {item}. One lot holds one item, so nothing was recorded.</source>
        <translation>الدفعة {lot} تحوي {holds} مسبقاً؛ وهذا القيد ذكر {item}. تحوي الدفعة الواحدة صنفاً واحداً، لذا لم يُسجَّل شيء.</translation>
    </message>
    <message>
        <source>Propose the adjustment for the lot&apos;s own item</source>
        <translation>اقتراح التعديل لصنف الدفعة نفسها</translation>
    </message>
    <message>
        <source>Record the receipt again under a lot of its own</source>
        <translation>تسجيل الاستلام مجدداً تحت دفعة خاصة به</translation>
    </message>
    <message>
        <source>{message}: an id names one record only, so this one was not recorded.</source>
        <translation>{message}: المعرّف يدل على سجل واحد فقط، لذا لم يُسجَّل هذا.</translation>
    </message>
    <message>
        <source>Dispatch it again as {id}</source>
        <translation>إرسالها مجدداً بالمعرّف {id}</translation>
    </message>
    <message>
        <source>Open the request again as {id}</source>
        <translation>فتح الطلب مجدداً بالمعرّف {id}</translation>
    </message>
    <message>
        <source>{message}. Either the id was mistyped, or the entry that creates it has not reached this replica yet (it may still arrive by sync).</source>
        <translation>{message}. إما أن المعرّف كُتب خطأً، وإما أن القيد الذي ينشئه لم يصل إلى هذه النسخة بعد (وقد يصل بالمزامنة).</translation>
    </message>
    <message>
        <source>Correct the right record</source>
        <translation>تصحيح القيد الصحيح</translation>
    </message>
    <message>
        <source>Cancel the right request</source>
        <translation>إلغاء الطلب الصحيح</translation>
    </message>
    <message>
        <source>Record it again for the right shipment</source>
        <translation>تسجيله مجدداً للشحنة الصحيحة</translation>
    </message>
    <message>
        <source>{message}.</source>
        <translation>{message}.</translation>
    </message>
    <message>
        <source>The shipment is no longer in transit, so there is nothing to hand over. This entry changed nothing.</source>
        <translation>لم تعد الشحنة قيد النقل، فلا شيء للتسليم. لم يغيّر هذا القيد شيئاً.</translation>
    </message>
    <message>
        <source>Custody stays with {custodian}: only the one who holds a shipment hands it over, and the receiver must be a current member.</source>
        <translation>تبقى العهدة لدى {custodian}: لا يسلّم الشحنة إلا من يحوزها، ويجب أن يكون المستلم عضواً حالياً.</translation>
    </message>
    <message>
        <source>Hand over {shipment} again, from its custodian</source>
        <translation>تسليم {shipment} مجدداً من حائزها</translation>
    </message>
    <message>
        <source>Shipment {shipment} was already delivered; this second delivery moved no stock. If more goods really arrived, record them as a receipt.</source>
        <translation>سبق تسليم الشحنة {shipment} تسليماً نهائياً؛ ولم ينقل هذا التسليم الثاني أي مخزون. إن وصلت بضائع إضافية فعلاً، فسجّلها كاستلام.</translation>
    </message>
    <message>
        <source>Receive the extra goods at {site}</source>
        <translation>استلام البضائع الإضافية في {site}</translation>
    </message>
    <message>
        <source>Record a receipt at the destination</source>
        <translation>تسجيل استلام في الوجهة</translation>
    </message>
    <message>
        <source>{message}. The correction was not applied.</source>
        <translation>{message}. لم يُطبَّق التصحيح.</translation>
    </message>
    <message>
        <source>Propose the correction with correctable fields only</source>
        <translation>اقتراح التصحيح بالحقول القابلة للتصحيح فقط</translation>
    </message>
    <message>
        <source>{message}. The deployed version stays in force.</source>
        <translation>{message}. تبقى النسخة المنشورة سارية.</translation>
    </message>
    <message>
        <source>Propose the deployment as version {version}</source>
        <translation>اقتراح النشر بالنسخة {version}</translation>
    </message>
    <message>
        <source>{message}. Membership did not change.</source>
        <translation>{message}. لم تتغير العضوية.</translation>
    </message>
    <message>
        <source>Propose a change to {member} instead</source>
        <translation>اقتراح تغيير {member} بدلاً من ذلك</translation>
    </message>
    <message>
        <source>Propose the revocation first</source>
        <translation>اقتراح الإبطال أولاً</translation>
    </message>
    <message>
        <source>Propose adding the member</source>
        <translation>اقتراح إضافة العضو</translation>
    </message>
    <message>
        <source>Propose the member with a new key</source>
        <translation>اقتراح العضو بمفتاح جديد</translation>
    </message>
    <message>
        <source>a receipt</source>
        <translation>استلام</translation>
    </message>
    <message>
        <source>a delivery</source>
        <translation>تسليم نهائي</translation>
    </message>
    <message>
        <source>an approved adjustment</source>
        <translation>تعديل معتمد</translation>
    </message>
    <message>
        <source>an approved correction</source>
        <translation>تصحيح معتمد</translation>
    </message>
    <message>
        <source>an entry</source>
        <translation>قيد</translation>
    </message>
    <message>
        <source>a date this replica does not hold</source>
        <translation>تاريخ لا تحتويه هذه النسخة</translation>
    </message>
    <message>
        <source>{item} lot {lot} at {site}: resolved by {what} {entry}… on {when}; balance now {balance}</source>
        <translation>{item}، الدفعة {lot}، في {site}: حُلّ عبر {what} {entry}… في {when}؛ الرصيد الآن {balance}</translation>
    </message>
    <message>
        <source>open</source>
        <translation>مفتوح</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>محلول</translation>
    </message>
</context>
<context>
    <name>ConflictsPanel</name>
    <message>
        <source>What the selected conflict means</source>
        <translation>معنى التعارض المحدد</translation>
    </message>
    <message>
        <source>Select a conflict to see what it means and what resolves it.</source>
        <translation>اختر تعارضاً لترى معناه وما يحلّه.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>مفتوح</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>مغلق</translation>
    </message>
    <message>
        <source>What resolves it: the buttons below open the form, filled in.</source>
        <translation>ما يحلّه: تفتح الأزرار أدناه النموذج معبّأً مسبقاً.</translation>
    </message>
</context>
<context>
    <name>ContractDeployment</name>
    <message>
        <source>Propose this contract for deployment (needs approvals)</source>
        <translation>اقتراح هذا العقد للنشر (يتطلب موافقات)</translation>
    </message>
    <message>
        <source>Not proposed: fix the errors marked in the source first.</source>
        <translation>لم يُقترح: صحح أولًا الأخطاء المحددة في النص.</translation>
    </message>
    <message>
        <source>not connected to a ledger</source>
        <translation>غير متصل بسجل</translation>
    </message>
    <message>
        <source>contract {0} is not deployed; propose its deployment first</source>
        <translation>العقد {0} غير منشور؛ اقترح نشره أولًا</translation>
    </message>
    <message>
        <source>the text differs from deployed version {0}</source>
        <translation>النص يختلف عن النسخة المنشورة {0}</translation>
    </message>
    <message>
        <source>dry-run the deployed contract first (F5)</source>
        <translation>نفّذ أولًا تشغيلًا تجريبيًا للعقد المنشور (F5)</translation>
    </message>
    <message>
        <source>the last dry run used other text; dry-run again (F5)</source>
        <translation>استخدم التشغيل التجريبي الأخير نصًا آخر؛ أعد التشغيل التجريبي (F5)</translation>
    </message>
    <message>
        <source>Sign the last dry run as an allocation run that every replica re-executes</source>
        <translation>توقيع التشغيل التجريبي الأخير كتشغيل تخصيص تعيد كل نسخة تنفيذه</translation>
    </message>
    <message>
        <source>Record run</source>
        <translation>تسجيل التشغيل</translation>
    </message>
    <message>
        <source>Cannot record: {0}</source>
        <translation>تعذر التسجيل: {0}</translation>
    </message>
    <message>
        <source>Record {0} allocation(s), {1:,} units, as a run of {2} version {3}? Every replica will re-execute it.</source>
        <translation>تسجيل {0} تخصيص(ات)، {1:,} وحدة، كتشغيل لـ {2} النسخة {3}؟ ستعيد كل نسخة تنفيذه.</translation>
    </message>
</context>
<context>
    <name>ContractEditor</name>
    <message>
        <source>Request</source>
        <translation>الطلب</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>الصنف</translation>
    </message>
    <message>
        <source>From</source>
        <translation>من</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>الدفعة</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>الكمية</translation>
    </message>
    <message>
        <source>To</source>
        <translation>إلى</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>الأولوية</translation>
    </message>
    <message>
        <source>Distance (km)</source>
        <translation>المسافة (كم)</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>التغيير</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>قبل</translation>
    </message>
    <message>
        <source>After</source>
        <translation>بعد</translation>
    </message>
    <message>
        <source>Dry run: not run yet (F5).</source>
        <translation>التشغيل التجريبي: لم يُنفّذ بعد (F5).</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>الخطة</translation>
    </message>
    <message>
        <source>Changes since last dry run</source>
        <translation>التغييرات منذ آخر تشغيل تجريبي</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>المعاملات</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>التشغيلات</translation>
    </message>
    <message>
        <source>&amp;Contract</source>
        <translation>ال&amp;عقد</translation>
    </message>
    <message>
        <source>New from template</source>
        <translation>جديد من قالب</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>فتح…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>حفظ باسم…</translation>
    </message>
    <message>
        <source>Propose deployment…</source>
        <translation>اقتراح النشر…</translation>
    </message>
    <message>
        <source>Record run…</source>
        <translation>تسجيل التشغيل…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>ت&amp;حرير</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>ت&amp;شغيل</translation>
    </message>
    <message>
        <source>Check (lint)</source>
        <translation>فحص (lint)</translation>
    </message>
    <message>
        <source>Dry run against current state</source>
        <translation>تشغيل تجريبي على الحالة الراهنة</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>العقد</translation>
    </message>
    <message>
        <source>Contract editor — {0}{1}</source>
        <translation>محرر العقود — {0}{1}</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>لم يُعثر على مشكلات.</translation>
    </message>
    <message>
        <source>Dry run unavailable: no ledger state is connected.</source>
        <translation>التشغيل التجريبي غير متاح: لا توجد حالة سجل متصلة.</translation>
    </message>
    <message>
        <source>Dry run: running…</source>
        <translation>التشغيل التجريبي: قيد التنفيذ…</translation>
    </message>
    <message>
        <source>Dry run OK: {0} allocation(s), {1:,} units, {2:,} of {3:,} steps. Input {4}… output {5}…</source>
        <translation>التشغيل التجريبي سليم: {0} تخصيص(ات)، {1:,} وحدة، {2:,} من {3:,} خطوة. المدخل {4}… المخرج {5}…</translation>
    </message>
    <message>
        <source> (line {0}, column {1})</source>
        <translation> (السطر {0}، العمود {1})</translation>
    </message>
    <message>
        <source>Dry run failed — {0}{1}: {2}</source>
        <translation>فشل التشغيل التجريبي — {0}{1}: {2}</translation>
    </message>
    <message>
        <source>Dry run failed: {0}: {1}</source>
        <translation>فشل التشغيل التجريبي: {0}: {1}</translation>
    </message>
    <message>
        <source>Changes since last dry run ({0})</source>
        <translation>التغييرات منذ آخر تشغيل تجريبي ({0})</translation>
    </message>
</context>
<context>
    <name>ContractFiles</name>
    <message>
        <source>Unsaved changes</source>
        <translation>تغييرات غير محفوظة</translation>
    </message>
    <message>
        <source>The contract has unsaved changes. Save them first?</source>
        <translation>في العقد تغييرات غير محفوظة. هل تحفظها أولًا؟</translation>
    </message>
    <message>
        <source>Open contract</source>
        <translation>فتح عقد</translation>
    </message>
    <message>
        <source>Starlark contracts (*.star);;All files (*)</source>
        <translation>عقود Starlark (*.star);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Cannot read {0}: {1}</source>
        <translation>تعذرت قراءة {0}: {1}</translation>
    </message>
    <message>
        <source>Save contract</source>
        <translation>حفظ العقد</translation>
    </message>
    <message>
        <source>Starlark contracts (*.star)</source>
        <translation>عقود Starlark (*.star)</translation>
    </message>
    <message>
        <source>Cannot save {0}: {1}</source>
        <translation>تعذر حفظ {0}: {1}</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>حُفظ {0}</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Approve proposal</source>
        <translation>الموافقة على المقترح</translation>
    </message>
    <message>
        <source>Reject proposal</source>
        <translation>رفض المقترح</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>Comment (required to reject)</source>
        <translation>تعليق (مطلوب للرفض)</translation>
    </message>
    <message>
        <source>Comment (optional)</source>
        <translation>تعليق (اختياري)</translation>
    </message>
    <message>
        <source>Sign approval</source>
        <translation>توقيع الموافقة</translation>
    </message>
    <message>
        <source>Sign rejection</source>
        <translation>توقيع الرفض</translation>
    </message>
    <message>
        <source>Sign with your key (Enter in the passphrase, or Ctrl+Enter)</source>
        <translation>التوقيع بمفتاحك (Enter في عبارة المرور، أو Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>تعليق</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>عبارة المرور</translation>
    </message>
    <message>
        <source>approval</source>
        <translation>موافقة</translation>
    </message>
    <message>
        <source>rejection</source>
        <translation>رفض</translation>
    </message>
    <message>
        <source>Say why you reject it: the comment goes on the ledger.</source>
        <translation>اذكر سبب الرفض: يُدوَّن التعليق في السجل.</translation>
    </message>
    <message>
        <source>Enter your passphrase to sign.</source>
        <translation>أدخل عبارة المرور للتوقيع.</translation>
    </message>
    <message>
        <source>Unlocking the key and signing…</source>
        <translation>جارٍ فتح المفتاح والتوقيع…</translation>
    </message>
</context>
<context>
    <name>EntriesModel</name>
    <message>
        <source>Lamport</source>
        <translation>لامبورت</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>المؤلف</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>التسلسل</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>الوقت</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>التجزئة</translation>
    </message>
</context>
<context>
    <name>EntryDetail</name>
    <message>
        <source>Entry detail</source>
        <translation>تفاصيل القيد</translation>
    </message>
    <message>
        <source>Select an entry to see its signed content, status and lineage.</source>
        <translation>اختر قيدًا لترى محتواه الموقّع وحالته ونسبه.</translation>
    </message>
    <message>
        <source>Where it came from</source>
        <translation>من أين جاء</translation>
    </message>
    <message>
        <source>Where it went</source>
        <translation>إلى أين ذهب</translation>
    </message>
</context>
<context>
    <name>ExerciseBanner</name>
    <message>
        <source>EXERCISE · training network — nothing here is a real movement</source>
        <translation>تمرين · شبكة تدريب — لا شيء هنا حركة حقيقية</translation>
    </message>
    <message>
        <source>EXERCISE — </source>
        <translation>تمرين — </translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <source>User guide — Relief Ledger</source>
        <translation>دليل المستخدم — Relief Ledger</translation>
    </message>
    <message>
        <source>User guide text</source>
        <translation>نص دليل المستخدم</translation>
    </message>
    <message>
        <source>Contents of the user guide</source>
        <translation>محتويات دليل المستخدم</translation>
    </message>
    <message>
        <source>Find in the guide (Ctrl+F)</source>
        <translation>البحث في الدليل (Ctrl+F)</translation>
    </message>
    <message>
        <source>Find in the guide</source>
        <translation>البحث في الدليل</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>السابق</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>التالي</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>بحث:</translation>
    </message>
    <message>
        <source># The user guide is missing

{0} could not be read: {1}</source>
        <translation># دليل المستخدم غير موجود

تعذرت قراءة {0}: {1}</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>غير موجود</translation>
    </message>
</context>
<context>
    <name>Handover</name>
    <message>
        <source>This is not a hand-over acceptance. Read the QR code on the receiver&apos;s screen.</source>
        <translation>هذا ليس قبول تسليم. اقرأ رمز QR على شاشة المستلم.</translation>
    </message>
    <message>
        <source>This acceptance was made by a newer client; update this one to read it.</source>
        <translation>أُنشئ هذا القبول بإصدار أحدث؛ حدّث هذا الإصدار لقراءته.</translation>
    </message>
    <message>
        <source>This acceptance was made on another network.</source>
        <translation>أُنشئ هذا القبول على شبكة أخرى.</translation>
    </message>
    <message>
        <source>This acceptance names a shipment this replica does not know yet; sync, then read it again.</source>
        <translation>هذا القبول يذكر شحنة لا تعرفها هذه النسخة بعد؛ قم بالمزامنة ثم اقرأه مجدداً.</translation>
    </message>
    <message>
        <source>This shipment is no longer in transit.</source>
        <translation>لم تعد هذه الشحنة قيد النقل.</translation>
    </message>
    <message>
        <source>This acceptance was made for another giver, not for you.</source>
        <translation>أُنشئ هذا القبول لمُسلِّم آخر، وليس لك.</translation>
    </message>
    <message>
        <source>You do not hold custody of this shipment.</source>
        <translation>أنت لا تحوز عهدة هذه الشحنة.</translation>
    </message>
    <message>
        <source>This acceptance is for an earlier step of the shipment&apos;s custody (an old code); ask the receiver to accept again.</source>
        <translation>هذا القبول يخص خطوة سابقة من عهدة الشحنة (رمز قديم)؛ اطلب من المستلم القبول مجدداً.</translation>
    </message>
    <message>
        <source>The receiver is not a current member of this network.</source>
        <translation>المستلم ليس عضواً حالياً في هذه الشبكة.</translation>
    </message>
    <message>
        <source>The receiver&apos;s signature on this acceptance does not verify; ask the receiver to accept again.</source>
        <translation>توقيع المستلم على هذا القبول غير صالح؛ اطلب من المستلم القبول مجدداً.</translation>
    </message>
    <message>
        <source>That code does not match the receiver&apos;s acceptance; ask the receiver to read it again.</source>
        <translation>هذا الرمز لا يطابق قبول المستلم؛ اطلب من المستلم قراءته مجدداً.</translation>
    </message>
    <message>
        <source>Too many wrong codes for this acceptance; read the receiver&apos;s QR code or text again.</source>
        <translation>رموز خاطئة كثيرة لهذا القبول؛ اقرأ رمز QR أو نص المستلم مجدداً.</translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message>
        <source>Joining a network as {0}</source>
        <translation>الانضمام إلى شبكة باسم {0}</translation>
    </message>
    <message>
        <source>Creating this node&apos;s key…</source>
        <translation>جارٍ إنشاء مفتاح هذه العقدة…</translation>
    </message>
    <message>
        <source>Open the network</source>
        <translation>فتح الشبكة</translation>
    </message>
    <message>
        <source>Read this fingerprint aloud to the admin who admits you; the admin sees the same one on their Peers view:</source>
        <translation>اقرأ هذه البصمة بصوت عالٍ للمسؤول الذي يقبلك؛ يرى المسؤول البصمة نفسها في عرض النظراء لديه:</translation>
    </message>
    <message>
        <source>Could not prepare this node: {0}</source>
        <translation>تعذر تجهيز هذه العقدة: {0}</translation>
    </message>
    <message>
        <source>on this LAN</source>
        <translation>على هذه الشبكة المحلية</translation>
    </message>
    <message>
        <source>at the address you gave</source>
        <translation>على العنوان الذي أدخلته</translation>
    </message>
    <message>
        <source>Looking for the network&apos;s nodes {0}…</source>
        <translation>جارٍ البحث عن عقد الشبكة {0}…</translation>
    </message>
    <message>
        <source>{0} has your request. Read your fingerprint to its admin; this window moves on by itself once you are admitted.</source>
        <translation>تلقّت {0} طلبك. اقرأ بصمتك لمسؤولها؛ ستنتقل هذه النافذة تلقائيًا بمجرد قبولك.</translation>
    </message>
    <message>
        <source>Admitted: receiving the network&apos;s ledger…</source>
        <translation>تم القبول: جارٍ استلام سجل الشبكة…</translation>
    </message>
    <message>
        <source>Admitted to {0}: {1:,} entries received. Open it when ready.</source>
        <translation>تم القبول في {0}: استُلم {1:,} قيد. افتحها عندما تكون جاهزًا.</translation>
    </message>
</context>
<context>
    <name>Keyboard</name>
    <message>
        <source>Discard?</source>
        <translation>تجاهل؟</translation>
    </message>
    <message>
        <source>Discard this {0}?</source>
        <translation>تجاهل هذا القيد ({0})؟</translation>
    </message>
    <message>
        <source>What you entered in this form will be lost.</source>
        <translation>سيضيع ما أدخلته في هذا النموذج.</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>متابعة التحرير</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>تجاهل</translation>
    </message>
</context>
<context>
    <name>LanguageDialog</name>
    <message>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <source>Language of the client</source>
        <translation>لغة البرنامج</translation>
    </message>
    <message>
        <source>Follow the system ({0})</source>
        <translation>اتباع النظام ({0})</translation>
    </message>
    <message>
        <source>The client shows the new language when it next starts.</source>
        <translation>يعرض البرنامج اللغة الجديدة عند تشغيله في المرة القادمة.</translation>
    </message>
</context>
<context>
    <name>LedgerExplorer</name>
    <message>
        <source>Feed</source>
        <translation>السلسلة</translation>
    </message>
    <message>
        <source>All authors (total order)</source>
        <translation>كل المؤلفين (الترتيب الكلي)</translation>
    </message>
    <message>
        <source>Ledger entries</source>
        <translation>قيود السجل</translation>
    </message>
    <message>
        <source>Fee&amp;d:</source>
        <translation>السل&amp;سلة:</translation>
    </message>
</context>
<context>
    <name>LedgerWords</name>
    <message>
        <source>critical</source>
        <translation>حرجة</translation>
    </message>
    <message>
        <source>high</source>
        <translation>عالية</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>عادية</translation>
    </message>
    <message>
        <source>low</source>
        <translation>منخفضة</translation>
    </message>
    <message>
        <source>open</source>
        <translation>مفتوح</translation>
    </message>
    <message>
        <source>partial</source>
        <translation>جزئي</translation>
    </message>
    <message>
        <source>filled</source>
        <translation>مُلبّى</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>ملغى</translation>
    </message>
    <message>
        <source>in transit</source>
        <translation>قيد النقل</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>مُسلَّمة</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>محلول</translation>
    </message>
    <message>
        <source>restricted</source>
        <translation>مقيَّد</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>مغلق</translation>
    </message>
    <message>
        <source>depot</source>
        <translation>مستودع</translation>
    </message>
    <message>
        <source>staging</source>
        <translation>نقطة تجميع</translation>
    </message>
    <message>
        <source>shelter</source>
        <translation>مأوى</translation>
    </message>
    <message>
        <source>hospital</source>
        <translation>مستشفى</translation>
    </message>
    <message>
        <source>distribution point</source>
        <translation>نقطة توزيع</translation>
    </message>
    <message>
        <source>vehicle</source>
        <translation>مركبة</translation>
    </message>
    <message>
        <source>command center</source>
        <translation>مركز قيادة</translation>
    </message>
    <message>
        <source>water</source>
        <translation>مياه</translation>
    </message>
    <message>
        <source>food</source>
        <translation>أغذية</translation>
    </message>
    <message>
        <source>medical</source>
        <translation>مستلزمات طبية</translation>
    </message>
    <message>
        <source>wash</source>
        <translation>مياه وصرف صحي ونظافة</translation>
    </message>
    <message>
        <source>nfi</source>
        <translation>مواد غير غذائية</translation>
    </message>
    <message>
        <source>fuel</source>
        <translation>وقود</translation>
    </message>
    <message>
        <source>equipment</source>
        <translation>معدات</translation>
    </message>
    <message>
        <source>other</source>
        <translation>أخرى</translation>
    </message>
</context>
<context>
    <name>Lineage</name>
    <message>
        <source>Received</source>
        <translation>استُلم</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>أُرسل</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>سُلّم</translation>
    </message>
    <message>
        <source>Distributed</source>
        <translation>وُزّع</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>صُحّح</translation>
    </message>
    <message>
        <source>Adjusted</source>
        <translation>عُدّل</translation>
    </message>
    <message>
        <source>When</source>
        <translation>متى</translation>
    </message>
    <message>
        <source>What</source>
        <translation>ماذا</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>الكمية</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>أين</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>من</translation>
    </message>
</context>
<context>
    <name>LinesEditor</name>
    <message>
        <source>Item</source>
        <translation>الصنف</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>الدفعة</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>الكمية</translation>
    </message>
    <message>
        <source>Reason if different</source>
        <translation>السبب إن اختلفت</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>البنود</translation>
    </message>
    <message>
        <source>&amp;Add line</source>
        <translation>إضافة &amp;سطر</translation>
    </message>
    <message>
        <source>Re&amp;move line</source>
        <translation>&amp;حذف سطر</translation>
    </message>
    <message>
        <source>Add a line (Alt+A)</source>
        <translation>إضافة سطر (Alt+س)</translation>
    </message>
    <message>
        <source>Line {0}: quantity must be a whole number</source>
        <translation>السطر {0}: يجب أن تكون الكمية عددًا صحيحًا</translation>
    </message>
    <message>
        <source>Line {0}: {1} differs from what was dispatched; give a reason</source>
        <translation>السطر {0}: {1} يختلف عما أُرسل؛ اذكر السبب</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>EXERCISE — </source>
        <translation>تمرين — </translation>
    </message>
    <message>
        <source>Relief Ledger — {0}</source>
        <translation>Relief Ledger — {0}</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>السجل</translation>
    </message>
    <message>
        <source>Sites &amp;&amp; stock</source>
        <translation>المواقع &amp;&amp; المخزون</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>المواقع</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>الطلبات</translation>
    </message>
    <message>
        <source>Shipments</source>
        <translation>الشحنات</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>التعارضات</translation>
    </message>
    <message>
        <source>Peers</source>
        <translation>النظراء</translation>
    </message>
    <message>
        <source>Relief Ledger</source>
        <translation>Relief Ledger</translation>
    </message>
    <message>
        <source>Entry refused</source>
        <translation>رُفض القيد</translation>
    </message>
    <message>
        <source>The entry was not recorded ({0}):
{1}</source>
        <translation>لم يُسجَّل القيد ({0}):
{1}</translation>
    </message>
    <message>
        <source>Export table as CSV</source>
        <translation>تصدير الجدول بصيغة CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>ملفات CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exported {0} rows to {1}</source>
        <translation>صُدّر {0} صفًا إلى {1}</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>Map of sites, stock, requests, shipments and roads</source>
        <translation>خريطة المواقع والمخزون والطلبات والشحنات والطرق</translation>
    </message>
    <message>
        <source>Reading the ledger…</source>
        <translation>جارٍ قراءة السجل…</translation>
    </message>
    <message>
        <source>Preparing replay…</source>
        <translation>جارٍ تجهيز إعادة العرض…</translation>
    </message>
    <message>
        <source>Replay {0}</source>
        <translation>إعادة عرض {0}</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>إيقاف مؤقت</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>تشغيل</translation>
    </message>
</context>
<context>
    <name>NetworkSettingsDialog</name>
    <message>
        <source>Network settings</source>
        <translation>إعدادات الشبكة</translation>
    </message>
    <message>
        <source>Find peers on the LAN automatically (zeroconf)</source>
        <translation>العثور على النظراء في الشبكة المحلية تلقائيًا (zeroconf)</translation>
    </message>
    <message>
        <source>No network interface with an IPv4 address is up.</source>
        <translation>لا توجد واجهة شبكة نشطة بعنوان IPv4.</translation>
    </message>
    <message>
        <source>Advertise and browse on</source>
        <translation>الإعلان والبحث على</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>المنفذ</translation>
    </message>
    <message>
        <source>Peers on routed links
(one host:port[@FINGERPRINT] per line)</source>
        <translation>نظراء على روابط موجَّهة
(host:port[@FINGERPRINT] واحد في كل سطر)</translation>
    </message>
    <message>
        <source>Changes take effect the next time the client starts.</source>
        <translation>تسري التغييرات عند تشغيل البرنامج في المرة القادمة.</translation>
    </message>
    <message>
        <source>{0} is not host:port[@FINGERPRINT]</source>
        <translation>{0} ليس بالصيغة host:port[@FINGERPRINT]</translation>
    </message>
    <message>
        <source>Choose at least one interface, or turn discovery off.</source>
        <translation>اختر واجهة واحدة على الأقل، أو أوقف الاكتشاف.</translation>
    </message>
</context>
<context>
    <name>NodeBridge</name>
    <message>
        <source>Signing and storing…</source>
        <translation>جارٍ التوقيع والحفظ…</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>جارٍ التحقق…</translation>
    </message>
</context>
<context>
    <name>Notice</name>
    <message>
        <source>Notice</source>
        <translation>تنبيه</translation>
    </message>
</context>
<context>
    <name>OverviewView</name>
    <message>
        <source>Short</source>
        <translation>نقص</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>تأخير</translation>
    </message>
    <message>
        <source>Waiting for me</source>
        <translation>بانتظاري</translation>
    </message>
    <message>
        <source>Situation at {0}</source>
        <translation>الوضع في {0}</translation>
    </message>
    <message>
        <source>Situation at {0} for {1}</source>
        <translation>الوضع في {0} لـ {1}</translation>
    </message>
    <message>
        <source>… and {0} more</source>
        <translation>… و{0} أخرى</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0} دقيقة</translation>
    </message>
    <message>
        <source>{0} h</source>
        <translation>{0} ساعة</translation>
    </message>
    <message>
        <source>{0} d {1} h</source>
        <translation>{0} يوم و{1} ساعة</translation>
    </message>
    <message>
        <source>short at a site</source>
        <translation>نقص في موقع</translation>
    </message>
    <message>
        <source>Open requests at a site need more of an item than is there or on its way there</source>
        <translation>طلبات مفتوحة في موقع تحتاج من صنف ما أكثر مما هو موجود فيه أو في الطريق إليه</translation>
    </message>
    <message>
        <source>requests overdue</source>
        <translation>طلبات متأخرة</translation>
    </message>
    <message>
        <source>Requests still open after their needed-by time</source>
        <translation>طلبات لا تزال مفتوحة بعد موعدها المطلوب</translation>
    </message>
    <message>
        <source>not seen for {0} h</source>
        <translation>لم تُرصد منذ {0} ساعة</translation>
    </message>
    <message>
        <source>Shipments in transit with no position report for over {0} hours</source>
        <translation>شحنات قيد النقل بلا تقرير موقع منذ أكثر من {0} ساعة</translation>
    </message>
    <message>
        <source>shipments late</source>
        <translation>شحنات متأخرة</translation>
    </message>
    <message>
        <source>Shipments still on the road after the requests they serve were due</source>
        <translation>شحنات لا تزال على الطريق بعد موعد الطلبات التي تخدمها</translation>
    </message>
    <message>
        <source>approvals for me</source>
        <translation>موافقات بانتظاري</translation>
    </message>
    <message>
        <source>Proposals waiting for my approval or rejection</source>
        <translation>مقترحات بانتظار موافقتي أو رفضي</translation>
    </message>
    <message>
        <source>shipments I hold</source>
        <translation>شحنات في عهدتي</translation>
    </message>
    <message>
        <source>Shipments in my custody: hand them over or record their delivery</source>
        <translation>شحنات في عهدتي: سلّمها أو سجّل تسليمها النهائي</translation>
    </message>
    <message>
        <source>coming to my sites</source>
        <translation>في الطريق إلى مواقعي</translation>
    </message>
    <message>
        <source>Shipments on their way to my organisation&apos;s sites: accept custody at the door</source>
        <translation>شحنات في طريقها إلى مواقع منظمتي: اقبل العهدة عند الباب</translation>
    </message>
    <message>
        <source>open conflicts</source>
        <translation>تعارضات مفتوحة</translation>
    </message>
    <message>
        <source>Conflicts the ledger recorded that are still open</source>
        <translation>تعارضات سُجّلت في السجل ولا تزال مفتوحة</translation>
    </message>
    <message>
        <source>{site} — {item}: short {short} (need {need}, on hand {on_hand}, on its way {coming})</source>
        <translation>{site} — {item}: نقص {short} (المطلوب {need}، المتوفر {on_hand}، في الطريق {coming})</translation>
    </message>
    <message>
        <source>{request} · {site}: {qty} {item} still needed, due {due} ({late} late)</source>
        <translation>{request} · {site}: لا يزال مطلوباً {qty} {item}، الموعد {due} (تأخير {late})</translation>
    </message>
    <message>
        <source>{shipment} → {site}: last position {age} ago</source>
        <translation>{shipment} → {site}: آخر موقع منذ {age}</translation>
    </message>
    <message>
        <source>{shipment} → {site}: no position since dispatch {age} ago</source>
        <translation>{shipment} → {site}: لا موقع منذ الإرسال قبل {age}</translation>
    </message>
    <message>
        <source>{shipment} → {site}: due {due} ({late} late) for {requests}</source>
        <translation>{shipment} → {site}: الموعد {due} (تأخير {late}) لتلبية {requests}</translation>
    </message>
    <message>
        <source>{shipment} → {site}</source>
        <translation>{shipment} → {site}</translation>
    </message>
    <message>
        <source>{shipment} → {site}, held by {holder}</source>
        <translation>{shipment} → {site}، في عهدة {holder}</translation>
    </message>
    <message>
        <source>{0} late</source>
        <translation>متأخر بـ {0}</translation>
    </message>
    <message>
        <source>{0} ago</source>
        <translation>منذ {0}</translation>
    </message>
    <message>
        <source>no position, dispatched {0} ago</source>
        <translation>لا موقع، أُرسلت منذ {0}</translation>
    </message>
    <message>
        <source> — not seen for over {0} h</source>
        <translation> — لم تُرصد منذ أكثر من {0} ساعة</translation>
    </message>
</context>
<context>
    <name>ParamsForm</name>
    <message>
        <source>The contract declares no parameters (PARAMS).</source>
        <translation>لا يعلن العقد أي معاملات (PARAMS).</translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation>مفصولة بفواصل</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Unlock Relief Ledger</source>
        <translation>فتح Relief Ledger</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>فتح القفل</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>فتح للقراءة فقط</translation>
    </message>
    <message>
        <source>Replica in {0}</source>
        <translation>النسخة في {0}</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>المفتاح</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>عبارة المرور</translation>
    </message>
    <message>
        <source>Wrong passphrase. Try again.</source>
        <translation>عبارة مرور خاطئة. حاول مرة أخرى.</translation>
    </message>
</context>
<context>
    <name>PeersModel</name>
    <message>
        <source>Peer</source>
        <translation>النظير</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>البصمة</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>State</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>آخر مزامنة</translation>
    </message>
    <message>
        <source>Behind</source>
        <translation>متأخر</translation>
    </message>
    <message>
        <source>Ahead</source>
        <translation>متقدم</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>المستلَمة</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>المرسَلة</translation>
    </message>
</context>
<context>
    <name>PeersView</name>
    <message>
        <source>listening</source>
        <translation>في وضع الاستماع</translation>
    </message>
    <message>
        <source>discovery started</source>
        <translation>بدأ الاكتشاف</translation>
    </message>
    <message>
        <source>discovery off</source>
        <translation>الاكتشاف متوقف</translation>
    </message>
    <message>
        <source>found on the LAN</source>
        <translation>عُثر عليه في الشبكة المحلية</translation>
    </message>
    <message>
        <source>no longer on the LAN</source>
        <translation>لم يعد في الشبكة المحلية</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>متصل</translation>
    </message>
    <message>
        <source>left</source>
        <translation>غادر</translation>
    </message>
    <message>
        <source>cut off</source>
        <translation>قُطع</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>مرفوض</translation>
    </message>
    <message>
        <source>another network, left alone</source>
        <translation>شبكة أخرى، تُركت وشأنها</translation>
    </message>
    <message>
        <source>more refusals</source>
        <translation>رفض إضافي</translation>
    </message>
    <message>
        <source>in sync</source>
        <translation>متزامن</translation>
    </message>
    <message>
        <source>signed two different entries</source>
        <translation>وقّع قيدين مختلفين</translation>
    </message>
    <message>
        <source>fault on this node</source>
        <translation>عطل في هذه العقدة</translation>
    </message>
    <message>
        <source>asks to join</source>
        <translation>يطلب الانضمام</translation>
    </message>
    <message>
        <source>waiting to be admitted</source>
        <translation>في انتظار القبول</translation>
    </message>
    <message>
        <source>admission</source>
        <translation>قبول</translation>
    </message>
    <message>
        <source>This node: {0} · network off</source>
        <translation>هذه العقدة: {0} · الشبكة متوقفة</translation>
    </message>
    <message>
        <source>Peers</source>
        <translation>الأقران</translation>
    </message>
    <message>
        <source>Catching up: %v of %m entries</source>
        <translation>جارٍ اللحاق: %v من %m قيد</translation>
    </message>
    <message>
        <source>Asking to join</source>
        <translation>طلبات الانضمام</translation>
    </message>
    <message>
        <source>&lt;b&gt;Asking to join&lt;/b&gt;</source>
        <translation>&lt;b&gt;طلبات الانضمام&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Admit…</source>
        <translation>قبول…</translation>
    </message>
    <message>
        <source>Only an admin with an unlocked key can admit members</source>
        <translation>لا يقبل الأعضاء إلا مسؤول مفتاحه مفتوح</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>تجاهل</translation>
    </message>
    <message>
        <source>Add peer by address…</source>
        <translation>إضافة نظير بالعنوان…</translation>
    </message>
    <message>
        <source>Network log</source>
        <translation>سجل الشبكة</translation>
    </message>
    <message>
        <source>&lt;b&gt;Network log&lt;/b&gt;</source>
        <translation>&lt;b&gt;سجل الشبكة&lt;/b&gt;</translation>
    </message>
    <message>
        <source>this machine&apos;s addresses</source>
        <translation>عناوين هذا الجهاز</translation>
    </message>
    <message>
        <source>This node: &lt;b&gt;{0}&lt;/b&gt; · listening on port {1} · discovery {2}</source>
        <translation>هذه العقدة: &lt;b&gt;{0}&lt;/b&gt; · تستمع على المنفذ {1} · الاكتشاف {2}</translation>
    </message>
    <message>
        <source>on ({0})</source>
        <translation>مفعّل ({0})</translation>
    </message>
    <message>
        <source>off</source>
        <translation>متوقف</translation>
    </message>
    <message>
        <source>This node: {0} · &lt;span style=&apos;color:{1}&apos;&gt;{2}&lt;/span&gt;</source>
        <translation>هذه العقدة: {0} · &lt;span style=&apos;color:{1}&apos;&gt;{2}&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Add peer</source>
        <translation>إضافة نظير</translation>
    </message>
    <message>
        <source>Address of a peer on a routed link, as host:port, optionally @FINGERPRINT to pin who must answer:</source>
        <translation>عنوان نظير على رابط موجَّه بالصيغة host:port، ويمكن إضافة ‎@FINGERPRINT لتحديد من يجب أن يجيب:</translation>
    </message>
    <message>
        <source>{0} is not host:port (for example 10.20.0.5:47474)</source>
        <translation>{0} ليس بالصيغة host:port (مثلًا 10.20.0.5:47474)</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>EXERCISE — </source>
        <translation>تمرين — </translation>
    </message>
    <message>
        <source> (optional)</source>
        <translation> (اختياري)</translation>
    </message>
    <message>
        <source>I understand; record it anyway</source>
        <translation>فهمت؛ سجّله على أي حال</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>مراجعة…</translation>
    </message>
    <message>
        <source>Check the form and show what will be signed (Enter)</source>
        <translation>التحقق من النموذج وعرض ما سيُوقَّع (Enter)</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— لا شيء —</translation>
    </message>
    <message>
        <source>Type part of a name or code…</source>
        <translation>اكتب جزءاً من اسم أو رمز…</translation>
    </message>
    <message>
        <source>set</source>
        <translation>تعيين</translation>
    </message>
    <message>
        <source>decimal degrees, e.g. -19.843210</source>
        <translation>درجات عشرية، مثلًا ‎-19.843210</translation>
    </message>
    <message>
        <source>whole number</source>
        <translation>عدد صحيح</translation>
    </message>
    <message>
        <source>lat,lon; lat,lon  in decimal degrees</source>
        <translation>lat,lon; lat,lon  بالدرجات العشرية</translation>
    </message>
    <message>
        <source>type part of a request id, item or site; comma-separated</source>
        <translation>اكتب جزءاً من معرّف طلب أو صنف أو موقع؛ مفصولة بفواصل</translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation>مفصولة بفواصل</translation>
    </message>
    <message>
        <source>field=value, e.g. qty=300</source>
        <translation>field=value، مثلًا qty=300</translation>
    </message>
    <message>
        <source>{0} must be a whole number</source>
        <translation>يجب أن يكون {0} عددًا صحيحًا</translation>
    </message>
    <message>
        <source>Path: {0}</source>
        <translation>المسار: {0}</translation>
    </message>
    <message>
        <source>{0}: “{1}” matches {2} entries; pick one from the list</source>
        <translation>{0}: «{1}» يطابق {2} من الإدخالات؛ اختر واحداً من القائمة</translation>
    </message>
    <message>
        <source>{0} is required</source>
        <translation>{0} مطلوب</translation>
    </message>
    <message>
        <source>You are about to sign this as &lt;b&gt;{0}&lt;/b&gt; on the {1}. Signed entries cannot be changed, only corrected.</source>
        <translation>أنت على وشك توقيع هذا بصفتك &lt;b&gt;{0}&lt;/b&gt; على {1}. لا يمكن تغيير القيود الموقّعة، بل تصحيحها فقط.</translation>
    </message>
    <message>
        <source>Sign with your key and record it (Ctrl+Enter)</source>
        <translation>التوقيع بمفتاحك وتسجيله (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Hide signed bytes</source>
        <translation>إخفاء البايتات الموقّعة</translation>
    </message>
    <message>
        <source>Signing and recording…</source>
        <translation>جارٍ التوقيع والتسجيل…</translation>
    </message>
    <message>
        <source>Not recorded: {0}. Nothing you typed is lost: correct it and review again.</source>
        <translation>لم يُسجَّل: {0}. لم يضع شيء مما كتبته: صحّحه وراجعه مجدداً.</translation>
    </message>
    <message>
        <source>Request {0} already exists; choose another id</source>
        <translation>الطلب {0} موجود مسبقًا؛ اختر معرّفًا آخر</translation>
    </message>
    <message>
        <source>Shipment {0} already exists; choose another id</source>
        <translation>الشحنة {0} موجودة مسبقًا؛ اختر معرّفًا آخر</translation>
    </message>
    <message>
        <source>The receiver&apos;s acceptance is for another shipment or receiver than the ones chosen here. Read the receiver&apos;s QR code again.</source>
        <translation>قبول المستلم يخص شحنة أو مستلماً غير المختارين هنا. اقرأ رمز QR الخاص بالمستلم مجدداً.</translation>
    </message>
    <message>
        <source>Choose a record that can be corrected</source>
        <translation>اختر قيدًا يمكن تصحيحه</translation>
    </message>
    <message>
        <source>{0}, key {1}</source>
        <translation>{0}، المفتاح {1}</translation>
    </message>
    <message>
        <source>(no key unlocked)</source>
        <translation>(لا يوجد مفتاح مفتوح)</translation>
    </message>
    <message>
        <source>EXERCISE network</source>
        <translation>شبكة تمرين</translation>
    </message>
    <message>
        <source>LIVE network</source>
        <translation>شبكة حقيقية</translation>
    </message>
    <message>
        <source> This is a permissioned edit: it is signed as a &lt;b&gt;proposal&lt;/b&gt; and takes effect only once approved under the network&apos;s policy (see Approvals).</source>
        <translation> هذا تعديل يتطلب صلاحية: يُوقَّع كـ&lt;b&gt;مقترح&lt;/b&gt; ولا يسري إلا بعد الموافقة عليه وفق سياسة الشبكة (انظر الموافقات).</translation>
    </message>
    <message>
        <source>What</source>
        <translation>ماذا</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>القيمة</translation>
    </message>
    <message>
        <source>What will be signed</source>
        <translation>ما سيُوقَّع</translation>
    </message>
    <message>
        <source>Show signed bytes</source>
        <translation>عرض البايتات الموقّعة</translation>
    </message>
    <message>
        <source>Exactly what will be signed (canonical JSON body)</source>
        <translation>ما سيُوقَّع بالضبط (متن JSON بصيغته القياسية)</translation>
    </message>
    <message>
        <source>Ctrl+Enter signs. Escape or Back returns to the form; nothing typed is lost.</source>
        <translation>Ctrl+Enter للتوقيع. Escape أو «رجوع» للعودة إلى النموذج؛ لن يضيع شيء مما كتبته.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>رجوع</translation>
    </message>
    <message>
        <source>Sign and record</source>
        <translation>توقيع وتسجيل</translation>
    </message>
    <message>
        <source>{0} from the record form</source>
        <translation>{0} من نموذج التسجيل</translation>
    </message>
</context>
<context>
    <name>RecordForms</name>
    <message>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <source>Allocations</source>
        <translation>التخصيصات</translation>
    </message>
    <message>
        <source>At</source>
        <translation>في</translation>
    </message>
    <message>
        <source>Beneficiaries</source>
        <translation>المستفيدون</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>الجسم</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>الناقل</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>الفئة</translation>
    </message>
    <message>
        <source>Cold chain</source>
        <translation>سلسلة التبريد</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>تعليق</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>العقد</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>التغيير</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>تاريخ الانتهاء</translation>
    </message>
    <message>
        <source>From site</source>
        <translation>موقع المصدر</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>الرأس</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>الخطوة</translation>
    </message>
    <message>
        <source>Input digest</source>
        <translation>ملخص المدخل</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>الصنف</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>العضو</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>خط العرض</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>الأسطر</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>خط الطول</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>الدفعة</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>الأعضاء</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Needed by</source>
        <translation>مطلوب قبل</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>المنظمة</translation>
    </message>
    <message>
        <source>Output digest</source>
        <translation>ملخص المخرج</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>المعاملات</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>المسار</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>السياسات</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>السياسة</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>الأولوية</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>المقترح</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>الكمية</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <source>Receiver&apos;s acceptance</source>
        <translation>قبول المستلم</translation>
    </message>
    <message>
        <source>Spoken code</source>
        <translation>الرمز المنطوق</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>الطلب</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>الطلبات</translation>
    </message>
    <message>
        <source>Road</source>
        <translation>الطريق</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>الأدوار</translation>
    </message>
    <message>
        <source>Runtime</source>
        <translation>بيئة التشغيل</translation>
    </message>
    <message>
        <source>Sequence</source>
        <translation>التسلسل</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>القيم</translation>
    </message>
    <message>
        <source>Shipment</source>
        <translation>الشحنة</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>الموقع</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>تسجيل</translation>
    </message>
    <message>
        <source>Highest temperature (tenths of °C)</source>
        <translation>أعلى درجة حرارة (أعشار °م)</translation>
    </message>
    <message>
        <source>Lowest temperature (tenths of °C)</source>
        <translation>أدنى درجة حرارة (أعشار °م)</translation>
    </message>
    <message>
        <source>To</source>
        <translation>إلى</translation>
    </message>
    <message>
        <source>To site</source>
        <translation>موقع الوجهة</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>الوحدة</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>النسخة</translation>
    </message>
    <message>
        <source>Receive stock…</source>
        <translation>استلام مخزون…</translation>
    </message>
    <message>
        <source>Open request…</source>
        <translation>فتح طلب…</translation>
    </message>
    <message>
        <source>Dispatch shipment…</source>
        <translation>إرسال شحنة…</translation>
    </message>
    <message>
        <source>Report shipment position…</source>
        <translation>الإبلاغ عن موقع شحنة…</translation>
    </message>
    <message>
        <source>Hand over custody…</source>
        <translation>تسليم العهدة…</translation>
    </message>
    <message>
        <source>Record delivery…</source>
        <translation>تسجيل تسليم…</translation>
    </message>
    <message>
        <source>Distribute…</source>
        <translation>توزيع…</translation>
    </message>
    <message>
        <source>Cancel request…</source>
        <translation>إلغاء طلب…</translation>
    </message>
    <message>
        <source>Report road status…</source>
        <translation>الإبلاغ عن حالة طريق…</translation>
    </message>
    <message>
        <source>Correct a record…</source>
        <translation>تصحيح قيد…</translation>
    </message>
    <message>
        <source>Propose stock adjustment…</source>
        <translation>اقتراح تعديل مخزون…</translation>
    </message>
    <message>
        <source>Propose new member…</source>
        <translation>اقتراح عضو جديد…</translation>
    </message>
    <message>
        <source>Propose member change…</source>
        <translation>اقتراح تغيير عضو…</translation>
    </message>
    <message>
        <source>Propose key revocation…</source>
        <translation>اقتراح إبطال مفتاح…</translation>
    </message>
    <message>
        <source>Define site…</source>
        <translation>تعريف موقع…</translation>
    </message>
    <message>
        <source>Define catalog item…</source>
        <translation>تعريف صنف في الكتالوج…</translation>
    </message>
</context>
<context>
    <name>ReplayBar</name>
    <message>
        <source>Replay…</source>
        <translation>إعادة العرض…</translation>
    </message>
    <message>
        <source>Play the operation&apos;s material movement between two times (after-action review)</source>
        <translation>إعادة عرض حركة مواد العملية بين وقتين (مراجعة ما بعد العمل)</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>تشغيل</translation>
    </message>
    <message>
        <source>Replay speed</source>
        <translation>سرعة الإعادة</translation>
    </message>
    <message>
        <source>Replay time</source>
        <translation>وقت الإعادة</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>مباشر</translation>
    </message>
    <message>
        <source>Back to live</source>
        <translation>العودة إلى المباشر</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>receipt</source>
        <translation>استلام</translation>
    </message>
    <message>
        <source>request</source>
        <translation>طلب</translation>
    </message>
    <message>
        <source>dispatch</source>
        <translation>إرسال</translation>
    </message>
    <message>
        <source>position report</source>
        <translation>تقرير موقع</translation>
    </message>
    <message>
        <source>hand-over</source>
        <translation>تسليم</translation>
    </message>
    <message>
        <source>delivery</source>
        <translation>تسليم نهائي</translation>
    </message>
    <message>
        <source>distribution</source>
        <translation>توزيع</translation>
    </message>
    <message>
        <source>cancellation</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>road report</source>
        <translation>تقرير طريق</translation>
    </message>
    <message>
        <source>correction</source>
        <translation>تصحيح</translation>
    </message>
    <message>
        <source>stock adjustment</source>
        <translation>تعديل مخزون</translation>
    </message>
    <message>
        <source>new member proposal</source>
        <translation>مقترح عضو جديد</translation>
    </message>
    <message>
        <source>member change</source>
        <translation>تغيير عضو</translation>
    </message>
    <message>
        <source>key revocation</source>
        <translation>إبطال مفتاح</translation>
    </message>
    <message>
        <source>site definition</source>
        <translation>تعريف موقع</translation>
    </message>
    <message>
        <source>catalog item</source>
        <translation>صنف كتالوج</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>الموقع</translation>
    </message>
    <message>
        <source>From</source>
        <translation>من</translation>
    </message>
    <message>
        <source>To</source>
        <translation>إلى</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>الصنف</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>الدفعة</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>الكمية</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>انتهاء الصلاحية</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>الطلب</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>الأولوية</translation>
    </message>
    <message>
        <source>Needed by</source>
        <translation>مطلوب قبل</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <source>Shipment</source>
        <translation>الشحنة</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>الناقل</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>السطر</translation>
    </message>
    <message>
        <source>For requests</source>
        <translation>للطلبات</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>خط العرض</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>خط الطول</translation>
    </message>
    <message>
        <source>At</source>
        <translation>الوقت</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>المستلم</translation>
    </message>
    <message>
        <source>Custody step</source>
        <translation>خطوة العهدة</translation>
    </message>
    <message>
        <source>Receiver&apos;s acceptance</source>
        <translation>قبول المستلم</translation>
    </message>
    <message>
        <source>Spoken code</source>
        <translation>الرمز المنطوق</translation>
    </message>
    <message>
        <source>Beneficiaries</source>
        <translation>المستفيدون</translation>
    </message>
    <message>
        <source>Road</source>
        <translation>الطريق</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>المسار</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>القيد</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>التغييرات</translation>
    </message>
    <message>
        <source>Change in quantity</source>
        <translation>التغير في الكمية</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>العضو</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>المنظمة</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>الأدوار</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>الوحدة</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>الفئة</translation>
    </message>
    <message>
        <source>Cold chain</source>
        <translation>سلسلة التبريد</translation>
    </message>
    <message>
        <source>Lowest temperature</source>
        <translation>أدنى درجة حرارة</translation>
    </message>
    <message>
        <source>Highest temperature</source>
        <translation>أعلى درجة حرارة</translation>
    </message>
    <message>
        <source>{amount}, lot {lot}</source>
        <translation>{amount}، الدفعة {lot}</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>لا شيء</translation>
    </message>
    <message>
        <source> and </source>
        <translation> و </translation>
    </message>
    <message>
        <source>record {0}</source>
        <translation>القيد {0}</translation>
    </message>
    <message>
        <source>{kind} {request}</source>
        <translation>{kind} {request}</translation>
    </message>
    <message>
        <source>{kind} of {amount}, lot {lot} at {site}</source>
        <translation>{kind}: {amount}، الدفعة {lot} في {site}</translation>
    </message>
    <message>
        <source>Receive {amount}, lot {lot}, at {site} from {source}</source>
        <translation>استلام {amount}، الدفعة {lot}، في {site} من {source}</translation>
    </message>
    <message>
        <source>, expiring {0}</source>
        <translation>، تنتهي صلاحيتها في {0}</translation>
    </message>
    <message>
        <source>Request {request}: {amount} for {site}, {priority} priority, needed by {when}</source>
        <translation>الطلب {request}: {amount} لـ {site}، بأولوية {priority}، مطلوب قبل {when}</translation>
    </message>
    <message>
        <source>Dispatch {shipment}: {lines}, from {origin} to {destination}</source>
        <translation>إرسال الشحنة {shipment}: {lines}، من {origin} إلى {destination}</translation>
    </message>
    <message>
        <source>, for {0}</source>
        <translation>، لتلبية {0}</translation>
    </message>
    <message>
        <source>{shipment} (to {site})</source>
        <translation>{shipment} (إلى {site})</translation>
    </message>
    <message>
        <source>Shipment {shipment} was at {place} at {when}</source>
        <translation>كانت الشحنة {shipment} عند الإحداثيات {place} في {when}</translation>
    </message>
    <message>
        <source>Hand over custody of {shipment} to {receiver}</source>
        <translation>تسليم عهدة {shipment} إلى {receiver}</translation>
    </message>
    <message>
        <source>its destination</source>
        <translation>وجهتها</translation>
    </message>
    <message>
        <source>Delivery of {shipment} at {site}: {lines} received</source>
        <translation>التسليم النهائي للشحنة {shipment} في {site}: تم استلام {lines}</translation>
    </message>
    <message>
        <source>Distribute {amount}, lot {lot}, at {site} to {people:,} beneficiaries</source>
        <translation>توزيع {amount}، الدفعة {lot}، في {site} على {people:,} من المستفيدين</translation>
    </message>
    <message>
        <source>{request} ({amount} for {site})</source>
        <translation>{request} ({amount} لـ {site})</translation>
    </message>
    <message>
        <source>Cancel request {request}: {reason}</source>
        <translation>إلغاء الطلب {request}: {reason}</translation>
    </message>
    <message>
        <source>Road {road} ({name}) is {status}</source>
        <translation>الطريق {road} ({name}) {status}</translation>
    </message>
    <message>
        <source>Propose to correct the {record}: {changes}, because {reason}</source>
        <translation>اقتراح تصحيح القيد «{record}»: {changes}، والسبب: {reason}</translation>
    </message>
    <message>
        <source>Propose to change {item}, lot {lot} at {site} by {delta:+,} (from {held:,} to {after:,}), because {reason}</source>
        <translation>اقتراح تعديل {item}، الدفعة {lot} في {site}، بمقدار {delta:+,} (من {held:,} إلى {after:,})، والسبب: {reason}</translation>
    </message>
    <message>
        <source>Propose to add {name} ({org}) as {roles}</source>
        <translation>اقتراح إضافة {name} ({org}) بصفة {roles}</translation>
    </message>
    <message>
        <source>Propose to change {member}: {changes}</source>
        <translation>اقتراح تغيير {member}: {changes}</translation>
    </message>
    <message>
        <source>Propose to revoke the key of {member}, because {reason}</source>
        <translation>اقتراح إبطال مفتاح {member}، والسبب: {reason}</translation>
    </message>
    <message>
        <source>Define site {site}: {name}, a {kind} of {org} at {place}</source>
        <translation>تعريف الموقع {site}: {name}، {kind} لـ {org} في {place}</translation>
    </message>
    <message>
        <source>Define catalog item {item}: {name}, counted in {unit}, {category}</source>
        <translation>تعريف صنف الكتالوج {item}: {name}، يُعدّ بوحدة {unit}، من فئة {category}</translation>
    </message>
    <message>
        <source>, cold chain {0} to {1}</source>
        <translation>، يتطلب سلسلة تبريد من {0} إلى {1}</translation>
    </message>
    <message>
        <source>, cold chain</source>
        <translation>، يتطلب سلسلة تبريد</translation>
    </message>
    <message>
        <source>Record {0}</source>
        <translation>تسجيل {0}</translation>
    </message>
    <message>
        <source>receipt of {amount}, lot {lot}, at {site}</source>
        <translation>استلام {amount}، الدفعة {lot}، في {site}</translation>
    </message>
    <message>
        <source>Proposed: {0}. It takes effect once approved (see Approvals).</source>
        <translation>المقترح: {0}. يسري بعد الموافقة عليه (انظر الموافقات).</translation>
    </message>
    <message>
        <source>Propose to </source>
        <translation>اقتراح </translation>
    </message>
    <message>
        <source>Recorded: {0}</source>
        <translation>سُجّل: {0}</translation>
    </message>
    <message>
        <source>signed by the receiver (checked)</source>
        <translation>موقَّع من المستلم (تم التحقق)</translation>
    </message>
    <message>
        <source>{0}, read aloud by the receiver: the receiver&apos;s device will confirm when the two sync</source>
        <translation>{0}، قرأه المستلم بصوت عالٍ: سيؤكّد جهاز المستلم عند مزامنة الجهازين</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <source>no</source>
        <translation>لا</translation>
    </message>
    <message>
        <source>{amount} ({units}), lot {lot}</source>
        <translation>{amount} ({units})، الدفعة {lot}</translation>
    </message>
    <message>
        <source> — {0}</source>
        <translation> — {0}</translation>
    </message>
    <message>
        <source>Line {0}</source>
        <translation>السطر {0}</translation>
    </message>
    <message>
        <source>Lot {0} at {1} holds {2:,}; you are taking {3:,} — this will be flagged as an over-draw.</source>
        <translation>الدفعة {0} في {1} تحوي {2:,}؛ وأنت تأخذ {3:,} — سيُعلَّم هذا كسحب زائد.</translation>
    </message>
    <message>
        <source>Lot {0} expired on {1}: it is recorded as received, but it should not be handed out.</source>
        <translation>انتهت صلاحية الدفعة {0} في {1}: تُسجَّل كمستلَمة، لكن لا ينبغي توزيعها.</translation>
    </message>
    <message>
        <source>Needed by {0} is already past: the request opens as overdue.</source>
        <translation>الموعد المطلوب {0} قد فات: يُفتح الطلب متأخراً.</translation>
    </message>
    <message>
        <source>Request {0} is not open in this ledger.</source>
        <translation>الطلب {0} ليس مفتوحاً في هذا السجل.</translation>
    </message>
    <message>
        <source>Request {0} is for {1}, but the shipment goes to {2}.</source>
        <translation>الطلب {0} مخصص لـ {1}، لكن الشحنة متجهة إلى {2}.</translation>
    </message>
    <message>
        <source>Request {0} still needs {1}; this shipment carries {2:,} of it.</source>
        <translation>الطلب {0} لا يزال يحتاج إلى {1}؛ وتحمل هذه الشحنة {2:,} منها.</translation>
    </message>
    <message>
        <source>Request {0} asked for {1:,}; {2:,} were already distributed and you hand out {3:,}.</source>
        <translation>الطلب {0} طلب {1:,}؛ وُزِّع منها {2:,} بالفعل وأنت توزّع {3:,}.</translation>
    </message>
    <message>
        <source>{0} {1} is not defined in this ledger yet.</source>
        <translation>{0} {1} غير معرَّف في هذا السجل بعد.</translation>
    </message>
</context>
<context>
    <name>RunsController</name>
    <message>
        <source>Deployed: {0} version {1} applied at once (fewer than three eligible approvers). You can record runs now.</source>
        <translation>نُشر: {0} النسخة {1} طُبّقت فورًا (أقل من ثلاثة موافقين مؤهلين). يمكنك تسجيل التشغيلات الآن.</translation>
    </message>
    <message>
        <source>Proposal decided but not applied: {0}</source>
        <translation>حُسم المقترح لكنه لم يُطبَّق: {0}</translation>
    </message>
    <message>
        <source>Proposed {0} version {1}: it waits for approvals (see Approvals; {2} more needed).</source>
        <translation>اقتُرح {0} النسخة {1}: بانتظار الموافقات (انظر الموافقات؛ مطلوب {2} أخرى).</translation>
    </message>
    <message>
        <source>Signing deployment proposal…</source>
        <translation>جارٍ توقيع مقترح النشر…</translation>
    </message>
    <message>
        <source>Run {0}… recorded: {1} allocation(s). Every replica re-executes it; see the Runs tab.</source>
        <translation>التشغيل {0}… سُجّل: {1} تخصيص(ات). تعيد كل نسخة تنفيذه؛ انظر تبويب التشغيلات.</translation>
    </message>
    <message>
        <source>Signing allocation run…</source>
        <translation>جارٍ توقيع تشغيل التخصيص…</translation>
    </message>
</context>
<context>
    <name>RunsTable</name>
    <message>
        <source>Verified</source>
        <translation>متحقق منه</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>التشغيل</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>العقد</translation>
    </message>
    <message>
        <source>Allocations</source>
        <translation>التخصيصات</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>الوحدات</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>من</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>متى (UTC)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <source>✓ verified</source>
        <translation>✓ متحقق منه</translation>
    </message>
    <message>
        <source>✗ MISMATCH</source>
        <translation>✗ عدم تطابق</translation>
    </message>
    <message>
        <source>? unchecked</source>
        <translation>? غير متحقق منه</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>جارٍ التحقق…</translation>
    </message>
</context>
<context>
    <name>StateTableModel</name>
    <message>
        <source>{0} (hand-over to {1} pending: confirmed when the receiver&apos;s device syncs)</source>
        <translation>{0} (التسليم إلى {1} معلّق: يُؤكَّد عند مزامنة جهاز المستلم)</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>الموقع</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>الصنف</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>الدفعة</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>الكمية</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>الوحدة</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>الطلب</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>الأولوية</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>المطلوب</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>المسلَّم</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Needed by</source>
        <translation>مطلوب قبل</translation>
    </message>
    <message>
        <source>Shipment</source>
        <translation>الشحنة</translation>
    </message>
    <message>
        <source>From</source>
        <translation>من</translation>
    </message>
    <message>
        <source>To</source>
        <translation>إلى</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>الناقل</translation>
    </message>
    <message>
        <source>Custodian</source>
        <translation>الحائز</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>الأسطر</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>أُرسلت</translation>
    </message>
    <message>
        <source>Discrepancies</source>
        <translation>الفروقات</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>مفتوح</translation>
    </message>
    <message>
        <source>What</source>
        <translation>ماذا</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>المنظمة</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>متأخر</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>آخر ظهور</translation>
    </message>
</context>
<context>
    <name>TablePanel</name>
    <message>
        <source>Filter (Ctrl+F)…</source>
        <translation>تصفية (Ctrl+F)…</translation>
    </message>
    <message>
        <source>Filter {0}</source>
        <translation>تصفية {0}</translation>
    </message>
    <message>
        <source>{0} table</source>
        <translation>جدول {0}</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>عرض الكل</translation>
    </message>
    <message>
        <source>Nothing here yet. Use the Record menu to add the first entry.</source>
        <translation>لا شيء هنا بعد. استخدم قائمة التسجيل لإضافة أول قيد.</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to Relief Ledger</source>
        <translation>مرحبًا بك في Relief Ledger</translation>
    </message>
    <message>
        <source>optional: 10.0.0.5:47474 where multicast does not pass</source>
        <translation>اختياري: 10.0.0.5:47474 حيث لا يمر البث المتعدد</translation>
    </message>
    <message>
        <source>optional: XXXX-XXXX-XXXX-XXXX of that node</source>
        <translation>اختياري: XXXX-XXXX-XXXX-XXXX لتلك العقدة</translation>
    </message>
    <message>
        <source>Create network</source>
        <translation>إنشاء شبكة</translation>
    </message>
    <message>
        <source>Ask to join…</source>
        <translation>طلب الانضمام…</translation>
    </message>
    <message>
        <source>Open the demo exercise</source>
        <translation>فتح التمرين التجريبي</translation>
    </message>
    <message>
        <source>Open another data directory…</source>
        <translation>فتح مجلد بيانات آخر…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Create a network&lt;/b&gt; (you become its first admin)</source>
        <translation>&lt;b&gt;إنشاء شبكة&lt;/b&gt; (تصبح أول مسؤول فيها)</translation>
    </message>
    <message>
        <source>Network name</source>
        <translation>اسم الشبكة</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Your organisation</source>
        <translation>منظمتك</translation>
    </message>
    <message>
        <source>Your name / command center</source>
        <translation>اسمك / مركز القيادة</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>عبارة المرور</translation>
    </message>
    <message>
        <source>Repeat passphrase</source>
        <translation>كرر عبارة المرور</translation>
    </message>
    <message>
        <source>&lt;b&gt;Join a network&lt;/b&gt; on this LAN (fill in organisation, name and passphrase above)</source>
        <translation>&lt;b&gt;الانضمام إلى شبكة&lt;/b&gt; على هذه الشبكة المحلية (املأ المنظمة والاسم وعبارة المرور أعلاه)</translation>
    </message>
    <message>
        <source>Peer address</source>
        <translation>عنوان النظير</translation>
    </message>
    <message>
        <source>Peer fingerprint</source>
        <translation>بصمة النظير</translation>
    </message>
    <message>
        <source>&lt;b&gt;Try it&lt;/b&gt;</source>
        <translation>&lt;b&gt;جرّبه&lt;/b&gt;</translation>
    </message>
    <message>
        <source>No replica in {0} yet.</source>
        <translation>لا توجد نسخة في {0} بعد.</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>المنظمة</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>اسمك</translation>
    </message>
    <message>
        <source>Please fill in: {0}</source>
        <translation>يرجى ملء: {0}</translation>
    </message>
    <message>
        <source>The passphrase must have at least 8 characters.</source>
        <translation>يجب أن تتكون عبارة المرور من 8 محارف على الأقل.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>عبارتا المرور مختلفتان.</translation>
    </message>
    <message>
        <source>Choose a passphrase of at least 8 characters and repeat it.</source>
        <translation>اختر عبارة مرور من 8 محارف على الأقل وكررها.</translation>
    </message>
    <message>
        <source>The peer address must be host:port, e.g. 10.0.0.5:47474.</source>
        <translation>يجب أن يكون عنوان النظير host:port، مثلًا 10.0.0.5:47474.</translation>
    </message>
    <message>
        <source>Building the demo exercise…</source>
        <translation>جارٍ بناء التمرين التجريبي…</translation>
    </message>
    <message>
        <source>Open a Relief Ledger data directory</source>
        <translation>فتح مجلد بيانات Relief Ledger</translation>
    </message>
    <message>
        <source>{0} holds no replica.</source>
        <translation>{0} لا يحتوي على نسخة.</translation>
    </message>
</context>
<context>
    <name>WindowNetwork</name>
    <message>
        <source>read-only</source>
        <translation>للقراءة فقط</translation>
    </message>
    <message>
        <source>Peer connected: {0}</source>
        <translation>اتصل نظير: {0}</translation>
    </message>
    <message>
        <source>Peer left: {0}</source>
        <translation>غادر نظير: {0}</translation>
    </message>
    <message>
        <source>Peer cut off: {0}</source>
        <translation>انقطع نظير: {0}</translation>
    </message>
    <message>
        <source>{0} asks to join the network</source>
        <translation>{0} يطلب الانضمام إلى الشبكة</translation>
    </message>
    <message>
        <source>Peer found on the LAN: {0}</source>
        <translation>عُثر على نظير في الشبكة المحلية: {0}</translation>
    </message>
    <message>
        <source>Peers {0}</source>
        <translation>النظراء {0}</translation>
    </message>
    <message>
        <source> · catching up {0:,}</source>
        <translation> · جارٍ اللحاق {0:,}</translation>
    </message>
    <message>
        <source>Peers</source>
        <translation>النظراء</translation>
    </message>
    <message>
        <source> ({0} asking to join)</source>
        <translation> ({0} يطلب الانضمام)</translation>
    </message>
    <message>
        <source>admit {0} ({1}): fingerprint {2} compared aloud</source>
        <translation>قبول {0} ({1}): قورنت البصمة {2} بصوت عالٍ</translation>
    </message>
    <message>
        <source>proposed: it takes effect once approved (see Approvals)</source>
        <translation>مقترح: يسري بعد الموافقة عليه (انظر الموافقات)</translation>
    </message>
    <message>
        <source>admitted</source>
        <translation>تم القبول</translation>
    </message>
    <message>
        <source>Admitting {0}…</source>
        <translation>جارٍ قبول {0}…</translation>
    </message>
</context>
<context>
    <name>WindowRecords</name>
    <message>
        <source>Dispatch for this request…</source>
        <translation>إرسال لهذا الطلب…</translation>
    </message>
    <message>
        <source>Cancel this request…</source>
        <translation>إلغاء هذا الطلب…</translation>
    </message>
    <message>
        <source>Record delivery…</source>
        <translation>تسجيل التسليم…</translation>
    </message>
    <message>
        <source>Hand over custody…</source>
        <translation>تسليم العهدة…</translation>
    </message>
    <message>
        <source>Report position…</source>
        <translation>الإبلاغ عن الموقع…</translation>
    </message>
    <message>
        <source>Receive more of this item here…</source>
        <translation>استلام المزيد من هذا الصنف هنا…</translation>
    </message>
    <message>
        <source>Dispatch from here…</source>
        <translation>إرسال من هنا…</translation>
    </message>
    <message>
        <source>Distribute…</source>
        <translation>توزيع…</translation>
    </message>
    <message>
        <source>Propose adjustment…</source>
        <translation>اقتراح تعديل…</translation>
    </message>
    <message>
        <source>Decisions on this record:</source>
        <translation>القرارات بشأن هذا القيد:</translation>
    </message>
    <message>
        <source>Lineage of lot {0}:</source>
        <translation>نسب الدفعة {0}:</translation>
    </message>
    <message>
        <source>Record {0}</source>
        <translation>القيد {0}</translation>
    </message>
</context>
<context>
    <name>WindowStatus</name>
    <message>
        <source>not verified this session</source>
        <translation>لم يُتحقق منها في هذه الجلسة</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>للقراءة فقط</translation>
    </message>
    <message>
        <source>Key {0}</source>
        <translation>المفتاح {0}</translation>
    </message>
    <message>
        <source>Network {0} ({1})</source>
        <translation>الشبكة {0} ({1})</translation>
    </message>
    <message>
        <source>Peers 0</source>
        <translation>النظراء 0</translation>
    </message>
    <message>
        <source>Pending approvals 0</source>
        <translation>موافقات معلقة 0</translation>
    </message>
    <message>
        <source>Exercise clock not started</source>
        <translation>لم تبدأ ساعة التمرين بعد</translation>
    </message>
    <message>
        <source>Exercise time {0} (running ×{1})</source>
        <translation>وقت التمرين {0} (يعمل ×{1})</translation>
    </message>
    <message>
        <source>Exercise time {0} (paused)</source>
        <translation>وقت التمرين {0} (متوقف مؤقتًا)</translation>
    </message>
    <message>
        <source>Integrity: {0} · {1:,} entries</source>
        <translation>السلامة: {0} · {1:,} قيد</translation>
    </message>
    <message>
        <source>{0} entries have no effect in the fold ({1}): ledger history, not defects</source>
        <translation>{0} قيود ليس لها أثر في الطي ({1}): تاريخ السجل، وليست عيوبًا</translation>
    </message>
    <message>
        <source>verified OK</source>
        <translation>تم التحقق بنجاح</translation>
    </message>
    <message>
        <source>verified OK, {0} note(s)</source>
        <translation>تم التحقق بنجاح، {0} ملاحظة</translation>
    </message>
    <message>
        <source>{0} DEFECT(S)</source>
        <translation>{0} عيب/عيوب</translation>
    </message>
    <message>
        <source>Also {0} note(s), ledger history rather than defects:</source>
        <translation>أيضًا {0} ملاحظة، من تاريخ السجل لا عيوب:</translation>
    </message>
    <message>
        <source>Replica verification failed</source>
        <translation>فشل التحقق من النسخة</translation>
    </message>
</context>
</TS>
