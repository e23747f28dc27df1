//! The search form: "Was? Wo?" on the first screen, the other filters in a drawer, and the
//! active filters as removable chips. A plain GET form (works without Wasm); once hydrated,
//! any change applies at once by replacing the URL, so the URL always holds the filter.

use leptos::prelude::*;

#[cfg(feature = "hydrate")]
use crate::map::ui::url_query::Layer;
use crate::map::ui::url_query::UrlQuery;
use crate::offers::filter::{MAX_AGE, OfferFilter, map_path, param};
use crate::offers::taxonomy::{Language, LifePhase, Topic};
use crate::region::model::MunicipalityInfo;
use crate::region::places::parse_position;
use crate::shared::i18n::{Translate, use_texts};

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

#[component]
pub fn SearchForm(
    filter: Memo<OfferFilter>,
    topic_counts: Signal<Vec<(Topic, usize)>>,
    municipalities: Vec<MunicipalityInfo>,
    place_suggestions: Vec<String>,
    topic_suggestions: Vec<String>,
    result_count: Signal<usize>,
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
    let follow_chip = move |event: leptos::ev::MouseEvent, target: String| {
        event.prevent_default();
        url.replace(&target);
    };
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
                    <datalist id="f-q-vorschlaege">
                        {topic_suggestions.into_iter().map(|word| view! { <option value=word></option> }).collect_view()}
                    </datalist>
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
                    <datalist id="orte">
                        {place_suggestions.into_iter().map(|name| view! { <option value=name></option> }).collect_view()}
                    </datalist>
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
                    <div class="field">
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
                    <FlagCheck
                        id="f-jetzt"
                        name=param::OPEN_NOW
                        label=texts.get("karte-jetzt-offen")
                        on=Signal::derive(move || filter.read().open_now)
                    />
                    <FlagCheck
                        id="f-kostenlos"
                        name=param::FREE
                        label=texts.get("karte-nur-kostenlos")
                        on=Signal::derive(move || filter.read().free_only)
                    />
                    <FlagCheck
                        id="f-barrierefrei"
                        name=param::WHEELCHAIR
                        label=texts.get("karte-nur-rollstuhl")
                        on=Signal::derive(move || filter.read().wheelchair_only)
                    />
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
            </details>
        </form>
        <Show when=move || chip_list.with(|chips| !chips.is_empty())>
            <ul class="chips" aria-label=texts.get("karte-aktive-filter")>
                {move || {
                    chip_list
                        .get()
                        .into_iter()
                        .map(|chip| {
                            let target = chip.without.clone();
                            let remove = texts.with("karte-filter-entfernen", &[("label", &chip.label)]);
                            view! {
                                <li>
                                    <a
                                        class="chip"
                                        href=chip.without.clone()
                                        aria-label=remove
                                        on:click=move |event| follow_chip(event, target.clone())
                                    >
                                        <span>{chip.label}</span>
                                        <span class="chip-x" aria-hidden="true">"×"</span>
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </Show>
    }
}

/// A yes/no filter: a checkbox sending `name=1` when ticked.
#[component]
fn FlagCheck(
    id: &'static str,
    name: &'static str,
    label: String,
    on: Signal<bool>,
) -> impl IntoView {
    view! {
        <div class="check">
            <input type="checkbox" id=id name=name value="1" checked=move || on.get() prop:checked=move || on.get() />
            <label for=id>{label}</label>
        </div>
    }
}
