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
hilfe-fehler-text = في صفحة كل خدمة يمكنك استخدام زر «Fehler melden» (الإبلاغ عن خطأ). ويمكن للمؤسسات طلب إضافة خدمة جديدة:
hilfe-eintragen = طلب إضافة خدمة
hilfe-sprachen = اللغات
hilfe-sprachen-text = في أعلى كل صفحة تختار اللغة: الألمانية أو الإنجليزية أو التركية أو العربية أو الأوكرانية. تحفظ Chancenkarte اختيارك. أوصاف الخدمات مكتوبة بالألمانية؛ ولبعض الخدمات وصف قصير بلغتك.
