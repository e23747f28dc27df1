//! The search form: "Was? Wo?" on the first screen, the other filters in a drawer, and the
//! active filters as removable chips. A plain GET form (works without Wasm); once hydrated,
//! any change applies at once by replacing the URL, so the URL always holds the filter.

use leptos::prelude::*;

#[cfg(feature = "hydrate")]
use crate::map::ui::url_query::Layer;
use crate::map::ui::url_query::UrlQuery;
#[cfg(feature = "ssr")]
use crate::offers::filter::MAX_AGE;
use crate::offers::filter::{OfferFilter, map_path, param};
use crate::offers::taxonomy::Topic;
#[cfg(feature = "ssr")]
use crate::offers::taxonomy::{Language, LifePhase};
use crate::region::model::MunicipalityInfo;
use crate::region::places::parse_position;
use crate::shared::i18n::{Translate, use_texts};
use crate::shared::text::escape_html;

/// Submits the surrounding form when a field changes (events bubble up to the field group).
fn submit_on_change(event: leptos::ev::Event) {
    #[cfg(feature = "hydrate")]
    {
        if let Some(form) = crate::shared::dom::form_of(&event) {
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
    Some(map_path(&pairs))
}

/// One active filter shown as a chip: what it says, and the map without it.
#[derive(Clone, Debug, PartialEq)]
pub struct Chip {
    pub label: String,
    pub without: String,
}

/// The chips of `filter`, one per criterion (one per topic): what was searched for and where
/// first, then the filters.
pub fn chips(
    filter: &OfferFilter,
    texts: Translate,
    municipality_name: &dyn Fn(&str) -> String,
) -> Vec<Chip> {
    let chip = |label: String, without: OfferFilter| Chip {
        label,
        without: map_path(&without.to_pairs()),
    };
    let active = filter.active_criteria();
    // A chip for a criterion of its own, if the filter has it.
    let own = |criterion: &'static str| {
        active.contains(&criterion).then(|| {
            chip(
                criterion_label(filter, criterion, texts, municipality_name),
                filter.without(criterion),
            )
        })
    };
    let mut chips: Vec<Chip> = own(param::TEXT).into_iter().collect();
    if !filter.near.is_empty() {
        let place = if parse_position(&filter.near).is_some() {
            texts.get("karte-eigener-standort")
        } else {
            filter.near.clone()
        };
        chips.push(chip(
            texts.with("karte-chip-bei", &[("place", &place)]),
            filter.without(param::NEAR),
        ));
    }
    chips.extend([param::AGE, param::PHASE].into_iter().filter_map(own));
    // One chip per topic: each is taken away on its own.
    chips.extend(filter.topics.iter().map(|topic| {
        let mut without = filter.clone();
        without.topics.remove(topic);
        chip(texts.get(&format!("thema-{}", topic.code())), without)
    }));
    chips.extend(
        [
            param::MUNICIPALITY,
            param::LANGUAGE,
            param::FREE,
            param::WHEELCHAIR,
            param::OPEN_NOW,
            param::FREE_PLACES,
        ]
        .into_iter()
        .filter_map(own),
    );
    chips
}

/// One criterion of `filter` in words, as its chip says it ("kostenlos", "„Hebamme“"); also
/// what "Ohne …" names when nothing was found.
pub fn criterion_label(
    filter: &OfferFilter,
    criterion: &str,
    texts: Translate,
    municipality_name: &dyn Fn(&str) -> String,
) -> String {
    match criterion {
        param::AGE => texts.count(
            "karte-chip-alter",
            usize::from(filter.age.unwrap_or(0)),
            &[],
        ),
        param::PHASE => filter
            .phase
            .map(|phase| texts.get(&format!("phase-{}", phase.code())))
            .unwrap_or_default(),
        param::TOPIC => filter
            .topics
            .iter()
            .map(|topic| texts.get(&format!("thema-{}", topic.code())))
            .collect::<Vec<_>>()
            .join(", "),
        param::MUNICIPALITY => filter
            .municipality
            .as_deref()
            .map(municipality_name)
            .unwrap_or_default(),
        param::TEXT => texts.with("karte-chip-suche", &[("text", &filter.text)]),
        param::FREE => texts.get("karte-chip-kostenlos"),
        param::WHEELCHAIR => texts.get("karte-chip-barrierefrei"),
        param::FREE_PLACES => texts.get("karte-chip-freie-plaetze"),
        param::OPEN_NOW => texts.get("karte-chip-jetzt"),
        param::LANGUAGE => {
            let name = filter
                .language
                .map(|language| texts.get(&format!("sprache-{}", language.code())))
                .unwrap_or_default();
            texts.with("karte-chip-sprache", &[("language", &name)])
        }
        other => other.to_string(),
    }
}

/// The parts of the search form that only the server renders: the drawer's fields and the
/// suggestion lists. They are complete HTML from the start (the form works without Wasm); the
/// browser keeps them and only sets their values and counts ([`sync_fields`]), so the first
/// download carries no view code for them. In the browser these strings stay empty.
#[derive(Clone, Debug, Default)]
pub struct StaticFormParts {
    pub fields: String,
    pub topic_options: String,
    pub place_options: String,
}

impl StaticFormParts {
    /// The parts for `filter`, with `topic_counts`, in the visitor's language.
    #[cfg(feature = "ssr")]
    pub fn render(
        filter: &OfferFilter,
        topic_counts: &[(Topic, usize)],
        municipalities: &[MunicipalityInfo],
        place_suggestions: Vec<String>,
        topic_suggestions: Vec<String>,
        texts: Translate,
    ) -> Self {
        let options = |words: Vec<String>| {
            words
                .into_iter()
                .map(|word| view! { <option value=word></option> })
                .collect_view()
                .to_html()
        };
        StaticFormParts {
            fields: drawer_fields(filter, topic_counts, municipalities, texts).to_html(),
            topic_options: options(topic_suggestions),
            place_options: options(place_suggestions),
        }
    }
}

#[component]
pub fn SearchForm(
    filter: Memo<OfferFilter>,
    topic_counts: Signal<Vec<(Topic, usize)>>,
    municipalities: Vec<MunicipalityInfo>,
    static_parts: StaticFormParts,
    /// How many offers the filter finds; `None` while the offers are still loading.
    result_count: Signal<Option<usize>>,
    url: UrlQuery,
    /// Called after "Ergebnisse anzeigen" (or Enter in the search bar): the results are shown.
    on_results: Callback<()>,
) -> impl IntoView {
    let texts = use_texts();
    let drawer = NodeRef::<leptos::html::Details>::new();
    // The own position stands in the "Wo?" field as words, the coordinates go along hidden;
    // typing there replaces both.
    let where_edited = RwSignal::new(false);
    let own_position = move || parse_position(&filter.read().near).is_some();
    let near_in_words = move || own_position() && !where_edited.get();
    Effect::new(move |_| {
        filter.track();
        where_edited.set(false);
    });
    // Back closes the drawer: its entry is left, the details element follows.
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        let open = url.is_open(Layer::Filters);
        if let Some(details) = drawer.get()
            && !open
            && details.open()
        {
            details.set_open(false);
        }
    });
    let on_toggle = move |_: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        if let Some(details) = drawer.get_untracked() {
            let layer_open = url.is_open(Layer::Filters);
            if details.open() && !layer_open {
                url.open_layer(Layer::Filters, &url.current_url());
            } else if !details.open() && layer_open {
                url.close_layer(Layer::Filters, &url.current_url());
            }
        }
    };
    // Without Wasm the form is a plain GET; hydrated, a submit only replaces the URL and the
    // page follows without reloading.
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        #[cfg(feature = "hydrate")]
        {
            use wasm_bindgen::JsCast;
            let form = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok());
            if let Some(target) = form.as_ref().and_then(query_url_of) {
                event.prevent_default();
                // A change applied at once (no submitter) leaves the drawer open; the search
                // button, "Ergebnisse anzeigen" or Enter show the results.
                if event.submitter().is_none() {
                    url.replace(&target);
                    return;
                }
                // The results are shown: a layer over the map that Back lowers again.
                url.swap_layer(Layer::Filters, Layer::List, &target);
                if let Some(details) = drawer.get_untracked() {
                    details.set_open(false);
                }
                if let Some(input) = document().active_element()
                    && let Ok(input) = input.dyn_into::<web_sys::HtmlElement>()
                {
                    // The phone's keyboard closes, so the results are in sight.
                    _ = input.blur();
                }
                on_results.run(());
            }
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (event, url, on_results);
    };
    let active_count = move || {
        let filter = filter.read();
        let mut drawer_only = filter.clone();
        drawer_only.text.clear();
        drawer_only.near.clear();
        drawer_only.to_pairs().len()
    };
    let chip_list = {
        let names = municipalities.clone();
        Memo::new(move |_| {
            let name_of = |ags: &str| {
                names
                    .iter()
                    .find(|m| m.ags == ags)
                    .map_or_else(String::new, |m| m.name.clone())
            };
            chips(&filter.read(), texts, &name_of)
        })
    };
    // The chips as text, like the result cards: one listener, no view per chip.
    let chips_html = Memo::new(move |_| {
        let chips = chip_list.read();
        if chips.is_empty() {
            return String::new();
        }
        let mut html = format!(
            r#"<ul class="chips" aria-label="{}">"#,
            escape_html(&texts.get("karte-aktive-filter"))
        );
        for chip in chips.iter() {
            let remove = texts.with("karte-filter-entfernen", &[("label", &chip.label)]);
            html.push_str(&format!(
                r#"<li><a class="chip" href="{}" aria-label="{}" data-follow=""><span>{}</span><span class="chip-x" aria-hidden="true">×</span></a></li>"#,
                escape_html(&chip.without),
                escape_html(&remove),
                escape_html(&chip.label)
            ));
        }
        html.push_str("</ul>");
        html
    });
    // A chip only changes the URL (and with it the page), without reloading.
    let follow_chip = move |event: leptos::ev::MouseEvent| {
        #[cfg(feature = "hydrate")]
        url.follow_in_place(&event);
        #[cfg(not(feature = "hydrate"))]
        let _ = event;
    };
    // The drawer's fields follow the filter (a chip removed, Back, a link) and show the counts.
    let fields = NodeRef::<leptos::html::Div>::new();
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        let pairs = filter.read().to_pairs();
        if let Some(fields) = fields.get() {
            sync_fields(&fields, &pairs);
            show_topic_counts(&fields, &topic_counts.read(), texts);
        }
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = topic_counts;
    view! {
        <form method="get" action="/" class="search-form" role="search" on:submit=on_submit>
            <div class="search-bar" on:change=submit_on_change>
                <div class="search-field search-what">
                    <label for="f-q">{texts.get("karte-was")}</label>
                    <input
                        id="f-q"
                        dir="auto"
                        name=param::TEXT
                        type="search"
                        enterkeyhint="search"
                        maxlength="100"
                        autocomplete="off"
                        list="f-q-vorschlaege"
                        placeholder=texts.get("karte-was-platzhalter")
                        value=move || filter.read().text.clone()
                        prop:value=move || filter.read().text.clone()
                    />
                    <datalist id="f-q-vorschlaege" inner_html=static_parts.topic_options></datalist>
                </div>
                <div class="search-field search-where">
                    <label for="f-bei">{texts.get("karte-wo")}</label>
                    <input
                        id="f-bei"
                        dir="auto"
                        name=move || (!near_in_words()).then_some(param::NEAR)
                        type="text"
                        enterkeyhint="search"
                        list="orte"
                        autocomplete="off"
                        maxlength="60"
                        placeholder=texts.get("karte-wo-platzhalter")
                        value=move || if near_in_words() { texts.get("karte-mein-standort") } else { filter.read().near.clone() }
                        prop:value=move || if near_in_words() { texts.get("karte-mein-standort") } else { filter.read().near.clone() }
                        on:input=move |_| where_edited.set(true)
                    />
                    {move || near_in_words().then(|| view! {
                        <input type="hidden" name=param::NEAR value=filter.read().near.clone() />
                    })}
                    <datalist id="orte" inner_html=static_parts.place_options></datalist>
                </div>
                <button type="submit" class="search-submit" aria-label=texts.get("karte-suchen")>
                    <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22">
                        <circle cx="10" cy="10" r="6.5" fill="none" stroke="currentColor" stroke-width="2.5"></circle>
                        <path d="M15 15l6 6" stroke="currentColor" stroke-width="2.5" stroke-linecap="round"></path>
                    </svg>
                </button>
            </div>
            <details class="filters" node_ref=drawer on:toggle=on_toggle>
                <summary>
                    <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20">
                        <path d="M3 5h18l-7 8v6l-4 2v-8z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"></path>
                    </svg>
                    <span class="filter-label">
                        {
                            move || match active_count() {
                                0 => texts.get("karte-filter"),
                                n => texts.count("karte-filter-aktiv", n, &[]),
                            }
                        }
                    </span>
                </summary>
                <div
                    class="filter-fields"
                    node_ref=fields
                    on:change=submit_on_change
                    inner_html=static_parts.fields
                ></div>
                <div class="filter-actions">
                    <button type="submit">
                        {
                            move || match result_count.get() {
                                Some(count) => texts.count("karte-ergebnisse-anzeigen", count, &[]),
                                None => texts.get("karte-ergebnisse-zeigen"),
                            }
                        }
                    </button>
                    <a href="/" class="reset">
                        {texts.get("karte-zuruecksetzen")}
                    </a>
                </div>
            </details>
        </form>
        <div class="chips-slot" on:click=follow_chip inner_html=chips_html></div>
    }
}

/// The drawer's fields as they stand for `filter`, with each topic's count: rendered once by
/// the server, then kept current in the browser by [`sync_fields`] and [`show_topic_counts`].
#[cfg(feature = "ssr")]
fn drawer_fields(
    filter: &OfferFilter,
    topic_counts: &[(Topic, usize)],
    municipalities: &[MunicipalityInfo],
    texts: Translate,
) -> impl IntoView + use<> {
    let count_of = |topic: Topic| {
        topic_counts
            .iter()
            .find(|(t, _)| *t == topic)
            .map_or(0, |(_, n)| *n)
    };
    let topics = Topic::ALL
        .iter()
        .map(|&topic| {
            let id = format!("f-thema-{}", topic.code());
            let count = count_of(topic);
            view! {
                <div class="check">
                    <input
                        type="checkbox"
                        id=id.clone()
                        name=param::TOPIC
                        value=topic.code()
                        checked=filter.topics.contains(topic)
                    />
                    <label for=id>
                        {texts.get(&format!("thema-{}", topic.code()))} " "
                        <span
                            class="count"
                            data-topic=topic.code()
                            aria-label=texts.count("karte-thema-anzahl", count, &[])
                        >
                            {format!("({count})")}
                        </span>
                    </label>
                </div>
            }
        })
        .collect_view();
    let phases = LifePhase::ALL
        .iter()
        .map(|&phase| {
            view! {
                <option value=phase.code() selected=filter.phase == Some(phase)>
                    {texts.get(&format!("phase-{}", phase.code()))}
                </option>
            }
        })
        .collect_view();
    let towns = municipalities
        .iter()
        .map(|m| {
            view! {
                <option value=m.ags.clone() selected=filter.municipality.as_deref() == Some(m.ags.as_str())>
                    {m.name.clone()}
                </option>
            }
        })
        .collect_view();
    let languages = Language::ALL
        .iter()
        .map(|&language| {
            view! {
                <option value=language.code() selected=filter.language == Some(language)>
                    {texts.get(&format!("sprache-{}", language.code()))}
                </option>
            }
        })
        .collect_view();
    let flag = |id: &'static str, name: &'static str, label: &str, on: bool| {
        view! {
            <div class="check">
                <input type="checkbox" id=id name=name value="1" checked=on />
                <label for=id>{texts.get(label)}</label>
            </div>
        }
    };
    view! {
        <div class="field">
            <label for="f-alter">{texts.get("karte-alter")}</label>
            <input
                id="f-alter"
                name=param::AGE
                type="number"
                inputmode="numeric"
                min="0"
                max=MAX_AGE.to_string()
                value=filter.age.map(|a| a.to_string()).unwrap_or_default()
            />
        </div>
        <div class="field">
            <label for="f-phase">{texts.get("karte-lebensphase")}</label>
            <select id="f-phase" name=param::PHASE>
                <option value="" selected=filter.phase.is_none()>{texts.get("karte-alle")}</option>
                {phases}
            </select>
        </div>
        <fieldset class="field topics">
            <legend>{texts.get("karte-themen")}</legend>
            {topics}
        </fieldset>
        <div class="field">
            <label for="f-ort">{texts.get("karte-ort")}</label>
            <select id="f-ort" name=param::MUNICIPALITY>
                <option value="" selected=filter.municipality.is_none()>{texts.get("karte-alle-orte")}</option>
                {towns}
            </select>
        </div>
        <div class="field">
            <label for="f-sprache">{texts.get("karte-sprache")}</label>
            <select id="f-sprache" name=param::LANGUAGE>
                <option value="" selected=filter.language.is_none()>{texts.get("karte-alle-sprachen")}</option>
                {languages}
            </select>
        </div>
        <div class="field">
            <label for="f-sortierung">{texts.get("karte-sortierung")}</label>
            <select id="f-sortierung" name=param::SORT>
                <option value="" selected=!filter.sort_by_name>{texts.get("karte-nach-entfernung")}</option>
                <option value="name" selected=filter.sort_by_name>{texts.get("karte-nach-name")}</option>
            </select>
        </div>
        {flag("f-jetzt", param::OPEN_NOW, "karte-jetzt-offen", filter.open_now)}
        {flag("f-kostenlos", param::FREE, "karte-nur-kostenlos", filter.free_only)}
        {flag("f-barrierefrei", param::WHEELCHAIR, "karte-nur-rollstuhl", filter.wheelchair_only)}
        {flag("f-freie-plaetze", param::FREE_PLACES, "karte-nur-freie-plaetze", filter.free_places_only)}
    }
}

/// Sets the fields in `container` to the filter's query `pairs`: boxes ticked, choices chosen,
/// numbers written (not the one being typed in).
#[cfg(feature = "hydrate")]
fn sync_fields(container: &web_sys::Element, pairs: &[(&'static str, String)]) {
    use wasm_bindgen::JsCast;
    let Ok(fields) = container.query_selector_all("input[name], select[name]") else {
        return;
    };
    let focused = document().active_element();
    for index in 0..fields.length() {
        let Some(node) = fields.item(index) else {
            continue;
        };
        if let Some(select) = node.dyn_ref::<web_sys::HtmlSelectElement>() {
            let name = select.name();
            let value = pairs.iter().find(|(key, _)| *key == name);
            select.set_value(value.map_or("", |(_, value)| value.as_str()));
        } else if let Some(input) = node.dyn_ref::<web_sys::HtmlInputElement>() {
            let name = input.name();
            if input.type_() == "checkbox" {
                let value = input.value();
                input.set_checked(pairs.iter().any(|(key, v)| *key == name && *v == value));
            } else if focused.as_ref() != Some(input.unchecked_ref()) {
                let value = pairs.iter().find(|(key, _)| *key == name);
                input.set_value(value.map_or("", |(_, value)| value.as_str()));
            }
        }
    }
}

/// Writes each topic's count (offers with it, under the other criteria) beside its box.
#[cfg(feature = "hydrate")]
fn show_topic_counts(container: &web_sys::Element, counts: &[(Topic, usize)], texts: Translate) {
    for (topic, count) in counts {
        let selector = format!("[data-topic=\"{}\"]", topic.code());
        if let Ok(Some(span)) = container.query_selector(&selector) {
            span.set_text_content(Some(&format!("({count})")));
            _ = span.set_attribute(
                "aria-label",
                &texts.count("karte-thema-anzahl", *count, &[]),
            );
        }
    }
}
