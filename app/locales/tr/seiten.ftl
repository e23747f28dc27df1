# Chancenkarte – texts of the pages rendered on the server (header, footer, offer details,
# error pages). The tools of network members and editors stay German.

## Every page
seite-zum-inhalt = İçeriğe geç
seite-sprache-waehlen = Dil
seite-anmelden = Ağ üyeleri için giriş
seite-informationen = Bilgiler
seite-hilfe = Yardım
seite-eintragen = Hizmetinizi ekletin
seite-barrierefreiheit = Erişilebilirlik
seite-impressum = Künye
seite-datenschutz = Gizlilik
seite-offene-daten = Açık veri
seite-nur-deutsch = Bu sayfa yalnızca Almanca olarak mevcuttur.

## Not found
seite-nicht-gefunden-titel = Sayfa bulunamadı – Chancenkarte
seite-nicht-gefunden = Sayfa bulunamadı
seite-nicht-gefunden-text = Bu adres Chancenkarte’de yok (hata 404).
seite-zur-karte = Tüm hizmetlerin yer aldığı haritaya git

## The map page
karte-titel = Chancenkarte – Aileler, çocuklar ve gençler için hizmetler
karte-ueberschrift = Aileler, çocuklar ve gençler için hizmetler
karte-laedt = Hizmetler yükleniyor …
karte-fehler = Hizmetler yüklenemedi. Lütfen daha sonra tekrar deneyin.
karte-demodaten = Demo verileri: Bu sayfadaki hizmetlerin hiçbiri gerçek değildir, yalnızca tanıtım içindir.

## One offer (its page and the map's detail panel)
angebot-demodaten = Demo verisi – gerçek bir hizmet değil
angebot-fuer = Kimler için
angebot-themen = Konular
angebot-adresse = Adres
angebot-route = Yol tarifi al
angebot-adresse-auf-anfrage = Adres talep üzerine – lütfen arayın
angebot-telefon = Telefon
angebot-email = E-posta
angebot-website = Web sitesi
angebot-oeffnungszeiten = Çalışma saatleri
angebot-nach-vereinbarung = randevu ile
angebot-kosten = Ücret
angebot-sprachen = Diller
angebot-barrierefreiheit = Erişilebilirlik
angebot-rollstuhlgerecht = tekerlekli sandalyeye uygun
angebot-keine-angabe-barrierefreiheit = erişilebilirlik hakkında bilgi yok
angebot-form = Sunum şekli
angebot-zuletzt-geprueft = Bilgiler doğrulandı: { $month }
angebot-stand = { $month } itibarıyla
angebot-freie-plaetze = Boş yer
angebot-plaetze-ja = var
angebot-plaetze-nein = yok
angebot-plaetze-anfrage = sorunuz
angebot-wartezeit = Bekleme süresi
angebot-wartezeit-wochen = yaklaşık { $wochen } hafta
angebot-geschlossen-bis = { $datum } tarihine kadar geçici olarak kapalı
angebot-veraltet = Bu kayıt iki yıldan uzun süredir kontrol edilmedi. Lütfen hizmetin hâlâ bu şekilde sunulup sunulmadığını hizmeti veren yere sorun.
angebot-inhalt-deutsch = Bu hizmetin açıklaması Almancadır.
tag-mon = Pazartesi
tag-tue = Salı
tag-wed = Çarşamba
tag-thu = Perşembe
tag-fri = Cuma
tag-sat = Cumartesi
tag-sun = Pazar

## Help
hilfe-titel = Yardım – Chancenkarte
hilfe-ueberschrift = Yardım: Bir hizmeti böyle bulursunuz
hilfe-filtern = Filtreleyin.
hilfe-filtern-text = “Filtreler” bölümünü açın. Çocuğunuzun yaşını girin, bir konu ve yerinizi seçin. Bir kelime de arayabilirsiniz, örneğin “Hebamme” (ebe); hizmetler Almanca anlatılmıştır.
hilfe-ansehen = Bakın.
hilfe-ansehen-text = Uygun hizmetler haritada ve sonuç listesinde yer alır. Haritadaki bir sayı şu anlama gelir: Bu yerde birden fazla hizmet var. Sayıya dokunun, harita yakınlaşır. “Şu yere yakın” alanına yerinizi veya posta kodunuzu girin; en yakın hizmetler en üstte görünür.
hilfe-oeffnen = Açın.
hilfe-oeffnen-text = Bir hizmete dokunun. Adresi, telefonu, çalışma saatlerini, ücreti ve dilleri görürsünüz. Telefon numarasına dokunursanız doğrudan arama yaparsınız. “Yol tarifi al” ile yolu görürsünüz.
hilfe-weitergeben = İletin.
hilfe-weitergeben-text = “Paylaş” ile seçiminizi başkalarına gönderirsiniz; “Yazdır” ile QR kodlu, kâğıt üzerinde bir liste alırsınız.
hilfe-ohne-karte = Harita olmadan
hilfe-ohne-karte-text = Tüm hizmetler sonuç listesinde de yer alır: Telefonda ekranın altında, haritanın üstünde (büyütmek için yukarı çekin veya dokunun); büyük ekranlarda haritanın yanında. Liste klavye ve ekran okuyucuyla, JavaScript olmadan da çalışır.
hilfe-fehler = Bir hizmet eksik mi veya yanlış mı?
hilfe-fehler-text = Her hizmetin sayfasında “Hata bildir” ile hata bildirebilirsiniz. Kurumlar yeni bir hizmeti ekletebilir:
hilfe-eintragen = Hizmetinizi ekletin
hilfe-sprachen = Diller
hilfe-sprachen-text = Her sayfanın üst kısmında dili seçersiniz: Almanca, İngilizce, Türkçe, Arapça veya Ukraynaca. Chancenkarte seçiminizi hatırlar. Hizmetlerin açıklamaları Almancadır; bazı hizmetlerin sizin dilinizde kısa bir açıklaması vardır.

## One offer: the quick actions, its page and the link previews
angebot-anrufen = Ara
angebot-zur-karte = Haritadaki tüm hizmetler
angebot-laedt = Hizmet yükleniyor …
angebot-fehler = Hizmet yüklenemedi. Lütfen daha sonra tekrar deneyin.
angebot-nicht-gefunden-titel = Hizmet bulunamadı – Chancenkarte
angebot-nicht-gefunden = Hizmet bulunamadı
angebot-nicht-gefunden-text = Bu hizmet yok ya da artık mevcut değil. Arşivlenmiş olabilir.
angebot-vorschau = { $name } – { $organization }, { $town }. Chancenkarte’de aileler, çocuklar ve gençler için bir hizmet.

## "Fehler melden" below an offer
fehler-melden = Hata bildir
fehler-melden-was = Ne yanlış?
fehler-melden-email = Sorularımız için e-posta adresiniz (isteğe bağlı)
fehler-melden-senden = Bildirimi gönder

## The print view (/drucken)
druck-titel = Yazdırma görünümü – Chancenkarte
druck-laedt = Yazdırma görünümü hazırlanıyor …
druck-fehler = Yazdırma görünümü oluşturulamadı. Lütfen daha sonra tekrar deneyin.
druck-zurueck = Haritaya dön
druck-stand = Tarih: { $date }
druck-auswahl = Seçim: { $selection }
druck-alle = tüm hizmetler
druck-anzahl = { $count ->
    [0] Hizmet bulunamadı.
   *[other] { $count } hizmet
}
druck-orte = (yerler: { $towns })
druck-qr = Bu seçimin bağlantısını içeren QR kodu
druck-online = Bu seçim internette:
druck-gekuerzt = { $total } hizmetten ilk { $shown } tanesi yazdırıldı. Tümüne QR kodu ile ulaşabilirsiniz.
druck-inhalt-deutsch = Hizmetlerle ilgili bilgiler Almancadır.
druck-telefon = Tel. { $phone }
druck-oeffnungszeiten = Çalışma saatleri:
druck-alter = Yaş: { $age }
druck-lebensphase = Yaşam dönemi: { $phase }
druck-themen = { $count ->
    [one] Konu: { $topics }
   *[other] Konular: { $topics }
}
druck-ort = Yer: { $place }
druck-suchbegriff = Arama terimi: “{ $text }”
druck-sprache = Dil: { $language }
druck-naehe = mesafeye göre, başlangıç noktası: { $place }
druck-naehe-name = ada göre, mesafe başlangıç noktası: { $place }
druck-eigener-standort = konumunuz
tag-kurz-mon = Pzt
tag-kurz-tue = Sal
tag-kurz-wed = Çar
tag-kurz-thu = Per
tag-kurz-fri = Cum
tag-kurz-sat = Cmt
tag-kurz-sun = Paz

## Previews of shared links (map page)
karte-beschreibung = { $region } bölgesinde aileler, çocuklar ve gençler için hizmetler: bulun, arayın, gidin.
karte-beschreibung-filter = { $region } bölgesindeki hizmetler – { $filter }

## Short form of the sign-in link (phone header)
seite-anmelden-kurz = Giriş

## The answer after "Fehler melden"
fehler-melden-danke = Teşekkürler! Bildiriminiz editörlere ulaştı (numara { $reference }).

## When "Fehler melden" cannot take a report (the German texts are also the API's answers)
fehler-melden-fehlt = Lütfen neyin yanlış olduğunu yazın.
fehler-melden-zu-kurz = Bildiriminiz çok kısa: Lütfen neyin yanlış olduğunu en az { $min } karakterle anlatın.
fehler-melden-zu-lang = Bildiriminiz çok uzun (en fazla { $max } karakter). Lütfen kısaltın.
fehler-melden-nicht-gespeichert = Bildiriminiz şu anda kaydedilemedi. Lütfen daha sonra yeniden deneyin.

## A public form refused (also the German-only listing form and the API's answers)
formular-steuerzeichen = Metinde görünmeyen bir kontrol karakteri var (örneğin kopyalanmış bir tablodan). Lütfen metni yeniden yazın.
formular-email-ungueltig = Bu geçerli bir e-posta adresi değil (örnek: ad@ornek.com).
formular-email-zu-lang = E-posta adresi çok uzun.
formular-email-vor-at-zu-lang = @ işaretinden önceki kısım çok uzun (en fazla { $max } karakter).
formular-ausgefuellt = Formda, insanların doldurmadığı bir alan doldurulmuş. Lütfen sayfayı yeniden yükleyin.
formular-zu-schnell = Form çok hızlı gönderildi. Lütfen bilgilerinizi kontrol edip formu yeniden gönderin.
formular-abgelaufen = Formun süresi doldu. Lütfen sayfayı yeniden yükleyin.
formular-zu-viele-sekunden = Bağlantınızdan az önce çok sayıda bildirim geldi. Lütfen { $count } saniye sonra yeniden deneyin.
formular-zu-viele-minuten = Bağlantınızdan az önce çok sayıda bildirim geldi. Lütfen { $count } dakika sonra yeniden deneyin.

## The editors' overview /redaktion and the editors' menu.
konto-redaktion-offen = açık talep
redaktion-anfragen-titel = Yeni talepler ({ $count })
redaktion-keine-anfragen = Açık talep yok.
redaktion-entschieden = Son karar verilenler ({ $count })
redaktion-faellig-titel = Kontrol zamanı gelenler
redaktion-faellig-hinweis = { $monate } aydan uzun süredir kontrol edilmedi, en eskiler önce.
redaktion-faellig-anzahl = { $count ->
        [one] Kontrol zamanı gelen { $count } teklif
       *[other] Kontrol zamanı gelen { $count } teklif
    }
redaktion-faellig-fehlt = Kontrol zamanı gelen teklifler şu anda okunamadı. Lütfen sayfayı yeniden yükleyin.
redaktion-filter-ort = Yer
redaktion-filter-alle-orte = Tüm yerler
redaktion-filter-thema = Konu
redaktion-filter-alle-themen = Tüm konular
redaktion-filter-anwenden = Göster
redaktion-filter-zuruecksetzen = Kontrol zamanı gelen tüm teklifleri göster
redaktion-nach-ort = Yere göre kontrol zamanı gelen teklifler
redaktion-spalte-ort = Yer
redaktion-spalte-anzahl = Teklifler
redaktion-zuletzt-geprueft = son kontrol { $datum }
redaktion-keine-faelligen = Bu seçim için kontrol zamanı gelen teklif yok.
redaktion-seiten = Kontrol zamanı gelen tekliflerin sayfaları
redaktion-seite = Sayfa { $seite }
redaktion-seite-von = Sayfa { $seite } / { $seiten }
redaktion-zurueck = Önceki sayfa
redaktion-weiter = Sonraki sayfa
redaktion-archiv-titel = Arşivlenmiş teklifler ({ $count })
redaktion-keine-archivierten = Arşivlenmiş teklif yok.
redaktion-fehler-ort = Burada “{ $wert }” anahtarlı bir yer yok. Lütfen listeden bir yer seçin.
redaktion-fehler-thema = “{ $wert }” diye bir konu yok. Lütfen listeden bir konu seçin.
redaktion-fehler-seite = “{ $wert }” bir sayfa numarası değil. Sayfalar 1'den başlar.
redaktion-fehler-seite-fehlt = { $wert }. sayfa yok: seçim { $seiten } sayfadan oluşuyor.
redaktion-fehler-doppelt = “{ $wert }” yalnızca bir kez verilebilir.
redaktion-fehler-parameter = Bu sayfa “{ $wert }” bilgisini tanımıyor.

## Merkliste (/auswahl) and the Familienmappe
auswahl-kopf = Kaydedilenler
auswahl-titel = Kaydedilen hizmetler
auswahl-laedt = Kaydedilen hizmetler yükleniyor …
auswahl-fehler = Kaydedilen hizmetler yüklenemedi. Lütfen daha sonra tekrar deneyin.
auswahl-ungueltig = Bu liste adresi geçersiz
auswahl-einleitung = Kaydettiğiniz hizmetler. Liste yalnızca bu cihazda saklanır – hesap ve çerez olmadan. “Bağlantıyı paylaş” ile başka bir cihazda açabilirsiniz.
auswahl-fremd = Bu liste, bu cihazda kaydedilen liste değil.
auswahl-uebernehmen = Bu cihazın listesine ekle
auswahl-leer = Henüz hiçbir hizmet kaydetmediniz. Bir hizmette “Kaydet”e dokunun.
auswahl-link-teilen = Bağlantıyı paylaş
auswahl-zum-angebot = Hizmete git
auswahl-entfernen = Kaldır
auswahl-nicht-verfuegbar = { $id } numaralı hizmet artık mevcut değil.
auswahl-adresse-auf-anfrage = Adres talep üzerine
druck-merkliste = kaydedilen hizmetler
mappe-titel = Aileniz için hizmetler
mappe-ort = Yer:
mappe-qr = Bu hizmetin bağlantısını içeren QR kodu
mappe-deutsch = Çevirisi olmayan açıklamalar Almancadır.
mappe-fuss = Tüm bilgiler garanti edilmez. Güncel bilgilere QR kodu ile ulaşabilirsiniz.
