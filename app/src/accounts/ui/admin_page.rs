//! The account administration `/verwaltung` (admins only): invite members, change roles,
//! deactivate and reactivate accounts. Each action is a plain form posting to a server
//! function that checks the admin role again.

use crate::accounts::admin_endpoints::InviteMember;
use crate::accounts::admin_endpoints::SetActive;
use crate::accounts::admin_endpoints::SetRole;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;

use crate::accounts::auth::{current_viewer, require, take_note};
use crate::accounts::model::Role;
use crate::accounts::store::AccountRecord;
use crate::accounts::ui::account_pages::{AccessDenied, NoteView};

fn date_of(unix_secs: i64) -> String {
    chrono::DateTime::from_timestamp(unix_secs, 0)
        .map(|time| time.format("%d.%m.%Y").to_string())
        .unwrap_or_default()
}

fn role_options(selected: Role) -> impl IntoView {
    Role::ALL
        .iter()
        .map(|role| view! { <option value=role.code() selected=*role == selected>{role.label()}</option> })
        .collect_view()
}

#[component]
pub fn AdminPage() -> impl IntoView {
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                let note = take_note().await;
                let admin = match require(Role::Admin).await {
                    Ok(admin) => admin,
                    Err(_) => {
                        let viewer = current_viewer().await;
                        return view! { <AccessDenied viewer next="/verwaltung".to_string() /> }.into_any();
                    }
                };
                let accounts = crate::accounts::service::accounts().await.unwrap_or_default();
                view! {
                    <Title text="Verwaltung – Chancenkarte" />
                    <h1 class="page-title">"Verwaltung der Konten"</h1>
                    <NoteView note />
                    <section aria-labelledby="invite-heading" class="account-page">
                        <h2 id="invite-heading">"Person einladen"</h2>
                        <form method="post" action=InviteMember::url() class="account-form">
                            <label for="invite-name">"Name"</label>
                            <input id="invite-name" name="name" type="text" autocomplete="off" required />
                            <label for="invite-email">"E-Mail-Adresse"</label>
                            <input id="invite-email" name="email" type="email" autocomplete="off" required />
                            <label for="invite-role">"Rolle"</label>
                            <select id="invite-role" name="role">
                                {role_options(Role::Member)}
                            </select>
                            <button type="submit">"Einladungslink erstellen"</button>
                        </form>
                    </section>
                    <section aria-labelledby="accounts-heading">
                        <h2 id="accounts-heading">"Konten"</h2>
                        <div class="table-wrap">
                            <table class="accounts">
                                <thead>
                                    <tr>
                                        <th scope="col">"Name"</th>
                                        <th scope="col">"E-Mail"</th>
                                        <th scope="col">"Status"</th>
                                        <th scope="col">"Rolle"</th>
                                        <th scope="col">"Zugang"</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {accounts
                                        .into_iter()
                                        .map(|account| { let own = account.id == admin.id; view! { <AccountRow account own /> } })
                                        .collect_view()}
                                </tbody>
                            </table>
                        </div>
                    </section>
                }
                    .into_any()
            })}
        </Suspense>
    }
}

#[component]
fn AccountRow(account: AccountRecord, own: bool) -> impl IntoView {
    let status = if !account.active {
        "deaktiviert".to_string()
    } else if account.is_pending() {
        "eingeladen".to_string()
    } else {
        match account.last_login_at {
            Some(at) => format!("aktiv, zuletzt angemeldet {}", date_of(at)),
            None => "aktiv".to_string(),
        }
    };
    let id = account.id.to_string();
    let role_label_id = format!("role-of-{}", account.id);
    view! {
        <tr data-account-id=account.id>
            <td>{account.display_name.clone()}</td>
            <td>{account.email.clone()}</td>
            <td>{status}</td>
            <td>
                {if own {
                    view! { {account.role.label()} " (Ihr Konto)" }.into_any()
                } else {
                    view! {
                        <form method="post" action=SetRole::url() class="inline-form">
                            <input type="hidden" name="account_id" value=id.clone() />
                            <label class="visually-hidden" for=role_label_id.clone()>
                                {format!("Rolle von {}", account.display_name)}
                            </label>
                            <select id=role_label_id name="role">
                                {role_options(account.role)}
                            </select>
                            <button type="submit">"Rolle ändern"</button>
                        </form>
                    }
                        .into_any()
                }}
            </td>
            <td>
                {(!own)
                    .then(|| {
                        let (value, label) = if account.active {
                            ("false", format!("{} deaktivieren", account.display_name))
                        } else {
                            ("true", format!("{} reaktivieren", account.display_name))
                        };
                        view! {
                            <form method="post" action=SetActive::url() class="inline-form">
                                <input type="hidden" name="account_id" value=id.clone() />
                                <input type="hidden" name="active" value=value />
                                <button type="submit" aria-label=label.clone()>
                                    {if account.active { "Deaktivieren" } else { "Reaktivieren" }}
                                </button>
                            </form>
                        }
                    })}
            </td>
        </tr>
    }
}
