# Chancenkarte – texts of the pages rendered on the server (header, footer, offer details,
# error pages). The tools of network members and editors stay German.

## Every page
seite-zum-inhalt = Перейти до вмісту
seite-sprache-waehlen = Мова
seite-anmelden = Вхід для учасників мережі
seite-informationen = Інформація
seite-hilfe = Допомога
seite-eintragen = Додати свою пропозицію
seite-barrierefreiheit = Доступність
seite-impressum = Вихідні дані
seite-datenschutz = Конфіденційність
seite-offene-daten = Відкриті дані
seite-nur-deutsch = Ця сторінка доступна лише німецькою мовою.

## Not found
seite-nicht-gefunden-titel = Сторінку не знайдено – Chancenkarte
seite-nicht-gefunden = Сторінку не знайдено
seite-nicht-gefunden-text = Такої адреси в Chancenkarte немає (помилка 404).
seite-zur-karte = До карти з усіма пропозиціями

## The map page
karte-titel = Chancenkarte – пропозиції для сімей, дітей і молоді
karte-ueberschrift = Пропозиції для сімей, дітей і молоді
karte-laedt = Завантажуємо пропозиції …
karte-fehler = Не вдалося завантажити пропозиції. Будь ласка, спробуйте пізніше.
karte-demodaten = Демонстраційні дані: усі пропозиції на цій сторінці вигадані й призначені лише для демонстрації.

## One offer (its page and the map's detail panel)
angebot-demodaten = Демонстраційні дані – не справжня пропозиція
angebot-fuer = Для кого
angebot-themen = Теми
angebot-adresse = Адреса
angebot-route = Прокласти маршрут
angebot-adresse-auf-anfrage = Адреса на запит – будь ласка, зателефонуйте
angebot-telefon = Телефон
angebot-email = Електронна пошта
angebot-website = Вебсайт
angebot-oeffnungszeiten = Години роботи
angebot-nach-vereinbarung = за домовленістю
angebot-kosten = Вартість
angebot-sprachen = Мови
angebot-barrierefreiheit = Доступність
angebot-rollstuhlgerecht = доступно для візка
angebot-keine-angabe-barrierefreiheit = немає даних про доступність
angebot-form = Формат
angebot-zuletzt-geprueft = Дані підтверджено: { $month }
angebot-stand = станом на { $month }
angebot-freie-plaetze = Вільні місця
angebot-plaetze-ja = так
angebot-plaetze-nein = ні
angebot-plaetze-anfrage = за запитом
angebot-wartezeit = Час очікування
angebot-wartezeit-wochen = близько { $wochen } тижн.
angebot-geschlossen-bis = Тимчасово зачинено до { $datum }
angebot-veraltet = Цей запис не перевіряли понад два роки. Будь ласка, уточніть у тих, хто надає пропозицію, чи вона ще діє в такому вигляді.
angebot-inhalt-deutsch = Опис цієї пропозиції — німецькою мовою.
tag-mon = Понеділок
tag-tue = Вівторок
tag-wed = Середа
tag-thu = Четвер
tag-fri = П’ятниця
tag-sat = Субота
tag-sun = Неділя

## Help
hilfe-titel = Допомога – Chancenkarte
hilfe-ueberschrift = Допомога: як знайти пропозицію
hilfe-filtern = Відфільтруйте.
hilfe-filtern-text = Відкрийте «Фільтри». Вкажіть вік Вашої дитини, виберіть тему та свій населений пункт. Можна також шукати за словом, наприклад «Hebamme» (акушерка): пропозиції описані німецькою.
hilfe-ansehen = Перегляньте.
hilfe-ansehen-text = Відповідні пропозиції є на карті та у списку результатів. Число на карті означає: у цьому місці є кілька пропозицій. Торкніться його, і карта наблизиться. У полі «Поблизу» введіть свій населений пункт або поштовий індекс; тоді найближчі пропозиції будуть угорі.
hilfe-oeffnen = Відкрийте.
hilfe-oeffnen-text = Торкніться пропозиції. Ви побачите адресу, телефон, години роботи, вартість і мови. Торкніться номера телефону, щоб одразу зателефонувати. Кнопка «Прокласти маршрут» покаже дорогу.
hilfe-weitergeben = Передайте далі.
hilfe-weitergeben-text = Кнопкою «Поділитися» Ви надсилаєте свій вибір іншим, а кнопкою «Друкувати» отримуєте паперовий список із QR-кодом.
hilfe-ohne-karte = Без карти
hilfe-ohne-karte-text = Усі пропозиції є також у списку результатів: на телефоні — унизу над картою (щоб збільшити, потягніть угору або торкніться), на великих екранах — поруч із картою. Список працює з клавіатурою та програмою зчитування з екрана, а також без JavaScript.
hilfe-fehler = Пропозиції бракує або дані неправильні?
hilfe-fehler-text = На сторінці кожної пропозиції можна натиснути «Повідомити про помилку». Організації можуть додати нову пропозицію:
hilfe-eintragen = Додати свою пропозицію
hilfe-sprachen = Мови
hilfe-sprachen-text = Угорі на кожній сторінці Ви вибираєте мову: німецьку, англійську, турецьку, арабську або українську. Chancenkarte запам’ятовує Ваш вибір. Описи пропозицій — німецькою мовою; деякі пропозиції мають короткий опис Вашою мовою.

## One offer: the quick actions, its page and the link previews
angebot-anrufen = Зателефонувати
angebot-zur-karte = Усі пропозиції на карті
angebot-laedt = Завантажуємо пропозицію …
angebot-fehler = Не вдалося завантажити пропозицію. Будь ласка, спробуйте пізніше.
angebot-nicht-gefunden-titel = Пропозицію не знайдено – Chancenkarte
angebot-nicht-gefunden = Пропозицію не знайдено
angebot-nicht-gefunden-text = Такої пропозиції немає або вже немає. Можливо, її перенесено до архіву.
angebot-vorschau = { $name } – { $organization }, { $town }. Пропозиція для сімей, дітей і молоді на Chancenkarte.

## "Fehler melden" below an offer
fehler-melden = Повідомити про помилку
fehler-melden-was = Що не так?
fehler-melden-email = Ваша електронна адреса для уточнень (необов’язково)
fehler-melden-senden = Надіслати повідомлення

## The print view (/drucken)
druck-titel = Версія для друку – Chancenkarte
druck-laedt = Готуємо версію для друку …
druck-fehler = Не вдалося створити версію для друку. Будь ласка, спробуйте пізніше.
druck-zurueck = Назад до карти
druck-stand = Станом на { $date }
druck-auswahl = Вибір: { $selection }
druck-alle = усі пропозиції
druck-anzahl = { $count ->
    [0] Пропозицій не знайдено.
    [one] { $count } пропозиція
    [few] { $count } пропозиції
    [many] { $count } пропозицій
   *[other] { $count } пропозиції
}
druck-orte = у населених пунктах: { $towns }
druck-qr = QR-код із посиланням на цей вибір
druck-online = Цей вибір онлайн:
druck-gekuerzt = Надруковано перші { $shown } з { $total } пропозицій. Усі пропозиції можна знайти за QR-кодом.
druck-inhalt-deutsch = Відомості про пропозиції подано німецькою мовою.
druck-telefon = Тел. { $phone }
druck-oeffnungszeiten = Години роботи:
druck-alter = { $age ->
    [one] Вік: { $age } рік
    [few] Вік: { $age } роки
   *[many] Вік: { $age } років
}
druck-lebensphase = Етап життя: { $phase }
druck-themen = { $count ->
    [one] Тема: { $topics }
   *[other] Теми: { $topics }
}
druck-ort = Населений пункт: { $place }
druck-suchbegriff = Пошуковий запит: «{ $text }»
druck-sprache = Мова: { $language }
druck-naehe = за відстанню від: { $place }
druck-naehe-name = за назвою, з відстанню від: { $place }
druck-eigener-standort = вашого місцезнаходження
tag-kurz-mon = Пн
tag-kurz-tue = Вт
tag-kurz-wed = Ср
tag-kurz-thu = Чт
tag-kurz-fri = Пт
tag-kurz-sat = Сб
tag-kurz-sun = Нд

## Previews of shared links (map page)
karte-beschreibung = Пропозиції для сімей, дітей і молоді в { $region }: знайти, зателефонувати, прийти.
karte-beschreibung-filter = Пропозиції в { $region } – { $filter }

## Short form of the sign-in link (phone header)
seite-anmelden-kurz = Вхід

## The answer after "Fehler melden"
fehler-melden-danke = Дякуємо! Ваше повідомлення отримала редакція (номер { $reference }).

## When "Fehler melden" cannot take a report (the German texts are also the API's answers)
fehler-melden-fehlt = Будь ласка, опишіть, що не так.
fehler-melden-zu-kurz = Ваше повідомлення надто коротке: будь ласка, опишіть, що не так (щонайменше { $min ->
        [one] { $min } символ
        [few] { $min } символи
       *[many] { $min } символів
    }).
fehler-melden-zu-lang = Ваше повідомлення задовге (щонайбільше { $max ->
        [one] { $max } символ
        [few] { $max } символи
       *[many] { $max } символів
    }). Будь ласка, скоротіть його.
fehler-melden-nicht-gespeichert = Зараз не вдалося зберегти ваше повідомлення. Будь ласка, спробуйте пізніше.

## A public form refused (also the German-only listing form and the API's answers)
formular-steuerzeichen = У тексті є невидимий керівний символ (наприклад, зі скопійованої таблиці). Будь ласка, введіть текст заново.
formular-email-ungueltig = Це недійсна адреса електронної пошти (приклад: name@example.com).
formular-email-zu-lang = Адреса електронної пошти задовга.
formular-email-vor-at-zu-lang = Частина перед @ задовга (щонайбільше { $max ->
        [one] { $max } символ
        [few] { $max } символи
       *[many] { $max } символів
    }).
formular-ausgefuellt = У формі заповнено поле, яке люди не заповнюють. Будь ласка, перезавантажте сторінку.
formular-zu-schnell = Форму надіслано надто швидко. Будь ласка, перевірте введені дані й надішліть її ще раз.
formular-abgelaufen = Термін дії форми минув. Будь ласка, перезавантажте сторінку.
formular-zu-viele-sekunden = З вашого підключення щойно надійшло багато повідомлень. Будь ласка, спробуйте ще раз через { $count ->
        [one] { $count } секунду
        [few] { $count } секунди
       *[many] { $count } секунд
    }.
formular-zu-viele-minuten = З вашого підключення щойно надійшло багато повідомлень. Будь ласка, спробуйте ще раз через { $count ->
        [one] { $count } хвилину
        [few] { $count } хвилини
       *[many] { $count } хвилин
    }.

## The editors' overview /redaktion and the editors' menu.
konto-redaktion-offen = { $count ->
        [one] відкритий запит
        [few] відкриті запити
        [many] відкритих запитів
       *[other] відкритого запиту
    }
redaktion-anfragen-titel = Нові запити ({ $count })
redaktion-keine-anfragen = Відкритих запитів немає.
redaktion-entschieden = Нещодавно вирішені ({ $count })
redaktion-faellig-titel = Потребують перевірки
redaktion-faellig-hinweis = Не перевірялися понад { $monate } місяців, найстаріші спочатку.
redaktion-faellig-anzahl = { $count ->
        [one] { $count } пропозиція потребує перевірки
        [few] { $count } пропозиції потребують перевірки
        [many] { $count } пропозицій потребують перевірки
       *[other] { $count } пропозиції потребують перевірки
    }
redaktion-faellig-fehlt = Зараз не вдалося прочитати пропозиції, що потребують перевірки. Будь ласка, перезавантажте сторінку.
redaktion-filter-ort = Місто
redaktion-filter-alle-orte = Усі міста
redaktion-filter-thema = Тема
redaktion-filter-alle-themen = Усі теми
redaktion-filter-anwenden = Показати
redaktion-filter-zuruecksetzen = Показати всі пропозиції, що потребують перевірки
redaktion-nach-ort = Пропозиції, що потребують перевірки, за містами
redaktion-spalte-ort = Місто
redaktion-spalte-anzahl = Пропозиції
redaktion-zuletzt-geprueft = востаннє перевірено { $datum }
redaktion-keine-faelligen = Для цього вибору немає пропозицій, що потребують перевірки.
redaktion-seiten = Сторінки пропозицій, що потребують перевірки
redaktion-seite = Сторінка { $seite }
redaktion-seite-von = Сторінка { $seite } з { $seiten }
redaktion-zurueck = Попередня сторінка
redaktion-weiter = Наступна сторінка
redaktion-archiv-titel = Архівовані пропозиції ({ $count })
redaktion-keine-archivierten = Архівованих пропозицій немає.
redaktion-fehler-ort = Місця з ключем «{ $wert }» тут немає. Будь ласка, виберіть місто зі списку.
redaktion-fehler-thema = Теми «{ $wert }» немає. Будь ласка, виберіть тему зі списку.
redaktion-fehler-seite = «{ $wert }» — це не номер сторінки. Сторінки рахуються від 1.
redaktion-fehler-seite-fehlt = Сторінки { $wert } немає: у цьому виборі сторінок — { $seiten }.
redaktion-fehler-doppelt = «{ $wert }» можна вказати лише один раз.
redaktion-fehler-parameter = Ця сторінка не знає «{ $wert }».

## Merkliste (/auswahl) and the Familienmappe
auswahl-kopf = Збережене
auswahl-titel = Збережені пропозиції
auswahl-laedt = Завантаження збережених пропозицій …
auswahl-fehler = Не вдалося завантажити збережені пропозиції. Спробуйте пізніше.
auswahl-ungueltig = Ця адреса списку недійсна
auswahl-einleitung = Пропозиції, які ви зберегли. Список зберігається лише на цьому пристрої – без облікового запису й без cookie. Через «Поділитися посиланням» ви відкриєте його на іншому пристрої.
auswahl-fremd = Цей список не є списком, збереженим на цьому пристрої.
auswahl-uebernehmen = Додати до списку цього пристрою
auswahl-leer = Ви ще не зберегли жодної пропозиції. Натисніть «Зберегти» біля пропозиції.
auswahl-link-teilen = Поділитися посиланням
auswahl-zum-angebot = До пропозиції
auswahl-entfernen = Видалити
auswahl-nicht-verfuegbar = Пропозиція № { $id } більше недоступна.
auswahl-adresse-auf-anfrage = Адреса на запит
druck-merkliste = збережені пропозиції
mappe-titel = Пропозиції для вашої родини
mappe-ort = Місце:
mappe-qr = QR-код із посиланням на цю пропозицію
mappe-deutsch = Де немає перекладу, описи подано німецькою.
mappe-fuss = Усі дані без гарантії. Актуальну інформацію ви знайдете за QR-кодом.
