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
angebot-zuletzt-geprueft = آخر مراجعة: { $month }
angebot-veraltet = لم تتم مراجعة هذا الإدخال منذ أكثر من سنتين. يُرجى السؤال لدى الجهة المقدِّمة عمّا إذا كانت الخدمة لا تزال متوفرة بهذا الشكل.
angebot-inhalt-deutsch = وصف هذه الخدمة مكتوب باللغة الألمانية.
tag-mon = الاثنين
tag-tue = الثلاثاء
tag-wed = الأربعاء
tag-thu = الخميس
tag-fri = الجمعة
tag-sat = السبت
tag-sun = الأحد
