# Chancenkarte – texts of the map explorer (filters, map, results sheet). The browser receives
# these in the active language. Arguments: { $count } is a number (plural forms), everything
# else is text. Offer names and places stay as they are.

## Filters
karte-filter = الفلاتر
karte-filter-aktiv = { $count ->
    [zero] الفلاتر ({ $count })
    [one] الفلاتر ({ $count })
    [two] الفلاتر ({ $count })
    [few] الفلاتر ({ $count })
    [many] الفلاتر ({ $count })
   *[other] الفلاتر ({ $count })
}
karte-alter = عمر الطفل (بالسنوات)
karte-lebensphase = مرحلة الحياة
karte-alle = الكل
karte-themen = المواضيع
karte-thema-anzahl = { $count ->
    [zero] { $count } خدمة
    [one] { $count } خدمة
    [two] { $count } خدمتان
    [few] { $count } خدمات
    [many] { $count } خدمة
   *[other] { $count } خدمة
}
karte-ort = المكان
karte-alle-orte = كل الأماكن
karte-naehe = بالقرب من (مكان أو رمز بريدي)
karte-naehe-hinweis = الخدمات الأقرب أولاً، مع المسافة.
karte-standort = استخدام موقعي
karte-standort-unmoeglich = لا يستطيع جهازك تحديد الموقع. يُرجى إدخال مكان أو رمز بريدي.
karte-standort-suche = جارٍ تحديد الموقع …
karte-standort-fehlt = الموقع غير متاح (غير مسموح به أو لم يُعثر عليه). يُرجى إدخال مكان أو رمز بريدي.
karte-sortierung = الترتيب عند إدخال مكان
karte-nach-entfernung = حسب المسافة
karte-nach-name = حسب الاسم
karte-suchbegriff = كلمة البحث
karte-sprache = لغة الخدمة
karte-alle-sprachen = كل اللغات
karte-nur-kostenlos = الخدمات المجانية فقط
karte-nur-rollstuhl = الخدمات المناسبة للكراسي المتحركة فقط
karte-nur-freie-plaetze = فقط مع أماكن شاغرة
karte-ergebnisse-anzeigen = عرض النتائج ({ $count })
karte-ergebnisse-zeigen = عرض النتائج
karte-zuruecksetzen = إعادة ضبط الفلاتر

## Notices about the address (query) of the page
karte-hinweis-alter = تم تجاهل العمر «{ $value }»: يُرجى إدخال عدد صحيح من 0 إلى 26.
karte-hinweis-phase = مرحلة الحياة «{ $value }» غير موجودة، وتم تجاهلها.
karte-hinweis-thema = الموضوع «{ $value }» غير موجود، وتم تجاهله.
karte-hinweis-ort = المكان «{ $value }» غير موجود هنا، وتم تجاهله.
karte-hinweis-sortierung = طريقة الترتيب «{ $value }» غير موجودة (الممكن: name, entfernung)، وتم تجاهلها.
karte-hinweis-kostenlos = «{ $value }» ليست قيمة صالحة لـ «kostenlos» (مجاني)، وتم تجاهلها.
karte-hinweis-barrierefrei = «{ $value }» ليست قيمة صالحة لـ «barrierefrei» (خالٍ من العوائق)، وتم تجاهلها.
karte-hinweis-sprache = اللغة «{ $value }» غير معروفة، وتم تجاهلها.
karte-hinweis-angebot = «{ $value }» ليس رقم خدمة صالحًا، وتم تجاهله.
karte-hinweis-seite = الصفحة «{ $value }» غير موجودة؛ تُعرض الصفحة الأولى.
karte-hinweis-unbekannt = المُعامل «{ $key }» غير معروف، وتم تجاهله.
karte-ort-unbekannt = لا نعرف المكان «{ $place }» في Kreis Coesfeld، لذلك لم تُرتَّب الخدمات حسب المسافة. يُرجى اختيار مكان من القائمة أو إدخال رمز بريدي.

## Result count (read out by screen readers after each change)
karte-keine = لم يتم العثور على أي خدمات.
karte-angebote-laden = جارٍ تحميل الخدمات …
karte-angebote-fehlen = تعذّر تحميل الخدمات. يُرجى التحقق من الاتصال؛ ستواصل الصفحة المحاولة.
karte-gefunden = { $count ->
    [zero] لم يتم العثور على أي خدمة ({ $count })
    [one] تم العثور على { $count } خدمة
    [two] تم العثور على { $count } خدمتين
    [few] تم العثور على { $count } خدمات
    [many] تم العثور على { $count } خدمة
   *[other] تم العثور على { $count } خدمة
}
karte-gefunden-naechste = { $count ->
    [zero] لم يتم العثور على أي خدمة ({ $count })، الأقرب أولاً (المسافة من: { $origin })
    [one] تم العثور على { $count } خدمة، الأقرب أولاً (المسافة من: { $origin })
    [two] تم العثور على { $count } خدمتين، الأقرب أولاً (المسافة من: { $origin })
    [few] تم العثور على { $count } خدمات، الأقرب أولاً (المسافة من: { $origin })
    [many] تم العثور على { $count } خدمة، الأقرب أولاً (المسافة من: { $origin })
   *[other] تم العثور على { $count } خدمة، الأقرب أولاً (المسافة من: { $origin })
}
karte-gefunden-name = { $count ->
    [zero] لم يتم العثور على أي خدمة ({ $count })، حسب الاسم، مع المسافة من: { $origin }
    [one] تم العثور على { $count } خدمة، حسب الاسم، مع المسافة من: { $origin }
    [two] تم العثور على { $count } خدمتين، حسب الاسم، مع المسافة من: { $origin }
    [few] تم العثور على { $count } خدمات، حسب الاسم، مع المسافة من: { $origin }
    [many] تم العثور على { $count } خدمة، حسب الاسم، مع المسافة من: { $origin }
   *[other] تم العثور على { $count } خدمة، حسب الاسم، مع المسافة من: { $origin }
}
karte-eigener-standort = موقعك

## Results sheet and list
karte-ergebnisse = النتائج
karte-sheet-auf = فتح قائمة النتائج
karte-sheet-ganz = فتح قائمة النتائج بالكامل
karte-sheet-zu = طيّ قائمة النتائج
karte-liste = الخدمات في قائمة
karte-nur-ausschnitt = الخدمات في الجزء الظاهر من الخريطة فقط
karte-in-der-liste = { $count ->
    [zero] ({ $count } في القائمة)
    [one] ({ $count } في القائمة)
    [two] ({ $count } في القائمة)
    [few] ({ $count } في القائمة)
    [many] ({ $count } في القائمة)
   *[other] ({ $count } في القائمة)
}
karte-entfernt = على بُعد { $distance }
karte-auf-karte = عرض على الخريطة
karte-auf-karte-name = عرض على الخريطة: { $name }
karte-seiten = صفحات القائمة
karte-vorherige = → الصفحة السابقة
karte-naechste = الصفحة التالية ←
karte-seite-von = الصفحة { $page } من { $pages }
karte-drucken = طباعة
karte-teilen = مشاركة
karte-kopiert = تم نسخ الرابط.
karte-kopieren-unmoeglich = تعذّر النسخ – يُرجى نسخ العنوان من شريط العنوان.

## Map and detail panel
karte-karte = خريطة الخدمات؛ الخدمات نفسها موجودة في قائمة النتائج.
karte-gruppe = { $count ->
    [zero] { $count } خدمة – تكبير
    [one] { $count } خدمة – تكبير
    [two] { $count } خدمتان – تكبير
    [few] { $count } خدمات – تكبير
    [many] { $count } خدمة – تكبير
   *[other] { $count } خدمة – تكبير
}
karte-gruppe-in = { $count ->
    [zero] { $count } خدمة في { $place } – تكبير
    [one] { $count } خدمة في { $place } – تكبير
    [two] { $count } خدمتان في { $place } – تكبير
    [few] { $count } خدمات في { $place } – تكبير
    [many] { $count } خدمة في { $place } – تكبير
   *[other] { $count } خدمة في { $place } – تكبير
}
karte-gruppe-umgebung = { $count ->
    [zero] { $count } خدمة في { $place } وما حولها – تكبير
    [one] { $count } خدمة في { $place } وما حولها – تكبير
    [two] { $count } خدمتان في { $place } وما حولها – تكبير
    [few] { $count } خدمات في { $place } وما حولها – تكبير
    [many] { $count } خدمة في { $place } وما حولها – تكبير
   *[other] { $count } خدمة في { $place } وما حولها – تكبير
}
karte-details = تفاصيل الخدمة
karte-details-schliessen = إغلاق التفاصيل
karte-eigene-seite = الصفحة الخاصة بهذه الخدمة
karte-angebot-fehlt = هذه الخدمة غير موجودة أو لم تعد متوفرة.

## Topics
thema-fruehe-hilfen = الدعم المبكر للأسر التي لديها رُضّع
thema-kita-betreuung = Kita ورعاية الأطفال
thema-familienbildung = التثقيف الأسري
thema-beratung = الاستشارات
thema-gesundheit = الصحة
thema-bildung-schule = التعليم والمدرسة
thema-sprache-integration = اللغة والاندماج
thema-ausbildung-beruf = التدريب المهني والعمل
thema-freizeit-sport = أوقات الفراغ والرياضة
thema-finanzielle-hilfen = المساعدات المالية
thema-behinderung-inklusion = الإعاقة والدمج

## Life phases
phase-schwangerschaft = الحمل
phase-0-3 = 0–3 سنوات
phase-3-6 = 3–6 سنوات
phase-6-10 = 6–10 سنوات
phase-10-14 = 10–14 سنة
phase-14-18 = 14–18 سنة
phase-18-21 = 18–21 سنة
phase-21-27 = 21–27 سنة
phase-eltern = الوالدان

## Languages an offer is available in
sprache-de = الألمانية
sprache-en = الإنجليزية
sprache-tr = التركية
sprache-ar = العربية
sprache-ru = الروسية
sprache-uk = الأوكرانية
sprache-pl = البولندية
sprache-ro = الرومانية
sprache-fa = الفارسية
sprache-ku = الكردية
sprache-ti = التغرينية
sprache-fr = الفرنسية
sprache-dgs = لغة الإشارة الألمانية

## Cost and delivery
kosten-kostenlos = مجاني
kosten-ermaessigt = مخفّض / حسب الدخل
kosten-kostenpflichtig = برسوم
form-vor-ort = حضوريًا
form-aufsuchend = متنقّل (يأتي إليك)
form-online = عبر الإنترنت
form-telefonisch = عبر الهاتف

## Search bar, chips, result cards and groups
karte-was = ماذا؟
karte-was-platzhalter = مثلاً: قابلة
karte-wo = أين؟
karte-wo-platzhalter = مدينة، رمز بريدي
karte-suchen = بحث
karte-aktive-filter = عوامل التصفية النشطة
karte-filter-entfernen = إزالة عامل التصفية: { $label }
karte-chip-suche = «{ $text }»
karte-chip-bei = بالقرب من { $place }
karte-chip-alter = { $count ->
    [zero] { $count } سنة
    [one] سنة واحدة
    [two] سنتان
    [few] { $count } سنوات
    [many] { $count } سنة
   *[other] { $count } سنة
}
karte-chip-sprache = اللغة: { $language }
karte-chip-kostenlos = مجاني
karte-chip-barrierefrei = مناسب للكراسي المتحركة
karte-chip-freie-plaetze = أماكن شاغرة
karte-ausgangspunkt = نقطة الانطلاق: { $place }
karte-gruppe-liste = { $count ->
    [zero] لا توجد خدمات في هذا المكان
    [one] خدمة واحدة في هذا المكان
    [two] خدمتان في هذا المكان
    [few] { $count } خدمات في هذا المكان
    [many] { $count } خدمة في هذا المكان
   *[other] { $count } خدمة في هذا المكان
}
karte-gruppe-schliessen = إغلاق القائمة
karte-anrufen = اتصال
karte-anrufen-name = الاتصال بـ { $name }: { $phone }
karte-route = الطريق
karte-route-name = الطريق إلى { $name }
karte-teilen-name = مشاركة { $name }
karte-sprachen = اللغات: { $languages }
karte-keine-tipp = جرّب كلمة أخرى أو أزل أحد عوامل التصفية.

## Today's opening hours on the result cards, and "open now" (public and school holidays
## considered). { $hours }: "09:00–12:00, 14:00–16:00"; { $name }: a feiertag-… message.
## The times are isolated left to right (U+2066 … U+2069), as the printed hours are.
heute-offen = اليوم { "\u2066" }{ $hours }{ "\u2069" }
heute-geschlossen = مغلق اليوم
heute-feiertag = مغلق اليوم – عطلة رسمية ({ $name })
heute-schulferien = مغلق اليوم – عطلة مدرسية
heute-nach-vereinbarung = بموعد مسبق
karte-jetzt-offen = مفتوح الآن
karte-chip-jetzt = مفتوح الآن
karte-hinweis-jetzt = «{ $value }» ليست قيمة صالحة لـ «jetzt» (مفتوح الآن)، وتم تجاهلها.
karte-schulferien-geschlossen = مغلق خلال العطل المدرسية.
feiertag-neujahr = رأس السنة الميلادية
feiertag-karfreitag = الجمعة العظيمة
feiertag-ostermontag = اثنين الفصح
feiertag-tag-der-arbeit = عيد العمال
feiertag-himmelfahrt = عيد الصعود
feiertag-pfingstmontag = اثنين العنصرة
feiertag-fronleichnam = عيد القربان المقدس
feiertag-deutsche-einheit = يوم الوحدة الألمانية
feiertag-allerheiligen = عيد جميع القديسين
feiertag-weihnachtstag-1 = اليوم الأول من عيد الميلاد
feiertag-weihnachtstag-2 = اليوم الثاني من عيد الميلاد
karte-mein-standort = موقعي
karte-meinten-sie = هل تقصد:
karte-ohne = { $count ->
    [zero] بدون { $filter }: لا توجد خدمات
    [one] بدون { $filter }: خدمة واحدة
    [two] بدون { $filter }: خدمتان
    [few] بدون { $filter }: { $count } خدمات
    [many] بدون { $filter }: { $count } خدمة
   *[other] بدون { $filter }: { $count } خدمة
}
karte-gruppe-stelle = { $count ->
    [zero] لا توجد خدمات في مكان واحد في { $place } – افتح القائمة
    [one] خدمة واحدة في مكان واحد في { $place } – افتح القائمة
    [two] خدمتان في مكان واحد في { $place } – افتح القائمة
    [few] { $count } خدمات في مكان واحد في { $place } – افتح القائمة
    [many] { $count } خدمة في مكان واحد في { $place } – افتح القائمة
   *[other] { $count } خدمة في مكان واحد في { $place } – افتح القائمة
}

## Merkliste (the offer cards and the detail panel)
karte-merken = حفظ
karte-gemerkt = محفوظ
