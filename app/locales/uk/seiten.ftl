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
angebot-zuletzt-geprueft = Востаннє перевірено: { $month }
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
hilfe-fehler-text = На сторінці кожної пропозиції можна натиснути «Fehler melden» (повідомити про помилку). Організації можуть додати нову пропозицію:
hilfe-eintragen = Додати свою пропозицію
hilfe-sprachen = Мови
hilfe-sprachen-text = Угорі на кожній сторінці Ви вибираєте мову: німецьку, англійську, турецьку, арабську або українську. Chancenkarte запам’ятовує Ваш вибір. Описи пропозицій — німецькою мовою; деякі пропозиції мають короткий опис Вашою мовою.
