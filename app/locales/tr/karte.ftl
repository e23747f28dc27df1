# Chancenkarte – texts of the map explorer (filters, map, results sheet). The browser receives
# these in the active language. Arguments: { $count } is a number (plural forms), everything
# else is text. Offer names and places stay as they are.

## Filters
karte-filter = Filtreler
karte-filter-aktiv = { $count ->
    [one] Filtreler ({ $count })
   *[other] Filtreler ({ $count })
}
karte-alter = Çocuğun yaşı (yıl)
karte-lebensphase = Yaşam dönemi
karte-alle = tümü
karte-themen = Konular
karte-thema-anzahl = { $count ->
    [one] { $count } hizmet
   *[other] { $count } hizmet
}
karte-ort = Yer
karte-alle-orte = tüm yerler
karte-naehe = Şu yere yakın (yer veya posta kodu)
karte-naehe-hinweis = En yakın hizmetler önce, mesafeyle birlikte.
karte-standort = Konumumu kullan
karte-standort-unmoeglich = Cihazınız konumu belirleyemiyor. Lütfen bir yer veya posta kodu girin.
karte-standort-suche = Konum belirleniyor …
karte-standort-fehlt = Konum kullanılamıyor (izin verilmedi veya bulunamadı). Lütfen bir yer veya posta kodu girin.
karte-sortierung = Yer girildiğinde sıralama
karte-nach-entfernung = mesafeye göre
karte-nach-name = ada göre
karte-suchbegriff = Arama terimi
karte-sprache = Hizmetin dili
karte-alle-sprachen = tüm diller
karte-nur-kostenlos = yalnızca ücretsiz hizmetler
karte-nur-rollstuhl = yalnızca tekerlekli sandalyeye uygun hizmetler
karte-nur-freie-plaetze = yalnızca boş yeri olanlar
karte-ergebnisse-anzeigen = Sonuçları göster ({ $count })
karte-ergebnisse-zeigen = Sonuçları göster
karte-zuruecksetzen = Filtreleri sıfırla

## Notices about the address (query) of the page
karte-hinweis-alter = “{ $value }” yaşı dikkate alınmadı: lütfen 0 ile 26 arasında bir tam sayı girin.
karte-hinweis-phase = “{ $value }” yaşam dönemi mevcut değil ve dikkate alınmadı.
karte-hinweis-thema = “{ $value }” konusu mevcut değil ve dikkate alınmadı.
karte-hinweis-ort = “{ $value }” yeri bu bölgede yok; dikkate alınmadı.
karte-hinweis-sortierung = “{ $value }” sıralaması mevcut değil (olası değerler: name, entfernung); dikkate alınmadı.
karte-hinweis-kostenlos = “{ $value }”, “kostenlos” (ücretsiz) için geçerli bir değer değil ve dikkate alınmadı.
karte-hinweis-barrierefrei = “{ $value }”, “barrierefrei” (engelsiz) için geçerli bir değer değil ve dikkate alınmadı.
karte-hinweis-sprache = “{ $value }” dili bilinmiyor ve dikkate alınmadı.
karte-hinweis-angebot = “{ $value }” geçerli bir hizmet numarası değil ve dikkate alınmadı.
karte-hinweis-seite = “{ $value }” sayfası mevcut değil; ilk sayfa gösteriliyor.
karte-hinweis-unbekannt = “{ $key }” parametresi bilinmiyor ve dikkate alınmadı.
karte-ort-unbekannt = “{ $place }” yerini Kreis Coesfeld’de tanımıyoruz; bu nedenle hizmetler mesafeye göre sıralanmadı. Lütfen listeden bir yer seçin veya bir posta kodu girin.

## Result count (read out by screen readers after each change)
karte-keine = Hiç hizmet bulunamadı.
karte-angebote-laden = Hizmetler yükleniyor …
karte-angebote-fehlen = Hizmetler yüklenemedi. Lütfen bağlantınızı kontrol edin; sayfa denemeye devam ediyor.
karte-gefunden = { $count ->
    [one] { $count } hizmet bulundu
   *[other] { $count } hizmet bulundu
}
karte-gefunden-naechste = { $count ->
    [one] { $count } hizmet bulundu, en yakınlar önce (başlangıç noktası: { $origin })
   *[other] { $count } hizmet bulundu, en yakınlar önce (başlangıç noktası: { $origin })
}
karte-gefunden-name = { $count ->
    [one] { $count } hizmet bulundu, ada göre, mesafeyle birlikte (başlangıç noktası: { $origin })
   *[other] { $count } hizmet bulundu, ada göre, mesafeyle birlikte (başlangıç noktası: { $origin })
}
karte-eigener-standort = konumunuz

## Results sheet and list
karte-ergebnisse = Sonuçlar
karte-sheet-auf = Sonuç listesini aç
karte-sheet-ganz = Sonuç listesini tamamen aç
karte-sheet-zu = Sonuç listesini kapat
karte-liste = Liste olarak hizmetler
karte-nur-ausschnitt = Yalnızca haritanın görünen bölümündeki hizmetler
karte-in-der-liste = { $count ->
    [one] (listede { $count })
   *[other] (listede { $count })
}
karte-entfernt = { $distance } uzaklıkta
karte-auf-karte = Haritada göster
karte-auf-karte-name = Haritada göster: { $name }
karte-seiten = Listenin sayfaları
karte-vorherige = ← önceki sayfa
karte-naechste = sonraki sayfa →
karte-seite-von = Sayfa { $page } / { $pages }
karte-drucken = Yazdır
karte-teilen = Paylaş
karte-kopiert = Bağlantı kopyalandı.
karte-kopieren-unmoeglich = Kopyalama mümkün değil – lütfen adresi adres çubuğundan kopyalayın.

## Map and detail panel
karte-karte = Hizmetlerin haritası; aynı hizmetler sonuç listesinde de yer alıyor.
karte-gruppe = { $count ->
    [one] { $count } hizmet – yakınlaştırın
   *[other] { $count } hizmet – yakınlaştırın
}
karte-gruppe-in = { $count ->
    [one] { $place }: { $count } hizmet – yakınlaştırın
   *[other] { $place }: { $count } hizmet – yakınlaştırın
}
karte-gruppe-umgebung = { $count ->
    [one] { $place } ve çevresi: { $count } hizmet – yakınlaştırın
   *[other] { $place } ve çevresi: { $count } hizmet – yakınlaştırın
}
karte-details = Hizmet ayrıntıları
karte-details-schliessen = Ayrıntıları kapat
karte-eigene-seite = Bu hizmetin kendi sayfası
karte-angebot-fehlt = Bu hizmet mevcut değil veya artık yok.

## Topics
thema-fruehe-hilfen = Bebekli ailelere erken destek
thema-kita-betreuung = Kita ve çocuk bakımı
thema-familienbildung = Aile eğitimi
thema-beratung = Danışmanlık
thema-gesundheit = Sağlık
thema-bildung-schule = Eğitim ve okul
thema-sprache-integration = Dil ve uyum
thema-ausbildung-beruf = Meslek eğitimi ve iş
thema-freizeit-sport = Boş zaman ve spor
thema-finanzielle-hilfen = Maddi yardımlar
thema-behinderung-inklusion = Engellilik ve kapsayıcılık

## Life phases
phase-schwangerschaft = Hamilelik
phase-0-3 = 0–3 yaş
phase-3-6 = 3–6 yaş
phase-6-10 = 6–10 yaş
phase-10-14 = 10–14 yaş
phase-14-18 = 14–18 yaş
phase-18-21 = 18–21 yaş
phase-21-27 = 21–27 yaş
phase-eltern = Ebeveynler

## Languages an offer is available in
sprache-de = Almanca
sprache-en = İngilizce
sprache-tr = Türkçe
sprache-ar = Arapça
sprache-ru = Rusça
sprache-uk = Ukraynaca
sprache-pl = Lehçe
sprache-ro = Rumence
sprache-fa = Farsça (Persçe)
sprache-ku = Kürtçe
sprache-ti = Tigrinya dili
sprache-fr = Fransızca
sprache-dgs = Alman İşaret Dili

## Cost and delivery
kosten-kostenlos = ücretsiz
kosten-ermaessigt = indirimli / gelire bağlı
kosten-kostenpflichtig = ücretli
form-vor-ort = yerinde
form-aufsuchend = gezici (size gelir)
form-online = çevrim içi
form-telefonisch = telefonla

## Search bar, chips, result cards and groups
karte-was = Ne?
karte-was-platzhalter = ör. ebe
karte-wo = Nerede?
karte-wo-platzhalter = Yer, posta kodu
karte-suchen = Ara
karte-aktive-filter = Etkin filtreler
karte-filter-entfernen = Filtreyi kaldır: { $label }
karte-chip-suche = “{ $text }”
karte-chip-bei = { $place } yakınında
karte-chip-alter = { $count ->
    [one] { $count } yaş
   *[other] { $count } yaş
}
karte-chip-sprache = Dil: { $language }
karte-chip-kostenlos = ücretsiz
karte-chip-barrierefrei = tekerlekli sandalyeye uygun
karte-chip-freie-plaetze = boş yer
karte-ausgangspunkt = Başlangıç noktası: { $place }
karte-gruppe-liste = { $count ->
    [one] Bu yerde { $count } hizmet
   *[other] Bu yerde { $count } hizmet
}
karte-gruppe-schliessen = Listeyi kapat
karte-anrufen = Ara
karte-anrufen-name = { $name } ara: { $phone }
karte-route = Yol tarifi
karte-route-name = { $name } için yol tarifi
karte-teilen-name = { $name } paylaş
karte-sprachen = Diller: { $languages }
karte-keine-tipp = Başka bir kelime deneyin veya bir filtreyi kaldırın.

## Today's opening hours on the result cards, and "open now" (public and school holidays
## considered). { $hours }: "09:00–12:00, 14:00–16:00"; { $name }: a feiertag-… message.
heute-offen = bugün { $hours }
heute-geschlossen = bugün kapalı
heute-feiertag = bugün resmî tatil ({ $name }) – kapalı
heute-schulferien = bugün okul tatili – kapalı
heute-nach-vereinbarung = randevu ile
karte-jetzt-offen = Şu anda açık
karte-chip-jetzt = şu anda açık
karte-hinweis-jetzt = “{ $value }”, “jetzt” (şu anda açık) için geçerli bir değer değil ve dikkate alınmadı.
karte-schulferien-geschlossen = Okul tatillerinde kapalıdır.
feiertag-neujahr = Yılbaşı
feiertag-karfreitag = Kutsal Cuma
feiertag-ostermontag = Paskalya Pazartesisi
feiertag-tag-der-arbeit = Emek ve Dayanışma Günü
feiertag-himmelfahrt = İsa’nın Göğe Yükselişi
feiertag-pfingstmontag = Pentekost Pazartesisi
feiertag-fronleichnam = Kutsal Beden Bayramı
feiertag-deutsche-einheit = Alman Birliği Günü
feiertag-allerheiligen = Azizler Günü
feiertag-weihnachtstag-1 = Noel’in birinci günü
feiertag-weihnachtstag-2 = Noel’in ikinci günü
karte-mein-standort = Konumum
karte-meinten-sie = Bunu mu demek istediniz:
karte-ohne = { $count ->
    [one] { $filter } olmadan: { $count } hizmet
   *[other] { $filter } olmadan: { $count } hizmet
}
karte-gruppe-stelle = { $count ->
    [one] { $place } içinde aynı yerde { $count } hizmet – listeyi aç
   *[other] { $place } içinde aynı yerde { $count } hizmet – listeyi aç
}

## Merkliste (the offer cards and the detail panel)
karte-merken = Kaydet
karte-gemerkt = Kaydedildi
