//! The filter form: a plain GET form (works without Wasm); once hydrated, any change applies
//! at once by changing the URL, so the URL always holds the filter.

use leptos::prelude::*;

use crate::map::ui::url_query::UrlQuery;
use crate::offers::filter::{MAX_AGE, OfferFilter, param};
use crate::offers::taxonomy::{Language, LifePhase, Topic};
use crate::region::model::MunicipalityInfo;
use crate::shared::i18n::use_texts;

/// Submits the surrounding form when a field changes (events bubble up to the field group).
fn submit_on_change(event: leptos::ev::Event) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let form = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("form").ok().flatten())
            .and_then(|form| form.dyn_into::<web_sys::HtmlFormElement>().ok());
        if let Some(form) = form {
            _ = form.request_submit();
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = event;
}

/// The non-empty fields of a submitted form as `/?query`, in form order.
#[cfg(feature = "hydrate")]
fn query_url_of(form: &web_sys::HtmlFormElement) -> Option<String> {
    use wasm_bindgen::JsCast;
    let data = web_sys::FormData::new_with_form(form).ok()?;
    let mut pairs = Vec::new();
    for entry in js_sys::try_iter(&data).ok()??.flatten() {
        let entry: js_sys::Array = entry.dyn_into().ok()?;
        let (key, value) = (entry.get(0).as_string()?, entry.get(1).as_string()?);
        if !value.trim().is_empty() {
            pairs.push((key, value));
        }
    }
    Some(crate::offers::filter::map_path(&pairs))
}

#[component]
pub fn FilterForm(
    filter: Memo<OfferFilter>,
    topic_counts: Signal<Vec<(Topic, usize)>>,
    municipalities: Vec<MunicipalityInfo>,
    place_names: Vec<String>,
    result_count: Signal<usize>,
    url: UrlQuery,
) -> impl IntoView {
    let texts = use_texts();
    // "Meinen Standort verwenden": asked only on this click, never on load; the position goes
    // into the URL rounded to about 100 m.
    let locating: RwSignal<Option<String>> = RwSignal::new(None);
    let use_position = {
        move |_: leptos::ev::MouseEvent| {
            #[cfg(feature = "hydrate")]
            {
                use wasm_bindgen::prelude::*;
                let get = |object: &JsValue, key: &str| {
                    js_sys::Reflect::get(object, &JsValue::from_str(key))
                        .unwrap_or(JsValue::UNDEFINED)
                };
                let geolocation = get(&get(&window(), "navigator"), "geolocation");
                let Ok(locate) =
                    get(&geolocation, "getCurrentPosition").dyn_into::<js_sys::Function>()
                else {
                    locating.set(Some(texts.get("karte-standort-unmoeglich")));
                    return;
                };
                locating.set(Some(texts.get("karte-standort-suche")));
                let found = Closure::once_into_js(move |position: JsValue| {
                    let coords = get(&position, "coords");
                    let (lat, lon) = (
                        get(&coords, "latitude").as_f64(),
                        get(&coords, "longitude").as_f64(),
                    );
                    if let (Some(lat), Some(lon)) = (lat, lon) {
                        locating.set(None);
                        let mut filter = filter.get_untracked();
                        filter.near = crate::region::places::format_position(lat, lon);
                        url.navigate(&crate::offers::filter::map_path(&filter.to_pairs()));
                    }
                });
                let refused_message = texts.get("karte-standort-fehlt");
                let refused = Closure::once_into_js(move |_: JsValue| {
                    locating.set(Some(refused_message));
                });
                _ = locate.call2(&geolocation, &found, &refused);
            }
            #[cfg(not(feature = "hydrate"))]
            let _ = texts;
        }
    };
    let active_count = move || filter.read().to_pairs().len();
    // Without Wasm the form is a plain GET; hydrated, a submit only changes the URL (a new
    // history entry, so Back still works) and the page follows without reloading.
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        #[cfg(feature = "hydrate")]
        {
            use wasm_bindgen::JsCast;
            let form = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok());
            if let Some(target) = form.as_ref().and_then(query_url_of) {
                event.prevent_default();
                url.navigate(&target);
                // "Ergebnisse anzeigen" (or Enter) closes the filters, on a phone a drawer over
                // the map; a change applied at once (no submitter) leaves them open.
                if event.submitter().is_some()
                    && let Some(details) =
                        form.and_then(|form| form.closest("details").ok().flatten())
                {
                    _ = details.remove_attribute("open");
                }
            }
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (event, url);
    };
    view! {
        <details class="filters">
            <summary>
                {
                    move || match active_count() {
                        0 => texts.get("karte-filter"),
                        n => texts.count("karte-filter-aktiv", n, &[]),
                    }
                }
            </summary>
            <form method="get" action="/" on:submit=on_submit>
                <div class="filter-fields" on:change=submit_on_change>
                    <div class="field">
                        <label for="f-alter">{texts.get("karte-alter")}</label>
                        <input
                            id="f-alter"
                            name=param::AGE
                            type="number"
                            inputmode="numeric"
                            min="0"
                            max=MAX_AGE.to_string()
                            value=move || filter.read().age.map(|a| a.to_string()).unwrap_or_default()
                            prop:value=move || filter.read().age.map(|a| a.to_string()).unwrap_or_default()
                        />
                    </div>
                    <div class="field">
                        <label for="f-phase">{texts.get("karte-lebensphase")}</label>
                        <select id="f-phase" name=param::PHASE>
                            <option value="" selected=move || filter.read().phase.is_none()>
                                {texts.get("karte-alle")}
                            </option>
                            {LifePhase::ALL
                                .iter()
                                .map(|phase| {
                                    let phase = *phase;
                                    view! {
                                        <option
                                            value=phase.code()
                                            selected=move || filter.read().phase == Some(phase)
                                            prop:selected=move || filter.read().phase == Some(phase)
                                        >
                                            {texts.get(&format!("phase-{}", phase.code()))}
                                        </option>
                                    }
                                })
                                .collect_view()}
                        </select>
                    </div>
                    <fieldset class="field topics">
                        <legend>{texts.get("karte-themen")}</legend>
                        {Topic::ALL
                            .iter()
                            .map(|topic| {
                                let topic = *topic;
                                let id = format!("f-thema-{}", topic.code());
                                let label = texts.get(&format!("thema-{}", topic.code()));
                                let count = move || {
                                    topic_counts
                                        .read()
                                        .iter()
                                        .find(|(t, _)| *t == topic)
                                        .map_or(0, |(_, n)| *n)
                                };
                                view! {
                                    <div class="check">
                                        <input
                                            type="checkbox"
                                            id=id.clone()
                                            name=param::TOPIC
                                            value=topic.code()
                                            checked=move || filter.read().topics.contains(topic)
                                            prop:checked=move || filter.read().topics.contains(topic)
                                        />
                                        <label for=id>
                                            {label} " "
                                            <span class="count" aria-label=move || texts.count("karte-thema-anzahl", count(), &[])>
                                                "(" {count} ")"
                                            </span>
                                        </label>
                                    </div>
                                }
                            })
                            .collect_view()}
                    </fieldset>
                    <div class="field">
                        <label for="f-ort">{texts.get("karte-ort")}</label>
                        <select id="f-ort" name=param::MUNICIPALITY>
                            <option value="" selected=move || filter.read().municipality.is_none()>
                                {texts.get("karte-alle-orte")}
                            </option>
                            {municipalities
                                .into_iter()
                                .map(|m| {
                                    let ags = m.ags.clone();
                                    let ags_prop = m.ags.clone();
                                    view! {
                                        <option
                                            value=m.ags
                                            selected=move || filter.read().municipality.as_deref() == Some(ags.as_str())
                                            prop:selected=move || filter.read().municipality.as_deref() == Some(ags_prop.as_str())
                                        >
                                            {m.name}
                                        </option>
                                    }
                                })
                                .collect_view()}
                        </select>
                    </div>
                    <div class="field near">
                        <label for="f-bei">{texts.get("karte-naehe")}</label>
                        <input
                            id="f-bei"
                            name=param::NEAR
                            type="text"
                            list="orte"
                            autocomplete="off"
                            maxlength="60"
                            aria-describedby="f-bei-hinweis"
                            value=move || filter.read().near.clone()
                            prop:value=move || filter.read().near.clone()
                        />
                        <datalist id="orte">
                            {place_names.into_iter().map(|name| view! { <option value=name></option> }).collect_view()}
                        </datalist>
                        <p class="hint" id="f-bei-hinweis">{texts.get("karte-naehe-hinweis")}</p>
                        <button type="button" class="secondary" on:click=use_position>
                            {texts.get("karte-standort")}
                        </button>
                        <p class="locating" role="status">{move || locating.get()}</p>
                        <label for="f-sortierung">{texts.get("karte-sortierung")}</label>
                        <select id="f-sortierung" name=param::SORT>
                            <option
                                value=""
                                selected=move || !filter.read().sort_by_name
                                prop:selected=move || !filter.read().sort_by_name
                            >
                                {texts.get("karte-nach-entfernung")}
                            </option>
                            <option
                                value="name"
                                selected=move || filter.read().sort_by_name
                                prop:selected=move || filter.read().sort_by_name
                            >
                                {texts.get("karte-nach-name")}
                            </option>
                        </select>
                    </div>
                    <div class="field">
                        <label for="f-q">{texts.get("karte-suchbegriff")}</label>
                        <input
                            id="f-q"
                            name=param::TEXT
                            type="search"
                            enterkeyhint="search"
                            maxlength="100"
                            value=move || filter.read().text.clone()
                            prop:value=move || filter.read().text.clone()
                        />
                    </div>
                    <div class="field">
                        <label for="f-sprache">{texts.get("karte-sprache")}</label>
                        <select id="f-sprache" name=param::LANGUAGE>
                            <option value="" selected=move || filter.read().language.is_none()>
                                {texts.get("karte-alle-sprachen")}
                            </option>
                            {Language::ALL
                                .iter()
                                .map(|language| {
                                    let language = *language;
                                    view! {
                                        <option
                                            value=language.code()
                                            selected=move || filter.read().language == Some(language)
                                            prop:selected=move || filter.read().language == Some(language)
                                        >
                                            {texts.get(&format!("sprache-{}", language.code()))}
                                        </option>
                                    }
                                })
                                .collect_view()}
                        </select>
                    </div>
                    <div class="check">
                        <input
                            type="checkbox"
                            id="f-kostenlos"
                            name=param::FREE
                            value="1"
                            checked=move || filter.read().free_only
                            prop:checked=move || filter.read().free_only
                        />
                        <label for="f-kostenlos">{texts.get("karte-nur-kostenlos")}</label>
                    </div>
                    <div class="check">
                        <input
                            type="checkbox"
                            id="f-barrierefrei"
                            name=param::WHEELCHAIR
                            value="1"
                            checked=move || filter.read().wheelchair_only
                            prop:checked=move || filter.read().wheelchair_only
                        />
                        <label for="f-barrierefrei">{texts.get("karte-nur-rollstuhl")}</label>
                    </div>
                </div>
                <div class="filter-actions">
                    <button type="submit">
                        {
                            move || texts.count("karte-ergebnisse-anzeigen", result_count.get(), &[])
                        }
                    </button>
                    <a href="/" class="reset">
                        {texts.get("karte-zuruecksetzen")}
                    </a>
                </div>
            </form>
        </details>
    }
}
