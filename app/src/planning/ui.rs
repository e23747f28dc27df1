//! The planners' page `/planung` (members): where offers are missing, by municipality, life
//! phase and topic — a choropleth with its numbers beside it, the reach from each town centre,
//! the matrix, the searches that found nothing, and the children per municipality.

use crate::planning::endpoints::EnterChildCount;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::accounts::auth::{current_viewer, require, take_note};
use crate::accounts::model::Role;
use crate::accounts::ui::account_pages::{AccessDenied, NoteView};
use crate::offers::taxonomy::{LifePhase, Topic};
use crate::planning::figures::{
    ChildrenSource, Reach, TownFigures, describe_zero_result, reach, svg_outlines, town_figures,
};
use crate::planning::model::{
    ClassRange, Selection, Shade, classify, count_in, german_decimal, per_thousand,
};
use crate::shared::query_pairs::encode_query;

/// What a figure is measured against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    Count,
    Inhabitants,
    Children,
}

impl Basis {
    fn parse(code: &str) -> Option<Basis> {
        match code {
            "anzahl" => Some(Basis::Count),
            "einwohner" => Some(Basis::Inhabitants),
            "kinder" => Some(Basis::Children),
            _ => None,
        }
    }
    fn code(self) -> &'static str {
        match self {
            Basis::Count => "anzahl",
            Basis::Inhabitants => "einwohner",
            Basis::Children => "kinder",
        }
    }
    fn label(self) -> &'static str {
        match self {
            Basis::Count => "Anzahl der Angebote",
            Basis::Inhabitants => "Angebote je 1.000 Einwohner",
            Basis::Children => "Angebote je 1.000 Kinder (unter 18)",
        }
    }
    /// The figure of `count` offers in `town`, in this basis.
    fn figure(self, count: usize, town: &TownFigures) -> Option<f64> {
        match self {
            Basis::Count => Some(count as f64),
            Basis::Inhabitants => per_thousand(count, town.population),
            Basis::Children => per_thousand(count, town.children),
        }
    }
    fn show(self, value: Option<f64>) -> String {
        match (self, value) {
            (_, None) => "–".to_string(),
            (Basis::Count, Some(v)) => format!("{v:.0}"),
            (_, Some(v)) => german_decimal(v, 2),
        }
    }
}

/// The page's choices, read from its query.
#[derive(Clone, Debug, PartialEq)]
struct Choices {
    selection: Selection,
    basis: Basis,
    matrix_basis: Basis,
    limit_km: f64,
    print: bool,
}

impl Choices {
    fn query(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if let Some(topic) = self.selection.topic {
            pairs.push(("thema", topic.code().into()));
        }
        if let Some(phase) = self.selection.phase {
            pairs.push(("phase", phase.code().into()));
        }
        pairs.push(("weite", format!("{}", self.limit_km)));
        encode_query(&pairs)
    }
}

fn shade_class(shade: Shade) -> String {
    match shade {
        Shade::NoOffer => "shade-none".into(),
        Shade::Unknown => "shade-unknown".into(),
        Shade::Class(class) => format!("shade-{class}"),
    }
}

fn shade_label(shade: Shade, ranges: &[ClassRange], basis: Basis) -> String {
    match shade {
        Shade::NoOffer => "kein Angebot".into(),
        Shade::Unknown => "ohne Bezugszahl".into(),
        Shade::Class(class) => ranges
            .iter()
            .find(|range| range.class == class)
            .map(|range| {
                format!(
                    "Stufe {class} ({} bis {})",
                    basis.show(Some(range.from)),
                    basis.show(Some(range.to))
                )
            })
            .unwrap_or_default(),
    }
}

fn children_note(town: &TownFigures) -> String {
    match &town.children_source {
        ChildrenSource::Entered(date) => format!("eingetragen, Stand {}", date.format("%d.%m.%Y")),
        ChildrenSource::Estimated => "Schätzung nach Einwohneranteil".into(),
        ChildrenSource::Unknown => "unbekannt".into(),
    }
}

#[component]
pub fn PlanningPage() -> impl IntoView {
    let query = use_query_map();
    let choices = query.with_untracked(|q| {
        let get = |key: &str| q.get(key).unwrap_or_default();
        Choices {
            selection: Selection {
                topic: Topic::parse(&get("thema")),
                phase: LifePhase::parse(&get("phase")),
            },
            basis: Basis::parse(&get("bezug")).unwrap_or(Basis::Children),
            matrix_basis: Basis::parse(&get("werte")).unwrap_or(Basis::Count),
            limit_km: get("weite")
                .replace(',', ".")
                .parse::<f64>()
                .ok()
                .filter(|km| km.is_finite() && *km > 0.0 && *km <= 100.0)
                .unwrap_or(f64::NAN),
            print: get("ansicht") == "druck",
        }
    });
    view! {
        <Suspense>
            {move || {
                let mut choices = choices.clone();
                Suspend::new(async move {
                    let note = take_note().await;
                    let viewer = match require(Role::Member).await {
                        Ok(account) => account,
                        Err(_) => {
                            let viewer = current_viewer().await;
                            return view! { <AccessDenied viewer next="/planung".to_string() /> }.into_any();
                        }
                    };
                    let Ok(state) = crate::platform::state::app_state() else {
                        return view! { <p class="error">"Interner Fehler."</p> }.into_any();
                    };
                    if choices.limit_km.is_nan() {
                        choices.limit_km = state.reach_limit_km;
                    }
                    let (offers, entered, zero_results, base) =
                        match crate::planning::service::planning_data(&state).await {
                            Ok(data) => (data.offers, data.entered, data.zero_results, data.base),
                            Err(error) => {
                                return view! { <p class="error" role="alert">{error.to_string()}</p> }
                                    .into_any();
                            }
                        };
                    let towns = town_figures(&base, &entered);
                    let region = state.region.clone();
                    let name_of = move |ags: &str| region.municipality_name(ags).to_string();
                    let zero_rows: Vec<(String, i64, String)> = zero_results
                        .iter()
                        .map(|count| {
                            (
                                describe_zero_result(&count.filter_key, name_of.clone()),
                                count.searches,
                                count.last_day.format("%d.%m.%Y").to_string(),
                            )
                        })
                        .collect();
                    let reach_rows = reach(&base.towns, &offers, choices.selection, choices.limit_km);
                    let is_admin = viewer.role.includes(Role::Admin);
                                        view! {
                        <Title text="Planung – Chancenkarte" />
                        <div class="planning" class:planning-print=choices.print>
                            <h1 class="page-title">"Planung: Wo fehlen Angebote?"</h1>
                            <NoteView note />
                            <p>
                                "Aktive Angebote je Gemeinde, Lebensphase und Thema – nur für Mitglieder des Netzwerks. "
                                "Einwohner: " {base.population_source.clone()} ". "
                                {base
                                    .district_children
                                    .as_ref()
                                    .map(|(count, source)| {
                                        format!(
                                            "Kinder unter 18 im Kreis: {} ({source}); je Gemeinde geschätzt nach Einwohneranteil, solange keine eingetragene Zahl vorliegt.",
                                            thousands(*count)
                                        )
                                    })}
                            </p>
                            {(!choices.print).then(|| view! { <ChoiceForm choices=choices.clone() /> })}
                            <Choropleth choices=choices.clone() offers=offers.clone() towns=towns.clone() />
                            <ReachTable choices=choices.clone() rows=reach_rows />
                            <MatrixSection choices=choices.clone() offers=offers.clone() towns=towns.clone() />
                            <section aria-labelledby="zero-heading">
                                <h2 id="zero-heading">"Suchen ohne Ergebnis"</h2>
                                <p>
                                    {format!(
                                        "Was Familien auf der Karte gesucht und nicht gefunden haben (letzte {} Monate; nur die Filter, ohne Angaben zur Person). Gezeigt werden die {} häufigsten Suchen, die mindestens {}-mal vorkamen.",
                                        state.zero_result_months,
                                        crate::planning::service::SHOWN_COMBINATIONS,
                                        crate::planning::service::SHOWN_MIN_SEARCHES,
                                    )}
                                </p>
                                {if zero_rows.is_empty() {
                                    view! { <p>"Bisher keine Suche ohne Ergebnis, die mehr als einmal vorkam."</p> }.into_any()
                                } else {
                                    view! {
                                        <div class="table-wrap" tabindex="0" role="region" aria-label="Suchen ohne Ergebnis (Tabelle, seitlich verschiebbar)">
                                            <table class="zero-results">
                                                <thead>
                                                    <tr>
                                                        <th scope="col">"Gesucht nach"</th>
                                                        <th scope="col">"Anzahl"</th>
                                                        <th scope="col">"zuletzt"</th>
                                                    </tr>
                                                </thead>
                                                <tbody>
                                                    {zero_rows
                                                        .into_iter()
                                                        .map(|(text, count, last)| view! {
                                                            <tr>
                                                                <td>{text}</td>
                                                                <td class="number">{count}</td>
                                                                <td>{last}</td>
                                                            </tr>
                                                        })
                                                        .collect_view()}
                                                </tbody>
                                            </table>
                                        </div>
                                    }
                                        .into_any()
                                }}
                                <p class="no-print">
                                    <a href="/planung/suchen-ohne-ergebnis.csv" download>"Suchen ohne Ergebnis als CSV"</a>
                                </p>
                            </section>
                            <ChildrenSection towns=towns.clone() is_admin />
                        </div>
                    }
                        .into_any()
                })
            }}
        </Suspense>
    }
}

fn thousands(value: i64) -> String {
    let digits = value.abs().to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(ch);
    }
    if value < 0 { format!("-{out}") } else { out }
}

#[component]
fn ChoiceForm(choices: Choices) -> impl IntoView {
    let selection = choices.selection;
    view! {
        <form method="get" action="/planung" class="planning-choices">
            <div class="field">
                <label for="p-thema">"Thema"</label>
                <select id="p-thema" name="thema">
                    <option value="">"alle Themen"</option>
                    {Topic::ALL
                        .iter()
                        .map(|t| view! { <option value=t.code() selected=selection.topic == Some(*t)>{t.label()}</option> })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="p-phase">"Lebensphase"</label>
                <select id="p-phase" name="phase">
                    <option value="">"alle Lebensphasen"</option>
                    {LifePhase::ALL
                        .iter()
                        .map(|p| view! { <option value=p.code() selected=selection.phase == Some(*p)>{p.label()}</option> })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="p-bezug">"Karte zeigt"</label>
                <select id="p-bezug" name="bezug">
                    {[Basis::Children, Basis::Inhabitants, Basis::Count]
                        .into_iter()
                        .map(|b| view! { <option value=b.code() selected=choices.basis == b>{b.label()}</option> })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="p-werte">"Matrix zeigt"</label>
                <select id="p-werte" name="werte">
                    {[Basis::Count, Basis::Inhabitants, Basis::Children]
                        .into_iter()
                        .map(|b| view! { <option value=b.code() selected=choices.matrix_basis == b>{b.label()}</option> })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="p-weite">"Grenze für die Entfernung (km)"</label>
                <input id="p-weite" name="weite" type="number" min="1" max="100" step="0.5" value=format!("{}", choices.limit_km) />
            </div>
            <button type="submit">"Anzeigen"</button>
        </form>
    }
}

#[component]
fn Choropleth(
    choices: Choices,
    offers: Vec<crate::offers::model::OfferSummary>,
    towns: Vec<TownFigures>,
) -> impl IntoView {
    let Ok(state) = crate::platform::state::app_state() else {
        return ().into_any();
    };
    let Ok(base) = crate::planning::service::planning_base(&state) else {
        return ().into_any();
    };
    let basis = choices.basis;
    let counts: Vec<usize> = towns
        .iter()
        .map(|town| count_in(&offers, &town.ags, choices.selection))
        .collect();
    let values: Vec<Option<f64>> = towns
        .iter()
        .zip(&counts)
        .map(|(town, count)| basis.figure(*count, town))
        .collect();
    let (shades, ranges) = classify(&values);
    let (outlines, height) = svg_outlines(&base.towns, 600.0);
    // A margin round the shapes, so names at the edge are not cut off.
    let view_box = format!("-50 -15 700 {:.0}", height + 30.0);
    let shade_of = |ags: &str| {
        towns
            .iter()
            .position(|town| town.ags == ags)
            .map_or(Shade::Unknown, |i| shades[i])
    };
    let name_of = |ags: &str| state.region.municipality_name(ags).to_string();
    let caption = format!("{} – {}", basis.label(), choices.selection.describe());
    let legend: Vec<(String, String)> =
        std::iter::once((shade_class(Shade::NoOffer), "kein Angebot".to_string()))
            .chain(ranges.iter().map(|range| {
                (
                    shade_class(Shade::Class(range.class)),
                    shade_label(Shade::Class(range.class), &ranges, basis),
                )
            }))
            .collect();
    view! {
        <section aria-labelledby="map-heading" class="planning-map">
            <h2 id="map-heading">"Karte"</h2>
            <div class="choropleth-wrap">
                <figure class="choropleth">
                    <svg
                        viewBox=view_box
                        role="img"
                        aria-labelledby="choropleth-caption"
                    >
                        {outlines
                            .into_iter()
                            .map(|town| {
                                let shade = shade_of(&town.ags);
                                let name = name_of(&town.ags);
                                let label = format!("{name}: {}", shade_label(shade, &ranges, basis));
                                view! {
                                    <g>
                                        <path d=town.path class=format!("town {}", shade_class(shade))>
                                            <title>{label}</title>
                                        </path>
                                        <text x=format!("{:.0}", town.label_x) y=format!("{:.0}", town.label_y) class="town-label">
                                            {name}
                                        </text>
                                    </g>
                                }
                            })
                            .collect_view()}
                    </svg>
                    <figcaption id="choropleth-caption">{caption.clone()}</figcaption>
                </figure>
                <div class="choropleth-side">
                    <ul class="legend" aria-label="Legende">
                        {legend
                            .into_iter()
                            .map(|(class, label)| view! {
                                <li>
                                    <span class=format!("swatch {class}") aria-hidden="true"></span>
                                    {label}
                                </li>
                            })
                            .collect_view()}
                    </ul>
                    <div class="table-wrap" tabindex="0" role="region" aria-label="Zahlen zur Karte (Tabelle, seitlich verschiebbar)">
                        <table class="choropleth-numbers">
                            <caption>{caption}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Gemeinde"</th>
                                    <th scope="col">"Angebote"</th>
                                    <th scope="col">{basis.label()}</th>
                                    <th scope="col">"Stufe"</th>
                                </tr>
                            </thead>
                            <tbody>
                                {towns
                                    .iter()
                                    .zip(counts)
                                    .zip(values)
                                    .zip(shades.clone())
                                    .map(|(((town, count), value), shade)| view! {
                                        <tr class:gap=count == 0>
                                            <th scope="row">{town.name.clone()}</th>
                                            <td class="number">{count}</td>
                                            <td class="number">{basis.show(value)}</td>
                                            <td>{shade_label(shade, &ranges, basis)}</td>
                                        </tr>
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </div>
                </div>
            </div>
        </section>
    }
    .into_any()
}

#[component]
fn ReachTable(choices: Choices, rows: Vec<Reach>) -> impl IntoView {
    let limit = german_decimal(choices.limit_km, 1);
    let csv = format!("/planung/erreichbarkeit.csv?{}", choices.query());
    view! {
        <section aria-labelledby="reach-heading">
            <h2 id="reach-heading">"Erreichbarkeit"</h2>
            <p>
                {format!(
                    "Luftlinie vom Ortszentrum zum nächsten passenden aktiven Angebot ({}). Hervorgehoben: weiter als {limit} km.",
                    choices.selection.describe()
                )}
            </p>
            <div class="table-wrap" tabindex="0" role="region" aria-label="Erreichbarkeit (Tabelle, seitlich verschiebbar)">
                <table class="reach">
                    <thead>
                        <tr>
                            <th scope="col">"Gemeinde"</th>
                            <th scope="col">"Nächstes Angebot"</th>
                            <th scope="col">"Entfernung"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows
                            .into_iter()
                            .map(|row| {
                                let (offer, distance) = match &row.nearest {
                                    Some((id, name, km)) => (
                                        view! { <a href=format!("/angebot/{id}")>{name.clone()}</a> }.into_any(),
                                        format!("{} km", german_decimal(*km, 1)),
                                    ),
                                    None => ("kein passendes Angebot im Kreis".into_any(), "–".to_string()),
                                };
                                view! {
                                    <tr class:too-far=row.too_far>
                                        <th scope="row">{row.name.clone()}</th>
                                        <td>{offer}</td>
                                        <td class="number">
                                            {distance}
                                            {row.too_far.then(|| view! { <span class="flag">" – zu weit"</span> })}
                                        </td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
            <p class="no-print"><a href=csv download>"Erreichbarkeit als CSV"</a></p>
        </section>
    }
}

/// One table of the matrix: municipalities × life phases for one topic (or all topics).
#[component]
fn MatrixTable(
    topic: Option<Topic>,
    basis: Basis,
    offers: std::sync::Arc<Vec<crate::offers::model::OfferSummary>>,
    towns: std::sync::Arc<Vec<TownFigures>>,
) -> impl IntoView {
    let phases: Vec<Option<LifePhase>> = LifePhase::ALL
        .iter()
        .copied()
        .map(Some)
        .chain(std::iter::once(None))
        .collect();
    let title = format!(
        "{} – {}",
        topic.map_or("Alle Themen", Topic::label),
        basis.label()
    );
    let region_label = format!("{title} (Tabelle, seitlich verschiebbar)");
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=region_label>
            <table class="matrix">
                <caption>{title}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Gemeinde"</th>
                        {phases
                            .iter()
                            .map(|phase| view! { <th scope="col">{phase.map_or("alle", LifePhase::label)}</th> })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {towns
                        .iter()
                        .map(|town| {
                            let cells = phases
                                .iter()
                                .map(|phase| {
                                    let count = count_in(&offers, &town.ags, Selection { topic, phase: *phase });
                                    let value = basis.figure(count, town);
                                    view! {
                                        <td class="number" class:gap=count == 0>
                                            {basis.show(value)}
                                        </td>
                                    }
                                })
                                .collect_view();
                            view! {
                                <tr>
                                    <th scope="row">{town.name.clone()}</th>
                                    {cells}
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn MatrixSection(
    choices: Choices,
    offers: Vec<crate::offers::model::OfferSummary>,
    towns: Vec<TownFigures>,
) -> impl IntoView {
    let offers = std::sync::Arc::new(offers);
    let towns = std::sync::Arc::new(towns);
    let basis = choices.matrix_basis;
    // On paper every topic; on screen the chosen one.
    let topics: Vec<Option<Topic>> = if choices.print {
        std::iter::once(None)
            .chain(Topic::ALL.iter().copied().map(Some))
            .collect()
    } else {
        vec![choices.selection.topic]
    };
    let print_link = format!("/planung?ansicht=druck&werte={}", basis.code());
    view! {
        <section aria-labelledby="matrix-heading">
            <h2 id="matrix-heading">"Angebotsmatrix"</h2>
            <p>
                "Aktive Angebote je Gemeinde und Lebensphase. Ein Angebot zählt in jeder Lebensphase, für die es gedacht ist; „alle“ zählt jedes Angebot einmal. Felder ohne Angebot sind hervorgehoben."
                {(basis == Basis::Children).then_some(" Kinderzahlen teils geschätzt (siehe unten).")}
            </p>
            {topics
                .into_iter()
                .map(|topic| view! { <MatrixTable topic basis offers=offers.clone() towns=towns.clone() /> })
                .collect_view()}
            <p class="no-print">
                <a href="/planung/matrix.csv" download>"Gesamte Matrix als CSV (alle Themen, Lebensphasen, Bezugsgrößen)"</a>
                " · "
                <a href=print_link>"Druckansicht der gesamten Matrix"</a>
            </p>
        </section>
    }
}

#[component]
fn ChildrenSection(towns: Vec<TownFigures>, is_admin: bool) -> impl IntoView {
    let options = towns
        .iter()
        .map(|town| view! { <option value=town.ags.clone()>{town.name.clone()}</option> })
        .collect_view();
    view! {
        <section aria-labelledby="children-heading">
            <h2 id="children-heading">"Einwohner und Kinder je Gemeinde"</h2>
            <div class="table-wrap" tabindex="0" role="region" aria-label="Einwohner und Kinder (Tabelle, seitlich verschiebbar)">
                <table class="children">
                    <thead>
                        <tr>
                            <th scope="col">"Gemeinde"</th>
                            <th scope="col">"Einwohner"</th>
                            <th scope="col">"Kinder unter 18"</th>
                            <th scope="col">"Herkunft der Kinderzahl"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {towns
                            .iter()
                            .map(|town| view! {
                                <tr>
                                    <th scope="row">{town.name.clone()}</th>
                                    <td class="number">{town.population.map_or("–".to_string(), thousands)}</td>
                                    <td class="number">
                                        {town.children.map_or("–".to_string(), thousands)}
                                        {(town.children_source == ChildrenSource::Estimated).then_some(" (geschätzt)")}
                                    </td>
                                    <td>{children_note(town)}</td>
                                </tr>
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
            <p class="no-print">
                <a href="/planung/einwohner-kinder.csv" download>"Einwohner und Kinder als CSV"</a>
            </p>
            {is_admin.then(|| view! {
                <form method="post" action=EnterChildCount::url() class="account-form no-print">
                    <h3>"Kinderzahl eintragen (Verwaltung)"</h3>
                    <p>"Aus der amtlichen Statistik, mit Stichtag. Eine Zahl für denselben Tag wird ersetzt; es gilt die neueste."</p>
                    <label for="k-ags">"Gemeinde"</label>
                    <select id="k-ags" name="ags">{options}</select>
                    <label for="k-stichtag">"Stichtag"</label>
                    <input id="k-stichtag" name="stichtag" type="date" required />
                    <label for="k-anzahl">"Kinder unter 18 Jahren"</label>
                    <input id="k-anzahl" name="anzahl" type="number" min="0" step="1" required />
                    <button type="submit">"Kinderzahl speichern"</button>
                </form>
            })}
        </section>
    }
}
