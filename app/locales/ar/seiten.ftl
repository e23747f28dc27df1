# Chancenkarte – texts of the pages rendered on the server (header, footer, offer details,
# error pages). The tools of network members and editors stay German.

## Every page
seite-zum-inhalt = الانتقال إلى المحتوى
seite-sprache-waehlen = اللغة
seite-anmelden = تسجيل الدخول لأعضاء الشبكة
seite-informationen = معلومات
seite-hilfe = مساعدة
seite-eintragen = طلب إضافة خدمة
seite-barrierefreiheit = إمكانية الوصول
seite-impressum = بيانات الناشر
seite-datenschutz = الخصوصية
seite-offene-daten = البيانات المفتوحة
seite-nur-deutsch = هذه الصفحة متوفرة باللغة الألمانية فقط.

## Not found
seite-nicht-gefunden-titel = الصفحة غير موجودة – Chancenkarte
seite-nicht-gefunden = الصفحة غير موجودة
seite-nicht-gefunden-text = هذا العنوان غير موجود في Chancenkarte (خطأ 404).
seite-zur-karte = الذهاب إلى الخريطة التي تعرض كل الخدمات

## The map page
karte-titel = Chancenkarte – خدمات للأسر والأطفال والشباب
karte-ueberschrift = خدمات للأسر والأطفال والشباب
karte-laedt = جارٍ تحميل الخدمات …
karte-fehler = تعذّر تحميل الخدمات. يُرجى المحاولة مرة أخرى لاحقًا.
karte-demodaten = بيانات تجريبية: كل الخدمات في هذه الصفحة غير حقيقية، وهي للعرض فقط.

## One offer (its page and the map's detail panel)
angebot-demodaten = بيانات تجريبية – ليست خدمة حقيقية
angebot-fuer = الفئة المستهدفة
angebot-themen = المواضيع
angebot-adresse = العنوان
angebot-route = تخطيط الطريق
angebot-adresse-auf-anfrage = العنوان عند الطلب – يرجى الاتصال
angebot-telefon = الهاتف
angebot-email = البريد الإلكتروني
angebot-website = الموقع الإلكتروني
angebot-oeffnungszeiten = أوقات العمل
angebot-nach-vereinbarung = بموعد مسبق
angebot-kosten = التكلفة
angebot-sprachen = اللغات
angebot-barrierefreiheit = إمكانية الوصول
angebot-rollstuhlgerecht = مناسب للكراسي المتحركة
angebot-keine-angabe-barrierefreiheit = لا توجد معلومات عن إمكانية الوصول
angebot-form = طريقة تقديم الخدمة
angebot-zuletzt-geprueft = تم تأكيد البيانات: { $month }
angebot-stand = آخر تحديث { $month }
angebot-freie-plaetze = أماكن شاغرة
angebot-plaetze-ja = نعم
angebot-plaetze-nein = لا
angebot-plaetze-anfrage = عند الطلب
angebot-wartezeit = مدة الانتظار
angebot-wartezeit-wochen = حوالي { $wochen } أسابيع
angebot-geschlossen-bis = مغلق مؤقتًا حتى { $datum }
angebot-veraltet = لم تتم مراجعة هذا الإدخال منذ أكثر من سنتين. يُرجى السؤال لدى الجهة المقدِّمة عمّا إذا كانت الخدمة لا تزال متوفرة بهذا الشكل.
angebot-inhalt-deutsch = وصف هذه الخدمة مكتوب باللغة الألمانية.
tag-mon = الاثنين
tag-tue = الثلاثاء
tag-wed = الأربعاء
tag-thu = الخميس
tag-fri = الجمعة
tag-sat = السبت
tag-sun = الأحد

## Help
hilfe-titel = مساعدة – Chancenkarte
hilfe-ueberschrift = مساعدة: هكذا تجد الخدمة المناسبة
hilfe-filtern = التصفية.
hilfe-filtern-text = يُرجى فتح «الفلاتر»، ثم إدخال عمر طفلك واختيار موضوع ومكانك. يمكنك أيضًا البحث عن كلمة، مثل «Hebamme» (القابلة)، فوصف الخدمات باللغة الألمانية.
hilfe-ansehen = العرض.
hilfe-ansehen-text = تظهر الخدمات المناسبة على الخريطة وفي قائمة النتائج. الرقم على الخريطة يعني: في هذا المكان عدة خدمات. عند النقر عليه تقترب الخريطة. في خانة «بالقرب من» يُرجى إدخال مكانك أو رمزك البريدي؛ عندها تظهر الخدمات الأقرب في الأعلى.
hilfe-oeffnen = الفتح.
hilfe-oeffnen-text = يُرجى النقر على خدمة. سترى العنوان والهاتف وأوقات العمل والتكلفة واللغات. عند النقر على رقم الهاتف تتصل مباشرة. وبزر «تخطيط الطريق» ترى الطريق.
hilfe-weitergeben = الإرسال.
hilfe-weitergeben-text = بزر «مشاركة» ترسل اختيارك إلى الآخرين، وبزر «طباعة» تحصل على قائمة ورقية مع رمز QR.
hilfe-ohne-karte = بدون الخريطة
hilfe-ohne-karte-text = كل الخدمات موجودة أيضًا في قائمة النتائج: على الهاتف في الأسفل فوق الخريطة (للتكبير يُرجى سحبها إلى الأعلى أو النقر عليها)، وعلى الشاشات الكبيرة بجانب الخريطة. تعمل القائمة بلوحة المفاتيح وقارئ الشاشة، وأيضًا بدون JavaScript.
hilfe-fehler = خدمة ناقصة أو معلوماتها غير صحيحة؟
hilfe-fehler-text = في صفحة كل خدمة يمكنك استخدام زر «الإبلاغ عن خطأ». ويمكن للمؤسسات طلب إضافة خدمة جديدة:
hilfe-eintragen = طلب إضافة خدمة
hilfe-sprachen = اللغات
hilfe-sprachen-text = في أعلى كل صفحة تختار اللغة: الألمانية أو الإنجليزية أو التركية أو العربية أو الأوكرانية. تحفظ Chancenkarte اختيارك. أوصاف الخدمات مكتوبة بالألمانية؛ ولبعض الخدمات وصف قصير بلغتك.

## One offer: the quick actions, its page and the link previews
angebot-anrufen = اتصال
angebot-zur-karte = كل الخدمات على الخريطة
angebot-laedt = جارٍ تحميل الخدمة …
angebot-fehler = تعذّر تحميل الخدمة. يُرجى المحاولة مرة أخرى لاحقًا.
angebot-nicht-gefunden-titel = الخدمة غير موجودة – Chancenkarte
angebot-nicht-gefunden = الخدمة غير موجودة
angebot-nicht-gefunden-text = هذه الخدمة غير موجودة أو لم تعد موجودة. ربما تمت أرشفتها.
angebot-vorschau = { $name } – { $organization } في { $town }. خدمة للأسر والأطفال والشباب على Chancenkarte.

## "Fehler melden" below an offer
fehler-melden = الإبلاغ عن خطأ
fehler-melden-was = ما الخطأ في هذه المعلومات؟
fehler-melden-email = بريدك الإلكتروني للاستفسارات (اختياري)
fehler-melden-senden = إرسال البلاغ

## The print view (/drucken)
druck-titel = عرض الطباعة – Chancenkarte
druck-laedt = جارٍ إعداد عرض الطباعة …
druck-fehler = تعذّر إنشاء عرض الطباعة. يُرجى المحاولة مرة أخرى لاحقًا.
druck-zurueck = العودة إلى الخريطة
druck-stand = بتاريخ { $date }
druck-auswahl = الاختيار: { $selection }
druck-alle = كل الخدمات
druck-anzahl = { $count ->
    [0] لم يتم العثور على أي خدمة.
    [one] خدمة واحدة
    [two] خدمتان
    [few] { $count } خدمات
    [many] { $count } خدمة
   *[other] { $count } خدمة
}
druck-orte = في: { $towns }
druck-qr = رمز QR يحتوي على رابط هذا الاختيار
druck-online = هذا الاختيار على الإنترنت:
druck-gekuerzt = طُبعت أول { $shown } خدمة من أصل { $total }. تجد كل الخدمات عبر رمز QR.
druck-inhalt-deutsch = معلومات الخدمات مكتوبة باللغة الألمانية.
druck-telefon = هاتف: { $phone }
druck-oeffnungszeiten = أوقات العمل:
druck-alter = { $age ->
    [one] العمر: سنة واحدة
    [two] العمر: سنتان
    [few] العمر: { $age } سنوات
   *[other] العمر: { $age } سنة
}
druck-lebensphase = مرحلة الحياة: { $phase }
druck-themen = { $count ->
    [one] الموضوع: { $topics }
   *[other] المواضيع: { $topics }
}
druck-ort = المكان: { $place }
druck-suchbegriff = كلمة البحث: «{ $text }»
druck-sprache = اللغة: { $language }
druck-naehe = حسب المسافة من: { $place }
druck-naehe-name = حسب الاسم، مع المسافة من: { $place }
druck-eigener-standort = موقعك
tag-kurz-mon = الاثنين
tag-kurz-tue = الثلاثاء
tag-kurz-wed = الأربعاء
tag-kurz-thu = الخميس
tag-kurz-fri = الجمعة
tag-kurz-sat = السبت
tag-kurz-sun = الأحد

## Previews of shared links (map page)
karte-beschreibung = خدمات للعائلات والأطفال والشباب في { $region }: ابحث واتصل واذهب.
karte-beschreibung-filter = خدمات في { $region } – { $filter }

## Short form of the sign-in link (phone header)
seite-anmelden-kurz = تسجيل الدخول

## The answer after "Fehler melden"
fehler-melden-danke = شكراً! وصل بلاغك إلى فريق التحرير (الرقم ⁦{ $reference }⁩).

## When "Fehler melden" cannot take a report (the German texts are also the API's answers)
fehler-melden-fehlt = يُرجى كتابة ما الخطأ في هذه المعلومات.
fehler-melden-zu-kurz = بلاغك قصير جدًا: يُرجى وصف الخطأ في { $min ->
        [one] حرف واحد
        [two] حرفين
        [few] { $min } أحرف
        [many] { $min } حرفًا
       *[other] { $min } حرف
    } على الأقل.
fehler-melden-zu-lang = بلاغك طويل جدًا (الحد الأقصى { $max ->
        [one] حرف واحد
        [two] حرفان
        [few] { $max } أحرف
        [many] { $max } حرفًا
       *[other] { $max } حرف
    }). يُرجى اختصاره.
fehler-melden-nicht-gespeichert = تعذّر حفظ بلاغك الآن. يُرجى المحاولة مرة أخرى لاحقًا.

## A public form refused (also the German-only listing form and the API's answers)
formular-steuerzeichen = يحتوي النص على رمز تحكّم غير مرئي (مثلًا من جدول منسوخ). يُرجى كتابة النص من جديد.
formular-email-ungueltig = هذا ليس عنوان بريد إلكتروني صالحًا (مثال: ⁦name@example.com⁩).
formular-email-zu-lang = عنوان البريد الإلكتروني طويل جدًا.
formular-email-vor-at-zu-lang = الجزء الذي يسبق علامة ⁦@⁩ طويل جدًا (الحد الأقصى { $max ->
        [one] حرف واحد
        [two] حرفان
        [few] { $max } أحرف
        [many] { $max } حرفًا
       *[other] { $max } حرف
    }).
formular-ausgefuellt = يحتوي النموذج على حقل لا يملؤه البشر. يُرجى إعادة تحميل الصفحة.
formular-zu-schnell = أُرسل النموذج بسرعة كبيرة. يُرجى مراجعة بياناتك وإرساله مرة أخرى.
formular-abgelaufen = انتهت صلاحية النموذج. يُرجى إعادة تحميل الصفحة.
formular-zu-viele-sekunden = وصلت للتو بلاغات كثيرة من اتصالك. يُرجى المحاولة مرة أخرى بعد { $count ->
        [one] ثانية واحدة
        [two] ثانيتين
        [few] { $count } ثوانٍ
        [many] { $count } ثانية
       *[other] { $count } ثانية
    }.
formular-zu-viele-minuten = وصلت للتو بلاغات كثيرة من اتصالك. يُرجى المحاولة مرة أخرى بعد { $count ->
        [one] دقيقة واحدة
        [two] دقيقتين
        [few] { $count } دقائق
        [many] { $count } دقيقة
       *[other] { $count } دقيقة
    }.

## The editors' overview /redaktion and the editors' menu.
konto-redaktion-offen = { $count ->
        [one] طلب مفتوح
        [two] طلبان مفتوحان
        [few] طلبات مفتوحة
       *[other] طلبًا مفتوحًا
    }
redaktion-anfragen-titel = طلبات جديدة ({ $count })
redaktion-keine-anfragen = لا توجد طلبات مفتوحة.
redaktion-entschieden = طلبات بُتّ فيها مؤخرًا ({ $count })
redaktion-faellig-titel = مستحقة للمراجعة
redaktion-faellig-hinweis = لم تُراجع منذ أكثر من { $monate } شهرًا، الأقدم أولًا.
redaktion-faellig-anzahl = { $count ->
        [zero] لا توجد عروض مستحقة
        [one] عرض واحد مستحق
        [two] عرضان مستحقان
        [few] { $count } عروض مستحقة
        [many] { $count } عرضًا مستحقًا
       *[other] { $count } عرض مستحق
    }
redaktion-faellig-fehlt = تعذّرت قراءة العروض المستحقة للمراجعة الآن. يُرجى إعادة تحميل الصفحة.
redaktion-filter-ort = المكان
redaktion-filter-alle-orte = كل الأماكن
redaktion-filter-thema = الموضوع
redaktion-filter-alle-themen = كل المواضيع
redaktion-filter-anwenden = عرض
redaktion-filter-zuruecksetzen = عرض كل العروض المستحقة
redaktion-nach-ort = العروض المستحقة حسب المكان
redaktion-spalte-ort = المكان
redaktion-spalte-anzahl = العروض
redaktion-zuletzt-geprueft = آخر مراجعة { $datum }
redaktion-keine-faelligen = لا توجد عروض مستحقة لهذا الاختيار.
redaktion-seiten = صفحات العروض المستحقة
redaktion-seite = الصفحة { $seite }
redaktion-seite-von = الصفحة { $seite } من { $seiten }
redaktion-zurueck = الصفحة السابقة
redaktion-weiter = الصفحة التالية
redaktion-archiv-titel = العروض المؤرشفة ({ $count })
redaktion-keine-archivierten = لا توجد عروض مؤرشفة.
redaktion-fehler-ort = لا يوجد هنا مكان بالمفتاح „{ $wert }“. يُرجى اختيار مكان من القائمة.
redaktion-fehler-thema = لا يوجد موضوع „{ $wert }“. يُرجى اختيار موضوع من القائمة.
redaktion-fehler-seite = „{ $wert }“ ليس رقم صفحة. تبدأ الصفحات من 1.
redaktion-fehler-seite-fehlt = لا توجد صفحة { $wert }: عدد صفحات هذا الاختيار { $seiten }.
redaktion-fehler-doppelt = لا يجوز ذكر „{ $wert }“ إلا مرة واحدة.
redaktion-fehler-parameter = هذه الصفحة لا تعرف „{ $wert }“.

## Merkliste (/auswahl) and the Familienmappe
auswahl-kopf = المحفوظات
auswahl-titel = الخدمات المحفوظة
auswahl-laedt = جارٍ تحميل الخدمات المحفوظة …
auswahl-fehler = تعذّر تحميل الخدمات المحفوظة. يرجى المحاولة لاحقًا.
auswahl-ungueltig = عنوان هذه القائمة غير صالح
auswahl-einleitung = الخدمات التي حفظتها. تُحفظ القائمة على هذا الجهاز فقط – دون حساب ودون ملفات تعريف الارتباط. افتحها على جهاز آخر عبر «مشاركة الرابط».
auswahl-fremd = هذه القائمة ليست القائمة المحفوظة على هذا الجهاز.
auswahl-uebernehmen = إضافتها إلى قائمة هذا الجهاز
auswahl-leer = لم تحفظ أي خدمة بعد. اضغط على «حفظ» عند إحدى الخدمات.
auswahl-link-teilen = مشاركة الرابط
auswahl-zum-angebot = فتح الخدمة
auswahl-entfernen = إزالة
auswahl-nicht-verfuegbar = الخدمة رقم { $id } لم تعد متاحة.
auswahl-adresse-auf-anfrage = العنوان عند الطلب
druck-merkliste = الخدمات المحفوظة
mappe-titel = خدمات لعائلتك
mappe-ort = المكان:
mappe-qr = رمز QR برابط هذه الخدمة
mappe-deutsch = الأوصاف باللغة الألمانية حيث لا توجد ترجمة.
mappe-fuss = جميع المعلومات دون ضمان. تجد أحدث المعلومات عبر رمز QR.
