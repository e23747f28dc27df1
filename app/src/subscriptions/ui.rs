//! The pages of the news by subscription: the member's own subscription
//! (`/netzwerk/nachrichten`: towns, topics, life phases and frequency as plain checkboxes and
//! radio buttons), and the one-click unsubscribe from a mail (`/nachrichten/abbestellen`, one
//! button, and `/nachrichten/abbestellt`). German, like the other member pages.

use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::accounts::auth::{Note, current_viewer, take_note};
use crate::accounts::ui::account_pages::{AccessDenied, NoteView};
use crate::offers::taxonomy::{LifePhase, Topic};
use crate::shared::error::AppError;
use crate::subscriptions::endpoints::{EndSubscription, PAGE_PATH, SaveSubscription};
use crate::subscriptions::model::{
    FIELD_FREQUENCY, FIELD_MUNICIPALITIES, FIELD_PHASES, FIELD_TOPICS, Frequency, Subscription,
};

/// What the form shows ticked: after a refused post what was sent, else what is saved.
struct Ticked {
    municipalities: Vec<String>,
    topics: Vec<String>,
    phases: Vec<String>,
    frequency: String,
}

impl Ticked {
    fn of(note: Option<&Note>, saved: Option<&Subscription>) -> Ticked {
        if let Some(note) = note.filter(|note| note.is_error && !note.form.is_empty()) {
            let values = |field: &str| {
                note.form
                    .iter()
                    .filter(|(name, _)| name == field)
                    .map(|(_, value)| value.clone())
                    .collect::<Vec<_>>()
            };
            return Ticked {
                municipalities: values(FIELD_MUNICIPALITIES),
                topics: values(FIELD_TOPICS),
                phases: values(FIELD_PHASES),
                frequency: note.form_value(FIELD_FREQUENCY),
            };
        }
        match saved {
            Some(saved) => Ticked {
                municipalities: saved.choices.municipalities.iter().cloned().collect(),
                topics: saved
                    .choices
                    .topics
                    .iter()
                    .map(|t| t.code().to_string())
                    .collect(),
                phases: saved
                    .choices
                    .phases
                    .iter()
                    .map(|p| p.code().to_string())
                    .collect(),
                frequency: saved.frequency.code().to_string(),
            },
            None => Ticked {
                municipalities: Vec::new(),
                topics: Vec::new(),
                phases: Vec::new(),
                frequency: Frequency::Weekly.code().to_string(),
            },
        }
    }
}

/// One group of checkboxes (or radio buttons) with its legend, hint and error.
#[component]
fn ChoiceGroup(
    field: &'static str,
    legend: &'static str,
    hint: &'static str,
    choices: Vec<(String, String)>,
    ticked: Vec<String>,
    error: Option<String>,
    #[prop(optional)] one: bool,
) -> impl IntoView {
    let invalid = error.is_some().then_some("true");
    let error_id = format!("n-{field}-fehler");
    let hint_id = format!("n-{field}-hinweis");
    let described_by = match error {
        Some(_) => format!("{hint_id} {error_id}"),
        None => hint_id.clone(),
    };
    let (kind, name) = if one {
        ("radio", field.to_string())
    } else {
        ("checkbox", format!("{field}[]"))
    };
    view! {
        <fieldset class="field choices" aria-describedby=described_by aria-invalid=invalid>
            <legend>{legend}</legend>
            <p class="hint" id=hint_id>{hint}</p>
            {choices
                .into_iter()
                .map(|(code, label)| {
                    let id = format!("n-{field}-{code}");
                    let checked = ticked.contains(&code);
                    view! {
                        <div class="check">
                            <input type=kind id=id.clone() name=name.clone() value=code checked=checked />
                            <label for=id>{label}</label>
                        </div>
                    }
                })
                .collect_view()}
            {error.map(|text| view! { <p class="field-error" id=error_id>{text}</p> })}
        </fieldset>
    }
}

#[component]
pub fn SubscriptionPage() -> impl IntoView {
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                let (mail_ready, saved) = match crate::subscriptions::service::own_subscription().await {
                    Ok(found) => found,
                    Err(AppError::NotSignedIn | AppError::Forbidden) => {
                        let viewer = current_viewer().await;
                        return view! { <AccessDenied viewer next=PAGE_PATH.to_string() /> }.into_any();
                    }
                    Err(error) => {
                        return view! { <p class="error" role="alert">{error.to_string()}</p> }.into_any();
                    }
                };
                let note = take_note().await;
                let municipalities = crate::platform::state::app_state()
                    .map(|state| state.region.municipalities.clone())
                    .unwrap_or_default();
                let name_of = |ags: &str| {
                    municipalities
                        .iter()
                        .find(|m| m.ags == ags)
                        .map_or_else(|| ags.to_string(), |m| m.name.clone())
                };
                let current = saved.as_ref().map(|saved| {
                    format!(
                        "Sie erhalten {} Nachrichten. {}",
                        saved.frequency.label(),
                        saved.choices.describe(&name_of)
                    )
                });
                let ticked = Ticked::of(note.as_ref(), saved.as_ref());
                let error = |field: &str| note.as_ref().and_then(|note| note.field_error(field));
                let town_choices: Vec<(String, String)> = municipalities
                    .iter()
                    .map(|m| (m.ags.clone(), m.name.clone()))
                    .collect();
                let topic_choices = Topic::ALL
                    .iter()
                    .map(|t| (t.code().to_string(), t.label().to_string()))
                    .collect::<Vec<_>>();
                let phase_choices = LifePhase::ALL
                    .iter()
                    .map(|p| (p.code().to_string(), p.label().to_string()))
                    .collect::<Vec<_>>();
                let frequency_choices = Frequency::ALL
                    .iter()
                    .map(|f| (f.code().to_string(), f.label().to_string()))
                    .collect::<Vec<_>>();
                let form = mail_ready.then(|| view! {
                    <form method="post" action=SaveSubscription::url() class="account-form subscription-form">
                        <ChoiceGroup field=FIELD_MUNICIPALITIES legend="Orte" hint="Keine Auswahl: alle Orte." choices=town_choices ticked=ticked.municipalities error=error(FIELD_MUNICIPALITIES) />
                        <ChoiceGroup field=FIELD_TOPICS legend="Themen" hint="Keine Auswahl: alle Themen." choices=topic_choices ticked=ticked.topics error=error(FIELD_TOPICS) />
                        <ChoiceGroup field=FIELD_PHASES legend="Lebensphasen" hint="Keine Auswahl: alle Lebensphasen." choices=phase_choices ticked=ticked.phases error=error(FIELD_PHASES) />
                        <ChoiceGroup field=FIELD_FREQUENCY legend="Wie oft?" hint="Eine E-Mail nur, wenn es etwas Neues gibt." choices=frequency_choices ticked=vec![ticked.frequency] error=error(FIELD_FREQUENCY) one=true />
                        <button type="submit">{if saved.is_some() { "Auswahl speichern" } else { "Nachrichten bestellen" }}</button>
                    </form>
                });
                let not_ready = (!mail_ready).then(|| view! {
                    <p class="note note-error" role="status">{crate::subscriptions::service::MAIL_NOT_SET_UP}</p>
                });
                view! {
                    <Title text="Nachrichten per E-Mail – Chancenkarte" />
                    <section class="account-page">
                        <h1>"Nachrichten per E-Mail"</h1>
                        <p>
                            "Neue oder geänderte Angebote für die Orte, Themen und Lebensphasen, die Sie wählen – täglich oder wöchentlich als E-Mail an die Adresse Ihres Kontos, mit Links zu den Angeboten. Jede E-Mail hat einen Link zum Abbestellen."
                        </p>
                        <NoteView note=note.clone() />
                        {not_ready}
                        {current.map(|text| view! { <p class="subscription-current">{text}</p> })}
                        {form}
                        {saved.is_some().then(|| view! {
                            <form method="post" action=EndSubscription::url() class="inline-form">
                                <button type="submit" class="secondary">"Nachrichten beenden"</button>
                            </form>
                        })}
                    </section>
                }
                    .into_any()
            })}
        </Suspense>
    }
}

/// The token in the page's query.
fn query_token() -> String {
    use_query_map().with_untracked(|query| query.get("token").unwrap_or_default())
}

/// `/nachrichten/abbestellen?token=…`: the link in every digest. One button; only its POST
/// ends the subscription (a link scanner's GET does nothing). A token that is not ours: 400.
#[component]
pub fn UnsubscribePage() -> impl IntoView {
    let token = query_token();
    let checked = crate::platform::state::app_state()
        .and_then(|state| crate::subscriptions::service::check_token(&state.form_secret, &token));
    view! {
        <Title text="Nachrichten abbestellen – Chancenkarte" />
        <section class="account-page">
            <h1>"Nachrichten abbestellen"</h1>
            {match checked {
                Ok(_) => view! {
                    <p>"Möchten Sie die Nachrichten der Chancenkarte über neue und geänderte Angebote nicht mehr per E-Mail erhalten?"</p>
                    <form method="post" action=crate::subscriptions::handlers::one_click_path(&token) class="account-form">
                        <button type="submit">"Nachrichten abbestellen"</button>
                    </form>
                }
                    .into_any(),
                Err(error) => {
                    crate::platform::response::set_status(error.status());
                    view! { <p class="note note-error" role="alert">{error.to_string()}</p> }.into_any()
                }
            }}
        </section>
    }
}

/// `/nachrichten/abbestellt`: after the button.
#[component]
pub fn UnsubscribedPage() -> impl IntoView {
    view! {
        <Title text="Abbestellt – Chancenkarte" />
        <section class="account-page">
            <h1>"Abbestellt"</h1>
            <p role="status">"Sie erhalten keine Nachrichten über neue und geänderte Angebote mehr."</p>
            <p>
                "Neu bestellen können Sie sie nach der Anmeldung unter " <a href=PAGE_PATH>"Nachrichten per E-Mail"</a> "."
            </p>
        </section>
    }
}
