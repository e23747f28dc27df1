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
