# Chancenkarte – texts of the map explorer (filters, map, results sheet). The browser receives
# these in the active language. Arguments: { $count } is a number (plural forms), everything
# else is text. Offer names and places stay as they are.

## Filters
karte-filter = Фільтри
karte-filter-aktiv = { $count ->
    [one] Фільтри ({ $count })
    [few] Фільтри ({ $count })
    [many] Фільтри ({ $count })
   *[other] Фільтри ({ $count })
}
karte-alter = Вік дитини (у роках)
karte-lebensphase = Етап життя
karte-alle = усі
karte-themen = Теми
karte-thema-anzahl = { $count ->
    [one] { $count } пропозиція
    [few] { $count } пропозиції
    [many] { $count } пропозицій
   *[other] { $count } пропозиції
}
karte-ort = Населений пункт
karte-alle-orte = усі населені пункти
karte-naehe = Поблизу (населений пункт або поштовий індекс)
karte-naehe-hinweis = Спочатку найближчі пропозиції, з відстанню.
karte-standort = Використати моє місцезнаходження
karte-standort-unmoeglich = Ваш пристрій не може визначити місцезнаходження. Будь ласка, введіть населений пункт або поштовий індекс.
karte-standort-suche = Визначаємо місцезнаходження …
karte-standort-fehlt = Місцезнаходження недоступне (не дозволено або не знайдено). Будь ласка, введіть населений пункт або поштовий індекс.
karte-sortierung = Сортування, якщо вказано населений пункт
karte-nach-entfernung = за відстанню
karte-nach-name = за назвою
karte-suchbegriff = Пошуковий запит
karte-sprache = Мова пропозиції
karte-alle-sprachen = усі мови
karte-nur-kostenlos = лише безкоштовні пропозиції
karte-nur-rollstuhl = лише пропозиції, доступні для візка
karte-nur-freie-plaetze = лише з вільними місцями
karte-ergebnisse-anzeigen = Показати результати ({ $count })
karte-ergebnisse-zeigen = Показати результати
karte-zuruecksetzen = Скинути фільтри

## Notices about the address (query) of the page
karte-hinweis-alter = Вік «{ $value }» не враховано: будь ласка, вкажіть ціле число від 0 до 26.
karte-hinweis-phase = Етапу життя «{ $value }» не існує, його не враховано.
karte-hinweis-thema = Теми «{ $value }» не існує, її не враховано.
karte-hinweis-ort = Населеного пункту «{ $value }» тут немає; його не враховано.
karte-hinweis-sortierung = Сортування «{ $value }» не існує (можливо: name, entfernung); його не враховано.
karte-hinweis-kostenlos = «{ $value }» — недійсне значення для «kostenlos» (безкоштовно), його не враховано.
karte-hinweis-barrierefrei = «{ $value }» — недійсне значення для «barrierefrei» (безбар’єрно), його не враховано.
karte-hinweis-sprache = Мова «{ $value }» невідома, її не враховано.
karte-hinweis-angebot = «{ $value }» — недійсний номер пропозиції, його не враховано.
karte-hinweis-seite = Сторінки «{ $value }» не існує; показано першу.
karte-hinweis-unbekannt = Параметр «{ $key }» невідомий, його не враховано.
karte-ort-unbekannt = Ми не знаємо населеного пункту «{ $place }» у Kreis Coesfeld, тому пропозиції не впорядковано за відстанню. Будь ласка, виберіть населений пункт зі списку або введіть поштовий індекс.

## Result count (read out by screen readers after each change)
karte-keine = Пропозицій не знайдено.
karte-angebote-laden = Завантажуємо пропозиції …
karte-angebote-fehlen = Не вдалося завантажити пропозиції. Перевірте з’єднання; сторінка пробує далі.
karte-gefunden = { $count ->
    [one] Знайдено { $count } пропозицію
    [few] Знайдено { $count } пропозиції
    [many] Знайдено { $count } пропозицій
   *[other] Знайдено { $count } пропозиції
}
karte-gefunden-naechste = { $count ->
    [one] Знайдено { $count } пропозицію, спочатку найближчі (відстань від: { $origin })
    [few] Знайдено { $count } пропозиції, спочатку найближчі (відстань від: { $origin })
    [many] Знайдено { $count } пропозицій, спочатку найближчі (відстань від: { $origin })
   *[other] Знайдено { $count } пропозиції, спочатку найближчі (відстань від: { $origin })
}
karte-gefunden-name = { $count ->
    [one] Знайдено { $count } пропозицію, за назвою, з відстанню (від: { $origin })
    [few] Знайдено { $count } пропозиції, за назвою, з відстанню (від: { $origin })
    [many] Знайдено { $count } пропозицій, за назвою, з відстанню (від: { $origin })
   *[other] Знайдено { $count } пропозиції, за назвою, з відстанню (від: { $origin })
}
karte-eigener-standort = Ваше місцезнаходження

## Results sheet and list
karte-ergebnisse = Результати
karte-sheet-auf = Розгорнути список результатів
karte-sheet-ganz = Розгорнути список результатів повністю
karte-sheet-zu = Згорнути список результатів
karte-liste = Пропозиції списком
karte-nur-ausschnitt = Лише пропозиції у видимій частині карти
karte-in-der-liste = { $count ->
    [one] ({ $count } у списку)
    [few] ({ $count } у списку)
    [many] ({ $count } у списку)
   *[other] ({ $count } у списку)
}
karte-entfernt = Відстань: { $distance }
karte-auf-karte = Показати на карті
karte-auf-karte-name = Показати на карті: { $name }
karte-seiten = Сторінки списку
karte-vorherige = ← попередня сторінка
karte-naechste = наступна сторінка →
karte-seite-von = Сторінка { $page } з { $pages }
karte-drucken = Друкувати
karte-teilen = Поділитися
karte-kopiert = Посилання скопійовано.
karte-kopieren-unmoeglich = Скопіювати не вдалося – будь ласка, скопіюйте адресу з адресного рядка.

## Map and detail panel
karte-karte = Карта пропозицій; ті самі пропозиції є у списку результатів.
karte-gruppe = { $count ->
    [one] { $count } пропозиція – збільште масштаб
    [few] { $count } пропозиції – збільште масштаб
    [many] { $count } пропозицій – збільште масштаб
   *[other] { $count } пропозиції – збільште масштаб
}
karte-gruppe-in = { $count ->
    [one] { $count } пропозиція в { $place } – збільште масштаб
    [few] { $count } пропозиції в { $place } – збільште масштаб
    [many] { $count } пропозицій в { $place } – збільште масштаб
   *[other] { $count } пропозиції в { $place } – збільште масштаб
}
karte-gruppe-umgebung = { $count ->
    [one] { $count } пропозиція в { $place } та околицях – збільште масштаб
    [few] { $count } пропозиції в { $place } та околицях – збільште масштаб
    [many] { $count } пропозицій в { $place } та околицях – збільште масштаб
   *[other] { $count } пропозиції в { $place } та околицях – збільште масштаб
}
karte-details = Докладно про пропозицію
karte-details-schliessen = Закрити подробиці
karte-eigene-seite = Окрема сторінка цієї пропозиції
karte-angebot-fehlt = Цієї пропозиції не існує або вона більше не діє.

## Topics
thema-fruehe-hilfen = Рання допомога сім’ям з немовлятами
thema-kita-betreuung = Kita та догляд за дітьми
thema-familienbildung = Навчання для сімей
thema-beratung = Консультації
thema-gesundheit = Здоров’я
thema-bildung-schule = Освіта та школа
thema-sprache-integration = Мова та інтеграція
thema-ausbildung-beruf = Професійне навчання та робота
thema-freizeit-sport = Дозвілля та спорт
thema-finanzielle-hilfen = Фінансова допомога
thema-behinderung-inklusion = Інвалідність та інклюзія

## Life phases
phase-schwangerschaft = Вагітність
phase-0-3 = 0–3 роки
phase-3-6 = 3–6 років
phase-6-10 = 6–10 років
phase-10-14 = 10–14 років
phase-14-18 = 14–18 років
phase-18-21 = 18–21 рік
phase-21-27 = 21–27 років
phase-eltern = Батьки

## Languages an offer is available in
sprache-de = Німецька
sprache-en = Англійська
sprache-tr = Турецька
sprache-ar = Арабська
sprache-ru = Російська
sprache-uk = Українська
sprache-pl = Польська
sprache-ro = Румунська
sprache-fa = Перська (фарсі)
sprache-ku = Курдська
sprache-ti = Тигринья
sprache-fr = Французька
sprache-dgs = Німецька жестова мова

## Cost and delivery
kosten-kostenlos = безкоштовно
kosten-ermaessigt = зі знижкою / залежно від доходу
kosten-kostenpflichtig = платно
form-vor-ort = на місці
form-aufsuchend = з виїздом (приходять до Вас)
form-online = онлайн
form-telefonisch = по телефону

## Search bar, chips, result cards and groups
karte-was = Що?
karte-was-platzhalter = напр. акушерка
karte-wo = Де?
karte-wo-platzhalter = Місто, індекс
karte-suchen = Шукати
karte-aktive-filter = Активні фільтри
karte-filter-entfernen = Прибрати фільтр: { $label }
karte-chip-suche = «{ $text }»
karte-chip-bei = поблизу { $place }
karte-chip-alter = { $count ->
    [one] { $count } рік
    [few] { $count } роки
    [many] { $count } років
   *[other] { $count } року
}
karte-chip-sprache = Мова: { $language }
karte-chip-kostenlos = безкоштовно
karte-chip-barrierefrei = доступно для візка
karte-chip-freie-plaetze = вільні місця
karte-ausgangspunkt = Початкова точка: { $place }
karte-gruppe-liste = { $count ->
    [one] { $count } пропозиція в цьому місці
    [few] { $count } пропозиції в цьому місці
    [many] { $count } пропозицій у цьому місці
   *[other] { $count } пропозиції в цьому місці
}
karte-gruppe-schliessen = Закрити список
karte-anrufen = Зателефонувати
karte-anrufen-name = Зателефонувати: { $name }, { $phone }
karte-route = Маршрут
karte-route-name = Маршрут до { $name }
karte-teilen-name = Поділитися: { $name }
karte-sprachen = Мови: { $languages }
karte-keine-tipp = Спробуйте інше слово або приберіть фільтр.

## Today's opening hours on the result cards, and "open now" (public and school holidays
## considered). { $hours }: "09:00–12:00, 14:00–16:00"; { $name }: a feiertag-… message.
heute-offen = сьогодні { $hours }
heute-geschlossen = сьогодні зачинено
heute-feiertag = сьогодні зачинено – державне свято ({ $name })
heute-schulferien = сьогодні зачинено – шкільні канікули
heute-nach-vereinbarung = за домовленістю
karte-jetzt-offen = Відкрито зараз
karte-chip-jetzt = відкрито зараз
karte-hinweis-jetzt = «{ $value }» — недійсне значення для «jetzt» (відкрито зараз), його не враховано.
karte-schulferien-geschlossen = Під час шкільних канікул зачинено.
feiertag-neujahr = Новий рік
feiertag-karfreitag = Страсна п’ятниця
feiertag-ostermontag = Великодній понеділок
feiertag-tag-der-arbeit = День праці
feiertag-himmelfahrt = Вознесіння Господнє
feiertag-pfingstmontag = Духів день (понеділок після Трійці)
feiertag-fronleichnam = Свято Тіла і Крові Христових
feiertag-deutsche-einheit = День єдності Німеччини
feiertag-allerheiligen = День усіх святих
feiertag-weihnachtstag-1 = Перший день Різдва
feiertag-weihnachtstag-2 = Другий день Різдва
karte-mein-standort = Моє місцезнаходження
karte-meinten-sie = Можливо, ви мали на увазі:
karte-ohne = { $count ->
    [one] Без «{ $filter }»: { $count } пропозиція
    [few] Без «{ $filter }»: { $count } пропозиції
    [many] Без «{ $filter }»: { $count } пропозицій
   *[other] Без «{ $filter }»: { $count } пропозиції
}
karte-gruppe-stelle = { $count ->
    [one] { $count } пропозиція в одному місці, { $place } – відкрити список
    [few] { $count } пропозиції в одному місці, { $place } – відкрити список
    [many] { $count } пропозицій в одному місці, { $place } – відкрити список
   *[other] { $count } пропозиції в одному місці, { $place } – відкрити список
}

## Merkliste (the offer cards and the detail panel)
karte-merken = Зберегти
karte-gemerkt = Збережено
