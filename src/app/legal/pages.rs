//! One component for the three pages: each is a list of sections of
//! catalogue text, with the host's details filled in or shown as marked
//! placeholders.

use leptos::prelude::*;

use crate::app::platform::browser::fetch_text;
use crate::app::state::View;
use crate::domain::data::host::{read_host, HostDetails, FILE_NAME};
use crate::domain::rules::dates;
use crate::domain::rules::fields::{safe_href, LinkKind};

/// A host detail, or a placeholder that says what belongs there (`what`, in the UI language).
fn detail(value: Option<String>, what: &'static str) -> AnyView {
    match value {
        Some(value) => view! { <span class="host-detail">{value}</span> }.into_any(),
        None => {
            view! { <span class="placeholder" data-testid="placeholder">{move || tr!("legal.placeholder", what = what)}</span> }.into_any()
        }
    }
}

fn mail(value: Option<String>, what: &'static str) -> AnyView {
    match value.as_deref().and_then(|v| safe_href(LinkKind::Mail, v).map(|href| (v.to_owned(), href))) {
        Some((text, href)) => view! { <a href=href>{text}</a> }.into_any(),
        None => detail(None, what),
    }
}

/// A link from `betreiber.json`, already checked to be http(s) by `read_host`.
fn web_link(href: String, text: Option<String>) -> AnyView {
    let text = text.unwrap_or_else(|| href.clone());
    view! { <a href=href rel="noopener">{text}</a> }.into_any()
}

fn link(value: Option<String>, text: Option<String>, what: &'static str) -> AnyView {
    match value {
        Some(href) => web_link(href, text),
        None => detail(text, what),
    }
}

#[component]
pub fn LegalPage(page: View) -> impl IntoView {
    // The file as fetched (`Some(None)`: there is none); read when drawn,
    // so that its problems are listed in the language of the moment.
    let fetched = RwSignal::new(None::<Option<String>>);
    leptos::task::spawn_local(async move {
        fetched.set(Some(fetch_text(FILE_NAME).await));
    });
    let host = move || {
        fetched.get().map(|text| match text {
            Some(text) => read_host(&text),
            None => (HostDetails::default(), vec![tr!("host.missing", file = FILE_NAME)]),
        })
    };
    let title = move || match page {
        View::Privacy => t!("legal.privacy"),
        View::Imprint => t!("legal.imprint"),
        _ => t!("legal.accessibility"),
    };
    view! {
        <article class="legal-page" aria-labelledby="legal-title" data-testid="legal-page">
            <h2 id="legal-title" tabindex="-1">{title}</h2>
            {move || host().map(|(h, problems)| {
                let body = match page {
                    View::Privacy => privacy(h).into_any(),
                    View::Imprint => imprint(h).into_any(),
                    _ => accessibility(h).into_any() };
                view! {
                    {body}
                    {(!problems.is_empty()).then(|| view! {
                        <section class="hint host-problems" data-testid="host-problems">
                            <h3>{live!("legal.host_problems")}</h3>
                            <ul>{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                        </section>
                    })}
                }
            })}
        </article>
    }
}

fn accessibility(h: HostDetails) -> impl IntoView {
    let date = h.statement_date.as_deref().map(dates::show);
    view! {
        <p>{detail(h.body.clone(), t!("legal.what.body"))}" "{live!("legal.a11y.intro")}</p>
        <h3>{live!("legal.a11y.status_title")}</h3>
        <p>{live!("legal.a11y.status")}</p>
        <h3>{live!("legal.a11y.limits_title")}</h3>
        <ul>
            <li>{live!("legal.a11y.limit_picture")}</li>
            <li>{live!("legal.a11y.limit_images")}</li>
            <li>{live!("legal.a11y.limit_files")}</li>
        </ul>
        <h3>{live!("legal.a11y.method_title")}</h3>
        <p>{live!("legal.a11y.method")}" "{live!("legal.a11y.date")}" "{detail(date, t!("legal.what.date"))}</p>
        <h3>{live!("legal.a11y.feedback_title")}</h3>
        <p>{live!("legal.a11y.feedback")}" "{mail(h.feedback_email.or(h.email), t!("legal.what.feedback"))}</p>
        <h3>{live!("legal.a11y.enforcement_title")}</h3>
        <p>{live!("legal.a11y.enforcement")}" "{link(h.enforcement_url, h.enforcement_body, t!("legal.what.enforcement"))}</p>
    }
}

fn privacy(h: HostDetails) -> impl IntoView {
    view! {
        <h3>{live!("legal.privacy.responsible_title")}</h3>
        <p class="address">
            {detail(h.body, t!("legal.what.body"))}<br />
            {detail(h.address, t!("legal.what.address"))}<br />
            {mail(h.email, t!("legal.what.email"))}
        </p>
        <p>{live!("legal.privacy.officer")}" "{detail(h.data_protection_officer, t!("legal.what.officer"))}</p>
        <h3>{live!("legal.privacy.app_title")}</h3>
        <ul>
            <li>{live!("legal.privacy.local")}</li>
            <li>{live!("legal.privacy.nothing_sent")}</li>
            <li>{live!("legal.privacy.server_logs")}</li>
            <li>{live!("legal.privacy.files")}</li>
            <li>{live!("legal.privacy.delete")}</li>
        </ul>
    }
}

fn imprint(h: HostDetails) -> impl IntoView {
    view! {
        <p class="address">
            {detail(h.body, t!("legal.what.body"))}<br />
            {detail(h.address, t!("legal.what.address"))}
        </p>
        <p>{live!("legal.imprint.represented")}" "{detail(h.represented_by, t!("legal.what.represented"))}</p>
        <p>{live!("legal.imprint.contact")}" "{mail(h.email, t!("legal.what.email"))}{h.phone.map(|p| format!(" · {p}"))}</p>
        {h.impressum_url.map(|url| view! { <p>{live!("legal.imprint.full")}" "{web_link(url, None)}</p> })}
        <p class="muted">{live!("legal.imprint.software")}</p>
    }
}
